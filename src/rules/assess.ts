/**
 * The result of the guided check: verdict, a headline that starts with "Result:", the reasons
 * with their dates and sources, next steps and a summary of the answers.
 */
import { decide, uniqueSources } from './decide';
import { cleanFacts } from './facts';
import { nextStepsFor } from './nextSteps';
import { summarizeAnswers } from './answers';
import { assertToday } from './today';
import type { Assessment, RuleSet, ShipmentFacts } from './types';

/** The prefix people (and tests) look for to find the result at a glance. */
export const RESULT_PREFIX = 'Result: ';

/**
 * Assesses a shipment with whatever is known. Incomplete or "not sure" facts give
 * 'cannot-tell' with reasons saying what the result depends on — never a guess.
 *
 * @example
 * assess({ kind: 'purchase' }, rules, '2026-11-25').headline;
 * // 'Result: not duty-free — de minimis is suspended for all countries since 29 Aug 2025'
 * assess({ kind: 'gift', valueUsd: 80, contents: [], sameDayTotalUsd: 80 }, rules, '2026-11-25').headline;
 * // 'Result: duty-free as a gift'
 */
export function assess(facts: ShipmentFacts, rules: RuleSet, today: string): Assessment {
  assertToday(today);
  const clean = cleanFacts(facts, rules, today);
  const decision = decide(clean, rules, today);
  const verdict = decision.verdict === 'pending' ? 'cannot-tell' : decision.verdict;
  // Every reason cites something; one without a rule of its own cites the general sources.
  const reasons = (decision.reasons.length > 0 ? decision.reasons : [{ text: rules.reminder, sources: [] }]).map((r) => ({
    ...r,
    sources: r.sources.length > 0 ? r.sources : rules.generalSources,
  }));
  const steps = nextStepsFor(verdict, clean, rules, today);
  const sources = uniqueSources([...reasons.flatMap((r) => r.sources), ...steps.sources]);
  return {
    verdict,
    headline: `${RESULT_PREFIX}${decision.phrase}`,
    basis: decision.basis ?? rules.wording.basis,
    reasons,
    nextSteps: steps.steps,
    sources,
    rulesAsOf: rules.reviewed,
    entryDate: clean.entryDate,
    ...(clean.entryBetween ? { entryBetween: clean.entryBetween } : {}),
    answers: summarizeAnswers(clean, rules),
    dependsOn: verdict === 'cannot-tell' ? decision.dependsOn : [],
    reminder: rules.reminder,
  };
}

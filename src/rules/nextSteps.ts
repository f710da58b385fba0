/**
 * Practical next steps for an assessment: the rule file's `nextSteps` items for the result, how
 * dutiable goods enter on that date (`entry` rules), what always applies (`note` rules), a
 * caution for dates after the last review, and who to ask.
 */
import { displayDate, isWithin } from '../dates';
import { fillTemplate } from './format';
import type { CleanFacts } from './facts';
import { UNKNOWN, type Mode, type Rule, type RuleSet, type Source, type Verdict } from './types';

export interface NextSteps {
  steps: string[];
  sources: Source[];
}

/**
 * Next steps, in the order the rule file describes.
 *
 * @example
 * nextStepsFor('not-duty-free', { kind: 'purchase', mode: 'mail', entryDate: '2026-11-25', assumedToday: true }, rules, '2026-11-25').steps[0];
 * // 'Expect to pay duties, taxes and fees. …'
 */
export function nextStepsFor(verdict: Verdict, facts: CleanFacts, rules: RuleSet, today: string): NextSteps {
  const kind = facts.kind === UNKNOWN ? undefined : facts.kind;
  const date = facts.entryDate === UNKNOWN ? today : facts.entryDate;
  const forKind = (kinds: readonly string[] | undefined) => !kinds || !kind || kinds.includes(kind);
  const inForce = rules.rules.filter((r) => forKind(r.kinds) && isWithin(date, r.from, r.to));

  const items = rules.nextSteps.filter((s) => forKind(s.kinds));
  const forVerdict = items.filter((s) => s.when?.includes(verdict));
  const general = items.filter((s) => !s.when);
  const owesDuty = verdict !== 'duty-free' && kind !== 'traveler';
  const entries = owesDuty ? inForce.filter((r) => r.type === 'entry' && entryApplies(r, facts)) : [];
  const notes = inForce.filter((r) => r.type === 'note');
  const future =
    facts.entryDate !== UNKNOWN && facts.entryDate > rules.reviewed
      ? [{ text: fillTemplate(rules.wording.futureDate, { date: displayDate(facts.entryDate), reviewed: displayDate(rules.reviewed) }), sources: [] }]
      : [];

  const chosen = [
    ...forVerdict,
    ...entries.map((r) => ({ text: r.reason, sources: r.sources })),
    ...notes.map((r) => ({ text: r.reason, sources: r.sources })),
    ...future,
    ...general,
  ];
  return {
    steps: [...new Set(chosen.map((c) => c.text))],
    sources: chosen.flatMap((c) => c.sources),
  };
}

/**
 * Whether an `entry` rule fits what is known. With the mode unknown only the steps that hold for
 * every mode are shown: listing the mail and the courier procedures both made a verdict too long
 * to read on a phone, and the general step already says the carrier bills the duty.
 */
function entryApplies(rule: Rule, facts: CleanFacts): boolean {
  const modeKnown = facts.mode !== undefined && facts.mode !== UNKNOWN;
  const modeFits = !rule.modes || (modeKnown && rule.modes.includes(facts.mode as Mode));
  const originFits = !rule.countries || (typeof facts.origin === 'string' && rule.countries.includes(facts.origin));
  const contentsFit = !rule.contents || (Array.isArray(facts.contents) && rule.contents.some((id) => (facts.contents as string[]).includes(id)));
  return modeFits && originFits && contentsFit;
}

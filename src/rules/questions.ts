/**
 * The questions of the guided check: which fact to ask next (only one that can change the
 * result) and its wording from the rule file, filled in for this shipment.
 */
import { assertToday } from './today';
import { displayDate, isWithin } from '../dates';
import { decide } from './decide';
import { contentLabels } from './evaluate';
import { cleanFacts, type CleanFacts } from './facts';
import { fillTemplate, formatUsd } from './format';
import { UNKNOWN, type Choice, type FactKey, type Kind, type Question, type RuleSet, type ShipmentFacts } from './types';

/**
 * The one fact still needed to decide, or undefined when a result is possible. Never asks a
 * fact that already has an answer (including "not sure"), so a check asks at most one question
 * per fact.
 *
 * @example
 * nextQuestion({}, rules, '2026-11-25')?.fact; // 'kind'
 * nextQuestion({ kind: 'purchase' }, rules, '2026-11-25'); // undefined (suspended today: no value question)
 * nextQuestion({ kind: 'gift' }, rules, '2026-11-25')?.fact; // 'valueUsd'
 */
export function nextQuestion(facts: ShipmentFacts, rules: RuleSet, today: string): Question | undefined {
  assertToday(today);
  const clean = cleanFacts(facts, rules, today);
  const { nextFact } = decide(clean, rules, today);
  return nextFact ? questionFor(nextFact, facts, rules, today) : undefined;
}

/**
 * The question for any fact, worded for this shipment (also for "help", "back", or letting
 * someone change the entry date).
 *
 * @example
 * questionFor('splitOrder', { kind: 'purchase', entryDate: '2024-05-01' }, rules, '2026-11-25').prompt;
 * // 'Is this package one of several lots of a single order worth more than $800 in total, sent separately?'
 */
export function questionFor(fact: FactKey, facts: ShipmentFacts, rules: RuleSet, today: string): Question {
  assertToday(today);
  const clean = cleanFacts(facts, rules, today);
  const kind = clean.kind === UNKNOWN ? undefined : clean.kind;
  const base = rules.questions[fact];
  const variant = kind ? base.byKind?.[kind] : undefined;
  const contents = fact === 'contents' ? relevantContents(clean, kind, rules, today) : [];
  const values = {
    limit: limitFor(clean, kind, rules, today),
    date: clean.entryDate === UNKNOWN ? rules.wording.thatDay : displayDate(clean.entryDate),
    value: typeof clean.valueUsd === 'number' ? formatUsd(clean.valueUsd) : '',
    contents: contentLabels(contents, rules),
  };
  const choices: Choice[] | undefined =
    variant?.choices ??
    base.choices ??
    (fact === 'contents'
      ? [
          ...rules.contents.filter((c) => contents.includes(c.id)).map((c) => ({ label: c.label, value: c.id })),
          { label: rules.wording.noneOfThese, value: 'none' },
          { label: rules.wording.notSure, value: UNKNOWN },
        ]
      : undefined);
  const question: Question = {
    fact,
    prompt: fillTemplate(variant?.prompt ?? base.prompt, values),
    help: fillTemplate(variant?.help ?? base.help, values),
  };
  if (choices) question.choices = choices.map((c) => ({ ...c }));
  return question;
}

/** Content ids that some exclusion in force can act on (all of them when nothing narrows it). */
function relevantContents(facts: CleanFacts, kind: Kind | undefined, rules: RuleSet, today: string): string[] {
  const date = facts.entryDate === UNKNOWN ? today : facts.entryDate;
  const ids = rules.rules
    .filter((r) => r.type === 'excluded' && (!kind || r.kinds.includes(kind)) && isWithin(date, r.from, r.to))
    .flatMap((r) => r.contents ?? []);
  return ids.length > 0 ? [...new Set(ids)] : rules.contents.map((c) => c.id);
}

/** The limit that applies to this shipment as far as it is known, formatted ("$800"). */
function limitFor(facts: CleanFacts, kind: Kind | undefined, rules: RuleSet, today: string): string {
  if (!kind) return '';
  const date = facts.entryDate === UNKNOWN ? today : facts.entryDate;
  const limits = rules.rules.filter((r) => r.type === 'limit' && r.kinds.includes(kind) && isWithin(date, r.from, r.to));
  const origin = facts.origin;
  const limit = (typeof origin === 'string' && limits.find((r) => r.countries?.includes(origin))) || limits.find((r) => !r.countries) || limits[0];
  return limit?.maxUsd === undefined ? '' : formatUsd(limit.maxUsd);
}

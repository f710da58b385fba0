/**
 * The summary of what the person answered, for the end of the check ("Value: $50").
 */
import { countryName } from './countries';
import { displayDate } from '../dates';
import type { CleanFacts } from './facts';
import { fillTemplate, formatUsd, joinWords } from './format';
import { FACT_KEYS, UNKNOWN, type Answer, type FactKey, type RuleSet } from './types';

/**
 * One line per fact given (the entry date always, marked when today was assumed).
 *
 * @example
 * summarizeAnswers({ entryDate: '2026-11-25', assumedToday: true, kind: 'gift', valueUsd: 80 }, rules);
 * // [{ fact: 'entryDate', label: 'Entry date', value: '25 Nov 2026 (today; …)' },
 * //  { fact: 'kind', label: 'Kind of shipment', value: 'A gift sent to me' }, { fact: 'valueUsd', label: 'Value', value: '$80' }]
 */
export function summarizeAnswers(facts: CleanFacts, rules: RuleSet): Answer[] {
  const kind = facts.kind === UNKNOWN ? undefined : facts.kind;
  return FACT_KEYS.filter((fact) => facts[fact] !== undefined).map((fact) => ({
    fact,
    label: (kind && rules.questions[fact].byKind?.[kind]?.label) || rules.questions[fact].label,
    value: displayValue(fact, facts, rules),
  }));
}

/**
 * How one answer reads in the summary.
 *
 * @example
 * displayValue('origin', { origin: 'GU', … }, rules); // 'Guam'
 */
export function displayValue(fact: FactKey, facts: CleanFacts, rules: RuleSet): string {
  const w = rules.wording;
  const value = facts[fact];
  if (value === UNKNOWN) return w.notSure;
  const choiceLabel = (v: string) => rules.questions[fact].choices?.find((c) => c.value === v)?.label;
  switch (fact) {
    case 'entryDate': {
      const date = displayDate(facts.entryDate);
      return facts.assumedToday ? fillTemplate(w.assumedToday, { date }) : date;
    }
    case 'kind':
    case 'mode':
      return choiceLabel(String(value)) ?? String(value);
    case 'origin':
      return countryName(String(value));
    case 'valueUsd':
    case 'sameDayTotalUsd':
      return typeof value === 'number' ? formatUsd(value) : String(value);
    case 'splitOrder':
      return value === true ? w.yes : w.no;
    case 'contents': {
      const ids = Array.isArray(value) ? value : [];
      const labels = rules.contents.filter((c) => ids.includes(c.id)).map((c) => c.label);
      return labels.length ? joinWords(labels, w.and) : w.noneOfThese;
    }
    default:
      return String(value);
  }
}

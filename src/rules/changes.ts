/**
 * Where the rules change, so that a vague date ("in March 2025") can be used as it is when
 * nothing changed that month, and asked about precisely when something did.
 */
import { addDays } from '../dates';
import type { Kind, RuleSet } from './types';

/**
 * Days after `from` and up to `to` (inclusive) on which a rule that can change a result starts
 * or stops (next-step rules do not count). Optionally only rules for one kind.
 *
 * @example
 * rulesChangeBetween(rules, '2025-03-01', '2025-03-31'); // []
 * rulesChangeBetween(rules, '2025-08-01', '2025-08-31'); // ['2025-08-29']
 */
export function rulesChangeBetween(rules: RuleSet, from: string, to: string, kind?: Kind): string[] {
  const days = new Set<string>();
  for (const rule of rules.rules) {
    if (rule.type === 'entry' || rule.type === 'note' || (kind && !rule.kinds.includes(kind))) continue;
    for (const day of [rule.from, rule.to && addDays(rule.to, 1)]) {
      if (day && day > from && day <= to) days.add(day);
    }
  }
  return [...days].sort();
}

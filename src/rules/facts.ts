/**
 * Cleans up facts before the engine looks at them, so that odd input (from stored state, a
 * caller's bug, or a property test) never throws: anything not understood counts as
 * "I don't know" rather than being guessed at.
 */
import { isIsoDate } from '../dates';
import { isCountryCode } from './countries';
import { KINDS, MODES, UNKNOWN, type Kind, type Mode, type RuleSet, type ShipmentFacts, type Unknown } from './types';

/** Facts after clean-up: `entryDate` is always set (today when it was missing). */
export interface CleanFacts extends Omit<ShipmentFacts, 'entryDate'> {
  entryDate: string | Unknown;
  /** True when the entry date was not given and today is assumed. */
  assumedToday: boolean;
}

/**
 * Valid values kept, missing ones left missing, everything else turned into 'unknown'.
 *
 * @example
 * cleanFacts({ valueUsd: -5, origin: 'gb' }, rules, '2026-11-25');
 * // { entryDate: '2026-11-25', assumedToday: true, valueUsd: 'unknown', origin: 'GB' }
 */
export function cleanFacts(facts: ShipmentFacts | null | undefined, rules: RuleSet, today: string): CleanFacts {
  const f: Partial<Record<keyof ShipmentFacts, unknown>> = facts && typeof facts === 'object' ? facts : {};
  const clean: CleanFacts = { entryDate: today, assumedToday: true };
  if (f.entryDate !== undefined) {
    clean.entryDate = isIsoDate(f.entryDate) ? f.entryDate : UNKNOWN;
    clean.assumedToday = false;
  }
  const between = f.entryBetween as { from?: unknown; to?: unknown } | undefined;
  if (clean.entryDate === UNKNOWN && between && isIsoDate(between.from) && isIsoDate(between.to) && between.from <= between.to) clean.entryBetween = { from: between.from, to: between.to };
  if (f.kind !== undefined) clean.kind = oneOf<Kind>(f.kind, KINDS);
  if (f.mode !== undefined) clean.mode = oneOf<Mode>(f.mode, MODES);
  if (f.origin !== undefined) {
    const code = typeof f.origin === 'string' ? f.origin.toUpperCase() : '';
    clean.origin = isCountryCode(code) ? code : UNKNOWN;
  }
  if (f.valueUsd !== undefined) clean.valueUsd = amount(f.valueUsd);
  if (f.sameDayTotalUsd !== undefined) clean.sameDayTotalUsd = amount(f.sameDayTotalUsd);
  if (f.contents !== undefined) clean.contents = contentIds(f.contents, rules);
  if (f.splitOrder !== undefined) clean.splitOrder = typeof f.splitOrder === 'boolean' ? f.splitOrder : UNKNOWN;
  return clean;
}

function oneOf<T extends string>(value: unknown, allowed: readonly T[]): T | Unknown {
  return allowed.includes(value as T) ? (value as T) : UNKNOWN;
}

function amount(value: unknown): number | Unknown {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : UNKNOWN;
}

/** Content ids the rule file knows; a list with anything else in it is not trusted. */
function contentIds(value: unknown, rules: RuleSet): string[] | Unknown {
  if (!Array.isArray(value)) return UNKNOWN;
  const known = new Set(rules.contents.map((c) => c.id));
  return value.every((id) => typeof id === 'string' && known.has(id)) ? [...new Set(value as string[])] : UNKNOWN;
}

/**
 * The engine never reads the clock: callers pass `today`. A malformed `today` is a programming
 * error, reported loudly rather than silently answered for the wrong day.
 */
import { isIsoDate } from '../dates';

/**
 * Throws a TypeError unless `today` is a real YYYY-MM-DD date.
 *
 * @example
 * assertToday('2026-11-25'); // ok
 * assertToday('25/11/2026'); // throws TypeError
 */
export function assertToday(today: string): void {
  if (!isIsoDate(today)) throw new TypeError(`today must be a YYYY-MM-DD date (U.S. Eastern), got ${JSON.stringify(today)}`);
}

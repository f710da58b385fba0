/**
 * Time for the bot. Rules are keyed to calendar dates in U.S. Eastern time, and tests must give
 * the same results in 2027 as today, so everything that needs "now" takes a `Clock`.
 */
export type Clock = () => Date;

/** The real clock. */
export const systemClock: Clock = () => new Date();

/**
 * The only module that reads the wall clock (a guard test, test/clock-guard.test.ts, keeps it
 * so): everything else takes a `Clock`, so references, dates in emails and records, staff
 * reports and rate-limit windows follow the bot's clock, whatever it is set to.
 */

/**
 * A clock that starts at a date (noon U.S. Eastern) and then runs at the real pace, for
 * `TODAY=` in configuration: the bot answers as on that date, while retries, rate-limit windows
 * and leases still see time pass.
 *
 * @example
 * runningClock('2027-07-15')().toISOString(); // '2027-07-15T17:00:00.000Z' at first, then later as time passes
 */
export function runningClock(isoDateOrInstant: string, real: Clock = systemClock): Clock {
  const start = fixedClock(isoDateOrInstant)().getTime();
  const startedAt = real().getTime();
  return () => new Date(start + (real().getTime() - startedAt));
}

/**
 * A clock stopped at one instant, for tests.
 *
 * @example
 * fixedClock('2026-11-25')().toISOString(); // '2026-11-25T17:00:00.000Z' (noon Eastern)
 */
export function fixedClock(isoDateOrInstant: string): Clock {
  const instant = /^\d{4}-\d{2}-\d{2}$/.test(isoDateOrInstant) ? `${isoDateOrInstant}T17:00:00Z` : isoDateOrInstant;
  const at = new Date(instant);
  if (Number.isNaN(at.getTime())) throw new Error(`not a date: ${isoDateOrInstant}`);
  return () => new Date(at.getTime());
}

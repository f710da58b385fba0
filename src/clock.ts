/**
 * Time for the bot. Rules are keyed to calendar dates in U.S. Eastern time, and tests must give
 * the same results in 2027 as today, so everything that needs "now" takes a `Clock`.
 */
export type Clock = () => Date;

/** The real clock. */
export const systemClock: Clock = () => new Date();

/**
 * A clock stopped at one instant, for tests and for `TODAY=` in configuration.
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

const easternParts = new Intl.DateTimeFormat('en-CA', { timeZone: 'America/New_York', year: 'numeric', month: '2-digit', day: '2-digit' });

/**
 * The calendar date (YYYY-MM-DD) of an instant in U.S. Eastern time.
 *
 * @example
 * easternDate(new Date('2025-08-29T04:01:00Z')); // '2025-08-29' (12:01 a.m. EDT)
 * easternDate(new Date('2025-08-29T03:59:00Z')); // '2025-08-28'
 */
export function easternDate(at: Date): string {
  return easternParts.format(at);
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * A date as people read it in every country: "25 Nov 2026" (never 11/25/26).
 *
 * @example
 * displayDate('2026-11-25'); // '25 Nov 2026'
 */
export function displayDate(isoDate: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(isoDate);
  if (!m) return isoDate;
  return `${Number(m[3])} ${MONTHS[Number(m[2]) - 1]} ${m[1]}`;
}

/**
 * Calendar dates as YYYY-MM-DD strings. Rules and entries are calendar days in U.S. Eastern
 * time, so date arithmetic is done on UTC midnights and never on the machine's time zone.
 */

const DAY_MS = 86_400_000;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * Whether `text` is a real calendar date written YYYY-MM-DD.
 *
 * @example
 * isIsoDate('2025-08-29'); // true
 * isIsoDate('2025-02-30'); // false
 */
export function isIsoDate(text: unknown): text is string {
  if (typeof text !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const [y, m, d] = text.split('-').map(Number);
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/**
 * The YYYY-MM-DD for a year, month (1–12) and day.
 *
 * @example
 * isoDate(2025, 3, 1); // '2025-03-01'
 */
export function isoDate(year: number, month: number, day: number): string {
  return new Date(Date.UTC(year, month - 1, day)).toISOString().slice(0, 10);
}

/**
 * The date `days` days after (or before, if negative) `date`.
 *
 * @example
 * addDays('2025-08-28', 1); // '2025-08-29'
 */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/**
 * The same calendar day `years` years later (29 Feb becomes 28 Feb).
 *
 * @example
 * addYears('2026-11-25', 1); // '2027-11-25'
 */
export function addYears(date: string, years: number): string {
  const [y, m, d] = date.split('-').map(Number);
  const lastDay = new Date(Date.UTC(y + years, m, 0)).getUTCDate();
  return isoDate(y + years, m, Math.min(d, lastDay));
}

/**
 * The last day of the month of `date`.
 *
 * @example
 * endOfMonth('2025-02-10'); // '2025-02-28'
 */
export function endOfMonth(date: string): string {
  const [y, m] = date.split('-').map(Number);
  return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
}

/**
 * Whether `date` falls in the inclusive range; a missing bound is open.
 *
 * @example
 * isWithin('2025-08-29', '2025-08-29', undefined); // true
 * isWithin('2016-03-10', undefined, '2016-03-09'); // false
 */
export function isWithin(date: string, from: string | undefined, to: string | undefined): boolean {
  return (from === undefined || date >= from) && (to === undefined || date <= to);
}

/**
 * A date the way people read it, never ambiguous for international readers.
 *
 * @example
 * formatDate('2025-08-29'); // '29 Aug 2025'
 */
export function formatDate(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  return `${d} ${MONTHS[m - 1]} ${y}`;
}

/**
 * Today's calendar date in U.S. Eastern time for an instant — what callers pass as `today`.
 *
 * @example
 * todayInEastern(new Date('2026-11-26T03:00:00Z')); // '2026-11-25' (still the 25th in New York)
 */
export function todayInEastern(now: Date): string {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone: 'America/New_York', year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(now);
  const part = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return isoDate(part('year'), part('month'), part('day'));
}

/**
 * Calendar dates as YYYY-MM-DD strings, in one place for the whole bot (rules, knowledge
 * versions, staff reports, replies). Rules, documents and reports are U.S. Eastern calendar days,
 * so arithmetic is done on UTC midnights and never on the machine's time zone; the one bridge
 * from an instant to a calendar day is {@link easternDate}.
 *
 * Reading "now" is not done here: that is `src/clock.ts`'s job (callers pass a date or an instant).
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
 * The day halfway between two dates (rounded down): the day that stands for a period.
 *
 * @example
 * middleOf('2025-05-01', '2025-05-31'); // '2025-05-16'
 */
export function middleOf(from: string, to: string): string {
  return addDays(from, Math.floor(daysBetween(from, to) / 2));
}

/**
 * The date `days` days after (or before, if negative) `date`.
 *
 * @example
 * addDays('2025-08-28', 1);  // '2025-08-29'
 * addDays('2026-03-01', -1); // '2026-02-28'
 */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/**
 * The day after `date`.
 *
 * @example
 * nextDay('2027-06-30'); // '2027-07-01'
 */
export function nextDay(date: string): string {
  return addDays(date, 1);
}

/**
 * Whole days from one YYYY-MM-DD date to another.
 *
 * @example
 * daysBetween('2026-05-29', '2026-11-25'); // 180
 */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
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
 * A date as people read it in every country: "25 Nov 2026" (never 11/25/26). Takes a date or
 * the start of an ISO instant; anything else is returned as it is.
 *
 * @example
 * displayDate('2026-11-25');           // '25 Nov 2026'
 * displayDate('2026-11-25T17:00:00Z'); // '25 Nov 2026'
 */
export function displayDate(isoDate: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(isoDate);
  if (!m) return isoDate;
  return `${Number(m[3])} ${MONTHS[Number(m[2]) - 1]} ${m[1]}`;
}

// en-CA writes dates as YYYY-MM-DD; one formatter, reused (staff reports call this per record).
const easternParts = new Intl.DateTimeFormat('en-CA', { timeZone: 'America/New_York', year: 'numeric', month: '2-digit', day: '2-digit' });

/**
 * The calendar date (YYYY-MM-DD) of an instant in U.S. Eastern time: what callers pass as `today`.
 *
 * @example
 * easternDate(new Date('2025-08-29T04:01:00Z')); // '2025-08-29' (12:01 a.m. EDT)
 * easternDate(new Date('2026-11-26T03:00:00Z')); // '2026-11-25' (still the 25th in New York)
 */
export function easternDate(at: Date): string {
  const ms = at.getTime();
  const hour = Math.floor(ms / HOUR_MS);
  // Since 1970 U.S. Eastern time has been UTC minus whole hours, changing on the hour, so its
  // date cannot change within an hour of UTC: the last hour's answer stands (formatting is the
  // costly part, and a turn asks several times).
  if (hour === lastEastern.hour) return lastEastern.date;
  const date = easternParts.format(at);
  if (ms >= 0) lastEastern = { hour, date };
  return date;
}

const HOUR_MS = 3_600_000;
/** The last hour (whole hours since 1970, UTC) easternDate formatted, and its date. */
let lastEastern: { hour: number; date: string } = { hour: Number.NaN, date: '' };

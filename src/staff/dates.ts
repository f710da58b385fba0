/**
 * Calendar-date arithmetic for staff reports. Days are U.S. Eastern calendar dates
 * (YYYY-MM-DD), the same days the rules and the CBP office use.
 */
import { addDays, displayDate, easternDate } from '../dates';
import { catalog, fill } from '../messages';

/** An inclusive range of Eastern calendar dates. */
export interface DateWindow {
  from: string;
  to: string;
}

/**
 * The last `days` Eastern calendar dates up to and including the date of `now`.
 *
 * @example
 * lastDays(new Date('2026-11-25T17:00:00Z'), 7); // { from: '2026-11-19', to: '2026-11-25' }
 */
export function lastDays(now: Date, days: number): DateWindow {
  const to = easternDate(now);
  return { from: addDays(to, -(Math.max(1, Math.floor(days)) - 1)), to };
}

/**
 * The Eastern calendar date of an ISO timestamp, or undefined when it is not a valid time.
 *
 * @example
 * easternDayOf('2026-11-26T03:30:00Z'); // '2026-11-25' (10:30 p.m. EST)
 */
export function easternDayOf(isoInstant: string): string | undefined {
  const at = new Date(isoInstant);
  return Number.isNaN(at.getTime()) ? undefined : easternDate(at);
}

/**
 * Whether an ISO timestamp falls on a date inside the window.
 *
 * @example
 * inWindow('2026-11-20T12:00:00Z', { from: '2026-11-19', to: '2026-11-25' }); // true
 */
export function inWindow(isoInstant: string, window: DateWindow): boolean {
  const day = easternDayOf(isoInstant);
  return day !== undefined && day >= window.from && day <= window.to;
}

/**
 * A window as people read it.
 *
 * @example
 * windowLabel({ from: '2026-11-19', to: '2026-11-25' }); // '19 Nov to 25 Nov 2026'
 */
export function windowLabel(window: DateWindow): string {
  const to = displayDate(window.to);
  if (window.from === window.to) return to;
  const from = displayDate(window.from);
  // Drop the first year when both ends share it: "19 Nov to 25 Nov 2026".
  return fill(catalog().staff.dateRange, { from: window.from.slice(0, 4) === window.to.slice(0, 4) ? from.replace(/ \d{4}$/, '') : from, to });
}

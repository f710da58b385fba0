/**
 * chrono-node, loaded when the first date is read rather than at start (issue 15: about 270
 * modules and a few hundred milliseconds of a cold start that only date questions need).
 */
import type * as Chrono from 'chrono-node';

let loaded: typeof Chrono | undefined;

/**
 * The chrono-node module, required on first call.
 *
 * @example
 * chrono().parse('sent on 3 March', new Date(Date.UTC(2026, 2, 10, 12)), { forwardDate: false });
 */
export function chrono(): typeof Chrono {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (loaded ??= require('chrono-node') as typeof Chrono);
}

/**
 * Words without which no date is found: a digit, a month or weekday name, a day word ("today",
 * "tonight") or a relative one ("last", "next", "ago", "later"), a unit of time ("for two
 * weeks"), a season or a holiday ("in summer", "around Christmas", read beside chrono). Most
 * questions have none, and parsing them costs more than the rest of reading a shipment; a test
 * checks that every date chrono finds in the development sets and keeps passes. "Morning",
 * "afternoon" and "evening" alone are no date ("the same afternoon"; datesIn drops them), so they
 * do not call chrono by themselves: it took a third of the time of such a message.
 */
const MAY_HOLD_DATE =
  /\d|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|january|february|march|april|june|july|august|september|october|november|december|mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun|monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|tonight|tomorrow|tmr|yesterday|ago|last|next|this|later|earlier|noon|midnight|weekend|day|days|week|weeks|fortnight|month|months|year|years|now|spring|summer|fall|autumn|christmas|xmas|thanksgiving)\b/i;

/**
 * Whether chrono-node could find a date in a text at all (see {@link MAY_HOLD_DATE}).
 *
 * @example
 * mayHoldDate('it arrived last Tuesday'); // true
 * mayHoldDate('do I owe duty on a gift from my aunt'); // false
 */
export function mayHoldDate(text: string): boolean {
  return MAY_HOLD_DATE.test(text);
}

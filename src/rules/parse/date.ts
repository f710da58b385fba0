/**
 * Entry dates as people type them, relative to an injected `today` (a U.S. Eastern calendar
 * date). chrono-node reads the words; the reference instant is noon UTC on `today` with a UTC
 * offset, so the machine's time zone never shifts a day.
 */
import { chrono } from './chrono';
import { addDays, addYears, endOfMonth, displayDate, isIsoDate, isoDate, middleOf } from '../../dates';
import { catalog, fill } from '../../messages';
import type { DayRange } from '../types';

const { eligibility: words } = catalog();

export type ParsedDate =
  | {
      ok: true;
      date: string;
      /** Set when only a month or a year was given: the days it could be, and the one used. */
      approximate?: DayRange;
      note?: string;
    }
  | { ok: false; reason: string };

const TODAY_WORDS = /^(today|now|right now|this morning|this afternoon|tonight|earlier today)$/;
/** Words that put a date in the past ("arrived in May"). */
export const PAST_TENSE = /\b(arrived|came|got|received|was|were|did|delivered|paid|ordered|bought|shipped|last|ago)\b/;
const NUMERIC = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})$/;
const ISO_LIKE = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;
const YEAR_ONLY = /^(?:in |during )?(?:the year )?(?:(early|mid|late)[- ]?)?((?:19|20)\d{2})$/;
/** The months a part of a year covers ("late 2025": September to December). */
const PART_OF_YEAR_MONTHS: Record<string, [number, number]> = { early: [1, 4], mid: [5, 8], late: [9, 12] };
const EARLIEST = '1900-01-01';
/** The months as their first three letters, January first. */
export const MONTH_ABBREVIATIONS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'] as const;
const MONTHS = MONTH_ABBREVIATIONS.join('|');
/**
 * Part of a month, as people say it when they do not know the day: "early May", "mid-August",
 * "the end of April", "the first week of September". Chrono reads "end of April" as the 30th and
 * "early May" as all of May; the words say about a third of a month.
 */
export const PART_OF_MONTH = new RegExp(
  `\\b(?:(early|mid|late)[\\s-]+|(?:the\\s+)?(?:very\\s+)?(start|beginning|middle|end)\\s+of\\s+|(?:the\\s+)?(first|last)\\s+(?:week|few days|days)\\s+of\\s+)(?:the\\s+month\\s+of\\s+)?((?:${MONTHS})[a-z]*)\\.?(?:,?\\s+((?:19|20)\\d{2}))?\\b`,
  'gi',
);
/**
 * A season, as people date a parcel they cannot place closer: "last summer", "in the fall of
 * 2025", "this spring"; always with "last/this/next", a year or "in" ("does it fall under the
 * limit" names no season). Winter spans two years, and people rarely date a parcel by it.
 */
export const SEASON =
  /\b(?:(?:the\s+)?(last|this|next|past)\s+(spring|summer|fall|autumn)(?:\s+(?:of\s+)?((?:19|20)\d{2}))?|(?:(?:in|during|over|around)\s+)?(?:the\s+)?(spring|summer|fall|autumn)\s+(?:of\s+)?((?:19|20)\d{2})|(?:in|during|over|around)\s+(?:the\s+)?(spring|summer|fall|autumn))\b/gi;
/** Each season's first and last month (1 = January). */
const SEASON_MONTHS: Record<string, [number, number]> = { spring: [3, 5], summer: [6, 8], fall: [9, 11], autumn: [9, 11] };

/** Which days each part of a month covers: [first day, last day], 0 for the month's last. */
const PART_DAYS: Record<string, [number, number]> = {
  early: [1, 10], start: [1, 10], beginning: [1, 10], first: [1, 7],
  mid: [11, 20], middle: [11, 20],
  late: [21, 0], end: [21, 0], last: [-6, 0],
};

/**
 * A date, or why it could not be used. Future dates are allowed up to one year ahead. A month
 * without a year that is still to come is read as last year's when `hint.pastTense` (or the
 * text itself) says the goods already arrived.
 *
 * @example
 * parseDate('yesterday', '2026-11-25'); // { ok: true, date: '2026-11-24' }
 * parseDate('1 March 2025', '2026-11-25'); // { ok: true, date: '2025-03-01' }
 * parseDate('in March 2025', '2026-11-25');
 * // { ok: true, date: '2025-03-15', approximate: { from: '2025-03-01', to: '2025-03-31' }, note: 'I used 15 Mar 2025, the middle of March 2025.' }
 * parseDate('03/04/2025', '2026-11-25'); // { ok: false, reason: 'Did you mean 4 Mar 2025 or 3 Apr 2025? …' }
 * parseDate('mid-August 2025', '2026-11-25');
 * // { ok: true, date: '2025-08-15', approximate: { from: '2025-08-11', to: '2025-08-20' }, note: 'I used 15 Aug 2025, for mid-August 2025.' }
 *
 * `hint.year` is the year to read a month or a part of one in when the text gives none ("the
 * start of May", "in April", in a message that said "March 2025" before).
 */
export function parseDate(text: string, today: string, hint: { pastTense?: boolean; year?: number } = {}): ParsedDate {
  const t = withDatesNamed(text.trim().toLowerCase().replace(/\s+/g, ' ').replace(/[.!?]+$/, ''), today);
  if (!t) return { ok: false, reason: words.dateEmpty };
  if (TODAY_WORDS.test(t)) return { ok: true, date: today };
  const pastTense = hint.pastTense ?? PAST_TENSE.test(t);
  const parsed = parseIsoLike(t) ?? parseNumeric(t) ?? parseYear(t) ?? parsePartOfMonth(t, text.trim(), today, pastTense, hint.year) ?? parseSeason(t, text.trim(), today, pastTense, hint.year) ?? parseWords(t, today, pastTense, hint.year);
  return parsed.ok ? withinRange(parsed, today) : parsed;
}

const NUMBER_WORDS: Record<string, number> = { a: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10 };
/**
 * Holidays people date parcels by, as the part of the month they fall in (chrono knows none of
 * them), and the part for "before" the holiday: "the week before Christmas last year" is mid
 * December 2025. A holiday is a date only after "around", "before", "at" and the like, or with a
 * year ("Christmas 2025"): "Christmas cookies" and "a gift for Christmas" date nothing.
 */
const HOLIDAYS: ReadonlyArray<readonly [name: string, part: string, before: string]> = [
  [String.raw`(?:christmas|xmas)(?:\s+(?:day|eve|time))?(?!\s+island)`, 'late December', 'mid December'],
  [String.raw`(?:thanksgiving|black friday|cyber monday)`, 'late November', 'late November'],
  [String.raw`new\s+year'?s?(?:\s+(?:day|eve))?(?!\s+(?:resolution|sale|party))`, 'early January', 'late December'],
];
const HOLIDAY_PATTERNS = HOLIDAYS.map(([name, part, before]) => ({
  re: new RegExp(
    String.raw`\b(?:(?:(?:the\s+)?(?:week|days?|weekend)\s+(before|after)|(around|near|just before|just after|right before|right after|before|after|over|at|on))\s+${name}\b|${name}\b(?=,?\s+(?:(?:19|20)\d{2}|last year|this year|next year)\b))`,
    'gi',
  ),
  alone: new RegExp(String.raw`^${name}$`, 'i'),
  part,
  before,
}));

/**
 * A text with the holidays it names as dates written as parts of months, which the date readers
 * know; a text that is nothing but a holiday (typed as the date) is that holiday.
 *
 * @example
 * withHolidaysAsMonths('it came the week before Christmas last year'); // 'it came mid December last year'
 * withHolidaysAsMonths('my aunt baked Christmas cookies');              // unchanged
 */
export function withHolidaysAsMonths(text: string): string {
  for (const h of HOLIDAY_PATTERNS) if (h.alone.test(text.trim())) return h.part;
  return HOLIDAY_PATTERNS.reduce((t, h) => t.replace(h.re, (_, week?: string, preposition?: string) => (/before/i.test(week ?? preposition ?? '') ? h.before : h.part)), text);
}

/** A year named relative to today, with the month or the preposition before it, if any. */
const RELATIVE_YEAR = new RegExp(
  `\\b(?:((?:${MONTHS})[a-z]*\\.?)\\s+(?:of\\s+)?|(in|of|during)\\s+)?(?:(?:the\\s+)?year\\s+before\\s+(last)|(last|this|next)\\s+year|(\\d{1,2}|a|one|two|three|four|five|six|seven|eight|nine|ten)\\s+years?\\s+ago)\\b`,
  'gi',
);
/** "2025 in March", "2025, in March" (after "last year in March" is named): the month first. */
const YEAR_THEN_MONTH = new RegExp(`\\b((?:19|20)\\d{2}),?\\s+(?:in\\s+)?((?:${MONTHS})[a-z]*)\\b(?!\\s+\\d)`, 'gi');

/**
 * A text with the years people name relative to today written as numbers, so that the date
 * readers see them: chrono reads "March last year" as this March, and "last year in March" or
 * "two years ago" as nothing. `today` is YYYY-MM-DD from the injected clock.
 *
 * @example
 * withYearsNamed('it came in March last year', '2026-12-02');      // 'it came in March 2025'
 * withYearsNamed('last year in March my aunt sent', '2026-12-02'); // 'in March 2025 my aunt sent'
 * withYearsNamed('I ordered it two years ago', '2026-12-02');     // 'I ordered it in 2024'
 */
export function withYearsNamed(text: string, today: string): string {
  const year = Number(today.slice(0, 4));
  const shift: Record<string, number> = { last: -1, this: 0, next: 1 };
  const named = text.replace(RELATIVE_YEAR, (_, month?: string, preposition?: string, beforeLast?: string, which?: string, ago?: string) => {
    const n = beforeLast ? year - 2 : which ? year + shift[which.toLowerCase()] : year - (NUMBER_WORDS[ago!.toLowerCase()] ?? Number(ago));
    return month ? `${month} ${n}` : `${preposition ?? 'in'} ${n}`;
  });
  return named === text ? text : named.replace(YEAR_THEN_MONTH, (_, y: string, month: string) => `${month} ${y}`);
}

/**
 * A text with its holidays and its years named from today written as the date readers know them
 * ({@link withHolidaysAsMonths}, then {@link withYearsNamed}): what every reader of dates reads.
 *
 * @example
 * withDatesNamed('the week before Christmas last year', '2026-12-02'); // 'mid December 2025'
 */
export function withDatesNamed(text: string, today: string): string {
  return withYearsNamed(withHolidaysAsMonths(text), today);
}

function parseIsoLike(t: string): ParsedDate | undefined {
  const m = ISO_LIKE.exec(t);
  if (!m) return undefined;
  const date = `${m[1]}-${m[2].padStart(2, '0')}-${m[3].padStart(2, '0')}`;
  return isIsoDate(date) ? { ok: true, date } : { ok: false, reason: fill(words.dateNotReal, { text: t }) };
}

/** 3/4/2025 means 4 March in the U.S. and 3 April in most other places, so it is asked, not guessed. */
function parseNumeric(t: string): ParsedDate | undefined {
  const m = NUMERIC.exec(t);
  if (!m) return undefined;
  const [a, b] = [Number(m[1]), Number(m[2])];
  const year = m[3].length === 2 ? 2000 + Number(m[3]) : Number(m[3]);
  const real = (month: number, day: number) => month >= 1 && month <= 12 && day >= 1 && day <= Number(endOfMonth(isoDate(year, month, 1)).slice(8));
  const candidates = [
    { month: a, day: b },
    { month: b, day: a },
  ].filter(({ month, day }) => real(month, day));
  const dates = [...new Set(candidates.map(({ month, day }) => isoDate(year, month, day)))];
  if (dates.length === 1) return { ok: true, date: dates[0] };
  if (dates.length === 0) return { ok: false, reason: fill(words.dateNotRealNumeric, { text: t }) };
  return { ok: false, reason: fill(words.dateAmbiguous, { first: displayDate(dates[0]), second: displayDate(dates[1]) }) };
}

function parseYear(t: string): ParsedDate | undefined {
  const m = YEAR_ONLY.exec(t);
  if (!m) return undefined;
  const year = Number(m[2]);
  if (m[1]) {
    const [first, last] = PART_OF_YEAR_MONTHS[m[1].toLowerCase()];
    const from = isoDate(year, first, 1);
    const date = isoDate(year, first + 2, 1);
    return { ok: true, date, approximate: { from, to: endOfMonth(isoDate(year, last, 1)) }, note: fill(words.datePartOfMonth, { date: displayDate(date), said: t }) };
  }
  return {
    ok: true,
    date: isoDate(year, 7, 1),
    approximate: { from: isoDate(year, 1, 1), to: isoDate(year, 12, 31) },
    note: fill(words.dateMiddleOfYear, { date: displayDate(isoDate(year, 7, 1)), year }),
  };
}

/** "early May 2025", "the end of April": the days that part of the month covers, and its middle day. */
function parsePartOfMonth(t: string, said: string, today: string, pastTense: boolean, yearHint?: number): ParsedDate | undefined {
  PART_OF_MONTH.lastIndex = 0;
  const m = PART_OF_MONTH.exec(t);
  if (!m || m.index !== 0 || m[0].length !== t.length) return undefined;
  const month = MONTH_ABBREVIATIONS.indexOf(m[4].slice(0, 3).toLowerCase() as (typeof MONTH_ABBREVIATIONS)[number]) + 1;
  const [y, thisMonth] = today.split('-').map(Number);
  let year = m[5] ? Number(m[5]) : (yearHint ?? y);
  if (!m[5] && yearHint === undefined && pastTense && month > thisMonth) year -= 1;
  const last = Number(endOfMonth(isoDate(year, month, 1)).slice(8));
  const [a, b] = PART_DAYS[(m[1] ?? m[2] ?? m[3]).toLowerCase()];
  const from = isoDate(year, month, a > 0 ? a : last + a);
  const to = isoDate(year, month, b > 0 ? b : last);
  const date = middleOf(from, to);
  return { ok: true, date, approximate: { from, to }, note: fill(words.datePartOfMonth, { date: displayDate(date), said }) };
}

/**
 * "last summer", "the fall of 2025": the months of that season, and its middle day. Without a
 * year, "last" (or a past tense) is the latest season begun by today, "next" the next one to begin.
 */
function parseSeason(t: string, said: string, today: string, pastTense: boolean, yearHint?: number): ParsedDate | undefined {
  SEASON.lastIndex = 0;
  const found = SEASON.exec(t);
  const m = found && found.index === 0 && found[0].length === t.length ? found : undefined;
  // Typed alone as the date ("summer"), the season needs no "in".
  const bare = /^(spring|summer|fall|autumn)$/.exec(t);
  if (!m && !bare) return undefined;
  const name = (m ? (m[2] ?? m[4] ?? m[6]) : bare![1]).toLowerCase();
  const yearSaid = m?.[3] ?? m?.[5];
  const [first, last] = SEASON_MONTHS[name];
  const [y, thisMonth] = today.split('-').map(Number);
  const which = m?.[1]?.toLowerCase();
  let year = yearSaid ? Number(yearSaid) : (yearHint ?? y);
  if (!yearSaid && yearHint === undefined) {
    if ((which === 'last' || which === 'past' || (!which && pastTense)) && first > thisMonth) year -= 1;
    if (which === 'next' && first <= thisMonth) year += 1;
  }
  const from = isoDate(year, first, 1);
  const to = endOfMonth(isoDate(year, last, 1));
  const date = middleOf(from, to);
  return { ok: true, date, approximate: { from, to }, note: fill(words.datePartOfMonth, { date: displayDate(date), said: said.replace(/^(?:in|during|over|around)\s+/i, '').replace(/[.!?]+$/, '') }) };
}

/** A month's English name; made once (toLocaleString makes a formatter on every call: a tenth of reading "in May 2025"). */
const MONTH_NAME = new Intl.DateTimeFormat('en-US', { month: 'long', timeZone: 'UTC' });

function parseWords(t: string, today: string, pastTense: boolean, yearHint?: number): ParsedDate {
  const [y, m, d] = today.split('-').map(Number);
  const reference = { instant: new Date(Date.UTC(y, m - 1, d, 12)), timezone: 0 };
  const result = chrono().parse(t, reference, { forwardDate: false })[0];
  if (!result) return { ok: false, reason: words.dateNotUnderstood };
  const start = result.start;
  let year = start.get('year') ?? y;
  const month = start.get('month') ?? m;
  const day = start.get('day') ?? 1;
  if (!start.isCertain('year') && yearHint !== undefined) year = yearHint;
  // "arrived in May" said in November means last May, even if next May is closer.
  else if (!start.isCertain('year') && isoDate(year, month, 1) > today && pastTense) year -= 1;
  if (start.isCertain('day') || start.isCertain('weekday')) return { ok: true, date: isoDate(year, month, day) };
  // "this week": the days around today (the rules seldom change within them; where they do, the day is asked).
  if (/^(?:this|the current) week$/i.test(t.trim())) {
    const [from, to] = [addDays(today, -3), addDays(today, 3)];
    return { ok: true, date: today, approximate: { from, to }, note: fill(words.datePartOfMonth, { date: displayDate(today), said: t.trim() }) };
  }
  if (start.isCertain('month')) {
    const from = isoDate(year, month, 1);
    const middle = isoDate(year, month, 15);
    const monthName = MONTH_NAME.format(new Date(`${from}T00:00:00Z`));
    return { ok: true, date: middle, approximate: { from, to: endOfMonth(from) }, note: fill(words.dateMiddleOfMonth, { date: displayDate(middle), month: monthName, year }) };
  }
  return { ok: false, reason: words.dateNeedsDay };
}

function withinRange(parsed: Extract<ParsedDate, { ok: true }>, today: string): ParsedDate {
  const latest = addYears(today, 1);
  if (parsed.date > latest) return { ok: false, reason: fill(words.dateTooFarAhead, { date: displayDate(latest) }) };
  if (parsed.date < EARLIEST) return { ok: false, reason: words.dateTooFarBack };
  return parsed;
}

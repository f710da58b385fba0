/**
 * Payment card numbers must never be kept: people sometimes paste one while asking about a duty
 * charge. `removeCardNumbers` is the one redaction used everywhere text is kept — usage records
 * (file and blob stores), the conversation transcript, escalation emails and their outbox, and
 * the logs. Anything that looks like a card number and passes the Luhn check is replaced.
 *
 * What "looks like a card number" covers (found by trying, issue 13): 13–19 digits, written
 * whole or in groups, the groups joined by any run of spaces (including line breaks and no-break
 * or ideographic spaces), dots, slashes, underscores or dashes (hyphen, en and em dash, minus,
 * their full-width forms) and invisible formatting characters; digits in any form that Unicode
 * compatibility normalisation (NFKC) turns into 0–9, such as full-width `４１１１`. Digits next to
 * letters or an `@` count too, so a card number used as an email address's local part is caught.
 */

/** What replaces a removed card number. */
export const CARD_NUMBER_REPLACEMENT = '[card number removed]';

const MIN_CARD_DIGITS = 13;
const MAX_CARD_DIGITS = 19;

/**
 * Whether a string of digits passes the Luhn (mod 10) check used by payment card numbers.
 *
 * @example
 * passesLuhn('4111111111111111'); // true  (a well-known test Visa number)
 * passesLuhn('4111111111111112'); // false
 */
export function passesLuhn(digits: string): boolean {
  if (!/^\d+$/.test(digits)) return false;
  let sum = 0;
  let double = false;
  for (let i = digits.length - 1; i >= 0; i--) {
    let d = digits.charCodeAt(i) - 48;
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    double = !double;
  }
  return sum % 10 === 0;
}

/** A character's role: a digit 0–9, a separator between digit groups, or anything else. */
const SEPARATOR = -1;
const OTHER = -2;

const ASCII_SEPARATOR_CODES = new Set([' ', '\t', '\n', '\v', '\f', '\r', '.', '/', '_', '-'].map((c) => c.charCodeAt(0)));
/** Dashes and dots that NFKC leaves alone: en/em dash, minus, bullets, middle dot. */
const EXTRA_SEPARATOR = /^[\p{Pd}\u2212\u00B7\u2022\u2027\u30FB\uFF65]$|^\p{Cf}$/u;
const SEPARATOR_AFTER_NFKC = /^[\s._/\-]+$/u;

/** Roles of characters outside ASCII, looked up once each (capped so it cannot grow without end). */
const roleCache = new Map<string, number>();
const ROLE_CACHE_MAX = 4096;

/** The role of an ASCII character, by its code. */
function asciiRole(code: number): number {
  if (code >= 48 && code <= 57) return code - 48;
  return ASCII_SEPARATOR_CODES.has(code) ? SEPARATOR : OTHER;
}

const isLowSurrogate = (code: number) => code >= 0xdc00 && code <= 0xdfff;

/** The role of a character (one code point) outside ASCII. */
function roleOf(ch: string): number {
  const cached = roleCache.get(ch);
  if (cached !== undefined) return cached;
  const normal = ch.normalize('NFKC');
  let role = OTHER;
  if (normal.length === 1 && normal >= '0' && normal <= '9') role = normal.charCodeAt(0) - 48;
  else if (SEPARATOR_AFTER_NFKC.test(normal) || EXTRA_SEPARATOR.test(ch)) role = SEPARATOR;
  if (roleCache.size >= ROLE_CACHE_MAX) roleCache.clear();
  roleCache.set(ch, role);
  return role;
}

/** One group of digits in the text: where it starts and ends (UTF-16 offsets) and its digits 0–9. */
interface DigitGroup {
  start: number;
  end: number;
  digits: string;
}

/**
 * Replaces every card-like number in `text` with "[card number removed]"; everything else is
 * kept exactly as written.
 *
 * A run of digit groups (joined only by separators) is searched for any consecutive groups
 * holding 13–19 digits that pass the Luhn check, so two card numbers written one after the other
 * are both caught, and so is a card number that follows an order number. A false positive (a
 * tracking number that happens to pass Luhn) costs a little context; a false negative would leak
 * a card number, so the check leans towards removing. Dates, amounts and numbers of fewer than
 * 13 or, in one piece, more than 19 digits are kept.
 *
 * @example
 * removeCardNumbers('my card 4111 1111 1111 1111 was charged');
 * // 'my card [card number removed] was charged'
 * removeCardNumbers('card ４１１１–１１１１–１１１１–１１１１'); // 'card [card number removed]'
 * removeCardNumbers('order 123456'); // 'order 123456' (too short)
 */
export function removeCardNumbers(text: string): string {
  if (!mayHoldCardNumber(text)) return text;
  const spans: { start: number; end: number }[] = [];
  let run: DigitGroup[] = [];
  let runDigits = 0;
  let group: DigitGroup | undefined;
  let afterSeparator = false;

  const closeRun = () => {
    if (runDigits >= MIN_CARD_DIGITS) spans.push(...cardSpans(text, run));
    run = [];
    runDigits = 0;
  };

  // By code point, as `for (const ch of text)` would walk it, without a string for each ASCII
  // character (replies of a thousand characters pass here for the transcript).
  for (let i = 0; i < text.length; ) {
    const code = text.charCodeAt(i);
    const width = code >= 0xd800 && code <= 0xdbff && i + 1 < text.length && isLowSurrogate(text.charCodeAt(i + 1)) ? 2 : 1;
    const role = code < 128 ? asciiRole(code) : roleOf(text.slice(i, i + width));
    if (role >= 0) {
      if (!group) {
        if (!afterSeparator && run.length > 0) closeRun();
        group = { start: i, end: i, digits: '' };
        run.push(group);
      }
      group.digits += String(role);
      group.end = i + width;
      runDigits++;
      afterSeparator = false;
    } else if (role === SEPARATOR) {
      group = undefined;
      afterSeparator = run.length > 0;
    } else {
      group = undefined;
      afterSeparator = false;
      if (run.length > 0) closeRun();
    }
    i += width;
  }
  closeRun();
  if (spans.length === 0) return text;

  let out = '';
  let next = 0;
  for (const span of spans) {
    out += text.slice(next, span.start) + CARD_NUMBER_REPLACEMENT;
    next = span.end;
  }
  return out + text.slice(next);
}

/**
 * A cheap first look (records are read by the hundred thousand): fewer than 13 characters that
 * are ASCII digits or outside ASCII (where other digit forms live) cannot hold a card number.
 */
function mayHoldCardNumber(text: string): boolean {
  let candidates = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if ((code >= 48 && code <= 57) || code >= 128) {
      if (++candidates >= MIN_CARD_DIGITS) return true;
    }
  }
  return false;
}

/**
 * Whether `text` holds something `removeCardNumbers` would remove.
 *
 * @example
 * containsCardNumber('4111111111111111@example.com'); // true
 */
export function containsCardNumber(text: string): boolean {
  return removeCardNumbers(text) !== text;
}

/**
 * The card-like spans of one run of digit groups, as text offsets. Dates written with digits
 * (2025-08-29, 08/29/2025, 29.08.2025) are never part of one, so a date range such as
 * "08/29/2025 – 09/03/2025" is kept; no card is written in groups of 2, 2 and 4 digits.
 */
function cardSpans(text: string, groups: DigitGroup[]): { start: number; end: number }[] {
  const spans: { start: number; end: number }[] = [];
  let from = 0;
  for (let i = 0; i + 2 < groups.length; i++) {
    if (!isDate(text, groups[i]!, groups[i + 1]!, groups[i + 2]!)) continue;
    spans.push(...windowSpans(groups.slice(from, i)));
    from = i + 3;
    i += 2;
  }
  spans.push(...windowSpans(groups.slice(from)));
  return spans;
}

/** Year 1900–2099, month 1–12, day 1–31, as Y-M-D, M/D/Y or D.M.Y with one separator character used twice. */
function isDate(text: string, a: DigitGroup, b: DigitGroup, c: DigitGroup): boolean {
  const sep1 = text.slice(a.end, b.start).normalize('NFKC');
  const sep2 = text.slice(b.end, c.start).normalize('NFKC');
  if (sep1 !== sep2 || !['-', '/', '.'].includes(sep1)) return false;
  const year = (g: DigitGroup) => g.digits.length === 4 && (g.digits.startsWith('19') || g.digits.startsWith('20'));
  const upTo = (g: DigitGroup, max: number) => g.digits.length <= 2 && Number(g.digits) >= 1 && Number(g.digits) <= max;
  if (year(a)) return upTo(b, 12) && upTo(c, 31);
  if (year(c)) return upTo(a, 31) && upTo(b, 31) && (upTo(a, 12) || upTo(b, 12));
  return false;
}

/** Windows of consecutive groups with 13–19 digits that pass Luhn; overlapping windows merge. */
function windowSpans(groups: DigitGroup[]): { start: number; end: number }[] {
  const windows: { first: number; last: number }[] = [];
  for (let first = 0; first < groups.length; first++) {
    let candidate = '';
    for (let last = first; last < groups.length; last++) {
      candidate += groups[last]!.digits;
      if (candidate.length > MAX_CARD_DIGITS) break;
      if (candidate.length >= MIN_CARD_DIGITS && passesLuhn(candidate)) {
        const previous = windows[windows.length - 1];
        if (previous && first <= previous.last) previous.last = Math.max(previous.last, last);
        else windows.push({ first, last });
      }
    }
  }
  return windows.map((w) => ({ start: groups[w.first]!.start, end: groups[w.last]!.end }));
}

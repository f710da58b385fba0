/**
 * Payment card numbers never belong in an email to the E-Commerce team: people sometimes paste
 * one while asking about a duty charge. Anything that looks like a card number (13–19 digits,
 * optionally grouped with spaces or dashes) and passes the Luhn check is replaced before the
 * message is stored, so it never reaches the disk, the mail server or the inbox.
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

/** Runs of digit groups joined by one space, no-break space or dash: "4111 1111-1111 1111". */
const DIGIT_RUN = /\d+(?:[ \u00A0-]\d+)*/g;

/**
 * Replaces every card-like number in `text` with "[card number removed]".
 *
 * A run of digit groups is searched for any consecutive groups holding 13–19 digits that pass
 * the Luhn check, so two card numbers written one after the other are both caught, and so is a
 * card number that follows an order number. A false positive (a tracking number that happens to
 * pass Luhn) costs a little context; a false negative would leak a card number, so the check
 * leans towards removing.
 *
 * @example
 * removeCardNumbers('my card 4111 1111 1111 1111 was charged');
 * // 'my card [card number removed] was charged'
 * removeCardNumbers('order 123456'); // 'order 123456' (too short)
 */
export function removeCardNumbers(text: string): string {
  return text.replace(DIGIT_RUN, (run) => redactRun(run));
}

/** Redacts the card-like spans inside one run of digit groups; returns the run otherwise unchanged. */
function redactRun(run: string): string {
  const digitCount = run.replace(/\D/g, '').length;
  if (digitCount < MIN_CARD_DIGITS) return run;

  // Split into groups, keeping the separator that follows each group.
  const groups: { digits: string; separator: string }[] = [];
  const groupPattern = /(\d+)([ \u00A0-]?)/g;
  for (let m = groupPattern.exec(run); m !== null && m[0] !== ''; m = groupPattern.exec(run)) {
    groups.push({ digits: m[1]!, separator: m[2]! });
  }

  // Every window of consecutive groups that looks like a card; overlapping windows merge.
  const spans: { start: number; end: number }[] = [];
  for (let start = 0; start < groups.length; start++) {
    let candidate = '';
    for (let end = start; end < groups.length; end++) {
      candidate += groups[end]!.digits;
      if (candidate.length > MAX_CARD_DIGITS) break;
      if (candidate.length >= MIN_CARD_DIGITS && passesLuhn(candidate)) {
        const last = spans[spans.length - 1];
        if (last && start <= last.end) last.end = Math.max(last.end, end);
        else spans.push({ start, end });
      }
    }
  }
  if (spans.length === 0) return run;

  let out = '';
  let next = 0;
  for (const span of spans) {
    for (; next < span.start; next++) out += groups[next]!.digits + groups[next]!.separator;
    out += CARD_NUMBER_REPLACEMENT + groups[span.end]!.separator;
    next = span.end + 1;
  }
  for (; next < groups.length; next++) out += groups[next]!.digits + groups[next]!.separator;
  return out;
}

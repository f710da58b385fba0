/**
 * Cleans what people typed before it is stored or emailed: control characters out, line breaks
 * only where a body can carry them, card numbers removed, lengths capped, the reply-to address
 * validated. Header fields are set through nodemailer's API, and on top of that no text that can
 * reach a header ever carries CR or LF.
 */
import { containsCardNumber, removeCardNumbers } from './luhn';
import type { EscalationRequest, SanitizedEscalation } from './types';

/** Caps on stored fields, in UTF-16 code units (what `String.length` counts). */
export const ESCALATION_LIMITS = {
  idempotencyKey: 512,
  question: 2000,
  topic: 80,
  guessTitle: 200,
  guesses: 5,
  transcriptEntries: 40,
  transcriptText: 2000,
  channelId: 64,
  locale: 35,
  conversationId: 512,
  emailAddress: 254,
} as const;

/**
 * Thrown when a request cannot be stored as given; `field` names the culprit.
 *
 * @example
 * try { await outbox.enqueue(request); }
 * catch (err) { if (err instanceof EscalationValidationError && err.field === 'replyTo') { // ask again
 * } }
 */
export class EscalationValidationError extends Error {
  constructor(
    readonly field: keyof EscalationRequest,
    message: string,
  ) {
    super(`${field}: ${message}`);
    this.name = 'EscalationValidationError';
  }
}

// C0 and C1 control characters except TAB and LF (handled separately), and DEL.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g;
// Half of a surrogate pair on its own is not text; it would not survive UTF-8 either.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
// Invisible formatting that can disguise text: bidi overrides/isolates, marks, BOM.
const INVISIBLE_FORMATTING = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069\uFEFF]/g;

/** Normalises line breaks to LF and removes control and bidi characters; keeps LF. */
function stripControls(text: string): string {
  return text
    .replace(LONE_SURROGATE, '\uFFFD')
    .normalize('NFC')
    .replace(/\r\n?|[\u2028\u2029\u0085]/g, '\n')
    .replace(/\t/g, ' ')
    .replace(CONTROL, '')
    .replace(INVISIBLE_FORMATTING, '');
}

/**
 * Cuts text to at most `max` code units, ending with "…" when cut, never splitting a surrogate pair.
 *
 * @example
 * capLength('abcdef', 4); // 'abc…'
 * capLength('abc', 4);    // 'abc'
 */
export function capLength(text: string, max: number): string {
  if (text.length <= max) return text;
  let cut = text.slice(0, Math.max(0, max - 1));
  if (/[\uD800-\uDBFF]$/.test(cut)) cut = cut.slice(0, -1);
  return `${cut.trimEnd()}…`;
}

/**
 * Text that may only ever be one line (topic, titles, ids): no CR, LF or control characters,
 * whitespace collapsed, card numbers removed, capped.
 *
 * @example
 * cleanSingleLine('De minimis\r\nBcc: evil@example.com', 80); // 'De minimis Bcc: evil@example.com'
 */
export function cleanSingleLine(text: string, max: number): string {
  const oneLine = stripControls(text).replace(/\s+/g, ' ').trim();
  return capLength(removeCardNumbers(oneLine), max).trim();
}

/**
 * Body text (the question, transcript lines): line breaks kept as LF (the email body encodes
 * them; they never reach a header), control characters dropped, blank-line runs shortened,
 * card numbers removed, capped.
 *
 * @example
 * cleanMultiline('Line 1\r\n\r\n\r\n\r\nLine 2\u0007', 2000); // 'Line 1\n\nLine 2'
 */
export function cleanMultiline(text: string, max: number): string {
  const cleaned = stripControls(text)
    .split('\n')
    .map((line) => line.replace(/[ \u00A0]+$/g, ''))
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  return capLength(removeCardNumbers(cleaned), max).trim();
}

// Deliberately narrower than RFC 5322: dot-atom local part, ASCII host names, a letter TLD.
// Quoted local parts, comments, IP-literal domains and raw whitespace are refused.
const EMAIL_ADDRESS = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,63}$/;

/**
 * Whether `address` is a plain email address the bot will accept as a reply-to. Anything with
 * whitespace, CR/LF, angle brackets, commas or a display name is refused, so it can never carry
 * a second address or a header. An address whose local part holds a card number is refused too:
 * it would reach the Reply-To header and the outbox, which say card numbers were removed.
 *
 * @example
 * isValidEmailAddress('person@example.com');                 // true
 * isValidEmailAddress('4111111111111111@example.com');       // false (a card number)
 * isValidEmailAddress('x@y.com\r\nBcc: evil@example.com');   // false
 * isValidEmailAddress('Person <person@example.com>');        // false
 */
export function isValidEmailAddress(address: string): boolean {
  if (address.length > ESCALATION_LIMITS.emailAddress) return false;
  const at = address.lastIndexOf('@');
  if (at < 1 || at > 64) return false;
  return EMAIL_ADDRESS.test(address) && !containsCardNumber(address.slice(0, at));
}

/**
 * The reply-to address as it will be stored: surrounding spaces trimmed, `undefined` when empty,
 * and an `EscalationValidationError` when it is not a valid address. The dialog checks addresses
 * with `isValidEmailAddress` first and re-prompts; this is the last line of defence.
 *
 * @example
 * normalizeReplyTo('  person@example.com '); // 'person@example.com'
 * normalizeReplyTo('');                      // undefined
 * normalizeReplyTo('not an address');        // throws EscalationValidationError
 */
export function normalizeReplyTo(address: string | undefined): string | undefined {
  if (address === undefined) return undefined;
  const trimmed = address.trim();
  if (trimmed === '') return undefined;
  if (!isValidEmailAddress(trimmed)) throw new EscalationValidationError('replyTo', 'is not a valid email address');
  return trimmed;
}

function requiredText(field: keyof EscalationRequest, value: unknown, max: number): string {
  if (typeof value !== 'string') throw new EscalationValidationError(field, 'is required');
  const cleaned = cleanSingleLine(value, max);
  if (cleaned === '') throw new EscalationValidationError(field, 'is required');
  return cleaned;
}

function optionalLine(value: unknown, max: number): string | undefined {
  if (typeof value !== 'string') return undefined;
  const cleaned = cleanSingleLine(value, max);
  return cleaned === '' ? undefined : cleaned;
}

function isoInstant(value: unknown): string | undefined {
  if (typeof value !== 'string' && !(value instanceof Date)) return undefined;
  const at = new Date(value);
  return Number.isNaN(at.getTime()) ? undefined : at.toISOString();
}

/**
 * Turns what the dialog handed over into what may be stored and sent. Missing essentials (the
 * question, channel, conversation) and a malformed reply-to address throw
 * `EscalationValidationError`; optional extras that are malformed are dropped rather than
 * failing the whole escalation.
 *
 * @example
 * const clean = sanitizeEscalationRequest({
 *   idempotencyKey: 'c1:a1', question: ' Charged twice? Card 4111 1111 1111 1111 ',
 *   channelId: 'webchat', conversationId: 'c1', createdAt: '2026-03-02T15:00:00Z',
 * }, () => new Date());
 * clean.question; // 'Charged twice? Card [card number removed]'
 */
export function sanitizeEscalationRequest(request: EscalationRequest, now: () => Date): SanitizedEscalation {
  const question = typeof request.question === 'string' ? cleanMultiline(request.question, ESCALATION_LIMITS.question) : '';
  if (question === '') throw new EscalationValidationError('question', 'is required');

  const clean: SanitizedEscalation = {
    question,
    channelId: requiredText('channelId', request.channelId, ESCALATION_LIMITS.channelId),
    conversationId: requiredText('conversationId', request.conversationId, ESCALATION_LIMITS.conversationId),
    // A bad timestamp from the caller must not cost the person their message.
    createdAt: isoInstant(request.createdAt) ?? now().toISOString(),
  };

  const replyTo = normalizeReplyTo(typeof request.replyTo === 'string' ? request.replyTo : undefined);
  if (replyTo) clean.replyTo = replyTo;
  const locale = optionalLine(request.locale, ESCALATION_LIMITS.locale);
  if (locale) clean.locale = locale;
  const topic = optionalLine(request.topic, ESCALATION_LIMITS.topic);
  if (topic) clean.topic = topic;

  if (Array.isArray(request.guesses)) {
    const guesses = request.guesses
      .map((g) => optionalLine(g, ESCALATION_LIMITS.guessTitle))
      .filter((g): g is string => g !== undefined)
      .slice(0, ESCALATION_LIMITS.guesses);
    if (guesses.length > 0) clean.guesses = guesses;
  }

  if (Array.isArray(request.transcript)) {
    const transcript = request.transcript
      .filter((e) => e && (e.from === 'user' || e.from === 'bot') && typeof e.text === 'string')
      .map((e) => {
        const entry: { from: 'user' | 'bot'; text: string; at?: string } = {
          from: e.from,
          text: cleanMultiline(e.text, ESCALATION_LIMITS.transcriptText),
        };
        const at = isoInstant(e.at);
        if (at) entry.at = at;
        return entry;
      })
      .filter((e) => e.text !== '')
      // The most recent lines are the ones that explain the question.
      .slice(-ESCALATION_LIMITS.transcriptEntries);
    if (transcript.length > 0) clean.transcript = transcript;
  }
  return clean;
}

/**
 * The idempotency key as given, checked: required, at most 512 characters.
 *
 * @example
 * checkIdempotencyKey('conv-1:activity-9'); // 'conv-1:activity-9'
 */
export function checkIdempotencyKey(key: unknown): string {
  if (typeof key !== 'string' || key.trim() === '') throw new EscalationValidationError('idempotencyKey', 'is required');
  if (key.length > ESCALATION_LIMITS.idempotencyKey) throw new EscalationValidationError('idempotencyKey', `must be at most ${ESCALATION_LIMITS.idempotencyKey} characters`);
  return key;
}

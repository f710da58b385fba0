import { CARD_NUMBER_REPLACEMENT } from './luhn';
import {
  capLength,
  checkIdempotencyKey,
  cleanMultiline,
  cleanSingleLine,
  EscalationValidationError,
  isValidEmailAddress,
  normalizeReplyTo,
  sanitizeEscalationRequest,
} from './sanitize';
import type { EscalationRequest } from './types';

const now = () => new Date('2026-03-02T15:00:00.000Z');

function request(overrides: Partial<EscalationRequest> = {}): EscalationRequest {
  return {
    idempotencyKey: 'conv-1:act-1',
    question: 'Do I owe duty on a $30 gift?',
    channelId: 'webchat',
    conversationId: 'conv-1',
    createdAt: '2026-03-02T14:59:00.000Z',
    ...overrides,
  };
}

describe('text cleaning', () => {
  it('single-line text loses every CR, LF and control character', () => {
    const out = cleanSingleLine('De minimis\r\nBcc: evil@example.com\u0000\u001b[31m\u0085x\u2028y', 200);
    expect(out).not.toMatch(/[\r\n\u0000-\u001f\u007f-\u009f\u2028\u2029]/);
    expect(out).toBe('De minimis Bcc: evil@example.com[31m x y');
  });

  it('multi-line text keeps LF only, collapses blank runs, trims trailing spaces', () => {
    expect(cleanMultiline('Line 1  \r\n\r\n\r\n\r\nLine 2\r\rLine 3\u0007', 2000)).toBe('Line 1\n\nLine 2\n\nLine 3');
    expect(cleanMultiline('a\tb', 10)).toBe('a b');
  });

  it('drops bidi overrides and lone surrogates, keeps real emoji and accents', () => {
    expect(cleanSingleLine('abc\u202Egnp.exe', 50)).toBe('abcgnp.exe');
    expect(cleanSingleLine('x\uD800y', 50)).toBe('x\uFFFDy');
    expect(cleanSingleLine('Café 📦', 50)).toBe('Café 📦');
  });

  it('caps length with an ellipsis, never splitting a surrogate pair', () => {
    expect(capLength('abcdef', 4)).toBe('abc…');
    expect(capLength('ab📦', 3)).toBe('ab…');
    expect(capLength('abc', 3)).toBe('abc');
  });

  it('removes card numbers before capping, so a cap cannot cut one in half', () => {
    const text = `${'x'.repeat(1990)} 4111 1111 1111 1111`;
    const out = cleanMultiline(text, 2000);
    expect(out).not.toMatch(/4111/);
    expect(out.length).toBeLessThanOrEqual(2000);
  });
});

describe('email addresses', () => {
  it.each(['person@example.com', 'first.last+tag@sub.example.co.uk', "o'brien@example.ie"])('accepts %s', (a) => {
    expect(isValidEmailAddress(a)).toBe(true);
  });

  it.each([
    'x@y.com\r\nBcc: evil@z.com',
    'x@y.com\nBcc: evil@z.com',
    'x@y.com, evil@z.com',
    'Person <person@example.com>',
    'person@example',
    'person@@example.com',
    '@example.com',
    'person@-example.com',
    'per son@example.com',
    '"quoted"@example.com',
    `${'a'.repeat(65)}@example.com`,
    `a@${'b'.repeat(250)}.com`,
    '',
  ])('rejects %j', (a) => {
    expect(isValidEmailAddress(a)).toBe(false);
  });

  it('normalizeReplyTo trims, treats empty as none and throws on a bad address', () => {
    expect(normalizeReplyTo('  person@example.com ')).toBe('person@example.com');
    expect(normalizeReplyTo('   ')).toBeUndefined();
    expect(normalizeReplyTo(undefined)).toBeUndefined();
    expect(() => normalizeReplyTo('x@y.com\r\nBcc: evil@z.com')).toThrow(EscalationValidationError);
  });

  it.each(['4111111111111111@example.com', '4111.1111.1111.1111@example.com', '4111_1111_1111_1111@example.com', 'jo.4111-1111-1111-1111@example.com', '378282246310005@example.com'])(
    'refuses %j: a card number as the local part would reach the Reply-To header and the outbox',
    (a) => {
      expect(isValidEmailAddress(a)).toBe(false);
      expect(() => normalizeReplyTo(a)).toThrow(EscalationValidationError);
      expect(() => sanitizeEscalationRequest(request({ replyTo: a }), now)).toThrow(EscalationValidationError);
    },
  );

  it('still accepts digits in a local part that are not a card number', () => {
    expect(isValidEmailAddress('4111111111111112@example.com')).toBe(true); // fails Luhn
    expect(isValidEmailAddress('jane.doe.1985@example.com')).toBe(true);
  });
});

describe('sanitizeEscalationRequest', () => {
  it('removes card numbers however they are written, from the question and the transcript', () => {
    const clean = sanitizeEscalationRequest(
      request({
        question: 'Charged twice on ４１１１ １１１１ １１１１ １１１１, please help',
        transcript: [{ from: 'user', text: 'my card is\n4111\n1111\n1111\n1111\nthanks', at: '2026-12-02T10:00:00.000Z' }, { from: 'user', text: 'or 5500–0055–5555–5559', at: '2026-12-02T10:00:01.000Z' }],
      }),
      now,
    );
    expect(clean.question).toBe('Charged twice on [card number removed], please help');
    expect(clean.transcript!.map((e) => e.text)).toEqual(['my card is\n[card number removed]\nthanks', 'or [card number removed]']);
  });

  it('keeps a clean request as it is', () => {
    expect(sanitizeEscalationRequest(request({ replyTo: 'person@example.com', locale: 'en-US', topic: 'Gifts' }), now)).toEqual({
      question: 'Do I owe duty on a $30 gift?',
      replyTo: 'person@example.com',
      channelId: 'webchat',
      locale: 'en-US',
      conversationId: 'conv-1',
      topic: 'Gifts',
      createdAt: '2026-03-02T14:59:00.000Z',
    });
  });

  it('removes card numbers from the question, topic, guesses and transcript', () => {
    const card = '4111 1111 1111 1111';
    const clean = sanitizeEscalationRequest(
      request({
        question: `I paid with ${card}, why a second charge?`,
        topic: `Refund ${card}`,
        guesses: [`Title ${card}`],
        transcript: [{ from: 'user', text: `card ${card}`, at: '2026-03-02T14:58:00Z' }],
      }),
      now,
    );
    expect(JSON.stringify(clean)).not.toMatch(/4111/);
    expect(clean.question).toBe(`I paid with ${CARD_NUMBER_REPLACEMENT}, why a second charge?`);
  });

  it('caps the question at 2,000 characters and limits guesses and transcript', () => {
    const clean = sanitizeEscalationRequest(
      request({
        question: 'q'.repeat(5000),
        guesses: Array.from({ length: 9 }, (_, i) => `Guess ${i}`),
        transcript: Array.from({ length: 60 }, (_, i) => ({ from: 'user' as const, text: `line ${i}`, at: 'not a date' })),
      }),
      now,
    );
    expect(clean.question.length).toBe(2000);
    expect(clean.guesses).toHaveLength(5);
    expect(clean.transcript).toHaveLength(40);
    expect(clean.transcript![39]).toEqual({ from: 'user', text: 'line 59' }); // the most recent kept; bad time dropped
  });

  it('keeps no CR/LF anywhere a header could see it', () => {
    const clean = sanitizeEscalationRequest(
      request({ topic: 'Hi\r\nBcc: evil@z.com', channelId: 'web\r\nchat', locale: 'en\nUS', guesses: ['a\r\nb'] }),
      now,
    );
    for (const value of [clean.topic, clean.channelId, clean.locale, ...(clean.guesses ?? [])]) expect(value).not.toMatch(/[\r\n]/);
  });

  it('rejects an invalid reply-to, a missing question, channel or conversation', () => {
    expect(() => sanitizeEscalationRequest(request({ replyTo: 'x@y.com\r\nBcc: evil@z.com' }), now)).toThrow(/replyTo/);
    expect(() => sanitizeEscalationRequest(request({ question: ' \u0000 \n ' }), now)).toThrow(/question/);
    expect(() => sanitizeEscalationRequest(request({ channelId: '' }), now)).toThrow(/channelId/);
    expect(() => sanitizeEscalationRequest(request({ conversationId: undefined as unknown as string }), now)).toThrow(/conversationId/);
  });

  it('falls back to now for a bad createdAt rather than losing the message', () => {
    expect(sanitizeEscalationRequest(request({ createdAt: 'yesterday' }), now).createdAt).toBe('2026-03-02T15:00:00.000Z');
  });

  it('checks the idempotency key', () => {
    expect(checkIdempotencyKey('c:a')).toBe('c:a');
    expect(() => checkIdempotencyKey('')).toThrow(EscalationValidationError);
    expect(() => checkIdempotencyKey('k'.repeat(513))).toThrow(/512/);
  });
});

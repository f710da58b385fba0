import fc from 'fast-check';
import { CARD_NUMBER_REPLACEMENT, containsCardNumber, passesLuhn, removeCardNumbers } from './luhn';

describe('passesLuhn', () => {
  it.each([
    ['4111111111111111', true], // Visa test number
    ['5500005555555559', true], // Mastercard test number
    ['378282246310005', true], // Amex test number (15 digits)
    ['6011111111111117', true], // Discover
    ['4111111111111112', false],
    ['1234567890123', false],
    ['', false],
    ['4111-1111', false], // digits only
  ])('%s → %s', (digits, expected) => {
    expect(passesLuhn(digits)).toBe(expected);
  });
});

describe('removeCardNumbers', () => {
  it('removes a plain card number', () => {
    expect(removeCardNumbers('card 4111111111111111 charged')).toBe(`card ${CARD_NUMBER_REPLACEMENT} charged`);
  });

  it('removes card numbers grouped with spaces, dashes and no-break spaces', () => {
    expect(removeCardNumbers('4111 1111 1111 1111')).toBe(CARD_NUMBER_REPLACEMENT);
    expect(removeCardNumbers('5500-0055-5555-5559.')).toBe(`${CARD_NUMBER_REPLACEMENT}.`);
    expect(removeCardNumbers('3782\u00A0822463\u00A010005')).toBe(CARD_NUMBER_REPLACEMENT);
  });

  it('removes two card numbers written one after the other', () => {
    expect(removeCardNumbers('4111111111111111 5500005555555559')).toBe(`${CARD_NUMBER_REPLACEMENT} ${CARD_NUMBER_REPLACEMENT}`);
  });

  it('removes a card number that follows another number in the same run', () => {
    const out = removeCardNumbers('order 77 4111 1111 1111 1111');
    expect(out).not.toMatch(/4111/);
    expect(out).toContain(CARD_NUMBER_REPLACEMENT);
  });

  it('keeps numbers that fail Luhn or are too short or too long', () => {
    expect(removeCardNumbers('tracking 4111111111111112')).toBe('tracking 4111111111111112');
    expect(removeCardNumbers('$800 on 29 Aug 2025, HTS 6109.10.0012')).toBe('$800 on 29 Aug 2025, HTS 6109.10.0012');
    expect(removeCardNumbers('phone 555-123-4567')).toBe('phone 555-123-4567');
    // 20 digits in one group is not a card number.
    expect(removeCardNumbers('41111111111111111110')).toBe('41111111111111111110');
  });

  it('leaves text without digits alone', () => {
    expect(removeCardNumbers('Is $800 still duty free?')).toBe('Is $800 still duty free?');
  });
});

describe('removeCardNumbers: every way a card number is written (issue 13)', () => {
  const R = CARD_NUMBER_REPLACEMENT;
  it.each([
    ['double spaces', 'card 4111  1111  1111  1111 charged'],
    ['dots', 'card 4111.1111.1111.1111 charged'],
    ['slashes', 'card 4111/1111/1111/1111 charged'],
    ['en dashes', 'card 4111–1111–1111–1111 charged'],
    ['em dashes and minus signs', 'card 4111—1111\u22121111—1111 charged'],
    ['underscores', 'card 4111_1111_1111_1111 charged'],
    ['full-width digits', 'card ４１１１ １１１１ １１１１ １１１１ charged'],
    ['full-width digits and hyphens', 'card ４１１１－１１１１－１１１１－１１１１ charged'],
    ['one group per line', 'card\n4111\n1111\n1111\n1111\ncharged'],
    ['Windows line breaks and blank lines', 'card\r\n4111\r\n\r\n1111\r\n1111\r\n1111\r\ncharged'],
    ['ideographic and thin spaces', 'card 4111\u30001111\u20091111\u202F1111 charged'],
    ['zero-width spaces inside', 'card 4111\u200B1111\u200B1111\u200B1111 charged'],
    ['mixed separator runs', 'card 4111 - 1111 . 1111 / 1111 charged'],
    ['Amex 4-6-5 with en dashes', 'card 3782–822463–10005 charged'],
  ])('%s', (_name, text) => {
    const out = removeCardNumbers(text);
    expect(out).toContain(R);
    expect(out.normalize('NFKC')).not.toMatch(/1111|4111|3782|822463|10005/);
    expect(out.startsWith('card')).toBe(true);
    expect(out.endsWith('charged')).toBe(true);
  });

  it('as an email address local part, whole or grouped', () => {
    expect(removeCardNumbers('4111111111111111@example.com')).toBe(`${R}@example.com`);
    expect(removeCardNumbers('reply to 4111.1111.1111.1111@example.com')).toBe(`reply to ${R}@example.com`);
    expect(removeCardNumbers('jo.4111111111111111@example.com')).toBe(`jo.${R}@example.com`);
    expect(containsCardNumber('4111_1111_1111_1111@example.com')).toBe(true);
    expect(containsCardNumber('person@example.com')).toBe(false);
  });

  it('keeps the rest of the text exactly, other digit forms included', () => {
    expect(removeCardNumbers('Café ４１１１ 📦 order ４２')).toBe('Café ４１１１ 📦 order ４２');
    expect(removeCardNumbers('Paid $1,500.00 on 08/29/2025 and 2025-08-29, order 77.')).toBe('Paid $1,500.00 on 08/29/2025 and 2025-08-29, order 77.');
  });
});

// ---- property tests -------------------------------------------------------------------------

const FULL_WIDTH_ZERO = 0xff10;
const SEPARATORS = [' ', '  ', '.', '/', '–', '_', '-', '\n', '\r\n', '\u00A0', '\u3000', '—', '\u2212', '－', '．'];

/** Appends the Luhn check digit to `body`. */
function withCheckDigit(body: string): string {
  for (let d = 0; d <= 9; d++) if (passesLuhn(body + d)) return body + d;
  throw new Error('unreachable');
}
/** A digit that makes `body + d` fail Luhn. */
function withWrongCheckDigit(body: string): string {
  const right = Number(withCheckDigit(body).slice(-1));
  return body + ((right + 1 + Math.floor(body.length % 9)) % 10);
}

const digitString = (min: number, max: number) =>
  fc.integer({ min, max }).chain((n) => fc.array(fc.integer({ min: 0, max: 9 }), { minLength: n, maxLength: n }).map((ds) => ds.join('')));
const cardDigits = digitString(12, 18).map(withCheckDigit);
const separatorRun = fc.array(fc.constantFrom(...SEPARATORS), { minLength: 1, maxLength: 3 }).map((s) => s.join(''));
const grouping = fc.constantFrom<'4-4-4-4' | '4-6-5' | 'ungrouped'>('4-4-4-4', '4-6-5', 'ungrouped');

function groupsOf(digits: string, how: '4-4-4-4' | '4-6-5' | 'ungrouped'): string[] {
  if (how === 'ungrouped') return [digits];
  const sizes = how === '4-6-5' ? [4, 6, 5, 4] : [4, 4, 4, 4, 4];
  const out: string[] = [];
  let at = 0;
  for (const size of sizes) {
    if (at >= digits.length) break;
    out.push(digits.slice(at, at + size));
    at += size;
  }
  if (at < digits.length) out.push(digits.slice(at));
  return out;
}
const fullWidth = (s: string) => s.replace(/\d/g, (d) => String.fromCharCode(FULL_WIDTH_ZERO + Number(d)));
const prefixText = fc.constantFrom('', 'my card ', 'Card: ', 'I was charged twice on\n', 'number=', '(', 'Refund to ', 'order 77 and card ');
const suffixText = fc.constantFrom('', ' was charged twice', '.', '@example.com', '\nthanks', ' on 2025-08-29 for $1,500', ')', ', exp 08/27');
const digitsOf = (s: string) => s.normalize('NFKC').replace(/\D/g, '');

describe('removeCardNumbers: properties', () => {
  it('no digit of a valid card number survives, in any format, and the text around it is kept', () => {
    fc.assert(
      fc.property(cardDigits, grouping, fc.array(separatorRun, { minLength: 5, maxLength: 5 }), fc.boolean(), prefixText, suffixText, (digits, how, seps, wide, prefix, suffix) => {
        const groups = groupsOf(digits, how);
        let card = groups.map((g, i) => (i === 0 ? '' : seps[i - 1]) + g).join('');
        if (wide) card = fullWidth(card);
        const out = removeCardNumbers(prefix + card + suffix);
        // 'order 77 and card': an order number right before a card is kept, the card goes.
        expect(out).toBe(prefix + CARD_NUMBER_REPLACEMENT + suffix);
        expect(digitsOf(out)).toBe(digitsOf(prefix + suffix));
      }),
      { numRuns: 2000 },
    );
  });

  it('keeps order numbers that fail Luhn, dates, amounts and tracking numbers', () => {
    const orderNumber = fc.oneof(
      digitString(12, 18).map(withWrongCheckDigit),
      // Grouped so that no shorter run of groups has 13 digits: only the whole number is checked.
      digitString(15, 15).map((d) => groupsOf(withWrongCheckDigit(d), '4-4-4-4').join(' ')),
      digitString(14, 14).map((d) => groupsOf(withWrongCheckDigit(d), '4-6-5').join('-')),
    );
    const date = fc.date({ min: new Date('2000-01-01'), max: new Date('2099-12-31'), noInvalidDate: true }).chain((d) => {
      const [y, m, day] = d.toISOString().slice(0, 10).split('-');
      return fc.constantFrom(`${y}-${m}-${day}`, `${m}/${day}/${y}`, `${day}.${m}.${y}`, d.toLocaleDateString('en-US', { dateStyle: 'long' }), `${m}/${day}/${y} – ${day}.${m}.${y}`);
    });
    const amount = fc.integer({ min: 0, max: 99_999_999 }).chain((n) => fc.constantFrom(`$${n.toLocaleString('en-US')}`, `$${n.toLocaleString('en-US')}.99`, `USD ${n}`));
    const tracking = fc.oneof(
      digitString(20, 22).map((d) => `9400${d}`), // USPS, written whole
      // UPS. One with 13 or more digits in a row is card-like by design (digits next to letters count,
      // see luhn.ts), so the generator leaves those out; 1 run in about 2,000 drew one.
      fc.stringMatching(/^1Z[0-9A-Z]{16}$/).filter((t) => !/\d{13}/.test(t)),
      digitString(12, 12), // FedEx
      digitString(10, 10).map((d) => `${d.slice(0, 4)} ${d.slice(4)}`), // DHL
    );
    const word = fc.constantFrom(' order ', ' on ', ' for ', ', tracking ', '; date ');
    fc.assert(
      fc.property(fc.array(fc.tuple(word, fc.oneof(orderNumber, date, amount, tracking)), { minLength: 1, maxLength: 4 }), (parts) => {
        const text = `Question:${parts.map(([w, v]) => w + v).join('')}.`;
        expect(removeCardNumbers(text)).toBe(text);
      }),
      { numRuns: 2000 },
    );
  });
});

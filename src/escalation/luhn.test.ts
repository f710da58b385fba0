import { CARD_NUMBER_REPLACEMENT, passesLuhn, removeCardNumbers } from './luhn';

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

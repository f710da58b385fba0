import { assertReference, formatReference, isReference, parseReference } from './reference';

describe('reference numbers', () => {
  it('formats year and zero-padded sequence', () => {
    expect(formatReference(2026, 123)).toBe('ECOM-2026-000123');
    expect(formatReference(2026, 1)).toBe('ECOM-2026-000001');
    expect(formatReference(2027, 1234567)).toBe('ECOM-2027-1234567');
  });

  it('refuses nonsense', () => {
    expect(() => formatReference(26, 1)).toThrow(RangeError);
    expect(() => formatReference(2026, 0)).toThrow(RangeError);
    expect(() => formatReference(2026, 1.5)).toThrow(RangeError);
  });

  it('parses what it formats', () => {
    expect(parseReference(formatReference(2026, 42))).toEqual({ year: 2026, sequence: 42 });
    expect(parseReference('ECOM-2026-42')).toBeUndefined();
    expect(parseReference('ecom-2026-000042')).toBeUndefined();
  });

  it('accepts only safe names', () => {
    expect(isReference('ECOM-2026-000123')).toBe(true);
    expect(isReference('../ECOM-2026-000123')).toBe(false);
    expect(isReference('ECOM-2026-000123.json')).toBe(false);
  });
});

describe('assertReference', () => {
  it('passes a reference and throws on anything that could name another file', () => {
    expect(() => assertReference('ECOM-2026-000123')).not.toThrow();
    expect(() => assertReference('../etc/passwd')).toThrow('not a reference: ../etc/passwd');
  });
});

import fc from 'fast-check';
import { escapeRegExp } from './regexp';

describe('escapeRegExp', () => {
  it('makes any text match itself, and only itself', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (text, other) => {
        const re = new RegExp(`^${escapeRegExp(text)}$`, 'u');
        expect(re.test(text)).toBe(true);
        if (other !== text) expect(re.test(other)).toBe(false);
      }),
    );
  });

  it('escapes the special characters', () => {
    expect(escapeRegExp('a.b*c')).toBe('a\\.b\\*c');
  });
});

import fc from 'fast-check';
import { textbookEditDistance as reference } from '../../test/helpers/textbookEditDistance';
import { editDistance } from './editDistance';

describe('editDistance', () => {
  it('counts insertions, deletions and substitutions', () => {
    expect(editDistance('counterfit', 'counterfeit')).toBe(1);
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('same', 'same')).toBe(0);
  });

  it('equals the full-matrix distance on any two strings', () => {
    fc.assert(fc.property(fc.string({ maxLength: 40 }), fc.string({ maxLength: 40 }), (a, b) => editDistance(a, b) === reference(a, b)));
  });

  it('with a limit: the exact distance when within it, else limit + 1', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 30 }), fc.string({ maxLength: 30 }), fc.nat(6), (a, b, limit) => {
        const exact = reference(a, b);
        return editDistance(a, b, limit) === (exact <= limit ? exact : limit + 1);
      }),
    );
  });

  it('handles strings longer than its first buffers', () => {
    const long = 'x'.repeat(1000);
    expect(editDistance(long, `${long}y`)).toBe(1);
    expect(editDistance(long, 'y'.repeat(1000), 3)).toBe(4);
  });
});

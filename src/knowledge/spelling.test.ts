import { buildLexicon, createSpeller, deleteAt, isDroppedLetter, isSwap, plausibleTypo, type LexiconEntry } from './spelling';

const lexicon = new Map<string, LexiconEntry>(
  (
    [
      ['counterfeit', 'counterfeit', 9], ['exemption', 'exemption', 8], ['pilot', 'pilot', 5], ['type', 'typ', 7],
      ['number', 'number', 3], ['consignee', 'consignee', 2], ['cigarett', 'cigarett', 2], ['break', 'break', 1],
      ['apply', 'apply', 4], ['section', 'section', 6], ['sections', 'section', 1],
    ] as const
  ).map(([form, stem, frequency]) => [form, { stem, frequency }]),
);
const speller = createSpeller(lexicon);
const fix = (text: string, stem = text) => speller.correct({ text, stem });

describe('createSpeller', () => {
  it('corrects one changed, missing or extra letter in longer words', () => {
    expect(fix('counterfit')).toBe('counterfeit');
    expect(fix('exemtion')).toBe('exemption');
    expect(fix('cigaret')).toBe('cigarett');
  });

  it('corrects a swap or a dropped letter in short words', () => {
    expect(fix('pliot')).toBe('pilot');
    expect(fix('tpye')).toBe('typ');
    expect(fix('numbr')).toBe('number');
    expect(fix('secton')).toBe('section');
  });

  it('tries the word as written when its stem is too far', () => {
    expect(fix('consignie', 'consigni')).toBe('consignee');
  });

  it('corrects a rare known misspelling towards a much more frequent word', () => {
    const withTypo = createSpeller(new Map([...lexicon, ['exemtion', { stem: 'exemtion', frequency: 1 }], ['pilots', { stem: 'pilot', frequency: 1 }]]));
    expect(withTypo.correct({ text: 'exemtion', stem: 'exemtion' })).toBe('exemption');
    expect(withTypo.correct({ text: 'pilots', stem: 'pilot' })).toBeUndefined(); // a form of a known stem
    const common = createSpeller(new Map([...lexicon, ['exemtion', { stem: 'exemtion', frequency: 3 }]]));
    expect(common.correct({ text: 'exemtion', stem: 'exemtion' })).toBeUndefined();
  });

  it('leaves known, short, numeric and real-looking words alone', () => {
    expect(fix('pilot')).toBeUndefined();
    expect(fix('bread')).toBeUndefined(); // not "break"
    expect(fix('apple')).toBeUndefined(); // not "apply"
    expect(fix('typ')).toBeUndefined();
    expect(fix('12345')).toBeUndefined();
    expect(fix('kayak')).toBeUndefined();
    expect(fix('a'.repeat(5000))).toBeUndefined();
  });
});

describe('typo shapes', () => {
  it('recognises swaps and dropped letters', () => {
    expect(isSwap('tpye', 'type')).toBe(true);
    expect(isSwap('near', 'year')).toBe(false);
    expect(isDroppedLetter('numbr', 'number')).toBe(true);
    expect(isDroppedLetter('number', 'numbr')).toBe(false);
    expect(deleteAt('number', 4)).toBe('numbr');
  });

  it('accepts any one edit from 7 letters, only swaps and dropped letters below', () => {
    expect(plausibleTypo('exemtion', 'exemption')).toBe(true);
    expect(plausibleTypo('custums', 'customs')).toBe(true);
    expect(plausibleTypo('bread', 'break')).toBe(false);
    expect(plausibleTypo('numbr', 'number')).toBe(true);
  });
});

describe('buildLexicon', () => {
  it('holds words as written and as stems, counted by document, plus the tables', () => {
    const lex = buildLexicon(['Shipping fees apply', 'Shipping twice'], { groups: [['knockoff', 'replica']], otherCbp: ['global entry'] });
    expect(lex.get('shipping')).toEqual({ stem: 'ship', frequency: 2 });
    expect(lex.get('ship')).toEqual({ stem: 'ship', frequency: 2 });
    expect(lex.get('fees')).toEqual({ stem: 'fee', frequency: 1 });
    expect(lex.get('replica')).toEqual({ stem: 'replica', frequency: 0 });
    expect(lex.get('global')?.frequency).toBe(0);
    expect(lex.has('twice')).toBe(true);
    expect(lex.has('the')).toBe(false);
  });
});

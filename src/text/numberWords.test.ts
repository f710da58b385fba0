import { digitsForNumberWords, numberFromWords } from './numberWords';

describe('numberFromWords', () => {
  it.each([
    ['sixty', 60],
    ['seventy five', 75],
    ['forty-five', 45],
    ['one hundred seventy', 170],
    ['a hundred and twenty', 120],
    ['fifteen hundred', 1500],
    ['twenty five hundred', 2500],
    ['twenty-five hundred', 2500],
    ['two thousand five hundred', 2500],
  ])('%s is %d', (words, n) => expect(numberFromWords(words)).toBe(n));

  it.each(['a lot', '', 'several'])('%j is no number', (words) => expect(numberFromWords(words)).toBeUndefined());
});

describe('digitsForNumberWords', () => {
  it('replaces each number in words, and leaves the rest of the text as it was', () => {
    expect(digitsForNumberWords('about sixty dollars, maybe seventy five')).toBe('about 60 dollars, maybe 75');
  });

  it('with scaledOnly, only numbers with hundred or thousand ("one person, one day" stays a phrase)', () => {
    expect(digitsForNumberWords('one person, one day, eight hundred bucks', { scaledOnly: true })).toBe('one person, one day, 800 bucks');
    expect(digitsForNumberWords('a hundred dollars', { scaledOnly: true })).toBe('100 dollars');
  });
});

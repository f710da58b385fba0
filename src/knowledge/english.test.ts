import fc from 'fast-check';
import { englishWords, hasWord, isEnglishWord, wordListFromJson } from './english';

const list = (json: string) => wordListFromJson(new TextEncoder().encode(json));

describe('wordListFromJson and hasWord', () => {
  it('finds exactly the words of a sorted JSON array', () => {
    const l = list('["a","aa","fund","funds","zz"]');
    for (const w of ['a', 'aa', 'fund', 'funds', 'zz']) expect(hasWord(l, w)).toBe(true);
    for (const w of ['', 'b', 'fun', 'fundss', 'funda', 'z', 'zzz']) expect(hasWord(l, w)).toBe(false);
  });

  it('sorts a list that is not sorted', () => {
    const l = list('[\n  "zebra",\n  "apple",\n  "mango"\n]');
    expect(['apple', 'mango', 'zebra', 'kiwi'].map((w) => hasWord(l, w))).toEqual([true, true, true, false]);
  });

  it('finds words with letters beyond ASCII as well as plain ones, as a set of the words would', () => {
    const letter = fc.constantFrom('a', 'b', 'e', 'z', 'é', 'ü', 'ß', '中');
    const word = fc.array(letter, { maxLength: 5 }).map((l) => l.join(''));
    fc.assert(
      fc.property(fc.uniqueArray(word, { maxLength: 12 }), fc.array(word, { maxLength: 12 }), (words, queries) => {
        const l = list(JSON.stringify(words));
        for (const q of [...words, ...queries]) expect(hasWord(l, q)).toBe(words.includes(q));
      }),
      { numRuns: 300 },
    );
  });

  it('handles an empty list and refuses escapes or broken quotes', () => {
    expect(hasWord(list('[]'), 'a')).toBe(false);
    expect(list('["","","","","",""]').starts.length).toBe(6);
    expect(() => list('["a\\"b"]')).toThrow(/escaped/);
    expect(() => list('["ab]')).toThrow(/quotes/);
  });
});

describe('isEnglishWord', () => {
  it('knows the real words the speller used to break, and their inflections', () => {
    for (const w of ['defective', 'funds', 'recourse', 'special', 'effective', 'found', 'record', 'sellers', 'tariffs', 'shipping']) {
      expect(isEnglishWord(w)).toBe(true);
    }
    expect(isEnglishWord('Funds')).toBe(true);
  });

  it('does not know typos people make in this domain', () => {
    for (const w of ['counterfit', 'exemtion', 'tarrif', 'custums', 'dutys', 'recieve', 'packge', 'shippment', 'consignie']) {
      expect(isEnglishWord(w)).toBe(false);
    }
    // "minimus" is an English word (a very small creature); "de minimus" reaches de minimis
    // through the synonym table instead.
    expect(isEnglishWord('minimus')).toBe(true);
  });

  it('says no to anything but letters', () => {
    for (const w of ['', 'fund5', "don't", 'e-mail', 'café', ' funds']) expect(isEnglishWord(w)).toBe(false);
  });

  it('is built once per process, holding the whole list', () => {
    expect(englishWords()).toBe(englishWords());
    expect(englishWords().starts.length).toBeGreaterThan(250_000);
  });
});

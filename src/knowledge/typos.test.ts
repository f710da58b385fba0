import fc from 'fast-check';
import { isEnglishWord } from './english';
import { everydayCount, isEverydayName } from './everyday';
import { vowelsSwapped } from './spelling';
import { correctTypos, oneEditAway, type TypoVocabulary } from './typos';

/** A small stand-in for the knowledge base: a few document words, and two names. */
const DOCUMENTS = new Map([
  ['customs', 90],
  ['duty', 100],
  ['deadline', 4],
  ['tarrif', 12], // a misspelling a document lists on purpose
]);
const NAMES = new Set(['shein', 'temu', 'canada', 'post']);
const vocabulary: TypoVocabulary = {
  isKnown: (w) => DOCUMENTS.has(w) || w === 'pls',
  documentFrequency: (w) => DOCUMENTS.get(w) ?? 0,
  isName: (w) => NAMES.has(w),
};
const fix = (text: string) => correctTypos(text, vocabulary);

describe('correctTypos', () => {
  it('corrects swapped, dropped and doubled letters to the word meant', () => {
    expect(fix('I ordreed a jacket and my brohter sent it')).toBe('I ordered a jacket and my brother sent it');
    expect(fix('the packge arrvied yesterday')).toBe('the package arrived yesterday');
    expect(fix('do I need a diffrent adderss')).toBe('do I need a different address');
  });

  it('prefers a word the documents use, and a name above both', () => {
    // "dealine" is one letter from "dealing" (everyday) and from "deadline" (a document word).
    expect(fix('what is the dealine')).toBe('what is the deadline');
    expect(fix('my shien order')).toBe('my shein order');
    expect(fix('cusotms held it')).toBe('customs held it');
  });

  it('corrects one letter written for another by sound, from five letters, but not in a name', () => {
    expect(fix('what if i refuze it, whats a customs agensy')).toBe('what if i refuse it, whats a customs agency');
    expect(fix('my friend in São Paulo')).toBe('my friend in São Paulo');
  });

  it('keeps a capital and all capitals', () => {
    expect(fix('Ordreed on Monday. CUSOTMS held it')).toBe('Ordered on Monday. CUSTOMS held it');
  });

  it('leaves English words, known words and names alone, however close to another word', () => {
    const text = 'The defective funds: tarrif on shein from Canada Post, pls';
    expect(fix(text)).toBe(text);
    // Names the English word list lacks, known from everyday use: not "Iceland", not "bleeds".
    expect(fix('a shop in Ireland, then Leeds')).toBe('a shop in Ireland, then Leeds');
  });

  it('takes a capitalised word inside a sentence for a name: corrected only to a name ("from Chnia"), else left ("a shop in Pune")', () => {
    expect(fix('I buy from a shop in Pune and Barbour')).toBe('I buy from a shop in Pune and Barbour');
    expect(fix('it came from Chnia in Febuary 2025')).toBe('it came from China in February 2025');
  });

  it('leaves a place the place tables know alone, at the start of a sentence or in lower case too', () => {
    const places = new Set(['monterrey', 'cebu', 'pune']);
    const withPlaces: TypoVocabulary = { ...vocabulary, isPlace: (w) => places.has(w) };
    const text = 'Monterrey shop, then cebu and Pune';
    // Without the place tables, "Monterrey" reads as California's Monterey and "cebu" as "cube".
    expect(fix(text)).not.toBe(text);
    expect(correctTypos(text, withPlaces)).toBe(text);
    expect(correctTypos('Monterrey shop, cusotms held it', withPlaces)).toBe('Monterrey shop, customs held it');
  });

  it('leaves acronyms, short words, codes and words with an apostrophe alone', () => {
    const text = 'CBSA and HMRC; teh ABC123 shipment, cant do it, CN22 form';
    expect(fix(text)).toBe(text);
  });

  it('leaves a word alone when nothing believable is one typo away', () => {
    expect(fix('my qwzxv order')).toBe('my qwzxv order');
  });

  it('never throws, and changes no message made only of English words', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (s) => {
        expect(typeof fix(s)).toBe('string');
      }),
    );
    fc.assert(
      fc.property(fc.array(fc.constantFrom('will', 'I', 'pay', 'duty', 'on', 'gift', 'from', 'Canada', 'ordered', 'jacket', 'defective', 'funds', 'recourse'), { maxLength: 20 }), (words) => {
        const text = words.join(' ');
        expect(fix(text)).toBe(text);
      }),
    );
  });
});

describe('correctTypos: a known word that is no English word (session 29)', () => {
  // A stand-in knowledge base that lists misspellings on purpose, as the documents' questions do.
  const listed = new Map([
    ['medicin', 4],
    ['medicine', 2],
    ['minimis', 39],
    ['minimus', 3],
    ['efiling', 2],
    ['filing', 9],
  ]);
  const withListed: TypoVocabulary = { isKnown: (w) => listed.has(w), documentFrequency: (w) => listed.get(w) ?? 0, isName: () => false };
  it('is written as the everyday word the documents use, for the readers that run on the text', () => {
    expect(correctTypos('can she mail me my medicin', withListed)).toBe('can she mail me my medicine');
  });
  it('leaves a term the documents use widely, a term that is the word plus a first letter, and a word no document uses', () => {
    expect(correctTypos('is de minimis dead', withListed)).toBe('is de minimis dead');
    expect(correctTypos('CPSC efiling for toys', withListed)).toBe('CPSC efiling for toys');
    expect(correctTypos('my lola sent it', withListed)).toBe('my lola sent it');
  });
});

describe('vowelsSwapped', () => {
  it('holds the word with two vowels a letter or two apart swapped, and corrects "costums" to a document word (session 29)', () => {
    expect(vowelsSwapped('costums').has('customs')).toBe(true);
    expect(vowelsSwapped('costums').has('costums')).toBe(false);
    expect(fix('how long do they hold stuff at costums')).toBe('how long do they hold stuff at customs');
  });
});

describe('oneEditAway', () => {
  it('holds every string one letter left out, added, changed or swapped away', () => {
    const near = oneEditAway('teh');
    for (const w of ['the', 'eh', 'th', 'tech', 'teeh', 'tea']) expect(near.has(w)).toBe(true);
    expect(near.has('teh')).toBe(false);
    expect(near.has('hte')).toBe(false); // two swaps
  });
});

describe('everyday words (SUBTLEX-US)', () => {
  it('counts everyday English words and nothing else', () => {
    expect(everydayCount('ordered')).toBeGreaterThan(1000);
    expect(everydayCount('brother')).toBeGreaterThan(everydayCount('ordered'));
    expect(everydayCount('ordreed')).toBe(0);
    expect(everydayCount('Friday')).toBe(0); // lower case only
    for (const w of ['something', 'package', 'customs']) expect(isEnglishWord(w) && everydayCount(w) > 0).toBe(true);
  });

  it('knows names written with a capital', () => {
    expect(isEverydayName('ireland')).toBe(true);
    expect(isEverydayName('friday')).toBe(true);
    expect(isEverydayName('irelnd')).toBe(false);
  });
});

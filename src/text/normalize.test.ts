import fc from 'fast-check';
import { answerWords, countryKey, foldAccents, foldApostrophes, foldCompatibility, nameText, phraseText, questionKey, squeezeSpaces } from './normalize';

describe('the steps', () => {
  it('fold compatibility forms but keep accents, or fold both', () => {
    expect(foldCompatibility('ＵＳ＄１００ Café ﬁne')).toBe('us$100 café fine');
    expect(foldAccents('Dédouanement Ｃafé')).toBe('dedouanement cafe');
    // Letters NFKD leaves whole: a Polish town stays one word.
    expect(foldAccents('Bolesławiec, Øresund, Đakovo')).toBe('boleslawiec, oresund, dakovo');
  });

  it('fold apostrophes and squeeze spaces', () => {
    expect(foldApostrophes('don’t ‘x’ ʼyʼ `z`')).toBe("don't 'x' 'y' 'z'");
    expect(squeezeSpaces('  a \t b\n')).toBe('a b');
  });
});

describe('the named forms', () => {
  it('answerWords keeps only letters, digits, apostrophes, hyphens and $', () => {
    expect(answerWords('  Start over!! ')).toBe('start over');
    expect(answerWords('It’s ＄８０, I think…')).toBe("it's $80 i think");
    expect(answerWords('Is $800 still duty-free?')).toBe('is $800 still duty-free');
  });

  it('phraseText keeps every punctuation mark for the parsers', () => {
    expect(phraseText('  I DON’T   know ')).toBe("i don't know");
    expect(phraseText('About $1,200.50? 03/04/2025')).toBe('about $1,200.50? 03/04/2025');
    expect(phraseText('Café')).toBe('café');
  });

  it('nameText folds accents and keeps punctuation', () => {
    expect(nameText('Ordered on  AliExpress!')).toBe('ordered on aliexpress!');
    expect(nameText('La Pôste’s\tparcel')).toBe("la poste's parcel");
  });

  it('questionKey keeps letters and digits only', () => {
    expect(questionKey('  Can I ship VAPES to the U.S.?? ')).toBe('can i ship vapes to the u s');
    expect(questionKey("What's the $800 limit?")).toBe('whats the 800 limit');
    expect(questionKey('Dédouanement   café')).toBe('dedouanement cafe');
  });

  it('countryKey reads & as "and" and drops dots', () => {
    expect(countryKey('Côte d’Ivoire')).toBe('cote divoire');
    expect(countryKey('U.S.')).toBe('us');
    expect(countryKey('St. Lucia')).toBe('st lucia');
    expect(countryKey('Trinidad & Tobago')).toBe('trinidad and tobago');
  });

  it('letters that fold in two steps fold fully at once ("ꟸ" → "ħ" → "h", "Ƒ" → "ƒ" → "f"; fast-check found both)', () => {
    for (const form of [answerWords, phraseText, nameText, questionKey, countryKey]) {
      for (const text of ['ꟸ', 'Ƒ', 'Ħ', 'Bolesławiec']) expect(form(form(text))).toBe(form(text));
    }
    expect(foldAccents('Ƒ ꟸ')).toBe('f h');
  });

  it('every form is idempotent, lower case and trimmed', () => {
    const forms = [answerWords, phraseText, nameText, questionKey, countryKey];
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }), (text) => {
        for (const form of forms) {
          const once = form(text);
          expect(form(once)).toBe(once);
          expect(once).toBe(once.trim());
          expect(/\s{2}/.test(once)).toBe(false);
        }
      }),
    );
  });
});

/**
 * Text normalisation, in one place. Every module that compares what a person typed with words
 * it knows uses one of the named forms below; they differ only where the comparison needs it,
 * and each says why. They are built from four small steps, also exported.
 *
 * | form            | Unicode                       | punctuation                     | used by                                   |
 * |-----------------|-------------------------------|---------------------------------|-------------------------------------------|
 * | `answerWords`   | compatibility (NFKC), accents kept | only `' - $` kept          | commands, intents, guided-dialog answers  |
 * | `phraseText`    | compatibility (NFKC), accents kept | all kept                   | the answer parsers (src/rules/parse)      |
 * | `nameText`      | accents folded (NFKD)         | all kept                        | marketplace and courier names             |
 * | `questionKey`   | accents folded (NFKD)         | none; apostrophes removed       | grouping unanswered questions             |
 * | `countryKey`    | accents folded (NFKD)         | none; `&` is "and", `.` removed | country names and aliases                 |
 *
 * All of them lower-case, fold typographic apostrophes to `'` and collapse runs of spaces.
 * `src/knowledge/normalize.ts` starts from {@link foldAccents} and {@link foldApostrophes} and then
 * rewrites money, dates and phone numbers for retrieval.
 */
import removeAccents from 'remove-accents';

/**
 * Lower case, with compatibility forms folded (NFKC): full-width `１００` is `100`, `ﬁ` is `fi`;
 * accents are kept.
 *
 * @example
 * foldCompatibility('ＵＳ＄１００ Café'); // 'us$100 café'
 */
export function foldCompatibility(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}

/**
 * Lower case without accents or other combining marks (NFKD, marks removed): `é` is `e`, and
 * compatibility forms are folded too. Letters that NFKD leaves whole (`ł`, `ø`, `đ`, `æ`) are
 * written in Latin letters first (the `remove-accents` package), so "Bolesławiec" is one word
 * and not "bole" and "awiec".
 *
 * @example
 * foldAccents('Dédouanement Ｃafé'); // 'dedouanement cafe'
 * foldAccents('Bolesławiec, Øresund'); // 'boleslawiec, oresund'
 */
export function foldAccents(text: string): string {
  // Plain ASCII has nothing to fold, and most text is plain ASCII (normalising is the costly part).
  if (ASCII.test(text)) return text.toLowerCase();
  // Lower case and compatibility forms first ("Ƒ" is "ƒ", "ꟸ" is "ħ"), then the letters Unicode does
  // not decompose ("ƒ", "ħ", "ł"): in another order a folded form could fold further when folded again.
  return removeAccents(text.toLowerCase().normalize('NFKD')).replace(/\p{M}+/gu, '').toLowerCase();
}

const ASCII = /^[\x00-\x7f]*$/;

/**
 * Typographic apostrophes and quotes (‘ ’ ʼ and the backtick) as a plain `'`.
 *
 * @example
 * foldApostrophes('don’t'); // "don't"
 */
export function foldApostrophes(text: string): string {
  return text.replace(/[\u2018\u2019\u02bc`]/g, "'");
}

/**
 * Runs of white space as one space, none at the ends.
 *
 * @example
 * squeezeSpaces('  a \t b\n'); // 'a b'
 */
export function squeezeSpaces(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * A typed command or a guided dialog's answer as words: lower case, compatibility forms folded,
 * punctuation dropped except apostrophes, hyphens and `$` (kept for amounts: "$800", "under $100",
 * and the "Is $800 still duty-free?" button sent back).
 *
 * @example
 * answerWords('  Start over!! ');        // 'start over'
 * answerWords('It’s ＄８０, I think…');   // "it's $80 i think"
 */
export function answerWords(text: string): string {
  return squeezeSpaces(foldApostrophes(foldCompatibility(text)).replace(/[^\p{L}\p{N}$'\s-]/gu, ' '));
}

/**
 * Free text simplified for the answer parsers' patterns: lower case, compatibility forms folded,
 * apostrophes folded, spaces collapsed — and every punctuation mark kept, because the parsers
 * read them ("?" asks, "." and "," are in amounts, "/" in dates).
 *
 * @example
 * phraseText('  I DON’T   know ');  // "i don't know"
 * phraseText('$1,200.50?');         // '$1,200.50?'
 */
export function phraseText(text: string): string {
  return squeezeSpaces(foldApostrophes(foldCompatibility(text)));
}

/**
 * Text in the form names (marketplaces, couriers, postal services) are matched in: like
 * {@link phraseText}, but with accents folded, because people type "La Poste" for "La Pôste"
 * and the name table is written without them.
 *
 * @example
 * nameText('Ordered on  AliExpress!'); // 'ordered on aliexpress!'
 * nameText('La Pôste’s\tparcel');       // "la poste's parcel"
 */
export function nameText(text: string): string {
  return squeezeSpaces(foldApostrophes(foldAccents(text)));
}

/**
 * A question reduced to its letters and digits, for grouping the questions people ask in
 * different spellings: accents folded, apostrophes removed ("what's" and "whats" are one),
 * every other mark a space.
 *
 * @example
 * questionKey('  Can I ship VAPES to the U.S.?? '); // 'can i ship vapes to the u s'
 * questionKey("What's the $800 limit?");            // 'whats the 800 limit'
 */
export function questionKey(text: string): string {
  return squeezeSpaces(foldApostrophes(foldAccents(text)).replace(/'/g, '').replace(/[^\p{L}\p{N}]+/gu, ' '));
}

/**
 * A country name as the country table is keyed: like {@link questionKey}, but "&" reads "and"
 * ("Trinidad & Tobago") and dots go without a space, so "U.S." is "us" and "St. Lucia" is
 * "st lucia".
 *
 * @example
 * countryKey('Côte d’Ivoire');     // 'cote divoire'
 * countryKey('U.S.');              // 'us'
 * countryKey('Trinidad & Tobago'); // 'trinidad and tobago'
 */
export function countryKey(text: string): string {
  return questionKey(text.replace(/&/g, ' and ').replace(/\./g, ''));
}

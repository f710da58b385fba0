/**
 * A message's typos corrected before anything reads it. The knowledge base's own speller
 * (spelling.ts) corrects search terms to the documents' words, but the readers that run on the
 * text itself do not see its corrections: "I ordreed a $40 jacket" was no purchase to the
 * shipment reader, and "my brohter sent" left an unknown word where the stop word "brother" would
 * have been dropped. Here every word that is neither English nor known is replaced by the likeliest
 * word one typo away:
 *
 * - a marketplace's, carrier's or postal service's name ("shien" → "shein");
 * - else a word the documents use, the one most documents use (a domain word is the likelier
 *   guess in a message to this assistant);
 * - else the everyday English word used most often ({@link everydayCount}).
 *
 * A typo is what {@link plausibleTypo} allows: two neighbouring letters swapped, two vowels
 * swapped ("costums"), a letter dropped or doubled, from five letters one written for another by sound ("refuze", "agensy";
 * not in names), and from seven letters any one letter changed, added or left out. Names are
 * left alone: a word the everyday list writes with a capital ("Leeds", not "bleeds"); and a word
 * written with a capital inside a sentence is taken for a name, so it is corrected only to a name
 * ("from Chnia" → China, but "a shop in Pune" stays).
 */
import { isEnglishWord } from './english';
import { everydayCount, isEverydayName } from './everyday';
import { plausibleTypo, vowelsSwapped } from './spelling';

/** What the corrector knows besides English: the knowledge base's words and the names people use. */
export interface TypoVocabulary {
  /** Whether a lower-case word is known as written (a document's word, a stop word): never corrected. */
  isKnown(word: string): boolean;
  /** How many documents use a lower-case word (0 for none). */
  documentFrequency(word: string): number;
  /** Whether a lower-case word is (part of) a marketplace's, carrier's or postal service's name. */
  isName(word: string): boolean;
  /** Whether a lower-case word names a place (a city, region, country or people): such a word is never corrected. */
  isPlace?(word: string): boolean;
}

/** Shorter words have too many neighbours to correct safely. */
const MIN_LENGTH = 4;
/** Longer "words" are pasted codes or a keyboard mash. */
const MAX_LENGTH = 20;
/** All-capital words up to this long are acronyms. */
const MAX_ACRONYM_LENGTH = 5;
const LETTERS = 'abcdefghijklmnopqrstuvwxyz';

/**
 * Every string one edit from a word: a letter left out, added or changed, or two neighbouring
 * letters swapped (about 55 per letter; {@link plausibleTypo} then keeps the believable ones).
 *
 * @example
 * oneEditAway('teh').has('the'); // true
 */
export function oneEditAway(word: string): Set<string> {
  const out = new Set<string>();
  for (let i = 0; i <= word.length; i++) {
    for (const c of LETTERS) out.add(word.slice(0, i) + c + word.slice(i));
    if (i === word.length) break;
    out.add(word.slice(0, i) + word.slice(i + 1));
    if (i + 1 < word.length) out.add(word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2));
    for (const c of LETTERS) out.add(word.slice(0, i) + c + word.slice(i + 1));
  }
  out.delete(word);
  return out;
}

/** The strings one slip from a word: one edit ({@link oneEditAway}) or two vowels swapped ({@link vowelsSwapped}). */
function slipsAway(word: string): string[] {
  return [...oneEditAway(word), ...vowelsSwapped(word)];
}

/**
 * The likeliest word a lower-case typo stands for, or undefined. With `namesOnly`, only a name
 * ("Chnia" → China, "Febuary" → February): a capitalised word inside a sentence is a name.
 */
function likeliest(typo: string, vocabulary: TypoVocabulary, namesOnly = false): string | undefined {
  let best: string | undefined;
  let bestDomain = 0;
  let bestEveryday = 0;
  for (const candidate of slipsAway(typo)) {
    // Cheap lookups first: most of the strings one edit away are no word at all.
    const name = vocabulary.isName(candidate);
    if (namesOnly && !name && !isEverydayName(candidate)) continue;
    const documents = vocabulary.documentFrequency(candidate);
    const count = everydayCount(candidate);
    if (!name && documents === 0 && count === 0) continue;
    // A name is misspelt by its letters, not its sound: "Paulo" is no typo for "Paolo".
    if (!plausibleTypo(typo, candidate, !namesOnly)) continue;
    if (name) return candidate;
    // A document's word only when it is English: a misspelling a document lists on purpose
    // ("tarrif") or its jargon ("minimis") is the knowledge base's speller's to handle.
    const domain = documents > 0 && isEnglishWord(candidate) ? documents : 0;
    if (domain > bestDomain) {
      [best, bestDomain] = [candidate, domain];
      continue;
    }
    if (bestDomain === 0 && count > bestEveryday) [best, bestEveryday] = [candidate, count];
  }
  return best;
}

/** A non-English word this many documents use is a term of theirs (a listed misspelling is in a few). */
const JARGON_DOCUMENTS = 6;

/**
 * The English word a known non-English word is a slip for: "medicin" or "counterfiet" are known to
 * the knowledge base (a stem, or a misspelling a document lists on purpose), so its search finds
 * them, but the readers that run on the text look for "medicine" and "counterfeit". The English
 * everyday word one typo away that the documents use most is taken; jargon with no such
 * neighbour ("minimis", "htsus") and words no document uses (family words, goods) stay.
 */
function englishSpelling(word: string, vocabulary: TypoVocabulary): string | undefined {
  const own = vocabulary.documentFrequency(word);
  // A term the documents use widely ("efiling", "minimis") is theirs, not a slip.
  if (own === 0 || own >= JARGON_DOCUMENTS) return undefined;
  let best: string | undefined;
  let bestDocuments = 0;
  for (const candidate of slipsAway(word)) {
    const documents = vocabulary.documentFrequency(candidate);
    // An everyday word: "minimis" is no slip for "minimus", which only a listed misspelling uses.
    // …and not the word without its first letter: "efiling" is e-filing, not "filing".
    if (documents <= bestDocuments || candidate === word.slice(1) || everydayCount(candidate) === 0 || !isEnglishWord(candidate) || !plausibleTypo(word, candidate)) continue;
    [best, bestDocuments] = [candidate, documents];
  }
  return best;
}

/** Whether the word at `offset` starts a sentence or a line (so its capital says nothing). */
function startsSentence(text: string, offset: number): boolean {
  return /(?:^|[.!?:;]["')\]]?\s+|\n\s*)$/.test(text.slice(Math.max(0, offset - 12), offset)) || offset === 0;
}

/**
 * The text with each typo replaced by the word it most likely stands for (keeping an initial
 * capital or all capitals); words with an apostrophe or a digit are left as written.
 *
 * @example
 * correctTypos('I ordreed a jacket from Leeds', vocabulary); // 'I ordered a jacket from Leeds'
 */
export function correctTypos(text: string, vocabulary: TypoVocabulary): string {
  return text.replace(/(?<![\p{L}\p{N}'’])[A-Za-z]+(?![\p{L}\p{N}'’])/gu, (token, offset: number) => {
    if (token.length < MIN_LENGTH || token.length > MAX_LENGTH) return token;
    const word = token.toLowerCase();
    if (isEnglishWord(word) || vocabulary.isName(word) || isEverydayName(word) || vocabulary.isPlace?.(word)) return token;
    // An acronym ("CBSA", "HMRC") is not a misspelt word.
    if (token.length <= MAX_ACRONYM_LENGTH && token === token.toUpperCase()) return token;
    const fixed = vocabulary.isKnown(word) ? englishSpelling(word, vocabulary) : likeliest(word, vocabulary, /^[A-Z][a-z]/.test(token) && !startsSentence(text, offset));
    if (!fixed) return token;
    if (token === token.toUpperCase()) return fixed.toUpperCase();
    return /^[A-Z]/.test(token) ? fixed[0].toUpperCase() + fixed.slice(1) : fixed;
  });
}

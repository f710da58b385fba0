/**
 * Typo correction against the knowledge base's own words, before synonyms are applied. So a
 * misspelt synonym still reaches its group ("cigarete" → "cigarette" → tobacco), which fuzzy
 * search over the index could not do: the index only holds the group's term.
 *
 * Only words that are not English are corrected: a word of the English word list (english.ts)
 * is left as written even when the knowledge base does not know it, so "defective" is not
 * turned into "effective", nor "funds" into "found".
 *
 * Candidates one edit away (a dropped, extra or changed letter, or two neighbouring letters
 * swapped) are found with a deletion dictionary: every lexicon word is stored under each of its
 * one-letter deletions, so a lookup is a handful of map reads instead of a scan. This keeps a
 * correction in the microseconds.
 */
import { isEnglishWord } from './english';
import { isStopWord } from './stopwords';
import type { SynonymTable } from './synonyms';
import { words, type Word } from './words';

export interface Speller {
  /**
   * The stem of the lexicon word closest to a word as written or to its stem (one edit, most
   * frequent first), or undefined when the word is known, an English word, too short to
   * correct safely, or nothing is close. Both forms are tried because a typo can defeat the
   * stemmer ("consignie" stems to "consigni", two edits from "consignee" but one as written).
   *
   * @example
   * speller.correct({ text: 'counterfit', stem: 'counterfit' }); // 'counterfeit'
   */
  correct(word: { text: string; stem: string }): string | undefined;
  /**
   * How many documents use a word as written or as a stem; 0 for a word of the synonym tables
   * that no document uses, undefined for a word the lexicon does not hold.
   *
   * @example
   * speller.frequency('counterfeit'); // 31
   * speller.frequency('ordreed');     // undefined
   */
  frequency(word: string): number | undefined;
}

/** A word the speller knows: a surface form or stem, the stem it stands for, its frequency. */
export interface LexiconEntry {
  stem: string;
  frequency: number;
}

/** Words shorter than this are not corrected: short words have too many near neighbours. */
export const MIN_CORRECTABLE_LENGTH = 4;
/** Longer "words" (a pasted hash, a keyboard mash) are not words: not worth the lookups. */
export const MAX_CORRECTABLE_LENGTH = 30;

/**
 * A word the lexicon knows is still corrected when it occurs in at most this many documents
 * and a neighbour occurs in {@link MISSPELLING_RATIO} times as many: documents list misspelt
 * questions on purpose ("when was the section 321 exemtion created"), and one such line must
 * not make "exemtion" a word in its own right.
 */
export const RARE_FREQUENCY = 1;
export const MISSPELLING_RATIO = 5;
/**
 * A known word that is not English ("tarrif", listed in twelve documents' misspelt questions)
 * gives way to an English neighbour with the same first letter that occurs in at least this
 * many times as many documents ("tariff", 48). Otherwise the misspelling is a search term of
 * its own that only reaches the documents which happen to list it.
 */
export const NON_WORD_RATIO = 2;

/**
 * The word with the letter at `i` removed.
 *
 * @example
 * deleteAt('number', 4); // 'numbr'
 */
export function deleteAt(word: string, i: number): string {
  return word.slice(0, i) + word.slice(i + 1);
}

/**
 * Whether two words differ by swapping two neighbouring letters.
 *
 * @example
 * isSwap('tpye', 'type'); // true
 * isSwap('near', 'year'); // false
 */
export function isSwap(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  const diff: number[] = [];
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) diff.push(i);
  return diff.length === 2 && diff[1] === diff[0] + 1 && a[diff[0]] === b[diff[1]] && a[diff[1]] === b[diff[0]];
}

const VOWELS = new Set(['a', 'e', 'i', 'o', 'u']);

/**
 * Every string with two vowels, a letter or two apart, swapped ("costums" → "customs"): a slip
 * of two edits that one-edit correction does not reach.
 *
 * @example
 * vowelsSwapped('costums').has('customs'); // true
 */
export function vowelsSwapped(word: string): Set<string> {
  const out = new Set<string>();
  for (let i = 0; i < word.length; i++) {
    for (let j = i + 2; j <= i + 3 && j < word.length; j++) {
      if (!VOWELS.has(word[i]) || !VOWELS.has(word[j]) || word[i] === word[j]) continue;
      out.add(word.slice(0, i) + word[j] + word.slice(i + 1, j) + word[i] + word.slice(j + 1));
    }
  }
  return out;
}

/**
 * Whether two words differ by two vowels, a letter or two apart, written in each other's place:
 * "costums" for "customs" ("contianer" is a {@link isSwap} instead). Two edits, but one slip.
 *
 * @example
 * isVowelSwap('costums', 'customs'); // true
 * isVowelSwap('custom', 'costum');   // true
 * isVowelSwap('latter', 'letter');   // false (one vowel changed, not two swapped)
 */
export function isVowelSwap(a: string, b: string): boolean {
  return a.length === b.length && vowelsSwapped(a).has(b);
}

/**
 * Whether `candidate` is one letter longer than `word` with the other letters in order
 * ("numbr" → "number"): a dropped letter.
 *
 * @example
 * isDroppedLetter('secton', 'section'); // true
 */
export function isDroppedLetter(word: string, candidate: string): boolean {
  if (candidate.length !== word.length + 1) return false;
  let i = 0;
  while (i < word.length && word[i] === candidate[i]) i++;
  return word.slice(i) === candidate.slice(i + 1);
}

/**
 * Which one-edit corrections are believable typos rather than another real word. Short words
 * change meaning with one letter ("bread" → "break", "apple" → "apply", "near" → "year"), so
 * up to 6 letters only a dropped letter, a swap or (from 5 letters, unless `bySound` is false)
 * one letter written for another by sound is corrected; from 7 letters any one edit.
 *
 * @example
 * plausibleTypo('pliot', 'pilot');   // true (swap)
 * plausibleTypo('numbr', 'number');  // true (dropped letter)
 * plausibleTypo('bread', 'break');   // false
 * plausibleTypo('refuze', 'refuse'); // true (by sound)
 * plausibleTypo('costum', 'custom'); // true (vowels swapped)
 */
export function plausibleTypo(word: string, candidate: string, bySound = true): boolean {
  if (word.length >= 7) return true;
  return isSwap(word, candidate) || isVowelSwap(word, candidate) || isDroppedLetter(word, candidate) || sameBarDoubling(word, candidate) || (bySound && word.length >= 5 && isSoundAlike(word, candidate));
}

/** Letters people write for one another by sound: "refuze", "agensy", "seads". */
const SOUND_ALIKE = new Set(['sz', 'zs', 'cs', 'sc', 'ck', 'kc', 'ae', 'ea', 'ei', 'ie']);

/**
 * Whether two words of one length differ in one letter written for another by sound ("refuze"
 * for "refuse", "agensy" for "agency", "seads" for "seeds").
 *
 * @example
 * isSoundAlike('refuze', 'refuse'); // true
 * isSoundAlike('bread', 'break');   // false
 */
export function isSoundAlike(word: string, candidate: string): boolean {
  if (word.length !== candidate.length) return false;
  const diff: number[] = [];
  for (let i = 0; i < word.length && diff.length < 2; i++) if (word[i] !== candidate[i]) diff.push(i);
  return diff.length === 1 && SOUND_ALIKE.has(word[diff[0]] + candidate[diff[0]]);
}

/**
 * Whether two different words are the same once doubled letters are written once: the commonest
 * misspelling ("tarrif" for "tariff", "adress", "shiping"). Such pairs can be two edits apart.
 *
 * @example
 * sameBarDoubling('tarrif', 'tariff'); // true
 * sameBarDoubling('bred', 'bread');    // false
 */
export function sameBarDoubling(a: string, b: string): boolean {
  const single = (w: string) => w.replace(/(.)\1+/g, '$1');
  return a !== b && single(a) === single(b);
}

/**
 * Words at least this long may be two edits away when one of them is a doubled letter
 * ("prossesing" for "processing": "ss" for "c" and "s" for "ss"): long words have few neighbours.
 */
export const DOUBLED_AND_ONE_EDIT_LENGTH = 8;

/** A word with each run of one letter written once ("processing" → "procesing"). */
function collapsed(word: string): string {
  return word.replace(/(.)\1+/g, '$1');
}

/** How the speller tells a real word (never corrected) from a typo. */
export interface SpellerOptions {
  /** Whether a word as written is a real word; defaults to the English word list. */
  isWord?: (word: string) => boolean;
}

/**
 * Builds a speller over a lexicon: surface forms and stems, each with the stem it stands for
 * and a frequency (documents it occurs in).
 *
 * @example
 * const speller = createSpeller(new Map([['exemption', { stem: 'exemption', frequency: 9 }]]));
 * speller.correct({ text: 'exemtion', stem: 'exemtion' }); // 'exemption'
 * speller.correct({ text: 'defective', stem: 'defect' }); // undefined: an English word
 */
export function createSpeller(lexicon: ReadonlyMap<string, LexiconEntry>, options: SpellerOptions = {}): Speller {
  const isWord = options.isWord ?? isEnglishWord;
  const byDeletion = new Map<string, string[]>();
  for (const form of lexicon.keys()) {
    if (!/^[a-z]+$/.test(form) || form.length < MIN_CORRECTABLE_LENGTH - 1) continue;
    for (let i = 0; i < form.length; i++) {
      const key = deleteAt(form, i);
      const list = byDeletion.get(key);
      if (!list) byDeletion.set(key, [form]);
      else if (!list.includes(form)) list.push(form);
    }
  }

  /** Lexicon words one edit (or one swap) from `form`. */
  const neighbours = (form: string): Set<string> => {
    const found = new Set<string>(byDeletion.get(form) ?? []); // form lacks a letter
    for (let i = 0; i < form.length; i++) {
      const shorter = deleteAt(form, i);
      if (lexicon.has(shorter)) found.add(shorter); // form has an extra letter
      // A changed letter: the same word once the letter at i is taken from both. "complan" and
      // "compani" share "compan" only by dropping different letters, two edits ("complaning" is
      // not "company"); "tarrif" and "tariff" too, but that is a doubled letter misplaced.
      for (const c of byDeletion.get(shorter) ?? []) if (c.length === form.length && (deleteAt(c, i) === shorter || sameBarDoubling(form, c))) found.add(c);
      if (i + 1 < form.length) {
        const swapped = form.slice(0, i) + form[i + 1] + form[i] + form.slice(i + 2);
        if (lexicon.has(swapped)) found.add(swapped);
      }
    }
    found.delete(form);
    return found;
  };

  // The long lexicon words again, with doubled letters written once, in a deletion dictionary of
  // their own: a fallback for long words whose doubled letters are wrong besides one other letter.
  const byCollapsed = new Map<string, string[]>();
  const byCollapsedDeletion = new Map<string, string[]>();
  const push = (map: Map<string, string[]>, key: string, form: string) => {
    const list = map.get(key);
    if (!list) map.set(key, [form]);
    else if (!list.includes(form)) list.push(form);
  };
  for (const form of lexicon.keys()) {
    if (!/^[a-z]+$/.test(form) || form.length < DOUBLED_AND_ONE_EDIT_LENGTH) continue;
    const c = collapsed(form);
    push(byCollapsed, c, form);
    for (let i = 0; i < c.length; i++) push(byCollapsedDeletion, deleteAt(c, i), form);
  }

  /** Long lexicon words one edit from `form` once doubled letters are written once on both sides. */
  const collapsedNeighbours = (form: string): Set<string> => {
    const q = collapsed(form);
    const found = new Set<string>(byCollapsedDeletion.get(q) ?? []);
    for (let i = 0; i < q.length; i++) {
      const shorter = deleteAt(q, i);
      for (const c of byCollapsed.get(shorter) ?? []) found.add(c);
      for (const c of byCollapsedDeletion.get(shorter) ?? []) if (collapsed(c).length === q.length && deleteAt(collapsed(c), i) === shorter) found.add(c);
    }
    found.delete(form);
    return found;
  };

  const correctable = (w: string) => w.length >= MIN_CORRECTABLE_LENGTH && w.length <= MAX_CORRECTABLE_LENGTH && /^[a-z]+$/.test(w);

  return {
    frequency: (word) => lexicon.get(word)?.frequency,
    correct({ text, stem }) {
      if (!correctable(text) && !correctable(stem)) return undefined;
      // A real word stays as written, known or not ("funds" is not "found").
      if (isWord(text)) return undefined;
      const known = lexicon.get(text) ?? lexicon.get(stem);
      // A known rare word gives way only to a much more frequent neighbour; a known common one
      // only to a real word, as in NON_WORD_RATIO.
      const common = known !== undefined && known.frequency > RARE_FREQUENCY;
      const floor = !known ? 0 : common ? known.frequency * NON_WORD_RATIO : Math.max(1, known.frequency) * MISSPELLING_RATIO;
      let best: LexiconEntry | undefined;
      for (const form of new Set([text, stem])) {
        if (!correctable(form)) continue;
        for (const candidate of neighbours(form)) {
          if (!plausibleTypo(form, candidate)) continue;
          if (common && (candidate[0] !== form[0] || !isWord(candidate))) continue;
          const entry = lexicon.get(candidate)!;
          if (entry.stem === known?.stem || entry.frequency < floor) continue;
          if (!best || entry.frequency > best.frequency) best = entry;
        }
      }
      if (!best && !known && text.length >= DOUBLED_AND_ONE_EDIT_LENGTH && correctable(text)) {
        // Same first letter only: two edits leave little else to go on.
        for (const candidate of collapsedNeighbours(text)) {
          const entry = lexicon.get(candidate)!;
          if (candidate[0] === text[0] && (!best || entry.frequency > best.frequency)) best = entry;
        }
      }
      return best?.stem;
    },
  };
}

/**
 * The words the speller may correct to: every word of the documents as written and as a stem
 * (frequency = documents it occurs in), plus the words of the synonym and other-CBP tables,
 * so that "precheck" is not "corrected" into a document word. A document is given as its text or
 * as its words (`words(text)`, when the caller has split it already).
 *
 * @example
 * const speller = createSpeller(buildLexicon(texts, synonyms));
 */
export function buildLexicon(texts: readonly (string | readonly Word[])[], synonyms: SynonymTable): Map<string, LexiconEntry> {
  const lexicon = new Map<string, LexiconEntry>();
  const add = (text: string | readonly Word[], counted: boolean) => {
    const seen = new Set<string>();
    for (const w of typeof text === 'string' ? words(text) : text) {
      if (isStopWord(w.text)) continue;
      for (const form of [w.text, w.stem]) {
        if (seen.has(form)) continue;
        seen.add(form);
        const entry = lexicon.get(form) ?? { stem: w.stem, frequency: 0 };
        if (counted) entry.frequency += 1;
        lexicon.set(form, entry);
      }
    }
  };
  for (const text of texts) add(text, true);
  for (const phrase of [...synonyms.groups.flat(), ...synonyms.otherCbp, ...(synonyms.carried ?? [])]) add(phrase, false);
  return lexicon;
}

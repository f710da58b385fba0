/**
 * The world's other currencies as people write them beside a sum: the currency's name ("3,000
 * Philippine pesos", "250 Peruvian soles"), its unit word ("45,000 naira", "2,000 hryvnia") and its
 * sign ("₦45,000", "S/ 250"). Read from `world-countries` (ODbL), so a sum in any currency is
 * recognised and the person asked for dollars, rather than the sum being missed and the shipment
 * not read at all. `money.ts` checks its own table first (slang, "quid", "Aussie dollars", the
 * labels its replies have always used), then these.
 */
import { foldAccents } from '../../text/normalize';
import { worldCountries } from './worldCountries';

/** A currency word or name as a pattern (lower case, accents folded), and the label said back. */
export interface CurrencyWord {
  pattern: RegExp;
  /** The ISO code, or two or three codes ("BGN or MDL"), or the word itself when many share it ("dinars"). */
  label: string;
}

/**
 * Unit words left out: "dollar" and "pound" are `money.ts`'s own (a bare "dollar" is the U.S. one),
 * and the rest are everyday English ("20 mark", "a real 50"), or not a unit at all.
 */
const NOT_UNIT_WORDS = new Set(['dollar', 'pound', 'mark', 'real', 'bonds', 'soberano', 'colon']);
/** Plurals that are not the word plus -s or -es. */
const IRREGULAR_PLURALS: Readonly<Record<string, string>> = { leu: 'lei', lev: 'leva' };
/** Unit words read only in the plural: "2 sol de janeiro" is a perfume, "250 soles" a sum. */
const PLURAL_ONLY: Readonly<Record<string, string>> = { sol: 'soles' };
/**
 * Signs made of letters alone are English words or units before a number too ("ft 6", "km 12"),
 * so of those only the ones people write before a sum are read.
 */
const LETTER_SIGNS = new Set(['rp', 'rm']);

/** The currencies' words, names and signs, built once. */
export interface CurrencyTable {
  /** Checked in order; names before unit words, so "Philippine pesos" is not read as bare "pesos". */
  words: readonly CurrencyWord[];
  /** One alternation of every name and unit word (with plurals), for finding sums in text. */
  wordSource: string;
  /** Signs written before a sum ("₦", "s/"), with their labels. */
  signs: readonly CurrencyWord[];
  /** One alternation of the signs. */
  signSource: string;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
const plural = (word: string) =>
  PLURAL_ONLY[word] ?? (IRREGULAR_PLURALS[word] ? `(?:${escape(word)}|${IRREGULAR_PLURALS[word]})` : `${escape(word)}(?:s|es)?`);
/** One code, two or three ("BGN or MDL"), or `many` when more share the word or sign. */
const labelFor = (codes: readonly string[], many: string) =>
  codes.length === 1 ? codes[0] : codes.length <= 3 ? `${codes.slice(0, -1).join(', ')} or ${codes[codes.length - 1]}` : many;

/**
 * Builds the table from `world-countries`' currencies, U.S. dollars left out.
 *
 * @example
 * const table = currencyTable();
 * table.words.find((w) => w.pattern.test('45,000 naira'))?.label; // 'NGN'
 * table.words.find((w) => w.pattern.test('3,000 philippine pesos'))?.label; // 'PHP'
 */
export function currencyTable(): CurrencyTable {
  const byCode = new Map<string, { name: string; symbol: string }>();
  for (const country of worldCountries()) {
    for (const [code, c] of Object.entries(country.currencies ?? {})) {
      if (code !== 'USD' && c.name) byCode.set(code, { name: foldAccents(c.name).replace(/['ʻ]/g, ''), symbol: c.symbol ?? '' });
    }
  }
  const names: CurrencyWord[] = [];
  const unitCodes = new Map<string, string[]>();
  const signCodes = new Map<string, string[]>();
  for (const [code, { name, symbol }] of byCode) {
    const words = name.split(/\s+/);
    const unit = words[words.length - 1];
    if (words.length > 1) names.push({ pattern: new RegExp(`\\b${words.slice(0, -1).map(escape).join('\\s')}\\s${plural(unit)}\\b`), label: code });
    if (!NOT_UNIT_WORDS.has(unit)) unitCodes.set(unit, [...(unitCodes.get(unit) ?? []), code]);
    for (const sign of symbol.split(/\s+/).map((s) => s.toLowerCase()).filter(Boolean)) {
      // A bare "$", "£" or "¥" is money.ts's; one letter ("с") is a word; letters alone only where listed.
      if (/^[$£¥€]$|^\p{L}$/u.test(sign) || (/^[a-z]+$/.test(sign) && !LETTER_SIGNS.has(sign))) continue;
      if (!/^[a-z]+[.$/]+$|[^\x00-\x7f]/.test(sign) && !LETTER_SIGNS.has(sign)) continue;
      // "S/." is written "S/ 250" too; "Bs." keeps its dot, or it would be letters alone.
      const key = /^[a-z]+\/\.$/.test(sign) ? sign.slice(0, -1) : sign;
      signCodes.set(key, [...(signCodes.get(key) ?? []), code]);
    }
  }
  const units: CurrencyWord[] = [...unitCodes].map(([unit, codes]) => ({
    pattern: new RegExp(`\\b${plural(unit)}\\b`),
    label: labelFor(codes, `${unit}s`),
  }));
  const signs: CurrencyWord[] = [...signCodes]
    .sort(([a], [b]) => b.length - a.length)
    .map(([sign, codes]) => ({ pattern: new RegExp(`(?:^|[^\\p{L}])${escape(sign)}`, 'u'), label: labelFor(codes, sign) }));
  const words = [...names, ...units];
  return {
    words,
    wordSource: words.map((w) => w.pattern.source.replace(/^\\b|\\b$/g, '')).join('|'),
    signs,
    signSource: [...signCodes.keys()].sort((a, b) => b.length - a.length).map(escape).join('|'),
  };
}

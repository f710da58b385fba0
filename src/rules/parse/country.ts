/**
 * Countries by name, alias or ISO code, using the editable table in
 * `knowledge/rules/countries.json`.
 */
import { countriesInUse, countryAliases, isCountryCode, type CountryTable } from '../countries';
import { countryKey } from '../../text/normalize';

const LEAD_IN = /^(?:(?:it|they|its|it s|they re|theyre|the goods|the package|goods) )?(?:(?:is|are|was|were|came|come|comes|come from) )?(?:(?:made|shipped|sent|mailed|ordered|bought|coming) )?(?:(?:from|in) )?(?:the )?/;

/**
 * The ISO alpha-2 code for a country answer, or undefined when none (or two different ones)
 * are named.
 *
 * @example
 * parseCountry('UK'); // 'GB'
 * parseCountry('mainland china'); // 'CN'
 * parseCountry('hk'); // 'HK'
 * parseCountry('it was made in Germany'); // 'DE'
 */
export function parseCountry(text: string, table: CountryTable = countriesInUse()): string | undefined {
  const n = countryKey(text);
  if (!n) return undefined;
  const aliases = countryAliases(table);
  const direct = aliases.get(n) ?? aliases.get(n.replace(LEAD_IN, ''));
  if (direct) return direct;
  if (/^[a-z]{2}$/.test(n) && isCountryCode(n.toUpperCase(), table)) return n.toUpperCase();
  const found = new Set(countriesMentioned(n, table).map((m) => m.code));
  return found.size === 1 ? [...found][0] : undefined;
}

/**
 * Countries named (3+ letters, so "in" or "to" never count as India or Tonga) in a normalized
 * text, longest name first at each place ("American Samoa", not "Samoa").
 *
 * @example
 * countriesMentioned('a gift from american samoa'); // [{ code: 'AS', index: 12, name: 'american samoa' }]
 */
export function countriesMentioned(normalized: string, table: CountryTable = countriesInUse()): Array<{ code: string; index: number; name: string }> {
  const { byName, rank, maxWords } = namesOf(table);
  // Every name at every word start (normalized text is single-spaced [a-z0-9 ]), looked up
  // rather than searched for with one expression per name (there are hundreds of them).
  const starts: number[] = [];
  for (let i = 0; i < normalized.length; i++) if (normalized[i] !== ' ' && (i === 0 || normalized[i - 1] === ' ')) starts.push(i);
  const candidates: Array<{ code: string; index: number; name: string }> = [];
  for (let w = 0; w < starts.length; w++) {
    for (let k = 1; k <= maxWords && w + k <= starts.length; k++) {
      const end = w + k < starts.length ? starts[w + k] - 1 : normalized.length;
      const name = normalized.slice(starts[w], end).trimEnd();
      const code = byName.get(name);
      if (code) candidates.push({ code, index: starts[w], name });
    }
  }
  // Longest name first, then the table's order, then left to right; a name never overlaps one
  // taken before it ("American Samoa", not "Samoa").
  candidates.sort((a, b) => b.name.length - a.name.length || rank.get(a.name)! - rank.get(b.name)! || a.index - b.index);
  const taken: boolean[] = [];
  const found: Array<{ code: string; index: number; name: string }> = [];
  for (const c of candidates) {
    if (taken.slice(c.index, c.index + c.name.length).some(Boolean)) continue;
    for (let i = c.index; i < c.index + c.name.length; i++) taken[i] = true;
    found.push(c);
  }
  return found.sort((a, b) => a.index - b.index);
}

const namesCache = new WeakMap<CountryTable, { byName: Map<string, string>; rank: Map<string, number>; maxWords: number }>();

/** The names of 3+ letters with their codes, their order (longest first) and the most words in one. */
function namesOf(table: CountryTable): { byName: Map<string, string>; rank: Map<string, number>; maxWords: number } {
  let names = namesCache.get(table);
  if (!names) {
    const sorted = [...countryAliases(table).entries()].filter(([name]) => name.length >= 3).sort((a, b) => b[0].length - a[0].length);
    names = {
      byName: new Map(sorted),
      rank: new Map(sorted.map(([name], i) => [name, i])),
      maxWords: Math.max(1, ...sorted.map(([name]) => name.split(' ').length)),
    };
    namesCache.set(table, names);
  }
  return names;
}

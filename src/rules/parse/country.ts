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
  const names = [...countryAliases(table).entries()].filter(([name]) => name.length >= 3).sort((a, b) => b[0].length - a[0].length);
  const taken: boolean[] = [];
  const found: Array<{ code: string; index: number; name: string }> = [];
  for (const [name, code] of names) {
    // Normalized names hold only [a-z0-9 ], so they need no escaping.
    const pattern = new RegExp(`(?:^| )${name}(?= |$)`, 'g');
    for (const m of normalized.matchAll(pattern)) {
      const index = (m.index ?? 0) + (m[0].startsWith(' ') ? 1 : 0);
      if (taken.slice(index, index + name.length).some(Boolean)) continue;
      for (let i = index; i < index + name.length; i++) taken[i] = true;
      found.push({ code, index, name });
    }
  }
  return found.sort((a, b) => a.index - b.index);
}

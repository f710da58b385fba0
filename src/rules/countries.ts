/**
 * The country table (`knowledge/rules/countries.json`): ISO 3166-1 alpha-2 codes with the
 * names and aliases people type. Content editors add aliases there, not here.
 */
import countryFile from '../../knowledge/rules/countries.json';
import type { Problem } from '../problems';
import { countryKey } from '../text/normalize';

/** Code → names; the first name is the one shown to people. */
export type CountryTable = Readonly<Record<string, readonly string[]>>;

/** The bundled table, without its `_about` note. */
export const COUNTRIES: CountryTable = Object.fromEntries(
  Object.entries(countryFile as Record<string, unknown>).filter(
    (entry): entry is [string, string[]] => /^[A-Z]{2}$/.test(entry[0]) && Array.isArray(entry[1]),
  ),
);

/**
 * A country name as the table is keyed: lower case, accents and punctuation removed, so
 * "Côte d'Ivoire" and "cote divoire" match and "U.S." becomes "us" (`countryKey` in
 * src/text/normalize.ts).
 *
 * @example
 * normalizeName('  Côte d’Ivoire '); // 'cote divoire'
 */
export const normalizeName = countryKey;

/**
 * Whether `code` is an ISO alpha-2 code in the table.
 *
 * @example
 * isCountryCode('GU'); // true
 * isCountryCode('XX'); // false
 */
export function isCountryCode(code: unknown, table: CountryTable = COUNTRIES): code is string {
  return typeof code === 'string' && Object.prototype.hasOwnProperty.call(table, code);
}

/**
 * The name shown for a code (the code itself when unknown).
 *
 * @example
 * countryName('GB'); // 'United Kingdom'
 */
export function countryName(code: string, table: CountryTable = COUNTRIES): string {
  return (isCountryCode(code, table) && table[code][0]) || code;
}

const indexCache = new WeakMap<CountryTable, Map<string, string>>();

/**
 * Normalized name or alias → code, built once per table.
 *
 * @example
 * countryAliases().get('mainland china'); // 'CN'
 */
export function countryAliases(table: CountryTable = COUNTRIES): ReadonlyMap<string, string> {
  let index = indexCache.get(table);
  if (!index) {
    index = new Map();
    for (const [code, names] of Object.entries(table)) {
      for (const name of names) {
        const key = normalizeName(name);
        if (key && !index.has(key)) index.set(key, code);
      }
    }
    indexCache.set(table, index);
  }
  return index;
}

/**
 * Problems in a country table: bad codes, empty name lists, an alias used by two codes.
 *
 * @example
 * checkCountryTable({ GB: ['UK'], UA: ['UK'] }, 'countries.json');
 * // [{ field: 'UA[0]', problem: '"UK" is already a name of GB', severity: 'error', … }]
 */
export function checkCountryTable(table: Readonly<Record<string, unknown>>, file: string): Problem[] {
  const problems: Problem[] = [];
  const owner = new Map<string, string>();
  for (const [code, names] of Object.entries(table)) {
    if (code.startsWith('_')) continue;
    if (!/^[A-Z]{2}$/.test(code)) {
      problems.push({ file, field: code, problem: 'a country code is two capital letters (ISO 3166-1 alpha-2), like "GB"', severity: 'error' });
      continue;
    }
    if (!Array.isArray(names) || names.length === 0 || !names.every((n) => typeof n === 'string' && n.trim() !== '')) {
      problems.push({ file, field: code, problem: 'give a list of names, the shown name first, like ["United Kingdom", "UK"]', severity: 'error' });
      continue;
    }
    names.forEach((name: string, i: number) => {
      const key = normalizeName(name);
      const earlier = owner.get(key);
      if (earlier && earlier !== code) problems.push({ file, field: `${code}[${i}]`, problem: `"${name}" is already a name of ${earlier}`, severity: 'error' });
      else owner.set(key, code);
    });
  }
  return problems;
}

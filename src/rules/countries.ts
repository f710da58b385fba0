/**
 * The country table (`knowledge/rules/countries.json`): ISO 3166-1 alpha-2 codes with the
 * names and aliases people type. Content editors add aliases there, not here.
 *
 * Data read at run time, like the rules: the loader reads the countries.json beside the rule
 * file and the app puts it in use with the rules (`useCountries`), at start and on staff
 * `reload`. Until then (tests, tools) the functions here use knowledge/rules/countries.json.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Problem } from '../problems';
import { countryKey } from '../text/normalize';

/** Code → names; the first name is the one shown to people. */
export type CountryTable = Readonly<Record<string, readonly string[]>>;

/** The country file's name; it sits beside the rule file (knowledge/rules/countries.json). */
export const COUNTRIES_FILE_NAME = 'countries.json';
/** The table used before the app puts one in use (tests, tools), from the working directory like KNOWLEDGE_DIR. */
export const DEFAULT_COUNTRIES_FILE = path.join('knowledge', 'rules', COUNTRIES_FILE_NAME);

/**
 * The table in a parsed countries.json: the two-letter codes with a list of names, without the
 * `_about` note (checkCountryTable reports anything else).
 *
 * @example
 * countryTableFrom({ _about: 'note', GB: ['United Kingdom', 'UK'] }); // { GB: ['United Kingdom', 'UK'] }
 */
export function countryTableFrom(data: unknown): CountryTable {
  if (!data || typeof data !== 'object' || Array.isArray(data)) return {};
  return Object.fromEntries(
    Object.entries(data as Record<string, unknown>).filter(
      (entry): entry is [string, string[]] => /^[A-Z]{2}$/.test(entry[0]) && Array.isArray(entry[1]),
    ),
  );
}

/**
 * Reads and checks a countries.json: the table when it has no error, and every problem found.
 *
 * @example
 * readCountryTable('knowledge/rules/countries.json'); // { table: { AD: ['Andorra'], … }, problems: [] }
 */
export function readCountryTable(file: string): { table?: CountryTable; problems: Problem[] } {
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    const problem = (err as NodeJS.ErrnoException).code ? `cannot read the file: ${(err as Error).message}` : `not valid JSON: ${(err as Error).message}`;
    return { problems: [{ file, field: '(file)', problem, severity: 'error' }] };
  }
  if (!data || typeof data !== 'object' || Array.isArray(data)) {
    return { problems: [{ file, field: '(top level)', problem: 'give an object of country codes and names, like { "GB": ["United Kingdom", "UK"] }', severity: 'error' }] };
  }
  const problems = checkCountryTable(data as Record<string, unknown>, file);
  return problems.some((p) => p.severity === 'error') ? { problems } : { table: countryTableFrom(data), problems };
}

let inUse: CountryTable | undefined;

/**
 * The country table in use in this process: the one the rules were last loaded or reloaded
 * with (`useCountries`), or else DEFAULT_COUNTRIES_FILE, read once. The lookups below use it
 * unless given a table.
 *
 * @example
 * countriesInUse().GB; // ['United Kingdom', 'UK', 'Britain', …]
 */
export function countriesInUse(): CountryTable {
  if (!inUse) {
    const { table, problems } = readCountryTable(DEFAULT_COUNTRIES_FILE);
    if (!table) throw new Error(`The country table could not be read: ${problems.map((p) => `${p.file}: ${p.field}: ${p.problem}`).join('; ')}`);
    inUse = table;
  }
  return inUse;
}

/**
 * Puts a country table in use for the whole process (the app does, with the rules it loaded).
 *
 * @example
 * useCountries(ruleSet.countries);
 */
export function useCountries(table: CountryTable): void {
  inUse = table;
}

/**
 * Whether `code` is an ISO alpha-2 code in the table.
 *
 * @example
 * isCountryCode('GU'); // true
 * isCountryCode('XX'); // false
 */
export function isCountryCode(code: unknown, table: CountryTable = countriesInUse()): code is string {
  return typeof code === 'string' && Object.prototype.hasOwnProperty.call(table, code);
}

/**
 * The name shown for a code (the code itself when unknown).
 *
 * @example
 * countryName('GB'); // 'United Kingdom'
 */
export function countryName(code: string, table: CountryTable = countriesInUse()): string {
  return (isCountryCode(code, table) && table[code][0]) || code;
}

const indexCache = new WeakMap<CountryTable, Map<string, string>>();

/**
 * Normalized name or alias → code, built once per table.
 *
 * @example
 * countryAliases().get('mainland china'); // 'CN'
 */
export function countryAliases(table: CountryTable = countriesInUse()): ReadonlyMap<string, string> {
  let index = indexCache.get(table);
  if (!index) {
    index = new Map();
    for (const [code, names] of Object.entries(table)) {
      for (const name of names) {
        const key = countryKey(name);
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
      const key = countryKey(name);
      const earlier = owner.get(key);
      if (earlier && earlier !== code) problems.push({ file, field: `${code}[${i}]`, problem: `"${name}" is already a name of ${earlier}`, severity: 'error' });
      else owner.set(key, code);
    });
  }
  return problems;
}

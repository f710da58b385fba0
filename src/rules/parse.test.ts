/**
 * The answer parsers, format by format. Every date is relative to a fixed `today`.
 */
import fc from 'fast-check';
import {
  countriesInUse,
  countryName,
  extractFacts,
  withBothDaysDated,
  withYearsNamed,
  withHolidaysAsMonths,
  factsInAnswer,
  isQuestion,
  isUnsure,
  mentionsPastArrival,
  UNKNOWN,
  withoutNegations,
  type FactKey,
  type ShipmentFacts,
  parseAnswer,
  parseContents,
  parseCountry,
  parseDate,
  parseKind,
  parseMode,
  parseMoney,
  findMoney,
  parseYesNo,
  rulesChangeBetween,
} from './index';
import { bundledRules } from './testRules';
import { displayDate } from '../dates';
import { countryAliases } from './countries';
import { countriesMentioned } from './parse/country';
import { chrono, mayHoldDate } from './parse/chrono';
import { readQuestions } from '../knowledge/evaluate';
import { tenseAround } from './parse/extract';
import { readRealQuestions } from '../understanding/evaluate';
import path from 'node:path';

const rules = bundledRules();
const TODAY = '2026-11-25'; // a Wednesday

describe('parseMoney', () => {
  it.each([
    ['$1,200.50', { usd: 1200.5 }],
    ['about 300 dollars', { usd: 300, approximate: true }],
    ['300', { usd: 300 }],
    ['300 usd', { usd: 300 }],
    ['300 USD', { usd: 300 }],
    ['US$45', { usd: 45 }],
    ['1.2k', { usd: 1200 }],
    ['$ 45.99', { usd: 45.99 }],
    ['300$', { usd: 300 }],
    ['around $80', { usd: 80, approximate: true }],
    ['$0', { usd: 0 }],
    ['nothing', { usd: 0 }],
    ['25 bucks', { usd: 25 }],
    ['under $100', { usd: 100, bound: 'at-most' }],
    ['over 800', { usd: 800, bound: 'more-than' }],
    // A comma after the amount is not part of it.
    ['$60,', { usd: 60 }],
  ])('%s', (text, expected) => expect(parseMoney(text)).toEqual(expected));

  it.each([
    ['€50', 'EUR', 50],
    ['50 euros', 'EUR', 50],
    ['£20', 'GBP', 20],
    ['20 pounds', 'GBP', 20],
    ['40 quid', 'GBP', 40],
    ['C$30', 'CAD', 30],
    ['100 canadian dollars', 'CAD', 100],
    ['500 yen', 'JPY', 500],
    ['200 RMB', 'CNY', 200],
    ['¥500', 'CNY or JPY', 500],
    ['12,000 forint', 'HUF', 12000],
    ['5,000 Jamaican dollars', 'JMD', 5000],
    ['150 Aussie dollars', 'AUD', 150],
  ])('%s is a foreign currency', (text, currency, amount) => expect(parseMoney(text)).toEqual({ currency, amount }));

  it.each(['-5', '$-20', 'minus 40', 'negative 3', '', 'a lot', '12 and 13', '1,5', 'between 300 and 400'])('refuses %j', (text) => {
    expect(parseMoney(text)).toBeUndefined();
  });

  it.each([
    ['sixty', { usd: 60, inWords: true }],
    ['about seventy dollars', { usd: 70, approximate: true, inWords: true }],
    ['one hundred and twenty bucks', { usd: 120, inWords: true }],
    ['twenty-five hundred', { usd: 2500, inWords: true }],
    ['eighty euros', { currency: 'EUR', amount: 80 }],
  ])('reads a sum written in words: %s', (text, expected) => expect(parseMoney(text)).toEqual(expected));
});

describe("findMoney in the world's other currencies (currencies.ts, from world-countries)", () => {
  it.each([
    ['he spent about 45,000 naira, roughly 30 dollars', [{ currency: 'NGN', amount: 45000 }, { usd: 30 }]],
    ['she paid S/ 250 for it', [{ currency: 'PEN', amount: 250 }]],
    ['value 250 soles, arriving tomorrow', [{ currency: 'PEN', amount: 250 }]],
    ['about 3,000 Philippine pesos', [{ currency: 'PHP', amount: 3000 }]],
    ['una blusa de 80 mil pesos', [{ currency: 'pesos', amount: 80000 }]],
    ['she paid about 900 NT dollars', [{ currency: 'TWD', amount: 900 }]],
    ['₦45,000 and ₹500', [{ currency: 'NGN', amount: 45000 }, { currency: 'INR', amount: 500 }]],
    ['RM 50 from Kuala Lumpur', [{ currency: 'MYR', amount: 50 }]],
    ['about 2,000 hryvnia (~$48)', [{ currency: 'UAH', amount: 2000 }, { usd: 48 }]],
  ])('%s', (text, expected) => expect(findMoney(text).map((m) => m.money)).toEqual(expected));

  it.each(['I bought 2 Sol de Janeiro perfumes', 'it is 5 km away and 6 ft tall', 'our team won 3 games'])('finds no sum in %j', (text) => {
    expect(findMoney(text)).toEqual([]);
  });
});

describe('findMoney with the currency code first, as invoices and business emails write it', () => {
  it('reads "USD 3,200", "USD45" and "EUR 40" in running text', () => {
    expect(findMoney('we paid USD 3,200 for the lot, then USD45 for freight and EUR 40 for the box').map((m) => [m.text, m.money])).toEqual([
      ['USD 3,200', { usd: 3200 }],
      ['USD45', { usd: 45 }],
      ['EUR 40', { currency: 'EUR', amount: 40 }],
    ]);
  });

  it('reads sums with a currency word after them in running text: won, złoty, francs, forint (session 21)', () => {
    expect(findMoney('about 90,000 won of snacks and 300 złoty of amber, or 1,200 francs').map((m) => m.money)).toEqual([
      { currency: 'KRW', amount: 90000 },
      { currency: 'PLN', amount: 300 },
      { currency: 'CHF', amount: 1200 },
    ]);
    expect(findMoney('our team won 3 games')).toEqual([]);
  });

  it('does not take a code inside a word for one', () => {
    expect(findMoney('the ausd 40 and the gbp-style number 12')).toEqual([]);
  });
});

describe('findMoney with sums written in words (dictated or spelled out)', () => {
  it('finds them in running text, in order with sums in digits', () => {
    expect(findMoney('a sixty dollar jacket, then $40 of shipping and seventy five dollars more').map((m) => [m.text, m.money])).toEqual([
      ['sixty dollar', { usd: 60, inWords: true }],
      ['$40', { usd: 40 }],
      ['seventy five dollars', { usd: 75, inWords: true }],
    ]);
    expect(findMoney('he paid about one hundred seventy dollars for it')[0].money).toEqual({ usd: 170, inWords: true });
    expect(findMoney('worth twenty five hundred dollars')[0].money).toEqual({ usd: 2500, inWords: true });
  });

  it('leaves number words that are not sums alone', () => {
    expect(findMoney('no one knows, it was one of two boxes')).toEqual([]);
  });
});

describe('years named relative to today ("March last year", "two years ago")', () => {
  it.each([
    ['March last year', '2025-03-15'],
    ['last year in March', '2025-03-15'],
    ['in March of last year', '2025-03-15'],
    ['May this year', '2026-05-15'],
    // "last March" is the March before today: this year's.
    ['last March', '2026-03-15'],
  ])('%s is %s', (text, date) => expect(parseDate(text, TODAY)).toMatchObject({ ok: true, date }));

  it('a year alone is the whole year', () => {
    expect(parseDate('two years ago', TODAY)).toMatchObject({ ok: true, approximate: { from: '2024-01-01', to: '2024-12-31' } });
    expect(parseDate('the year before last', TODAY)).toMatchObject({ ok: true, approximate: { from: '2024-01-01', to: '2024-12-31' } });
  });

  it('in a message, the year is read; a year in which the rules changed makes the day matter', () => {
    expect(extractFacts('my $60 sweater from the UK came in March last year', TODAY, rules).facts.entryDate).toBe('2025-03-15');
    expect(extractFacts('Last year in March I receive a gift of 90 dollars from my aunt in Canada', TODAY, rules).facts).toMatchObject({ valueUsd: 90, kind: 'gift', entryDate: '2025-03-15' });
    expect(extractFacts('I ordered a $50 lamp from France last year', TODAY, rules).unclearDate).toMatchObject({ from: '2025-01-01', to: '2025-12-31' });
    expect(withYearsNamed('I bought it two years ago, it was fine', TODAY)).toBe('I bought it in 2024, it was fine');
    // Nothing named relative to today: the text is unchanged.
    expect(withYearsNamed('I have sold online for two years', TODAY)).toBe('I have sold online for two years');
  });

  it("a date still to come keeps this year, whatever year the story names (the date's own sentence sets its tense)", () => {
    const letter = "Last year's rule change frightened my sister in Ireland. She'd like to post the gift by 5 December so it arrives in time.";
    expect(extractFacts(letter, TODAY, rules).facts.entryDate).toBe('2026-12-05');
    // Told in the past, the same day is last year's; a sentence that does not say leaves it to the message.
    expect(extractFacts("Last year's rule change was a shock. The gift from Ireland arrived on 5 December.", TODAY, rules).facts.entryDate).toBe('2025-12-05');
    expect(tenseAround('My parcel from May is stuck. I ordered it online.', 'May')).toBeUndefined();
  });
});

describe('seasons ("last summer", "in the fall of 2025")', () => {
  it.each([
    ['last summer', '2026-06-01', '2026-08-31'],
    ['in the fall of 2025', '2025-09-01', '2025-11-30'],
    ['summer 2025', '2025-06-01', '2025-08-31'],
    ['this spring', '2026-03-01', '2026-05-31'],
    ['next spring', '2027-03-01', '2027-05-31'],
    // Typed alone as the answer to "when did it arrive?".
    ['summer', '2026-06-01', '2026-08-31'],
  ])('%s is %s to %s', (text, from, to) => expect(parseDate(text, TODAY)).toMatchObject({ ok: true, approximate: { from, to } }));

  it('in a message: a season across a rule change makes the day matter; "fall under" is no season', () => {
    expect(extractFacts('my aunt in Spain sent me a $150 gift in summer 2025', TODAY, rules).unclearDate).toMatchObject({ from: '2025-06-01', to: '2025-08-31', changes: ['2025-08-29'] });
    expect(extractFacts('I ordered a $45 shirt from the UK last summer', TODAY, rules).facts.entryDate).toBe('2026-07-16');
    expect(extractFacts('does my $90 gift fall under the limit', TODAY, rules).facts.entryDate).toBeUndefined();
  });
});

describe('holidays ("around Christmas", "the week before Christmas last year")', () => {
  it.each([
    ['Christmas 2025', '2025-12-21', '2025-12-31'],
    ['the week before Christmas last year', '2025-12-11', '2025-12-20'],
    ['around Thanksgiving', '2026-11-21', '2026-11-30'],
  ])('%s is %s to %s', (text, from, to) => expect(parseDate(text, TODAY)).toMatchObject({ ok: true, approximate: { from, to } }));

  it('in a message, a holiday is the date (chrono read "the week before" as a week before today)', () => {
    expect(extractFacts('a $35 hoodie from Leeds delivered the week before Christmas last year', TODAY, rules).facts.entryDate).toBe('2025-12-15');
    expect(withHolidaysAsMonths('my New Year resolution')).toBe('my New Year resolution');
    expect(withHolidaysAsMonths('it came from Christmas Island')).toBe('it came from Christmas Island');
    expect(withHolidaysAsMonths('Oma mailed me Christmas cookies as a gift for Christmas')).toBe('Oma mailed me Christmas cookies as a gift for Christmas');
    expect(parseDate('Christmas', TODAY)).toMatchObject({ ok: true, approximate: { from: '2026-12-21', to: '2026-12-31' } });
  });
});

describe('parseDate', () => {
  it.each([
    ['today', '2026-11-25'],
    ['Today.', '2026-11-25'],
    ['now', '2026-11-25'],
    ['yesterday', '2026-11-24'],
    ['last Tuesday', '2026-11-24'],
    ['2 days ago', '2026-11-23'],
    ['March 1 2025', '2025-03-01'],
    ['1 March 2025', '2025-03-01'],
    ['March 1st, 2025', '2025-03-01'],
    ['the 3rd of March 2025', '2025-03-03'],
    ['2025-03-01', '2025-03-01'],
    ['2025-3-1', '2025-03-01'],
    ['25/03/2025', '2025-03-25'],
    ['3/25/2025', '2025-03-25'],
    ['4/4/25', '2025-04-04'],
    ['next week', '2026-12-02'],
    ['in 3 weeks', '2026-12-16'],
    ['29 Aug 2025', '2025-08-29'],
    ['1 July 2027', '2027-07-01'],
    ['25 Nov 2027', '2027-11-25'],
  ])('%s', (text, date) => expect(parseDate(text, TODAY)).toMatchObject({ ok: true, date }));

  it('a month gives the middle of the month, says so, and gives the range', () => {
    expect(parseDate('in March 2025', TODAY)).toEqual({
      ok: true,
      date: '2025-03-15',
      approximate: { from: '2025-03-01', to: '2025-03-31' },
      note: 'I used 15 Mar 2025, the middle of March 2025.',
    });
  });

  it('a year alone gives the middle of the year', () => {
    expect(parseDate('in 2024', TODAY)).toMatchObject({ ok: true, date: '2024-07-01', approximate: { from: '2024-01-01', to: '2024-12-31' } });
  });

  it('a month without a year that already passed, said in the past tense, is the last one', () => {
    expect(parseDate('it arrived in May', TODAY)).toMatchObject({ ok: true, date: '2026-05-15' });
    expect(parseDate('in May', TODAY, { pastTense: true })).toMatchObject({ ok: true, date: '2026-05-15' });
  });

  it('asks instead of guessing day and month order', () => {
    const result = parseDate('03/04/2025', TODAY);
    expect(result).toEqual({ ok: false, reason: expect.stringContaining('4 Mar 2025 or 3 Apr 2025') });
  });

  it.each([
    ['26 Nov 2027', 'more than a year ahead'],
    ['2028-01-01', 'more than a year ahead'],
    ['2025-02-30', 'not a real date'],
    ['13/13/2025', 'not a real date'],
    ['blah', 'did not understand'],
    ['', 'type a date'],
    ['1 March 1850', 'too far in the past'],
  ])('refuses %j', (text, reason) => expect(parseDate(text, TODAY)).toEqual({ ok: false, reason: expect.stringContaining(reason) }));

  it.each([
    ['early May 2025', '2025-05-05', '2025-05-01', '2025-05-10'],
    ['the start of May 2025', '2025-05-05', '2025-05-01', '2025-05-10'],
    ['mid-August 2025', '2025-08-15', '2025-08-11', '2025-08-20'],
    ['the middle of Aug 2025', '2025-08-15', '2025-08-11', '2025-08-20'],
    ['late August 2025', '2025-08-26', '2025-08-21', '2025-08-31'],
    ['the end of April 2025', '2025-04-25', '2025-04-21', '2025-04-30'],
    ['the first week of September 2025', '2025-09-04', '2025-09-01', '2025-09-07'],
    ['the last week of August 2025', '2025-08-28', '2025-08-25', '2025-08-31'],
  ])('reads a part of a month, %j, as the days it covers (not the whole month, not its last day)', (text, date, from, to) => {
    expect(parseDate(text, TODAY)).toEqual({ ok: true, date, approximate: { from, to }, note: `I used ${displayDate(date)}, for ${text}.` });
  });

  it('reads "this week" as the days around today, and says which day it used', () => {
    expect(parseDate('this week', '2026-12-04')).toEqual({ ok: true, date: '2026-12-04', approximate: { from: '2026-12-01', to: '2026-12-07' }, note: 'I used 4 Dec 2026, for this week.' });
  });

  it('puts a part of a month without a year in the year it is given, else in the last such month gone', () => {
    expect(parseDate('the start of May', TODAY, { year: 2025 })).toMatchObject({ date: '2025-05-05' });
    expect(parseDate('early December', '2026-11-25', { pastTense: true })).toMatchObject({ date: '2025-12-05' });
    expect(parseDate('early December', '2026-11-25')).toMatchObject({ date: '2026-12-05' });
  });

  it('does not depend on the machine time zone: today is only the date passed in', () => {
    expect(parseDate('yesterday', '2025-03-01')).toMatchObject({ date: '2025-02-28' });
    expect(parseDate('tomorrow', '2024-12-31')).toMatchObject({ date: '2025-01-01' });
  });
});

describe('parseCountry', () => {
  it.each([
    ['UK', 'GB'],
    ['u.k.', 'GB'],
    ['Britain', 'GB'],
    ['England', 'GB'],
    ['United Kingdom', 'GB'],
    ['GB', 'GB'],
    ['Hong Kong', 'HK'],
    ['hk', 'HK'],
    ['PRC', 'CN'],
    ['mainland china', 'CN'],
    ['China', 'CN'],
    ['cn', 'CN'],
    ['USVI', 'VI'],
    ['U.S. Virgin Islands', 'VI'],
    ['Guam', 'GU'],
    ['American Samoa', 'AS'],
    ['Samoa', 'WS'],
    ['Deutschland', 'DE'],
    ['germany', 'DE'],
    ['the Netherlands', 'NL'],
    ['Holland', 'NL'],
    ['Côte d’Ivoire', 'CI'],
    ['Ivory Coast', 'CI'],
    ['South Korea', 'KR'],
    ['Türkiye', 'TR'],
    ['turkey', 'TR'],
    ['México', 'MX'],
    ['it was made in Vietnam', 'VN'],
    ['from the UK', 'GB'],
    ['Papua New Guinea', 'PG'],
    ['Guinea', 'GN'],
  ])('%s → %s', (text, code) => expect(parseCountry(text)).toBe(code));

  it.each(['Narnia', '', 'Europe', 'china and japan', 'Virgin Islands'])('%j is not one country', (text) => expect(parseCountry(text)).toBeUndefined());
});

describe('countriesMentioned', () => {
  /** The definition: one search per name, longest names first, never overlapping one found before. */
  function byExpressions(normalized: string) {
    const names = [...countryAliases().entries()].filter(([name]) => name.length >= 3).sort((a, b) => b[0].length - a[0].length);
    const taken: boolean[] = [];
    const found: Array<{ code: string; index: number; name: string }> = [];
    for (const [name, code] of names) {
      for (const m of normalized.matchAll(new RegExp(`(?:^| )${name}(?= |$)`, 'g'))) {
        const index = (m.index ?? 0) + (m[0].startsWith(' ') ? 1 : 0);
        if (taken.slice(index, index + name.length).some(Boolean)) continue;
        for (let i = index; i < index + name.length; i++) taken[i] = true;
        found.push({ code, index, name });
      }
    }
    return found.sort((a, b) => a.index - b.index);
  }

  it('finds what one search per name finds, on texts mixing country names, parts of them and other words', () => {
    const pieces = ['american samoa', 'samoa', 'china', 'hong kong', 'kong', 'new', 'guinea', 'papua new guinea', 'united states', 'states', 'from', 'the', 'uk', 'india', 'in', 'south', 'korea', 'south korea'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 12 }), (words) => {
        const text = words.join(' ');
        expect(countriesMentioned(text)).toEqual(byExpressions(text));
      }),
      { numRuns: 500 },
    );
  });
});

describe('parseYesNo', () => {
  it.each([
    ['yes', true],
    ['Yes!', true],
    ['yep', true],
    ['yeah', true],
    ['y', true],
    ['no', false],
    ['nope', false],
    ['nah', false],
    ['No.', false],
    ['not sure', 'unknown'],
    ["i don't know", 'unknown'],
    ['I don’t know', 'unknown'],
    ['no idea', 'unknown'],
    ['idk', 'unknown'],
    ['maybe', 'unknown'],
    ['unknown', 'unknown'],
  ])('%s', (text, expected) => expect(parseYesNo(text)).toBe(expected));

  it('anything else is not understood', () => expect(parseYesNo('purple')).toBeUndefined());
});

describe('parseKind and parseMode', () => {
  it.each([
    ['purchase', 'purchase'],
    ['I ordered it on Temu', 'purchase'],
    ['bought it online', 'purchase'],
    ['a gift from my aunt', 'gift'],
    ['birthday present', 'gift'],
    ['I got a package from my friend in Seoul', 'gift'],
    ['My dad in Lagos sent me a package', 'gift'],
    ['My mother-in-law in Warsaw mailed us baby clothes', 'gift'],
    ['a watch for my graduation', 'gift'],
    ['A friend in Germany is giving me her old leather jacket', 'gift'],
    ['my brother in germany bought me new headphones as a gift', 'gift'],
    ['Won an auction on a Belgian site for a vintage handbag', 'purchase'],
    ['Wool socks from a UK website', 'purchase'],
    ['On my trip to Italy I bought shoes and had the store mail them home to me', 'purchase'],
    ['stock for our FBA warehouse', 'warehouse'],
    ['unsold inventory for a fulfillment center', 'warehouse'],
    ['things in my suitcase from my trip', 'traveler'],
    ['i got a $35 phone case off Tempo', 'purchase'],
    ['grabbed a jacket off a japanese resale app', 'purchase'],
    ['not sure', 'unknown'],
    ['not sure if she meant it as a present or if she expects me to pay her back', 'unknown'],
    ['a gift or a sale, I honestly do not know', 'unknown'],
    ['we never really agreed whether it is a present or whether I pay her back', 'unknown'],
    ["I don't know yet if she'll ask me to pay for the yarn", 'unknown'],
    ['he says it is a present but i might pay him back', 'unknown'],
    ['a gift from his nephew, and I think my husband actually paid him back for it', 'unknown'],
    ["not sure whether my grandmother paid for it or whether it's the order I placed", 'unknown'],
    ['a friend sent me a bracelet as a thank-you, she bought it at a craft market', 'gift'],
    ['I sent a thank you note to the seller for my order', 'purchase'],
    ['not sure if she is gifting it or if i owe her', 'unknown'],
    ['my aunt knitted it, about $60 in shop value, a present', 'gift'],
    // "I'm paying him": a sale, however the box is labelled (session 28).
    ["a coworker in India is sending me sandals, I'm paying him $30 for them. He'll label it a gift", 'purchase'],
    ["It's a Christmas present, I'm not paying her a thing", 'gift'],
    // Children and grandchildren send too, and Mother's Day is an occasion for a present (session 19).
    ['my daughter in Oaxaca is sending me a blouse she bought at the market', 'gift'],
    ['my grandson in Leeds mailed me a scarf', 'gift'],
    ['a teapot for Mother\'s Day', 'gift'],
  ])('kind: %s', (text, kind) => expect(parseKind(text)).toBe(kind));

  it('"got off the plane", "got it off my friend": no purchase said', () => {
    expect(parseKind('I got off the plane with a bag')).toBeUndefined();
    expect(parseKind('I got a scarf off my friend')).toBeUndefined();
  });

  it('a kind that points two ways is not guessed', () => expect(parseKind('I bought a gift')).toBeUndefined());

  it("a purchase from a friend's shop is no gift", () => expect(parseKind("I ordered it from my friend's shop")).toBe('purchase'));

  it("the person's own shop is who they are, not a purchase", () => {
    expect(parseKind('I run a small shop. My cousin in Madrid sent me clothes for my birthday')).toBe('gift');
    expect(parseKind('we have an Etsy store and my aunt mailed me a present')).toBe('gift');
    expect(parseKind('I run a small shop and ordered some wicks')).toBe('purchase');
  });

  it('bought on a trip and carried home in one\'s luggage is a traveler\'s; mailed home, a purchase', () => {
    expect(parseKind("I'm flying home from Florence with a $600 jacket I bought there in my suitcase")).toBe('traveler');
    expect(parseKind('I bought a rug on my trip to Turkey and had the shop mail it home')).toBe('purchase');
    expect(parseKind("we're driving back from Ensenada with a blanket we bought, it's in the trunk")).toBe('traveler');
    // Worn home is carried home (session 24): "not duty-free" as a purchase shipped was wrong.
    expect(parseKind("I bought a $1,000 watch in Zurich and I'm wearing it on the flight home")).toBe('traveler');
    expect(parseKind('bought a ring in rome, wearing it home on the plane')).toBe('traveler');
    expect(parseKind('I ordered a jacket from a UK shop, my flight home is on friday')).toBe('purchase');
    expect(parseKind("on vacation in Lisbon, I'll mail myself a box of tiles I bought so I don't have to carry it home")).toBe('purchase');
  });

  it('a "gift" label, or goods sent to oneself, make no gift', () => {
    expect(parseKind('I want to mail some ceramics to myself marked as a gift so I don\'t pay')).toBe('purchase');
    expect(parseKind('the seller offered to mark it as a gift')).toBe('purchase');
    expect(parseKind("Ordered a dress and the seller says they'll mark it as a 'gift' so I won't pay duty")).toBe('purchase');
    expect(parseKind('my aunt sent a gift')).toBe('gift');
    // Paying the sender makes it a sale, whatever she calls it.
    expect(parseKind("A friend in Vancouver is mailing me a jacket she calls a 'gift', but I actually paid her $80 for it")).toBe('purchase');
  });

  it.each([
    ['mail', 'mail'],
    ['Royal Mail', 'mail'],
    ['by post', 'mail'],
    ['USPS', 'mail'],
    ['express mail', 'mail'],
    ['DHL', 'express'],
    ['FedEx', 'express'],
    ['courier', 'express'],
    ['air cargo', 'express'],
    ['no idea', 'unknown'],
  ])('mode: %s', (text, mode) => expect(parseMode(text)).toBe(mode));

  it('an unknown way of shipping is not guessed', () => expect(parseMode('carrier pigeon')).toBeUndefined());
});

describe('parseContents', () => {
  it.each([
    ['a bottle of wine and some cigars', ['alcohol', 'tobacco']],
    ['two bottles of cachaça', ['alcohol']], // accents folded
    // Wines and spirits by name, and a perfume by its brand name (session 18).
    ['two bottles of Barolo and a panettone', ['alcohol']],
    ['a bottle of Chanel No. 5', ['perfume']],
    ['perfume', ['perfume']],
    ['Perfume with alcohol', ['perfume']],
    ['archery arrows', ['excise']],
    ['antidumping', ['adcvd']],
    ['quota goods', ['quota']],
    ['adcvd', ['adcvd']],
    ['no alcohol, but cigars', ['tobacco']],
    ['nothing in it is alcohol or tobacco', []],
    ['none of the bottles are wine', []],
    ['none of these', []],
    ['nothing', []],
    ['no', []],
    ['not sure', 'unknown'],
  ])('%s', (text, expected) => expect(parseContents(text, rules.contents)).toEqual(expected));

  it('something unrelated is not understood (so the question is asked again)', () => expect(parseContents('bananas', rules.contents)).toBeUndefined());
});

describe('parseAnswer', () => {
  const ctx = { today: TODAY, rules };

  it('"not sure" is a valid answer for every fact', () => {
    for (const fact of ['entryDate', 'kind', 'origin', 'mode', 'valueUsd', 'sameDayTotalUsd', 'contents', 'splitOrder'] as const) {
      expect(parseAnswer(fact, "I don't know", ctx)).toEqual({ ok: true, fact, value: 'unknown' });
    }
  });

  it('money: dollars, with a note when approximate', () => {
    expect(parseAnswer('valueUsd', 'about 300 dollars', ctx)).toEqual({ ok: true, fact: 'valueUsd', value: 300, note: 'I used $300.' });
  });

  it('money: a foreign currency asks for dollars', () => {
    expect(parseAnswer('valueUsd', '50 euros', ctx)).toMatchObject({ ok: false, problem: 'foreign-currency', message: expect.stringContaining('U.S. dollars') });
  });

  it('money: "over $800" asks for an estimate rather than guessing a side of the limit', () => {
    expect(parseAnswer('valueUsd', 'over $800', ctx)).toMatchObject({ ok: false, problem: 'inexact' });
  });

  it('money: nonsense asks again', () => {
    expect(parseAnswer('valueUsd', 'cheap', ctx)).toMatchObject({ ok: false, problem: 'not-understood' });
  });

  it('day total: "only this package" is the package value', () => {
    expect(parseAnswer('sameDayTotalUsd', 'only-this', { ...ctx, facts: { valueUsd: 40 } })).toMatchObject({ ok: true, value: 40 });
    expect(parseAnswer('sameDayTotalUsd', 'just this one', { ...ctx, facts: { valueUsd: 40 } })).toMatchObject({ ok: true, value: 40 });
    expect(parseAnswer('sameDayTotalUsd', 'only this', { ...ctx, facts: { valueUsd: 'unknown' } })).toMatchObject({ ok: true, value: 'unknown' });
    expect(parseAnswer('sameDayTotalUsd', '$650', ctx)).toMatchObject({ ok: true, value: 650 });
  });

  it('dates, with the note for an approximate one and the reason for a bad one', () => {
    expect(parseAnswer('entryDate', 'today', ctx)).toEqual({ ok: true, fact: 'entryDate', value: TODAY });
    expect(parseAnswer('entryDate', 'March 2025', ctx)).toMatchObject({ ok: true, value: '2025-03-15', note: expect.stringContaining('middle of March 2025') });
    expect(parseAnswer('entryDate', '03/04/2025', ctx)).toMatchObject({ ok: false, problem: 'bad-date' });
  });

  it('country, kind, mode, contents and split order', () => {
    expect(parseAnswer('origin', 'Britain', ctx)).toMatchObject({ ok: true, value: 'GB' });
    expect(parseAnswer('origin', 'Narnia', ctx)).toMatchObject({ ok: false, problem: 'not-understood' });
    expect(parseAnswer('kind', 'gift', ctx)).toMatchObject({ ok: true, value: 'gift' });
    expect(parseAnswer('mode', 'DHL', ctx)).toMatchObject({ ok: true, value: 'express' });
    expect(parseAnswer('contents', 'none', ctx)).toMatchObject({ ok: true, value: [] });
    expect(parseAnswer('contents', 'wine', ctx)).toMatchObject({ ok: true, value: ['alcohol'] });
    expect(parseAnswer('splitOrder', 'nope', ctx)).toMatchObject({ ok: true, value: false });
    expect(parseAnswer('splitOrder', 'purple', ctx)).toMatchObject({ ok: false });
  });

  it('isUnsure only for "don\'t know" answers', () => {
    expect(isUnsure('not sure')).toBe(true);
    expect(isUnsure('no')).toBe(false);
  });
});

describe('extractFacts', () => {
  it.each([
    ['do I have to pay duty on a $50 order from the UK', { kind: 'purchase', valueUsd: 50, origin: 'GB' }],
    ['is a $80 gift from my aunt in Canada duty free', { kind: 'gift', valueUsd: 80, origin: 'CA' }],
    ["$60, it's a gift from my aunt in Canada", { kind: 'gift', valueUsd: 60, origin: 'CA' }],
    ['my package from china arrived in March 2025, should I have paid duty?', { origin: 'CN', entryDate: '2025-03-15' }],
    ['what if it arrived on 1 March 2025', { entryDate: '2025-03-01' }],
    ['I live in the US and ordered from Hong Kong', { kind: 'purchase', origin: 'HK' }],
    ['can I split a $1,500 order in 2 boxes to stay under $800?', { kind: 'purchase', valueUsd: 1500, splitOrder: true }],
    ['could i ship wine or cigars under section 321', { contents: ['alcohol', 'tobacco'] }],
    ['a gift from Guam sent by mail yesterday', { kind: 'gift', origin: 'GU', mode: 'mail', entryDate: '2026-11-24' }],
    ['US$45 dress from PRC', { valueUsd: 45, origin: 'CN' }],
    ['ordered sneakers for 35$ from Japan', { kind: 'purchase', valueUsd: 35, origin: 'JP' }],
    ['Are gifts under $100 still duty free? My uncle wants to send my son a $60 jersey.', { kind: 'gift', valueUsd: 60 }],
    // A limit named with "free" or "duty" after the sum is the rule, not the goods' value.
    ['is the 800 dollars free limit still there? my cousin wants to send me a gift', { kind: 'gift' }],
    ['people talk about the $800 duty limit, my sister mailed me a $30 scarf', { kind: 'gift', valueUsd: 30, mode: 'mail' }],
    // "De minimis" after the sum names the rule on its own (session 35).
    ['could you ever use the old $800 de minimis for cigars? I ordered cigars from Switzerland', { kind: 'purchase', origin: 'CH', contents: ['tobacco'] }],
    ['does my package qualify for duty-free?', {}],
    // A charge is not the goods' value (session 29): "billed me $30 on a $50 sweater".
    ['FedEx billed me $25 on a $70 lamp from Denmark', { valueUsd: 70, origin: 'DK', mode: 'express' }],
    ['UPS wants $40 duty on my $90 boots from Italy', { valueUsd: 90, origin: 'IT', mode: 'express' }],
    ['just got a $62 dhl bill on a $190 order from Germany', { kind: 'purchase', valueUsd: 190, origin: 'DE', mode: 'express' }],
    ['I paid $14 in customs on a $55 scarf from Peru', { valueUsd: 55, origin: 'PE' }],
    ['I paid $55 for a scarf from Peru and then a $14 customs fee', { valueUsd: 55, origin: 'PE' }],
    ['a Temu order of $35 shipping from China', { kind: 'purchase', valueUsd: 35, origin: 'CN' }],
    // A country denied is no origin (session 29).
    ['the case is not from China, it came from Japan', { origin: 'JP' }],
    // Mixed-language messages (session 29): "regalo" is a gift, "desde" names where it comes from.
    ['mi tía me manda un regalo de $60 desde Colombia', { kind: 'gift', valueUsd: 60, origin: 'CO' }],
    ['check my shipment', {}],
    ['do I have to pay duty now', {}],
    ['my mother in law sent me a scarf from France worth eighty dollars as a present', { kind: 'gift', valueUsd: 80, origin: 'FR' }],
    // Items in one parcel: the parcel's value is their sum.
    ['my gf in toronto mailed me a $95 hoodie + a $40 candle as a gift', { kind: 'gift', valueUsd: 135, mode: 'mail' }],
    ['my aunt mailed me a $60 scarf and a $50 book for my birthday, all in one box', { kind: 'gift', valueUsd: 110, mode: 'mail' }],
    // …but not a charge, nor two items with nothing to say they travel together.
    ['I ordered a $40 jacket and a $25 DHL bill came', { kind: 'purchase', valueUsd: 40, mode: 'express' }],
    ['a $40 jacket and a $30 hat from the UK', { valueUsd: 40, origin: 'GB' }],
    // Whether something else came that day, or what it cost, is not known.
    ['my grandma sent me a $70 gift, and my aunt might have sent something the same day too', { kind: 'gift', valueUsd: 70, sameDayTotalUsd: 'unknown' }],
    // Two parcels due the same day are counted together, as two that came together are.
    ['two presents are both due to arrive on 15 December: one from my aunt in Madrid worth about $70, and one from my godmother in Lisbon, also about $70', { valueUsd: 70, sameDayTotalUsd: 140, kind: 'gift', entryDate: '2026-12-15' }],
    ['two gifts came the same day, one worth $70 and one I have no clue what it cost', { kind: 'gift', valueUsd: 70, sameDayTotalUsd: 'unknown' }],
    ['a $700 order and a $250 box, maybe the same day, maybe not', { kind: 'purchase', valueUsd: 700, sameDayTotalUsd: 'unknown' }],
    ['my aunt sent a $60 gift and my cousin sent one too, both arriving soon, no idea what hers is worth', { kind: 'gift', valueUsd: 60, sameDayTotalUsd: 'unknown' }],
    // A sum that names a rule is no value: "the free thing of $800", "the $800 thing".
    ['my cousin says the free thing of $800 is finished, is my gift from her taxed now?', { kind: 'gift' }],
    ['is the 800 dollar duty-free thing ever coming back?', {}],
    ['my aunt sent a $60 gift, and that same day maybe a box from my uncle came too', { kind: 'gift', valueUsd: 60, sameDayTotalUsd: 'unknown' }],
    ['a $60 gift from my aunt and the same day a gift from my uncle, I don\'t know its value', { kind: 'gift', valueUsd: 60, sameDayTotalUsd: 'unknown' }],
    // Other ways to say another parcel may come that day, of a value nobody knows (session 18).
    ['my uncle is mailing a $70 gift and my cousins are sending things too, they could all land the same day', { kind: 'gift', valueUsd: 70, sameDayTotalUsd: 'unknown' }],
    ['a $70 gift from my uncle and a box from my cousin, both with delivery on 20 December, dunno what hers cost', { kind: 'gift', valueUsd: 70, sameDayTotalUsd: 'unknown', entryDate: '2026-12-20' }],
    ['ordered $400 from a shop in Peru, arrived same day as another box, cant remember its price', { kind: 'purchase', valueUsd: 400, sameDayTotalUsd: 'unknown', origin: 'PE' }],
    ['a $400 order from a shop in Peru, and another box may have arrived the same day, I do not remember what it was worth', { kind: 'purchase', valueUsd: 400, sameDayTotalUsd: 'unknown', origin: 'PE' }],
    ['my two aunts both mailed me birthday presents that arrived on 3 June 2024, one a $70 shawl, no idea what the other one is worth', { kind: 'gift', valueUsd: 70, mode: 'mail', sameDayTotalUsd: 'unknown', entryDate: '2024-06-03' }],
  ])('%s', (text, facts) => expect(extractFacts(text, TODAY, rules).facts).toEqual(facts));

  it('two dates offered as either one ("July or September") are a period; the rules that changed in it make the day matter', () => {
    const r = extractFacts("my $60 jacket from the UK came in July or September 2025, I can't remember which", TODAY, rules);
    expect(r.unclearDate).toMatchObject({ from: '2025-07-01', to: '2025-09-30', changes: ['2025-08-29'] });
    expect(r.facts.entryDate).toBeUndefined();
    // No rule changed between them: any day gives the same result.
    expect(extractFacts('my $50 order from the UK came in March or April 2025', TODAY, rules).facts.entryDate).toBe('2025-03-01');
    // The first month takes the second's year, or the year before when it is the later month.
    expect(extractFacts('my $50 order from the UK came in December or January 2026', TODAY, rules).facts.entryDate).toBe('2025-12-01');
  });

  it('"in April or May" after the year was named: "May" is the second month offered, not "may" (session 22)', () => {
    const r = extractFacts("I bought $50 of stickers from a seller in China in spring 2025, but I can't remember if it arrived in April or May", TODAY, rules);
    expect(r.unclearDate).toMatchObject({ from: '2025-04-01', to: '2025-05-31', changes: ['2025-05-02'] });
    // "March or may have come in April": "may" is a verb there.
    expect(extractFacts('my $50 order from the UK came in March or may have come in April 2025', TODAY, rules).unclearDate).toBeUndefined();
  });

  it('an order day with the arrival not remembered: the arrival lies in the weeks after it', () => {
    const r = extractFacts("I ordered a $200 strap from Japan in mid-August 2025 and can't remember if it showed up before or after the end of August", TODAY, rules);
    expect(r.unclearDate).toMatchObject({ from: '2025-08-11', to: '2025-10-19', changes: ['2025-08-29'] });
    // When the person knows, the order day stands for the arrival as before.
    expect(extractFacts('I ordered a $200 strap from Japan in mid-August 2025', TODAY, rules).facts.entryDate).toBe('2025-08-15');
    // "what day it got into the US" asks the same thing.
    expect(extractFacts("a shop shipped my $120 of t-shirts from the UK around Aug 25 2025, no idea what day it actually got into the US", TODAY, rules).unclearDate).toMatchObject({ changes: ['2025-08-29'] });
    expect(extractFacts("ordered $90 of tea from a UK shop in mid-August 2025, I don't know which date it entered", TODAY, rules).unclearDate).toMatchObject({ changes: ['2025-08-29'] });
    // "In late April 2025 I ordered …": the order told after the date; "it left China" is no arrival.
    expect(extractFacts('In late April 2025 I ordered a $30 stand from Shenzhen. It left China around April 28 but I have no idea what day it got into the US.', TODAY, rules).unclearDate).toMatchObject({ changes: ['2025-05-02'] });
  });

  it('two days of one month said once ("1 or 3 May", "May 1 or 3") are a period too', () => {
    expect(extractFacts('my $40 lamp from China got here on 1 or 3 May 2025', TODAY, rules).unclearDate).toMatchObject({ from: '2025-05-01', to: '2025-05-03', changes: ['2025-05-02'] });
    expect(extractFacts('my $40 lamp from China got here May 1 or 3, 2025', TODAY, rules).unclearDate).toMatchObject({ from: '2025-05-01', to: '2025-05-03' });
    // A number of things is not a day.
    expect(withBothDaysDated('in May 2 or 3 items came')).toBe('in May 2 or 3 items came');
    expect(withBothDaysDated('it came on the 4th or 6th of June')).toBe('it came on the 4th or 6th of June');
  });

  it('takes the day the goods arrived when a message also gives the day they were ordered or shipped', () => {
    expect(extractFacts('Bought a $650 watch. It shipped Aug 25, 2025 but cleared US customs on Sept 2, 2025.', TODAY, rules).facts.entryDate).toBe('2025-09-02');
    expect(extractFacts('Ordered a $60 tea set on April 25, 2025, it was delivered May 10, 2025.', TODAY, rules).facts.entryDate).toBe('2025-05-10');
    // Said another way (session 24): brought into the country, or "showed up on".
    expect(extractFacts("Ordered a $70 dirndl in Munich on 25 Aug 2025; DHL didn't bring it into the US until 3 Sep 2025.", TODAY, rules).facts.entryDate).toBe('2025-09-03');
    expect(extractFacts('ordered a $60 scarf in Dublin on 20 August 2025, it showed up on 4 September 2025', TODAY, rules).facts.entryDate).toBe('2025-09-04');
    expect(extractFacts('It shipped Aug 25, 2025.', TODAY, rules).facts.entryDate).toBe('2025-08-25'); // the only date
    // "about ten days later" names no day of its own: the order date stands for it.
    expect(extractFacts('I bought a $25 case from China in March 2025; it arrived about ten days later.', TODAY, rules).facts.entryDate).toBe('2025-03-15');
  });

  it('reads "early May", "the end of April" as a part of the month, and a change inside it as a day that matters', () => {
    // Hong Kong lost de minimis on 2 May 2025: "the start of May" may be either side of it.
    const hk = extractFacts('Bought $80 earrings near the end of April 2025 and they got here sometime around the start of May. Duty-free?', TODAY, rules);
    expect(hk.unclearDate).toMatchObject({ text: 'the start of May', from: '2025-05-01', to: '2025-05-10', changes: ['2025-05-02'] });
    // Mid-August 2025 is before 29 Aug 2025, whichever day it was.
    expect(extractFacts('a $200 jacket from the UK arrived mid-August 2025', TODAY, rules).facts.entryDate).toBe('2025-08-15');
    expect(extractFacts('a $200 jacket from the UK arrived late August 2025', TODAY, rules).unclearDate).toMatchObject({ from: '2025-08-21', to: '2025-08-31' });
  });

  it('a month said without its year is in the year the message names, or the next when it comes before that month', () => {
    expect(extractFacts('I ordered stickers from China for $12 in March 2025 and they arrived in April. Duty-free?', TODAY, rules).facts.entryDate).toBe('2025-04-15');
    expect(extractFacts('ordered a $50 scarf from the UK in December 2025, it arrived in January', TODAY, rules).facts.entryDate).toBe('2026-01-15');
    // A day counted from today stays so, whatever year the message names.
    expect(extractFacts('ordered a $50 scarf from the UK in 2025, it arrived last week', TODAY, rules).facts.entryDate).toBe('2026-11-18');
  });

  it('adds up the sums of things said to arrive the same day: the day\'s total', () => {
    expect(extractFacts('Two friends each sent me a gift and both arrived the same day, one worth $60 and one $70.', TODAY, rules).facts).toMatchObject({ valueUsd: 60, sameDayTotalUsd: 130 });
    expect(extractFacts('Today I am getting two presents from Peru, my dad sent a $50 poncho and my aunt a $70 blanket.', TODAY, rules).facts).toMatchObject({ valueUsd: 50, sameDayTotalUsd: 120 });
    // Without "the same day", a second sum is not a total; a limit quoted is no value.
    expect(extractFacts('My friend sent me a $60 gift; I paid $70 for hers.', TODAY, rules).facts.sameDayTotalUsd).toBeUndefined();
    expect(extractFacts('a $60 gift arrived the same day as my order; gifts under $100 are free, right?', TODAY, rules).facts.sameDayTotalUsd).toBeUndefined();
  });

  it('multiplies a sum said to be each of several things arriving the same day', () => {
    const three = extractFacts('Three separate orders from different UK shops, $300 each, all delivered to me on the same day in June 2025. Were they duty-free?', TODAY, rules);
    expect(three.facts).toMatchObject({ valueUsd: 300, sameDayTotalUsd: 900, kind: 'purchase' });
    expect(extractFacts('2 parcels at $450 apiece came the same day', TODAY, rules).facts.sameDayTotalUsd).toBe(900);
    // Without "each" the sum is one thing's; without "the same day" the parcels are apart; two counts are unclear.
    expect(extractFacts('three orders, $300 in total, all delivered the same day', TODAY, rules).facts.sameDayTotalUsd).toBeUndefined();
    expect(extractFacts('three orders, $300 each, delivered over a month', TODAY, rules).facts.sameDayTotalUsd).toBeUndefined();
    expect(extractFacts('two gifts and three orders, $100 each, all on the same day', TODAY, rules).facts.sameDayTotalUsd).toBeUndefined();
    // "each" said before the sum, further back in the clause; "each year" counts nothing.
    expect(extractFacts('My parents in Munich each mailed me a birthday present worth about $70, and both boxes land on the same day.', TODAY, rules).facts.sameDayTotalUsd).toBe(140);
    expect(extractFacts('two friends in England each sent me a birthday gift worth $70, both arriving the same day', TODAY, rules).facts.sameDayTotalUsd).toBe(140);
    expect(extractFacts('Each year my two aunts mail me a birthday present worth about $70, both on the same day.', TODAY, rules).facts.sameDayTotalUsd).toBeUndefined();
  });

  it('reads a split order said not to be one ("the order wasn\'t split up") as one lot', () => {
    expect(extractFacts('I bought $600 of bike parts from a German shop, one box, and the order wasn\'t split up.', TODAY, rules).facts.splitOrder).toBe(false);
    expect(extractFacts('the seller split my order into two parcels', TODAY, rules).facts.splitOrder).toBe(true);
  });

  it('reads "sometime between July and September 2025" as that period, the year said once', () => {
    const r = extractFacts('a $60 blanket from Wales came by courier sometime between July and September 2025, I can\'t remember when', TODAY, rules);
    expect(r.unclearDate).toMatchObject({ from: '2025-07-01', to: '2025-09-30', changes: ['2025-08-29'] });
  });

  it('adds up two items joined by "plus about" in one box', () => {
    expect(extractFacts('a birthday box: a $90 hoodie plus about $40 of Tim Tams, one box, gift', TODAY, rules).facts.valueUsd).toBe(130);
  });

  it('leaves what is inside unknown when the person says so ("won\'t tell me what\'s inside", "a surprise box")', () => {
    expect(extractFacts('a friend is sending a $80 gift but won\'t tell me what\'s inside', TODAY, rules).facts.contents).toBe('unknown');
    expect(extractFacts('my aunt is mailing me a $60 surprise box for Christmas', TODAY, rules).facts.contents).toBe('unknown');
    expect(extractFacts('my aunt is mailing me a $60 sweater for Christmas', TODAY, rules).facts.contents).toBeUndefined();
  });

  it('leaves what is inside unknown when a good is named with a hedge ("maybe a perfume", "looks like wine") (session 21)', () => {
    expect(extractFacts('a $50 gift from my aunt: a shawl and maybe a small perfume', TODAY, rules).facts.contents).toBe('unknown');
    expect(extractFacts('a $40 box from my friend, tea and a bottle that looks like wine or maybe juice', TODAY, rules).facts.contents).toBe('unknown');
    expect(extractFacts('a $40 box from my friend, tea and a bottle of wine', TODAY, rules).facts.contents).toEqual(['alcohol']);
  });

  it('two sums in another currency ("between 120 and 200 Aussie dollars") are no value in dollars (session 21)', () => {
    const read = extractFacts('my cousin says the gift cost somewhere between 120 and 200 Aussie dollars', TODAY, rules);
    expect(read.valueEither).toBeUndefined();
    expect(read.facts.valueUsd).toBeUndefined();
    expect(read.foreignMoney).toEqual({ currency: 'AUD', amount: 200 });
  });

  it('reads short chat the same way: "80 to 130 dollars", "$100? $150?", "might have vodka in it", "same day", "another box came that day but dunno its price" (session 21)', () => {
    expect(extractFacts('a gift from my brother, maybe 80 to 130 dollars worth of stuff', TODAY, rules).valueEither).toMatchObject({ low: 80, high: 130 });
    expect(extractFacts('a gift worth idk, $100? $150?', TODAY, rules).valueEither).toMatchObject({ low: 100, high: 150 });
    // Session 22: plans and half-remembered sums.
    expect(extractFacts("she's deciding between a $90 one and a $140 one", TODAY, rules).valueEither).toMatchObject({ low: 90, high: 140 });
    expect(extractFacts("my dad can't remember if it was $300 or closer to $1,000", TODAY, rules).valueEither).toMatchObject({ low: 300, high: 1000 });
    expect(extractFacts('Dad wants to send me two bottles of red for Christmas, around $40, as a present', TODAY, rules).facts.contents).toEqual(['alcohol']);
    expect(extractFacts("My friend is sending me her old Nikon, worth about $90. We haven't settled whether I pay her for it or she just gives it to me.", TODAY, rules).facts.kind).toBe('unknown');
    expect(extractFacts("My stepdad says he'll either sell me his old drone for $100 or just give it to me for my birthday", TODAY, rules).facts.kind).toBe('unknown');
    expect(extractFacts("My mormor in Uppsala is sending a Dala horse for my son's christening, worth $100", TODAY, rules).facts.kind).toBe('gift');
    expect(extractFacts('my aunt is mailing a $50 christmas box, might have vodka in it', TODAY, rules).facts.contents).toBe('unknown');
    expect(extractFacts('a $70 gift from my dad and a $50 gift from my aunt, same day', TODAY, rules).facts.sameDayTotalUsd).toBe(120);
    expect(extractFacts('a $450 guitar from Japan, and another box came that day but dunno its price', TODAY, rules).facts.sameDayTotalUsd).toBe('unknown');
    expect(extractFacts('a $40 phone case with same day shipping', TODAY, rules).facts.sameDayTotalUsd).toBeUndefined();
  });

  it('leaves the value unknown when the person cannot say on which side of a sum it is (session 21)', () => {
    expect(extractFacts('I ordered a rug from Morocco in 2023, no idea if it was above or below $800', TODAY, rules).facts.valueUsd).toBe('unknown');
    expect(extractFacts('my uncle sent tea and a teapot, could be over $100, could be under', TODAY, rules).facts.valueUsd).toBe('unknown');
    expect(extractFacts('I ordered a $300 rug from Morocco in 2023', TODAY, rules).facts.valueUsd).toBe(300);
  });

  it('leaves the day\'s total unknown when other deliveries "may have been" that same day, further back in the sentence', () => {
    expect(extractFacts('We got a $500 box from Scotland in September 2024. There may have been other overseas deliveries for the shop that same day, I don\'t remember.', TODAY, rules).facts.sameDayTotalUsd).toBe('unknown');
  });

  it('takes the day the goods "did not reach me until" as the arrival', () => {
    const r = extractFacts('I ordered $120 shoes from a shop in Milan in mid-August 2025, but they did not reach me until 2 September 2025.', TODAY, rules);
    expect(r.facts.entryDate).toBe('2025-09-02');
  });

  it('takes the dollars a person gives right after a sum in another currency as the value', () => {
    const r = extractFacts('My tía in Guadalajara is mailing me a blouse for my birthday; she paid about 1,200 pesos, so roughly $65.', TODAY, rules);
    expect(r.facts.valueUsd).toBe(65);
    expect(r.foreignMoney).toBeUndefined();
    expect(extractFacts('a gift from Odesa, about 2,000 hryvnia (~$48)', TODAY, rules).facts.valueUsd).toBe(48);
    // Dollars for something else (the shipping) are not the goods' value.
    const other = extractFacts('my grandma in London sent me a £65 jumper as a gift, shipping was $20', TODAY, rules);
    expect(other.facts.valueUsd).toBeUndefined();
    expect(other.foreignMoney).toEqual({ currency: 'GBP', amount: 65 });
  });

  it('reads a rule named by its sum ("the $800 rule") as no value', () => {
    expect(extractFacts('Can we still send small cartons into FBA under the $800 duty-free rule?', TODAY, rules).facts.valueUsd).toBeUndefined();
    expect(extractFacts('does the $100 gift limit cover my $60 scarf?', TODAY, rules).facts.valueUsd).toBe(60);
  });

  it('says which day it used for a month', () => {
    expect(extractFacts('my package from china arrived in March 2025', TODAY, rules).notes).toEqual(['I used 15 Mar 2025, the middle of March 2025.']);
  });

  it('does not pick a day in a month when the rules changed within it', () => {
    const result = extractFacts('my order from china arrived in august 2025', TODAY, rules);
    expect(result.facts.entryDate).toBeUndefined();
    expect(result.unclearDate).toEqual({ text: 'august 2025', from: '2025-08-01', to: '2025-08-31', changes: ['2025-08-29'] });
  });

  it('keeps a foreign amount aside to ask for dollars', () => {
    const result = extractFacts('I got a €50 parcel from Germany by DHL yesterday', TODAY, rules);
    expect(result.facts).toEqual({ origin: 'DE', mode: 'express', entryDate: '2026-11-24' });
    expect(result.foreignMoney).toEqual({ currency: 'EUR', amount: 50 });
  });

  it('works without the rule file (no contents, month taken as is)', () => {
    expect(extractFacts('wine from France in August 2025', TODAY).facts).toEqual({ origin: 'FR', entryDate: '2025-08-15' });
  });
});

describe('mayHoldDate (chrono-node runs only when it can find something)', () => {
  it('passes every text of the development sets in which chrono-node finds a date', () => {
    const root = path.join(__dirname, '..', '..', 'test', 'fixtures');
    const texts = [...readQuestions(path.join(root, 'questions.json')), ...readRealQuestions(path.join(root, 'real-questions.json'))].map((q) => q.q);
    const reference = { instant: new Date(Date.UTC(2026, 11, 2, 12)), timezone: 0 };
    // A part of a day alone ("the same afternoon") is found by chrono but dropped (datesIn).
    const withDates = texts.filter((t) => chrono().parse(t, reference, { forwardDate: false }).some((r) => !/^(?:morning|afternoon|evening)$/i.test(r.text.trim())));
    expect(withDates.length).toBeGreaterThan(50);
    expect(withDates.filter((t) => !mayHoldDate(t))).toEqual([]);
    // …and most questions are spared the parse.
    expect(texts.filter((t) => !mayHoldDate(t)).length).toBeGreaterThan(texts.length / 3);
  });
});

describe('mentionsPastArrival', () => {
  it('reads a past arrival, and not "nothing I paid for" (a gift)', () => {
    expect(mentionsPastArrival('my parcel arrived last week, should I have paid duty?')).toBe(true);
    expect(mentionsPastArrival('I paid $40 for it in March')).toBe(true);
    expect(mentionsPastArrival("It's a gift from her, nothing I paid for. Will I owe anything?")).toBe(false);
    expect(mentionsPastArrival('a present, not something I paid for')).toBe(false);
  });
});

describe('factsInAnswer (facts typed mid-check)', () => {
  const facts = (text: string, current: ShipmentFacts, asked?: FactKey) => factsInAnswer(text, current, TODAY, rules, asked);

  it('asked the kind, "it came from China in May 2025": the origin, and the day is needed (the rules changed on 2 May)', () => {
    const result = facts('it came from China in May 2025', {}, 'kind');
    expect(result.statement).toBe(true);
    expect(result.facts).toEqual({ origin: 'CN' });
    expect(result.askDate).toBe('unclear');
    expect(result.unclearDate).toMatchObject({ text: 'May 2025', from: '2025-05-01', to: '2025-05-31', changes: ['2025-05-02'] });
    expect(result.notes).toEqual(['The rules changed on 2 May 2025, so the exact day matters.']);
  });

  it.each<[string, ShipmentFacts, FactKey, ShipmentFacts]>([
    ["$60, it's a gift from my aunt in Canada", { kind: 'gift' }, 'valueUsd', { valueUsd: 60, origin: 'CA' }],
    ["$60, it's a gift from my aunt in Canada", {}, 'kind', { kind: 'gift', valueUsd: 60, origin: 'CA' }],
    ['60, a gift from my aunt in Canada', {}, 'valueUsd', { valueUsd: 60, kind: 'gift', origin: 'CA' }],
    ['$300 in total, all from the UK', { kind: 'gift', valueUsd: 50 }, 'sameDayTotalUsd', { sameDayTotalUsd: 300, origin: 'GB' }],
    ['20 May 2025, from China', {}, 'entryDate', { entryDate: '2025-05-20', origin: 'CN' }],
    ['no, it was sent by DHL', { kind: 'purchase' }, 'splitOrder', { splitOrder: false, mode: 'express' }],
    ['not sure, but it is from Vietnam', {}, 'kind', { kind: UNKNOWN, origin: 'VN' }],
    ['Canada, sent by mail', {}, 'origin', { origin: 'CA', mode: 'mail' }],
    ['no, only this one, it came by mail', { kind: 'gift', valueUsd: 80, entryDate: '2025-03-01' }, 'sameDayTotalUsd', { sameDayTotalUsd: 80, mode: 'mail' }],
    ['a bottle of wine from France', { kind: 'gift' }, 'contents', { contents: ['alcohol'], origin: 'FR' }],
  ])('%j (earlier %j, asked %s) → all of its facts', (text, current, asked, expected) => {
    const result = facts(text, current, asked);
    expect(result.statement).toBe(true);
    expect(result.facts).toEqual(expected);
  });

  it.each<[string, FactKey]>([
    ['$60', 'valueUsd'],
    ['5 shirts', 'valueUsd'],
    ['I think it was from Canada', 'origin'],
    ['I bought it on Temu', 'kind'],
    ['a bottle of wine', 'contents'],
    ['May 20 2025', 'entryDate'],
    ['August 2025', 'entryDate'],
    ['not sure', 'kind'],
    ['purple', 'kind'],
    ['', 'kind'],
  ])('%j (asked %s) is just an answer: not a statement, nothing taken', (text, asked) => {
    expect(facts(text, {}, asked)).toEqual({ statement: false, facts: {}, notes: [], kept: [] });
  });

  it.each([
    'is $800 still duty free for a gift from Canada?',
    'what if it came from China in May 2025',
    'How much duty on a $60 order from the UK?',
    'did it matter that it came from China in May 2025?',
  ])('a question states nothing: %j', (text) => {
    expect(isQuestion(text)).toBe(true);
    expect(facts(text, {}, 'kind').statement).toBe(false);
  });

  it.each(['it came from China in May 2025', 'was delivered on 1 March', 'it came from China?', 'May 20 2025'])('not a question: %j', (text) => {
    expect(isQuestion(text)).toBe(false);
  });

  it.each<[string, ShipmentFacts]>([
    ["it's not from China, it's from Japan", { origin: 'JP' }],
    ["I didn't buy it, it's a gift from the UK", { kind: 'gift', origin: 'GB' }],
    ['not by mail but by DHL, from Mexico', { mode: 'express', origin: 'MX' }],
    ['no alcohol, it came from Germany on 3 March 2025', { origin: 'DE', entryDate: '2025-03-03' }],
  ])('nothing is taken from a negation: %j', (text, expected) => {
    expect(facts(text, {}, 'valueUsd').facts).toEqual(expected);
  });

  it('a negation alone states nothing', () => {
    expect(facts("it's not from China", {}, 'kind').statement).toBe(false);
    expect(withoutNegations('not from China, from the UK')).toBe('              , from the UK');
  });

  it('the dollars given beside another currency answer the value question mid-check', () => {
    const result = facts('it was 3,000 pesos, like 55 dollars, sent from the Philippines', { kind: 'gift' }, 'valueUsd');
    expect(result.facts).toMatchObject({ valueUsd: 55, origin: 'PH' });
    expect(result.foreignMoney).toBeUndefined();
  });

  it('an earlier answer is kept, not changed by a side remark, and reported', () => {
    const result = facts('$60, my aunt ordered it for me from Germany', { kind: 'gift' }, 'valueUsd');
    expect(result.facts).toEqual({ valueUsd: 60, origin: 'DE' });
    expect(result.kept).toEqual(['kind']);
  });

  it('"under $1,000" is not a value: the other facts are taken and an estimate is asked for', () => {
    const result = facts('under $1,000, from Canada', {}, 'valueUsd');
    expect(result.facts).toEqual({ origin: 'CA' });
    expect(result.notes).toEqual(['Please give your best estimate of the amount, for example "about $850".']);
  });

  it('an amount in another currency is kept aside to ask for dollars', () => {
    const result = facts('50 euros, a gift from Canada', {}, 'valueUsd');
    expect(result.facts).toEqual({ kind: 'gift', origin: 'CA' });
    expect(result.foreignMoney).toEqual({ currency: 'EUR', amount: 50 });
  });

  it('goods that already arrived, with no day known: the date is asked; with a day known it is not', () => {
    expect(facts('I bought it, it came by DHL from the UK', {}, 'kind')).toMatchObject({ facts: { kind: 'purchase', mode: 'express', origin: 'GB' }, askDate: 'past' });
    expect(facts('I bought it, it came by DHL from the UK', { entryDate: '2025-03-01' }, 'kind').askDate).toBeUndefined();
  });

  it('a month used as is when the rules did not change in it, said in a note', () => {
    const result = facts('it came from the UK in March 2025', {}, 'kind');
    expect(result.facts).toEqual({ origin: 'GB', entryDate: '2025-03-15' });
    expect(result.notes).toEqual(['I used 15 Mar 2025, the middle of March 2025.']);
    expect(result.askDate).toBeUndefined();
  });

  describe('properties', () => {
    const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
    /** Countries whose first name in the table is plain words (the way people type them). */
    const codes = Object.keys(countriesInUse()).filter((code) => code !== 'US' && /^[A-Za-z ]+$/.test(countryName(code)));
    const country = fc.constantFrom(...codes);
    /** A month from Jan 2020 to Oct 2026 (before TODAY, 25 Nov 2026). */
    const month = fc.integer({ min: 0, max: 6 * 12 + 9 }).map((n) => ({ year: 2020 + Math.floor(n / 12), month: (n % 12) + 1 }));
    const contentIds = rules.contents.map((c) => c.id);
    /** Earlier answers: any subset, without origin and date (those the message states). */
    const earlier: fc.Arbitrary<ShipmentFacts> = fc.record(
      {
        kind: fc.constantFrom('purchase' as const, 'gift' as const, 'warehouse' as const, 'traveler' as const, UNKNOWN),
        mode: fc.constantFrom('mail' as const, 'express' as const, UNKNOWN),
        valueUsd: fc.oneof(fc.integer({ min: 0, max: 3000 }), fc.constant(UNKNOWN)),
        contents: fc.oneof(fc.subarray(contentIds), fc.constant(UNKNOWN)),
        splitOrder: fc.oneof(fc.boolean(), fc.constant(UNKNOWN)),
      },
      { requiredKeys: [] },
    );
    const askedArb = fc.constantFrom<FactKey>('kind', 'mode', 'valueUsd', 'sameDayTotalUsd', 'contents', 'splitOrder');

    it('"it came from <country> in <month> <year>" yields that origin, and the date or the question for the day', () => {
      fc.assert(
        fc.property(country, month, earlier, askedArb, (code, m, current, asked) => {
          const result = facts(`it came from ${countryName(code)} in ${MONTHS[m.month - 1]} ${m.year}`, current, asked);
          expect(result.statement).toBe(true);
          expect(result.facts.origin).toBe(code);
          const first = `${m.year}-${String(m.month).padStart(2, '0')}-01`;
          if (result.askDate === 'unclear') {
            expect(result.unclearDate?.from).toBe(first);
            expect(result.facts.entryDate).toBeUndefined();
          } else {
            expect(result.facts.entryDate).toBe(`${first.slice(0, 8)}15`);
          }
        }),
        { numRuns: 300 },
      );
    });

    it('never overwrites a fact the person did not restate, nor one answered earlier (other than the one asked)', () => {
      fc.assert(
        fc.property(country, month, earlier, askedArb, fc.boolean(), (code, m, current, asked, gift) => {
          const text = `${gift ? "it's a gift, " : ''}it came from ${countryName(code)} in ${MONTHS[m.month - 1]} ${m.year}`;
          const result = facts(text, { ...current, origin: 'CN' }, asked);
          for (const key of Object.keys(result.facts) as FactKey[]) {
            if (key === asked) continue;
            expect(current[key] === undefined || current[key] === UNKNOWN).toBe(true);
          }
          // The origin answered earlier stays; a different one is reported as kept.
          expect(result.facts.origin).toBeUndefined();
          expect(result.kept.includes('origin')).toBe(code !== 'CN');
        }),
        { numRuns: 300 },
      );
    });

    it('never takes an origin from a negation', () => {
      fc.assert(
        fc.property(country, country, askedArb, (no, yes, asked) => {
          const result = facts(`it's not from ${countryName(no)}, it's from ${countryName(yes)}`, {}, asked);
          if (no !== yes) expect(result.facts.origin).toBe(yes);
          expect(facts(`not from ${countryName(no)}`, {}, asked).facts.origin).toBeUndefined();
        }),
        { numRuns: 200 },
      );
    });

    it('a question states nothing, whatever facts it holds', () => {
      fc.assert(
        fc.property(country, month, fc.constantFrom('is it duty free if', 'what if', 'does it matter that', 'should I pay duty if'), (code, m, start) => {
          const text = `${start} it came from ${countryName(code)} in ${MONTHS[m.month - 1]} ${m.year}?`;
          expect(facts(text, {}, 'kind')).toEqual({ statement: false, facts: {}, notes: [], kept: [] });
        }),
        { numRuns: 100 },
      );
    });
  });
});

describe('rulesChangeBetween', () => {
  it('lists the days within a range when a rule starts or stops', () => {
    expect(rulesChangeBetween(rules, '2025-03-01', '2025-03-31')).toEqual([]);
    expect(rulesChangeBetween(rules, '2025-04-30', '2025-05-31')).toEqual(['2025-05-02']);
    expect(rulesChangeBetween(rules, '2016-03-01', '2016-03-31')).toEqual(['2016-03-10']);
    // A gift over $100 is judged differently before and after de minimis closed (for China and
    // Hong Kong on 2 May 2025, for everyone on 29 Aug 2025): see the gift-over-limit rules.
    expect(rulesChangeBetween(rules, '2025-01-01', '2025-12-31', 'gift')).toEqual(['2025-05-02', '2025-08-29']);
    expect(rulesChangeBetween(rules, '2026-01-01', '2026-12-31', 'gift')).toEqual([]);
  });
});

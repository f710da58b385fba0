/**
 * The answer parsers, format by format. Every date is relative to a fixed `today`.
 */
import {
  extractFacts,
  isUnsure,
  parseAnswer,
  parseContents,
  parseCountry,
  parseDate,
  parseKind,
  parseMode,
  parseMoney,
  parseYesNo,
  rulesChangeBetween,
  todayInEastern,
} from './index';
import { bundledRules } from './testRules';

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
  ])('%s', (text, expected) => expect(parseMoney(text)).toEqual(expected));

  it.each([
    ['€50', 'EUR', 50],
    ['50 euros', 'EUR', 50],
    ['£20', 'GBP', 20],
    ['20 pounds', 'GBP', 20],
    ['C$30', 'CAD', 30],
    ['100 canadian dollars', 'CAD', 100],
    ['500 yen', 'JPY', 500],
    ['200 RMB', 'CNY', 200],
    ['¥500', 'CNY or JPY', 500],
  ])('%s is a foreign currency', (text, currency, amount) => expect(parseMoney(text)).toEqual({ currency, amount }));

  it.each(['-5', '$-20', 'minus 40', 'negative 3', '', 'a lot', '12 and 13', '1,5', 'between 300 and 400'])('refuses %j', (text) => {
    expect(parseMoney(text)).toBeUndefined();
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

  it('does not depend on the machine time zone: today is only the date passed in', () => {
    expect(parseDate('yesterday', '2025-03-01')).toMatchObject({ date: '2025-02-28' });
    expect(parseDate('tomorrow', '2024-12-31')).toMatchObject({ date: '2025-01-01' });
  });
});

describe('todayInEastern', () => {
  it('is the New York calendar date of an instant', () => {
    expect(todayInEastern(new Date('2026-11-26T03:00:00Z'))).toBe('2026-11-25');
    expect(todayInEastern(new Date('2025-08-29T04:01:00Z'))).toBe('2025-08-29'); // 12:01 a.m. EDT
    expect(todayInEastern(new Date('2025-08-29T03:59:00Z'))).toBe('2025-08-28');
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
    ['stock for our FBA warehouse', 'warehouse'],
    ['unsold inventory for a fulfillment center', 'warehouse'],
    ['things in my suitcase from my trip', 'traveler'],
    ['not sure', 'unknown'],
  ])('kind: %s', (text, kind) => expect(parseKind(text)).toBe(kind));

  it('a kind that points two ways is not guessed', () => expect(parseKind('I bought a gift')).toBeUndefined());

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
    ['perfume', ['perfume']],
    ['Perfume with alcohol', ['perfume']],
    ['archery arrows', ['excise']],
    ['antidumping', ['adcvd']],
    ['quota goods', ['quota']],
    ['adcvd', ['adcvd']],
    ['no alcohol, but cigars', ['tobacco']],
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
    ['my package from china arrived in March 2025, should I have paid duty?', { origin: 'CN', entryDate: '2025-03-15' }],
    ['what if it arrived on 1 March 2025', { entryDate: '2025-03-01' }],
    ['I live in the US and ordered from Hong Kong', { kind: 'purchase', origin: 'HK' }],
    ['can I split a $1,500 order in 2 boxes to stay under $800?', { kind: 'purchase', valueUsd: 1500, splitOrder: true }],
    ['could i ship wine or cigars under section 321', { contents: ['alcohol', 'tobacco'] }],
    ['a gift from Guam sent by mail yesterday', { kind: 'gift', origin: 'GU', mode: 'mail', entryDate: '2026-11-24' }],
    ['US$45 dress from PRC', { valueUsd: 45, origin: 'CN' }],
    ['does my package qualify for duty-free?', {}],
    ['check my shipment', {}],
    ['do I have to pay duty now', {}],
  ])('%s', (text, facts) => expect(extractFacts(text, TODAY, rules).facts).toEqual(facts));

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

describe('rulesChangeBetween', () => {
  it('lists the days within a range when a rule starts or stops', () => {
    expect(rulesChangeBetween(rules, '2025-03-01', '2025-03-31')).toEqual([]);
    expect(rulesChangeBetween(rules, '2025-04-30', '2025-05-31')).toEqual(['2025-05-02']);
    expect(rulesChangeBetween(rules, '2016-03-01', '2016-03-31')).toEqual(['2016-03-10']);
    expect(rulesChangeBetween(rules, '2025-01-01', '2025-12-31', 'gift')).toEqual([]);
  });
});

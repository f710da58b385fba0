import { moneyToken, normalizeText, stripMarkdown, tokenize } from './normalize';

const tokens = (s: string) => tokenize(normalizeText(s));

describe('normalizeText', () => {
  it.each([
    ['$800', 'usd800'],
    ['800 dollars', 'usd800'],
    ['800 dollar', 'usd800'],
    ['800$', 'usd800'],
    ['$ 800', 'usd800'],
    ['USD 800', 'usd800'],
    ['800 USD', 'usd800'],
    ['$800.00', 'usd800'],
    ['$1,500', 'usd1500'],
    ['1,500 dollars', 'usd1500'],
    ['$2.5k', 'usd2500'],
    ['$4.99', 'usd4.99'],
  ])('writes %s as one money token', (written, token) => {
    expect(tokens(written)).toEqual([token]);
  });

  it('keeps money apart from other numbers', () => {
    expect(tokens('is $800 the limit in 2026 under section 321?')).toEqual(['is', 'usd800', 'the', 'limit', 'in', '2026', 'under', 'section', '321']);
  });

  it('folds case and accents and keeps contractions whole', () => {
    expect(tokens("Don't CAFÉ grandma's")).toEqual(['dont', 'cafe', 'grandmas']);
    expect(tokens('don’t')).toEqual(['dont']);
  });

  it('turns phone numbers, e-mail addresses and URLs into words or nothing', () => {
    expect(tokens('call 1-877-227-5511 or +1-202-325-8000')).toEqual(['call', 'phone', 'or', 'phone']);
    expect(tokens('call 1-800-BE-ALERT')).toEqual(['call', 'phone', 'bealert']);
    expect(tokens('write to ecommerce@cbp.dhs.gov')).toEqual(['write', 'to', 'email', 'ecommerce']);
    expect(tokens('see https://www.cbp.gov/trade now')).toEqual(['see', 'now']);
  });

  it('writes ISO dates the way people do', () => {
    expect(tokens('since 2025-08-29')).toEqual(['since', '29', 'aug', '2025']);
    expect(tokens('since August 29, 2025')).toEqual(['since', 'aug', '29', '2025']);
  });

  it('turns percent and ampersand into words', () => {
    expect(tokens('54% A&B')).toEqual(['54', 'percent', 'a', 'and', 'b']);
  });
});

describe('moneyToken', () => {
  it('drops zero cents and scales k', () => {
    expect(moneyToken('800.00')).toBe('usd800');
    expect(moneyToken('1.5k')).toBe('usd1500');
    expect(moneyToken('0.5')).toBe('usd0.50');
  });
});

describe('tokenize', () => {
  it('keeps dotted numbers whole and shortens month names', () => {
    expect(tokenize('19 cfr 10.151, since august 29')).toEqual(['19', 'cfr', '10.151', 'since', 'aug', '29']);
  });
  it('returns nothing for punctuation only', () => {
    expect(tokenize('?!...')).toEqual([]);
  });
});

describe('stripMarkdown', () => {
  it('keeps link text and drops URLs, formatting and list markers', () => {
    expect(stripMarkdown('**No.** See [CBP](https://cbp.gov).')).toBe('No. See CBP.');
    expect(stripMarkdown('## Details\n- one\n- `two`\n1. three')).toBe('Details\none\ntwo\nthree');
    expect(stripMarkdown('| a | b |')).toBe('a b');
  });
});

describe('normalizeText: acronyms said letter by letter (dictated messages)', () => {
  it('joins two to five single letters into one word', () => {
    expect(normalizeText('what does the p g a stand for, and the f d a')).toBe('what does the pga stand for, and the fda');
    expect(normalizeText('u s customs')).toBe('us customs');
  });

  it('leaves runs that start with "a" or "i" alone: they may be words', () => {
    expect(normalizeText('plan a b')).toBe('plan a b');
    expect(normalizeText('i a m')).toBe('i a m');
  });
});

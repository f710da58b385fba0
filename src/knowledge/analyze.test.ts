import { createAnalyzer, occursAsPhrase, occursTogether } from './analyze';
import { phraseMatcher } from './phrases';
import { words } from './words';

const analyzer = createAnalyzer({
  groups: [
    ['de minimis', 'section 321', '321', 'duty-free', 'low-value'],
    ['personal exemption', 'duty free allowance'],
    ['counterfeit', 'fake', 'knockoff', 'replica'],
    ['importer of record', 'IOR'],
    ['mail', 'postal', 'USPS', 'post office'],
    ['antidumping', 'AD/CVD', 'countervailing'],
  ],
  otherCbp: ['global entry', 'bring food', 'ESTA'],
});

describe('createAnalyzer().terms', () => {
  it('drops stop words so "do you sell kayaks?" keeps only its topic words', () => {
    expect(analyzer.terms('Do you sell kayaks?')).toEqual(['sell', 'kayak']);
    expect(analyzer.terms('what is it')).toEqual([]);
  });

  it('rewrites synonyms, phrases included, to the group term', () => {
    expect(analyzer.terms('Are knockoffs legal?')).toEqual(['counterfeit', 'legal']);
    expect(analyzer.terms('who is the Importer of Record')).toEqual(['importer_of_record']);
    expect(analyzer.terms('IOR')).toEqual(['importer_of_record']);
    expect(analyzer.terms('AD/CVD goods')).toEqual(['antidump', 'good']);
    expect(analyzer.terms('the post office took my package')).toEqual(['mail', 'took', 'packag']);
  });

  it('treats "321" and "section 321" alike, and money alike', () => {
    expect(analyzer.terms('section 321 limit')).toEqual(analyzer.terms('321 limit'));
    expect(analyzer.terms('is $800 duty-free')).toEqual(analyzer.terms('is 800 dollars de minimis'));
  });

  it('prefers the longest phrase', () => {
    expect(analyzer.terms('duty free allowance after vacation')).toEqual(['personal_exemption', 'after', 'vacation']);
    expect(analyzer.terms('duty free shipping')).toEqual(['de_minimis', 'ship']);
  });

  it('does not rewrite part of a word or a phrase split by other words', () => {
    expect(analyzer.terms('post something office')).toEqual(['post', 'offic']);
  });
});

describe('createAnalyzer().termsOfWords', () => {
  it('gives the terms of the text the words were split from, amounts and phrases included', () => {
    const withAmounts = createAnalyzer({ groups: [['importer of record', 'IOR']], otherCbp: [] }, { amounts: new Set(['usd800']) });
    for (const text of ['Who is the importer of record for an 800 order?', 'Are knockoffs legal?', '', 'is $800 duty-free', 'post something office']) {
      expect(withAmounts.termsOfWords(words(text))).toEqual(withAmounts.terms(text));
      expect(analyzer.termsOfWords(words(text))).toEqual(analyzer.terms(text));
    }
    expect(withAmounts.termsOfWords(words('the importer of record paid 800'))).toEqual(['importer_of_record', 'paid', 'usd800']);
  });
});

describe('createAnalyzer().otherCbpMatch', () => {
  it('finds an entry whose words all occur, in any order', () => {
    expect(analyzer.otherCbpMatch(analyzer.analyze('how do I renew Global Entry?'))).toBe('global entry');
    expect(analyzer.otherCbpMatch(analyzer.analyze('what food can I bring back'))).toBe('bring food');
    expect(analyzer.otherCbpMatch(analyzer.analyze('do I need an esta'))).toBe('ESTA');
  });
  it('needs every word', () => {
    expect(analyzer.otherCbpMatch(analyzer.analyze('informal entry limit'))).toBeUndefined();
  });
  it('needs the words close together when their positions are known', () => {
    const a = createAnalyzer({ groups: [], otherCbp: ['CBP One'] });
    const story = 'My dad fell for one of those test scams in 2020. I later read CBP was seizing tons of that junk.';
    expect(a.otherCbpMatch(a.analyze(story))).toBeUndefined();
    expect(a.otherCbpMatch({ terms: a.terms(story) })).toBe('CBP One'); // terms alone: anywhere
    expect(a.otherCbpMatch(a.analyze('is the CBP One app down'))).toBe('CBP One');
    expect(occursTogether(['cbp', 'x', 'one'], [0, 1, 9], ['cbp', 'one'])).toBe(false);
    expect(occursTogether(['one', 'cbp'], [3, 5], ['cbp', 'one'])).toBe(true);
  });
  it('needs a proper name\'s words in a row (session 31)', () => {
    const a = createAnalyzer({ groups: [], otherCbp: ['CBP One', 'bring food'] });
    expect(a.otherCbpMatch(a.analyze('Which charge is from CBP and which one is from the courier?'))).toBeUndefined();
    expect(a.otherCbpMatch(a.analyze('cbp one appointment not loading'))).toBe('CBP One');
    expect(a.otherCbpMatch(a.analyze('what food can I bring'))).toBe('bring food');
    expect(occursAsPhrase(['cbp', 'one', 'app'], [2, 3, 4], ['cbp', 'one'])).toBe(true);
    expect(occursAsPhrase(['one', 'cbp'], [3, 4], ['cbp', 'one'])).toBe(false);
  });
});

describe('createAnalyzer().goodsNamed', () => {
  const a = createAnalyzer({ groups: [], otherCbp: [], carried: ['suitcase'], carriedGoods: ['tamale', 'mango'] });
  it('finds a food whoever sends it, and leaves out one a document names', () => {
    expect(a.goodsNamed(a.terms('my tia is mailing me tamales'), () => false)).toBe(a.terms('tamale')[0]);
    expect(a.goodsNamed(a.terms('my tia is mailing me mangoes'), (t) => t === a.terms('mango')[0])).toBeUndefined();
    expect(a.goodsNamed(a.terms('my tia is mailing me a sweater'), () => false)).toBeUndefined();
  });
});

describe('createAnalyzer().carriedMatch', () => {
  const a = createAnalyzer({ groups: [], otherCbp: [], carried: ['suitcase', 'road trip'], carriedGoods: ['mango', 'hamster', 'cheese'] });
  const none = () => false;

  it('needs a traveller\'s word and a food, plant or animal', () => {
    expect(a.carriedMatch([a.analyze('Can I bring mangoes from Jamaica in my suitcase?')], none)).toBe('suitcase mango');
    expect(a.carriedMatch([a.analyze('can i bring my hamster back on a road trip')], none)).toBe('road trip hamster');
    expect(a.carriedMatch([a.analyze('I ordered dried mango from a shop in Manila')], none)).toBeUndefined();
    expect(a.carriedMatch([a.analyze('my suitcase was lost')], none)).toBeUndefined();
  });

  it('reads the story told before the question', () => {
    const story = a.analyze('Flying home from Lyon with a wheel of cheese in my suitcase.');
    expect(a.carriedMatch([a.analyze('Is that OK?'), story], none)).toBe('suitcase chees');
  });

  it('leaves out a good the documents themselves use', () => {
    expect(a.carriedMatch([a.analyze('mangoes in my suitcase')], (t) => t === 'mango')).toBeUndefined();
  });
});

describe('phraseMatcher', () => {
  it('reports which words each term came from', () => {
    const m = phraseMatcher([{ stems: ['post', 'offic'], term: 'mail' }]);
    const out = m.rewrite([{ stem: 'post' }, { stem: 'offic' }, { stem: 'box' }]);
    expect(out.map((r) => [r.term, r.source.length, r.phrase])).toEqual([['mail', 2, true], ['box', 1, false]]);
  });
});

describe('"used" before a thing means second-hand', () => {
  it.each([
    ['is there duty on a used Leica', true],
    ['buying used camera gear from Japan', true],
    ['my used car from Germany', true],
    ['it used to be free', false],
    ['the card I used for it', false],
    ['I used DHL', false],
    ['we used the post', false],
  ])('%s', (text, secondHand) => {
    const texts = words(text).map((w) => w.text);
    expect(texts.includes('secondhand')).toBe(secondHand);
    expect(texts.includes('used')).toBe(!secondHand);
  });

  it('so a used thing reaches the second-hand synonyms', () => {
    const analyzer = createAnalyzer({ groups: [['second hand', 'secondhand']], otherCbp: [] } as never);
    expect(analyzer.terms('duty on a used laptop')).toContain(analyzer.terms('second hand')[0]);
  });
});

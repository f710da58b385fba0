import { learnWords, WordModel } from './wordModel';

describe('learnWords', () => {
  it('counts each term once per example, documents and terms in sorted order', () => {
    const learned = learnWords([
      { doc: 'refunds', terms: ['ups', 'bill', 'bill'] },
      { doc: 'fees', terms: ['fee'] },
      { doc: 'refunds', terms: ['bill'] },
    ]);
    expect(learned).toEqual({ fees: { fee: 1 }, refunds: { bill: 2, ups: 1 } });
    expect(Object.keys(learned)).toEqual(['fees', 'refunds']);
    expect(Object.keys(learned.refunds)).toEqual(['bill', 'ups']);
  });
});

describe('WordModel.posterior', () => {
  const examples: Record<string, Set<string>[]> = {
    fees: [new Set(['carrier', 'fee']), new Set(['brokerage', 'fee'])],
    history: [new Set(['de_minimis', 'history']), new Set(['de_minimis', 'end'])],
  };
  const vocabulary = Object.values(examples).flatMap((sets) => sets.flatMap((s) => [...s]));
  const model = (learned = {}) => new WordModel(vocabulary, (id) => examples[id] ?? [], learned);

  it('prefers the document whose examples use the words, and sums to 1', () => {
    const p = model().posterior(['fees', 'history'], ['brokerage', 'fee'], () => 1);
    expect(p[0]).toBeGreaterThan(0.9);
    expect(p[0] + p[1]).toBeCloseTo(1, 10);
  });

  it('learns a word no document uses from labelled messages: "alive" goes where people meant it', () => {
    expect(model().posterior(['fees', 'history'], ['alive'], () => 1)).toEqual([0.5, 0.5]);
    const p = model({ history: { alive: 3, de_minimis: 3 } }).posterior(['fees', 'history'], ['alive'], () => 1);
    expect(p[1]).toBeGreaterThan(0.8);
  });

  it('a later version of a topic learns what its first version was taught', () => {
    const learned = { history: { alive: 3 } };
    const versions = new WordModel(vocabulary, (id) => examples[id === 'history-2027' ? 'history' : id] ?? [], learned, (id) => (id === 'history-2027' ? [id, 'history'] : [id]));
    const p = versions.posterior(['fees', 'history-2027'], ['alive'], () => 1);
    expect(p[1]).toBeGreaterThan(0.8);
  });

  it('a word counted less (from the story) moves the result less', () => {
    const full = model().posterior(['fees', 'history'], ['fee', 'history', 'end'], () => 1);
    const storyFee = model().posterior(['fees', 'history'], ['fee', 'history', 'end'], (t) => (t === 'fee' ? 0.5 : 1));
    expect(storyFee[1]).toBeGreaterThan(full[1]);
  });

  it('no candidates, no shares; a document with no examples at all still gets one', () => {
    expect(model().posterior([], ['fee'], () => 1)).toEqual([]);
    const p = model().posterior(['fees', 'unknown-doc'], ['fee'], () => 1);
    expect(p[0]).toBeGreaterThan(p[1]);
    expect(p[1]).toBeGreaterThan(0);
  });
});

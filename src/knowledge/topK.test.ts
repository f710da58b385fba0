import fc from 'fast-check';
import MiniSearch, { type SearchOptions, type SearchResult } from 'minisearch';
import { BestK, searchTopHits, searchTopK } from './topK';

describe('BestK', () => {
  it('keeps the k highest scores, best first', () => {
    const best = new BestK<string>(3);
    for (const [item, score] of [['a', 1], ['b', 5], ['c', 3], ['d', 4], ['e', 2]] as const) best.offer(item, score);
    expect(best.items()).toEqual(['b', 'd', 'c']);
  });

  it('on equal scores keeps the one offered first, as a stable sort would', () => {
    const best = new BestK<string>(2);
    for (const item of ['a', 'b', 'c']) best.offer(item, 1);
    expect(best.items()).toEqual(['a', 'b']);
    best.offer('d', 2);
    expect(best.items()).toEqual(['d', 'a']);
  });

  it('agrees with a stable sort on any stream', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 6 }), { maxLength: 40 }), fc.integer({ min: 0, max: 10 }), (scores, k) => {
        const best = new BestK<number>(k);
        scores.forEach((s, i) => best.offer(i, s));
        const sorted = scores.map((s, i) => ({ s, i })).sort((a, b) => b.s - a.s).slice(0, k).map((x) => x.i);
        expect(best.items()).toEqual(sorted);
      }),
    );
  });
});

/** What the comparison looks at: everything a result carries, scores to the last bit. */
const shape = (results: SearchResult[]) => results.map((r) => ({ ...r, terms: [...r.terms], queryTerms: [...r.queryTerms] }));

describe('searchTopK', () => {
  // A small vocabulary so that words repeat, prefixes and typos find neighbours and scores tie.
  const VOCABULARY = ['duty', 'duties', 'dutiable', 'free', 'fee', 'fees', 'gift', 'gifts', 'mail', 'mailer', 'counterfeit', 'counterfeits', 'bag', 'usd800', '800', '2025', 'de_minimis', 'tariff', 'tariffs', 'seller'];
  const word = fc.constantFrom(...VOCABULARY, 'counterfit', 'tarif', 'maile', 'kayak');
  const text = (max: number) => fc.array(fc.constantFrom(...VOCABULARY), { minLength: 0, maxLength: max }).map((w) => w.join(' '));
  const doc = fc.record({ title: text(4), questions: text(8), body: text(20), abroad: fc.boolean() });
  const build = (docs: { title: string; questions: string; body: string; abroad: boolean }[]) => {
    const index = new MiniSearch({
      fields: ['title', 'questions', 'body'],
      storeFields: ['abroad'],
      tokenize: (t) => t.split(' ').filter((x) => x.length > 0),
      processTerm: (t) => t,
    });
    // Duplicate documents give exactly equal scores: ties must come out in minisearch's order.
    index.addAll(docs.flatMap((d, i) => [{ id: `d${i}`, ...d }, ...(i % 3 === 0 ? [{ id: `d${i}-copy`, ...d }] : [])]));
    return index;
  };
  const options = fc.record({
    boost: fc.constantFrom(undefined, { title: 3, questions: 2, body: 1 }, { body: 2 }),
    fuzzy: fc.constantFrom<SearchOptions['fuzzy']>(undefined, false, 0.2, 1, (t: string) => (t.length >= 5 ? 1 : false)),
    prefix: fc.constantFrom<SearchOptions['prefix']>(undefined, true, (t: string) => t.length >= 3),
    weights: fc.constantFrom(undefined, { fuzzy: 0.5, prefix: 0.4 }),
    boostTerm: fc.constantFrom<SearchOptions['boostTerm']>(undefined, (t: string) => (t.startsWith('d') ? 0.5 : 1)),
    boostDocument: fc.constantFrom<SearchOptions['boostDocument']>(undefined, (id: string, term: string) => (id.endsWith('1') && term === 'fee' ? 0 : id.endsWith('2') ? 1.5 : 1)),
    bm25: fc.constantFrom(undefined, { k: 1.5, b: 0.75, d: 0.4 }),
    fields: fc.constantFrom(undefined, ['body', 'title']),
  });
  const clean = (o: Record<string, unknown>) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as SearchOptions;

  it('gives exactly the first k results of index.search, with any options', () => {
    fc.assert(
      fc.property(fc.array(doc, { minLength: 1, maxLength: 30 }), fc.uniqueArray(word, { minLength: 1, maxLength: 6 }), options, fc.integer({ min: 1, max: 12 }), fc.boolean(), (docs, query, raw, k, filtered) => {
        const index = build(docs);
        const searchOptions = clean(raw);
        const accept = filtered ? (id: string) => !id.endsWith('-copy') : undefined;
        const expected = index.search(query.join(' '), accept ? { ...searchOptions, filter: (r) => accept(r.id as string) } : searchOptions).slice(0, k);
        expect(shape(searchTopK(index, query.join(' '), searchOptions, k, accept))).toEqual(shape(expected));
        // The lean hits carry the same ids, scores and terms, in the same order (numeric terms
        // such as "800" first among `terms`, as Object.keys lists them).
        const lean = (results: SearchResult[]) => results.map(({ id, score, terms, queryTerms }) => ({ id, score, terms: [...terms], queryTerms: [...queryTerms] }));
        expect(searchTopHits(index, query.join(' '), searchOptions, k, accept)).toEqual(lean(expected));
      }),
      { numRuns: 300 },
    );
  });

  it('reuses its buffers across queries and after the index changes without mixing them up', () => {
    const index = build([
      { title: 'duty free gift', questions: 'gift mail', body: 'duty duty fee', abroad: false },
      { title: 'counterfeit bag', questions: 'counterfeit seller', body: 'bag fees', abroad: false },
    ]);
    for (const q of ['duty gift', 'counterfeit bag fee', 'gift', 'duty gift']) expect(shape(searchTopK(index, q, {}, 5))).toEqual(shape(index.search(q).slice(0, 5)));
    // Scores kept for one set of BM25 parameters are not used for another.
    for (const bm25 of [{ k: 1.2, b: 0.7, d: 0.5 }, { k: 2, b: 0.3, d: 0.1 }, { k: 1.2, b: 0.7, d: 0.5 }]) {
      expect(shape(searchTopK(index, 'duty gift fee', { bm25 }, 5))).toEqual(shape(index.search('duty gift fee', { bm25 }).slice(0, 5)));
    }
    index.add({ id: 'new', title: 'gift gift', questions: '', body: 'duty', abroad: false });
    expect(shape(searchTopK(index, 'duty gift', {}, 5))).toEqual(shape(index.search('duty gift').slice(0, 5)));
  });

  it('falls back to index.search for what it does not reproduce', () => {
    const index = build([
      { title: 'duty free gift', questions: 'gift mail', body: 'duty fee', abroad: false },
      { title: 'duty bag', questions: 'seller', body: 'bag fees', abroad: true },
    ]);
    const cases: Array<[string, SearchOptions]> = [
      ['duty gift', { combineWith: 'AND' }],
      ['duty bag', { combineWith: 'AND_NOT' }],
      ['duty duty gift', {}],
      ['duty', { filter: (r) => r.abroad === true }],
    ];
    for (const [q, o] of cases) expect(shape(searchTopK(index, q, o, 5))).toEqual(shape(index.search(q, o).slice(0, 5)));
    index.discard('d0');
    expect(shape(searchTopK(index, 'duty', {}, 5))).toEqual(shape(index.search('duty').slice(0, 5)));
  });

  it('returns nothing for an empty query or k = 0', () => {
    const index = build([{ title: 'duty', questions: '', body: '', abroad: false }]);
    expect(searchTopK(index, '', {}, 8)).toEqual([]);
    expect(searchTopK(index, 'duty', {}, 0)).toEqual([]);
  });
});

import {
  APPROXIMATE_CREDIT, coverage, editDistance, evidence, familiarity, familiarityScale, idf, pairShare, phrasingSimilarity,
  resolveApproximate, termPairs,
} from './features';

const weights = new Map([['fake', 2], ['kayak', 3], ['bag', 1]]);
const phrasing = (terms: string[]) => ({ terms: new Set(terms), norm: terms.reduce((s, t) => s + (weights.get(t) ?? 0) ** 2, 0) });

describe('idf', () => {
  it('weighs rarer terms more; unknown like the rarest known', () => {
    expect(idf(1, 70)).toBeGreaterThan(idf(30, 70));
    expect(idf(0, 70)).toBe(idf(1, 70));
  });
});

describe('coverage', () => {
  it('counts exact terms fully and typos partly', () => {
    expect(coverage(['fake', 'kayak'], weights, new Set(['fake']), new Map())).toBeCloseTo(0.4);
    expect(coverage(['fake', 'kayak'], weights, new Set(['fake', 'kayak']), new Map())).toBe(1);
    expect(coverage(['fake', 'kayak'], weights, new Set(['fake']), new Map([['kayak', 'kayaks']]))).toBeCloseTo(0.4 + 0.6 * APPROXIMATE_CREDIT);
    expect(coverage(['fake', 'kayak'], weights, new Set(['fake', 'kayak']), new Map(), new Set(['kayak']))).toBeCloseTo(0.4 + 0.6 * APPROXIMATE_CREDIT);
    expect(coverage([], weights, new Set(), new Map())).toBe(0);
  });
});

describe('phrasingSimilarity', () => {
  it('is the best cosine over the phrasings', () => {
    expect(phrasingSimilarity(['fake', 'bag'], weights, [phrasing(['fake', 'bag'])], new Map())).toBeCloseTo(1);
    expect(phrasingSimilarity(['fake', 'bag'], weights, [phrasing(['kayak']), phrasing(['fake'])], new Map())).toBeCloseTo(2 / Math.sqrt(5));
    expect(phrasingSimilarity(['fake'], weights, [], new Map())).toBe(0);
  });
});

describe('typo pairing', () => {
  it('measures edits and pairs a typo with the document term it matched', () => {
    expect(editDistance('counterfit', 'counterfeit')).toBe(1);
    expect(editDistance('', 'abc')).toBe(3);
    expect(resolveApproximate(['counterfit', 'seller'], ['counterfeit', 'seller'], new Set(['counterfeit', 'seller']))).toEqual(new Map([['counterfit', 'counterfeit']]));
    expect(resolveApproximate(['seller'], ['seller'], new Set(['seller'])).size).toBe(0);
  });
});

describe('pairs', () => {
  it('lists adjacent pairs and the share found side by side in a document', () => {
    expect(termPairs(['a', 'b', 'c'])).toEqual(['a b', 'b c']);
    expect(termPairs(['a'])).toEqual([]);
    expect(pairShare(['counterfeit', 'seizur', 'fy2025'], [1, 1, 1], new Set(['counterfeit seizur']), new Set())).toBe(0.5);
    expect(pairShare(['alone'], [1], new Set(['alone pair']), new Set(['alone']))).toBe(0);
  });
  it('counts the inner pairs of a synonym phrase the document contains', () => {
    expect(pairShare(['csm'], [4], new Set(), new Set(['csm']))).toBe(1);
    expect(pairShare(['csm'], [4], new Set(), new Set())).toBe(0);
    expect(pairShare(['csm', 'meaning'], [4, 1], new Set(), new Set(['csm']))).toBe(0.75);
  });
});

describe('evidence', () => {
  it('grows with matched weight and saturates below 1', () => {
    const v = new Set(['fake', 'bag']);
    expect(evidence(['fake', 'kayak'], weights, v, new Set(), 2)).toBeCloseTo(1 - Math.exp(-1));
    expect(evidence(['fake', 'bag'], weights, v, new Set(), 2)).toBeGreaterThan(evidence(['fake'], weights, v, new Set(), 2));
    expect(evidence(['kayak'], weights, v, new Set(), 2)).toBe(0);
    expect(evidence(['fake'], weights, v, new Set(['fake']), 2)).toBeLessThan(evidence(['fake'], weights, v, new Set(), 2));
  });
});

describe('familiarity', () => {
  const cf = new Map([['duty', 99], ['sell', 9]]);
  const scale = familiarityScale(cf);
  it('is 1 for the most frequent term, 0 for an unknown one, and averages', () => {
    expect(scale).toBeCloseTo(Math.log(100));
    expect(familiarity(['duty'], cf, scale, new Set())).toBeCloseTo(1);
    expect(familiarity(['kayak'], cf, scale, new Set())).toBe(0);
    expect(familiarity(['duty', 'kayak'], cf, scale, new Set())).toBeCloseTo(0.5);
    expect(familiarity(['sell'], cf, scale, new Set())).toBeCloseTo(0.5);
    expect(familiarity([], cf, scale, new Set())).toBe(0);
    // Only the most familiar terms count when asked to: a story's details do not dilute them.
    expect(familiarity(['duty', 'kayak', 'canoe', 'paddle'], cf, scale, new Set())).toBeCloseTo(0.25);
    expect(familiarity(['duty', 'kayak', 'canoe', 'paddle'], cf, scale, new Set(), 1)).toBeCloseTo(1);
    expect(familiarity(['duty', 'kayak'], cf, scale, new Set(), 4)).toBeCloseTo(0.5);
  });
});

describe('phrasingSimilarity with the terms looked up once (performance, issue 15)', () => {
  /** The function as it was: every lookup made for every phrasing. */
  function reference(
    queryTerms: readonly string[],
    weights: ReadonlyMap<string, number>,
    phrasings: readonly { terms: ReadonlySet<string>; norm: number }[],
    approximate: ReadonlyMap<string, string>,
    partial: ReadonlySet<string> = new Set(),
  ): number {
    let queryNorm = 0;
    for (const t of queryTerms) queryNorm += (weights.get(t) ?? 0) ** 2;
    if (queryNorm === 0) return 0;
    let best = 0;
    for (const p of phrasings) {
      if (p.norm === 0) continue;
      let dot = 0;
      for (const t of queryTerms) {
        const w = weights.get(t) ?? 0;
        if (p.terms.has(t)) dot += partial.has(t) ? w * w * APPROXIMATE_CREDIT : w * w;
        else {
          const d = approximate.get(t);
          if (d !== undefined && p.terms.has(d)) dot += w * w * APPROXIMATE_CREDIT;
        }
      }
      const cosine = dot / Math.sqrt(queryNorm * p.norm);
      if (cosine > best) best = cosine;
    }
    return best;
  }

  test('the same value to the last bit as looking every term up for every phrasing, on 5,000 random cases', () => {
    let seed = 42;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    const vocabulary = Array.from({ length: 30 }, (_, i) => `t${i}`);
    const pick = (k: number) => Array.from({ length: k }, () => vocabulary[Math.floor(random() * vocabulary.length)]!);
    let nonZero = 0;
    for (let c = 0; c < 5000; c++) {
      const weights = new Map(pick(20).map((t) => [t, random() < 0.1 ? 0 : random() * 5]));
      const query = pick(1 + Math.floor(random() * 10));
      const approximate = new Map(pick(6).map((t) => [t, vocabulary[Math.floor(random() * vocabulary.length)]!]));
      const partial = new Set(pick(Math.floor(random() * 4)));
      const phrasings = Array.from({ length: Math.floor(random() * 12) }, () => {
        const terms = new Set(pick(1 + Math.floor(random() * 8)));
        return { terms, norm: random() < 0.05 ? 0 : [...terms].reduce((s, t) => s + (weights.get(t) ?? 0) ** 2, 0) };
      });
      const expected = reference(query, weights, phrasings, approximate, partial);
      expect(Object.is(phrasingSimilarity(query, weights, phrasings, approximate, partial), expected)).toBe(true);
      if (expected > 0) nonZero++;
    }
    expect(nonZero).toBeGreaterThan(2000);
  });
});

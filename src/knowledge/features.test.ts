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

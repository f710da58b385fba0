/**
 * Top-k search over a minisearch index. `MiniSearch#search` scores every matching document,
 * builds a result object for each (terms, match, stored fields), filters and sorts them all, and
 * the knowledge base then keeps 8: on a large knowledge base a common word matches most
 * documents, so a query costs time in proportion to the corpus. minisearch 7 has no top-k
 * option, so {@link searchTopK} reads the same index with the same arithmetic in one scoring
 * pass over typed arrays, keeps only the best k while it goes ({@link BestK}), and builds result
 * objects for those k alone. The BM25 score of a posting does not depend on the query, so each
 * posting list a query reads is kept with its scores (ids and scores in typed arrays, 12 bytes a
 * posting, only for the terms asked about) and the next query only multiplies and adds.
 *
 * The results are identical to `index.search(query, options).slice(0, k)`: the same documents
 * in the same order (ties keep minisearch's order, first match first), the same scores to the
 * last bit (the same floating-point operations in the same order), the same `terms`,
 * `queryTerms` and `match`. Options it does not reproduce (AND / AND_NOT, a `filter` on the
 * result object, a query tree, the wildcard, repeated query terms, an index with discarded
 * documents awaiting vacuum) fall back to `index.search`. The equivalence is tested in
 * topK.test.ts and on the development questions in test/top-k-retrieval.test.ts; it depends on
 * minisearch's internals, so the version is pinned in package.json.
 */
import type MiniSearch from 'minisearch';
import type { SearchOptions, SearchResult } from 'minisearch';

/**
 * Keeps the best `k` of a stream of scored items: highest score first, and on equal scores the
 * one offered first (as a stable sort would order them). `offer` costs one comparison for an
 * item that does not make the cut.
 *
 * @example
 * const best = new BestK<string>(2);
 * best.offer('a', 1); best.offer('b', 3); best.offer('c', 2);
 * best.items(); // ['b', 'c']
 */
export class BestK<T> {
  // Parallel arrays filled in place: an object per offer and a splice per insertion were most of
  // a search's garbage.
  private readonly kept: T[] = [];
  private readonly scores: number[] = [];

  constructor(readonly k: number) {}

  /** The lowest score that still gets in once full (−∞ until then). */
  get threshold(): number {
    return this.kept.length < this.k ? -Infinity : this.scores[this.scores.length - 1];
  }

  /**
   * Offers an item; it is kept if it beats the current k-th (a tie does not: the earlier stays).
   *
   * @example
   * best.offer('d', 2.5); // true when 2.5 beats the k-th best so far
   */
  offer(item: T, score: number): boolean {
    if (this.k <= 0) return false;
    const { kept, scores } = this;
    const n = kept.length;
    if (n === this.k && !(score > scores[n - 1])) return false;
    // Insertion from the end: after every entry with a score ≥ this one (stable). When full, the
    // last entry falls out.
    let i = n === this.k ? n - 1 : n;
    if (n < this.k) {
      kept.push(item);
      scores.push(score);
    }
    while (i > 0 && scores[i - 1] < score) {
      kept[i] = kept[i - 1];
      scores[i] = scores[i - 1];
      i--;
    }
    kept[i] = item;
    scores[i] = score;
    return true;
  }

  /** The kept items, best first. */
  items(): T[] {
    return this.kept.slice();
  }
}

/** The parts of minisearch 7's index that the scoring pass reads (private in its typings). */
type FieldPostings = Map<number, number>;
type TermData = Map<number, FieldPostings>;
interface IndexInternals {
  _options: { fields: string[]; tokenize: (text: string) => string[]; processTerm: (term: string) => unknown; searchOptions: SearchOptions };
  _index: {
    get(term: string): TermData | undefined;
    atPrefix(prefix: string): Iterable<[string, TermData]>;
    fuzzyGet(term: string, maxDistance: number): Map<string, [TermData, number]>;
  };
  _documentIds: Map<number, unknown>;
  _fieldIds: Record<string, number>;
  _fieldLength: Map<number, number[]>;
  _avgFieldLength: number[];
  _documentCount: number;
  _nextId: number;
  _dirtCount: number;
  _storedFields: Map<number, Record<string, unknown> | undefined>;
}

/** One derived term (the query term itself, a prefix or a fuzzy match) with its weight. */
interface Derived {
  term: string;
  data: TermData | undefined;
  weight: number;
}

/** Per-index scratch: field lengths as typed arrays, and score buffers reused across queries. */
interface Scratch {
  key: string;
  /** lengths[fieldId][shortId] */
  lengths: Float64Array[];
  termScore: Float64Array;
  termStamp: Int32Array;
  total: Float64Array;
  totalStamp: Int32Array;
  quality: Int32Array;
  /** Documents matched by the current term / query, in first-match order (counts kept apart). */
  termTouched: Int32Array;
  touched: Int32Array;
  /**
   * Per BM25 parameters and field, each document's `k * (1 - b + b * length / average length)`:
   * the part of the BM25 denominator that does not depend on the term.
   */
  norms: Map<string, Float64Array[]>;
  /**
   * Per posting list (one term in one field) that a query has read: its documents and each one's
   * BM25 score, for the BM25 parameters in `params`. A query multiplies these by its weights
   * instead of working BM25 out again; only lists queries read are kept.
   */
  scored: WeakMap<FieldPostings, { params: string; ids: Int32Array; bm25: Float64Array }>;
  /**
   * Generation counter, advanced for each query and each query term: a slot of termStamp /
   * totalStamp equal to the current generation belongs to it, so nothing is cleared between
   * queries.
   */
  stamp: number;
  busy: boolean;
}

const scratchByIndex = new WeakMap<object, Scratch>();

function scratchFor(ix: IndexInternals): Scratch {
  // The index can change (add, remove): the key says which state the arrays were built for.
  const key = `${ix._nextId}:${ix._documentCount}`;
  const cached = scratchByIndex.get(ix);
  if (cached && cached.key === key && !cached.busy) return cached;
  const size = ix._nextId;
  const fieldCount = Object.keys(ix._fieldIds).length;
  const lengths = Array.from({ length: fieldCount }, () => new Float64Array(size));
  for (const [shortId, perField] of ix._fieldLength) {
    for (let f = 0; f < fieldCount; f++) lengths[f][shortId] = perField[f];
  }
  const scratch: Scratch = {
    key,
    lengths,
    termScore: new Float64Array(size),
    termStamp: new Int32Array(size),
    total: new Float64Array(size),
    totalStamp: new Int32Array(size),
    quality: new Int32Array(size),
    termTouched: new Int32Array(size),
    touched: new Int32Array(size),
    norms: new Map(),
    scored: new WeakMap(),
    stamp: 0,
    busy: false,
  };
  // A nested search (from a callback) gets its own arrays and leaves the cached ones alone.
  if (!cached?.busy) scratchByIndex.set(ix, scratch);
  return scratch;
}

/** The cached BM25 length norms for these parameters (see Scratch.norms). */
function normsFor(scratch: Scratch, ix: IndexInternals, k1: number, b: number, key: string): Float64Array[] {
  let norms = scratch.norms.get(key);
  if (!norms) {
    norms = scratch.lengths.map((fieldLengths, fieldId) => {
      const avgFieldLength = ix._avgFieldLength[fieldId];
      // The very expression minisearch evaluates for each posting, so the scores are the same to the bit.
      return fieldLengths.map((fieldLength) => k1 * (1 - b + (b * fieldLength) / avgFieldLength));
    });
    scratch.norms.set(key, norms);
  }
  return norms;
}

/**
 * A posting list's documents with their BM25 scores (minisearch's calcBM25Score, the same
 * expression), worked out the first time a query reads the list.
 */
function scoredPostings(
  scratch: Scratch,
  postings: FieldPostings,
  norm: Float64Array,
  documentCount: number,
  bm25: { k: number; b: number; d: number },
  /** The parameters as a key: `${k}:${b}:${d}`. */
  params: string,
): { ids: Int32Array; bm25: Float64Array } {
  const cached = scratch.scored.get(postings);
  if (cached && cached.params === params) return cached;
  const matchingFields = postings.size;
  const invDocFreq = Math.log(1 + (documentCount - matchingFields + 0.5) / (matchingFields + 0.5));
  const { k, d } = bm25;
  const ids = new Int32Array(matchingFields);
  const scores = new Float64Array(matchingFields);
  let j = 0;
  postings.forEach((termFreq, docId) => {
    ids[j] = docId;
    // norm[docId] is k × (1 − b + b × fieldLength / avgFieldLength), as in calcBM25Score.
    scores[j] = invDocFreq * (d + (termFreq * (k + 1)) / (termFreq + norm[docId]));
    j++;
  });
  const list = { params, ids, bm25: scores };
  scratch.scored.set(postings, list);
  return list;
}

const hasOwn = (object: object | undefined, property: string) => object !== undefined && Object.prototype.hasOwnProperty.call(object, property);

/**
 * The best `k` results of `index.search(query, options)`, identical to
 * `index.search(query, options).slice(0, k)` but without scoring into result objects and
 * sorting every match. `acceptDocument` plays the part of minisearch's `filter` on the
 * document id (a `filter` in `options` makes this fall back to `index.search`).
 *
 * @example
 * searchTopK(index, 'counterfeit bag', { boost: { title: 3 }, combineWith: 'OR' }, 8, (id) => id !== 'draft');
 * // the same 8 results, in the same order, as index.search(…).filter(…).slice(0, 8)
 */
export function searchTopK<T>(
  index: MiniSearch<T>,
  query: string,
  options: SearchOptions,
  k: number,
  acceptDocument?: (id: string) => boolean,
): SearchResult[] {
  return bestOf(index, query, options, k, acceptDocument, resultFor);
}

/**
 * What a ranker reads of a search result: its id, score, the query terms that matched and the
 * document terms they matched. A `SearchResult` is one.
 */
export interface TopHit {
  id: SearchResult['id'];
  score: number;
  terms: string[];
  queryTerms: string[];
}

/**
 * {@link searchTopK} without the parts of a result the knowledge base's ranking does not read
 * (`match` and the stored fields): the same hits in the same order with the same `id`, `score`,
 * `terms` and `queryTerms`. It allocates less, which matters because a query's garbage decides how
 * often the young generation is collected, and each collection pauses a query.
 *
 * @example
 * searchTopHits(index, 'counterfeit bag', { combineWith: 'OR' }, 8)[0]; // { id, score, terms, queryTerms }
 */
export function searchTopHits<T>(
  index: MiniSearch<T>,
  query: string,
  options: SearchOptions,
  k: number,
  acceptDocument?: (id: string) => boolean,
): TopHit[] {
  return bestOf<T, TopHit>(index, query, options, k, acceptDocument, hitFor);
}

/** Builds one kept document's result from the scoring pass's plan. */
type ResultBuilder<R> = (
  ix: IndexInternals,
  docId: number,
  score: number,
  plan: readonly { term: string; derived: readonly Derived[] }[],
  fieldBoosts: readonly { fieldId: number }[],
  fields: readonly string[],
  boostDocument: SearchOptions['boostDocument'],
) => R;

/** The scoring pass behind {@link searchTopK} and {@link searchTopHits}. */
function bestOf<T, R>(
  index: MiniSearch<T>,
  query: string,
  options: SearchOptions,
  k: number,
  acceptDocument: ((id: string) => boolean) | undefined,
  build: ResultBuilder<R>,
): (R | SearchResult)[] {
  const ix = index as unknown as IndexInternals;
  const opts = { tokenize: ix._options.tokenize, processTerm: ix._options.processTerm, ...ix._options.searchOptions, ...options };
  const fallback = () =>
    index.search(query, acceptDocument ? { ...options, filter: (r) => (options.filter ? options.filter(r) : true) && acceptDocument(r.id as string) } : options).slice(0, k);

  const orCombined = String(opts.combineWith ?? 'or').toLowerCase() === 'or';
  if (!orCombined || opts.filter != null || ix._dirtCount > 0 || k <= 0) return fallback();
  const terms = (opts.tokenize as (text: string) => string[])(query)
    .flatMap((term) => (opts.processTerm as (term: string) => string | string[] | null | undefined | false)(term))
    .filter((term): term is string => !!term);
  if (new Set(terms).size !== terms.length) return fallback();
  if (terms.length === 0) return [];

  const fields = opts.fields ?? ix._options.fields;
  const fieldBoosts = fields.map((field) => ({ fieldId: ix._fieldIds[field], boost: (hasOwn(opts.boost, field) ? opts.boost![field] : undefined) || 1 }));
  const { boostDocument, maxFuzzy } = opts;
  const weights = { fuzzy: 0.45, prefix: 0.375, ...opts.weights };
  const { k: k1, b, d } = opts.bm25 ?? { k: 1.2, b: 0.7, d: 0.5 };
  const documentCount = ix._documentCount;

  const scratch = scratchFor(ix);
  scratch.busy = true;
  try {
    const { termScore, termStamp, total, totalStamp, quality, termTouched, touched } = scratch;
    const bm25Params = { k: k1, b, d };
    const paramsKey = `${k1}:${b}:${d}`;
    const norms = normsFor(scratch, ix, k1, b, paramsKey);
    const queryStamp = ++scratch.stamp;
    let touchedCount = 0;
    const plan: { term: string; termBoost: number; derived: Derived[] }[] = [];

    for (let i = 0; i < terms.length; i++) {
      const term = terms[i];
      // As minisearch's termToQuerySpec.
      const fuzzy = typeof opts.fuzzy === 'function' ? opts.fuzzy(term, i, terms) : opts.fuzzy || false;
      const prefix = typeof opts.prefix === 'function' ? opts.prefix(term, i, terms) : opts.prefix === true;
      const termBoost = typeof opts.boostTerm === 'function' ? opts.boostTerm(term, i, terms) : 1;
      // As executeQuerySpec: the term itself, then prefix matches, then fuzzy matches not already prefix matches.
      const derived: Derived[] = [{ term, data: ix._index.get(term), weight: 1 }];
      let fuzzyMatches: Map<string, [TermData, number]> | undefined;
      if (fuzzy) {
        const f = fuzzy === true ? 0.2 : fuzzy;
        const maxDistance = f < 1 ? Math.min(maxFuzzy as number, Math.round(term.length * f)) : f;
        if (maxDistance) fuzzyMatches = ix._index.fuzzyGet(term, maxDistance);
      }
      if (prefix) {
        for (const [prefixed, data] of ix._index.atPrefix(term)) {
          const distance = prefixed.length - term.length;
          if (!distance) continue;
          fuzzyMatches?.delete(prefixed);
          derived.push({ term: prefixed, data, weight: (weights.prefix * prefixed.length) / (prefixed.length + 0.3 * distance) });
        }
      }
      if (fuzzyMatches) {
        for (const fuzzyTerm of fuzzyMatches.keys()) {
          const [data, distance] = fuzzyMatches.get(fuzzyTerm)!;
          if (!distance) continue;
          derived.push({ term: fuzzyTerm, data, weight: (weights.fuzzy * fuzzyTerm.length) / (fuzzyTerm.length + distance) });
        }
      }
      plan.push({ term, termBoost, derived });

      // Score this term into termScore (as termResults), in minisearch's order of additions:
      // weightedScore = termWeight × termBoost × fieldBoost × docBoost × BM25, evaluated left to right.
      let termCount = 0;
      const stamp = ++scratch.stamp;
      for (const { term: derivedTerm, data, weight } of derived) {
        if (data == null) continue;
        for (const { fieldId, boost: fieldBoost } of fieldBoosts) {
          const postings = data.get(fieldId);
          if (postings == null) continue;
          const { ids, bm25 } = scoredPostings(scratch, postings, norms[fieldId], documentCount, bm25Params, paramsKey);
          const factor = weight * termBoost * fieldBoost;
          for (let j = 0; j < ids.length; j++) {
            const docId = ids[j];
            let weightedScore: number;
            if (boostDocument) {
              const docBoost = boostDocument(ix._documentIds.get(docId), derivedTerm, ix._storedFields.get(docId));
              if (!docBoost) continue;
              weightedScore = factor * docBoost * bm25[j];
            } else {
              // docBoost is 1: factor × 1 is factor, to the bit.
              weightedScore = factor * bm25[j];
            }
            if (termStamp[docId] === stamp) termScore[docId] += weightedScore;
            else {
              termStamp[docId] = stamp;
              termScore[docId] = weightedScore;
              termTouched[termCount++] = docId;
            }
          }
        }
      }
      // Combine with the earlier terms (as the OR combinator): in term order, first match first.
      for (let t = 0; t < termCount; t++) {
        const docId = termTouched[t];
        if (totalStamp[docId] === queryStamp) {
          total[docId] = total[docId] + termScore[docId];
          quality[docId] += 1;
        } else {
          totalStamp[docId] = queryStamp;
          total[docId] = termScore[docId];
          quality[docId] = 1;
          touched[touchedCount++] = docId;
        }
      }
    }

    // Keep the best k (touched is in first-match order, so ties keep minisearch's order).
    const best = new BestK<number>(k);
    let threshold = best.threshold;
    for (let t = 0; t < touchedCount; t++) {
      const docId = touched[t];
      const score = total[docId] * (quality[docId] || 1);
      if (!(score > threshold)) continue;
      if (acceptDocument && !acceptDocument(ix._documentIds.get(docId) as string)) continue;
      best.offer(docId, score);
      threshold = best.threshold;
    }
    return best.items().map((docId) => build(ix, docId, total[docId] * (quality[docId] || 1), plan, fieldBoosts, fields, boostDocument));
  } finally {
    scratch.busy = false;
  }
}

/**
 * One result object as `MiniSearch#search` builds it: `queryTerms` in the order the terms
 * matched, `match` assembled the way its OR combinator assembles it (a later query term's match
 * of the same document term replaces the earlier one's fields), `terms` its keys.
 */
const resultFor: ResultBuilder<SearchResult> = (ix, docId, score, plan, fieldBoosts, fields, boostDocument) => {
  const queryTerms: string[] = [];
  let match: Record<string, string[]> | undefined;
  for (const { term, derived } of plan) {
    let termMatch: Record<string, string[]> | undefined;
    for (const { term: derivedTerm, data } of derived) {
      if (data == null) continue;
      fieldBoosts.forEach(({ fieldId }, f) => {
        if (!data.get(fieldId)?.has(docId)) return;
        if (boostDocument && !boostDocument(ix._documentIds.get(docId), derivedTerm, ix._storedFields.get(docId))) return;
        if (!termMatch) termMatch = { [derivedTerm]: [fields[f]] };
        else if (hasOwn(termMatch, derivedTerm)) termMatch[derivedTerm].push(fields[f]);
        else termMatch[derivedTerm] = [fields[f]];
      });
    }
    if (!termMatch) continue;
    match = match ? Object.assign(match, termMatch) : termMatch;
    queryTerms.push(term);
  }
  const result = { id: ix._documentIds.get(docId), score, terms: Object.keys(match ?? {}), queryTerms, match: match ?? {} } as SearchResult;
  Object.assign(result, ix._storedFields.get(docId));
  return result;
};

/**
 * A kept document as a {@link TopHit}: `queryTerms` and `terms` exactly as {@link resultFor}
 * gives them (`terms` in the order of `Object.keys(match)`), without building `match`.
 */
const hitFor: ResultBuilder<TopHit> = (ix, docId, score, plan, fieldBoosts, _fields, boostDocument) => {
  const queryTerms: string[] = [];
  const terms: string[] = [];
  for (const { term, derived } of plan) {
    let matched = false;
    for (const { term: derivedTerm, data } of derived) {
      if (data == null) continue;
      for (const { fieldId } of fieldBoosts) {
        if (!data.get(fieldId)?.has(docId)) continue;
        if (boostDocument && !boostDocument(ix._documentIds.get(docId), derivedTerm, ix._storedFields.get(docId))) continue;
        matched = true;
        if (!terms.includes(derivedTerm)) terms.push(derivedTerm);
        break;
      }
    }
    if (matched) queryTerms.push(term);
  }
  return { id: ix._documentIds.get(docId), score, terms: inKeyOrder(terms), queryTerms };
};

/** An object key that is an array index ("800", "2025"): `Object.keys` lists those first, in numeric order. */
const isArrayIndex = (key: string) => /^(?:0|[1-9]\d*)$/.test(key) && Number(key) < 4294967295;

/** Keys in the order `Object.keys` would list them for an object they were added to in this order. */
function inKeyOrder(keys: string[]): string[] {
  if (!keys.some(isArrayIndex)) return keys;
  const indexes = keys.filter(isArrayIndex).sort((a, b) => Number(a) - Number(b));
  return [...indexes, ...keys.filter((key) => !isArrayIndex(key))];
}

/**
 * Match features of one candidate document for one question. Raw BM25 scores are not
 * comparable across questions (they grow with question length and term rarity), so the
 * confidence model looks at bounded quantities instead: how much of the question the document
 * covers, how close the question is to one of the document's own phrasings, and how clearly
 * the document beats the next one.
 */
import { editDistance } from '../text/editDistance';

/** Credit for a query term that matched only through fuzzy or prefix search (a typo). */
export const APPROXIMATE_CREDIT = 0.6;

/**
 * BM25-style inverse document frequency. Unknown terms (df 0) get the weight of the rarest
 * known term: an unknown word is as telling as the rarest one, not more, so one stray word
 * ("grandma") does not outweigh the rest of the question.
 *
 * @example
 * idf(1, 70) > idf(30, 70); // true
 * idf(0, 70) === idf(1, 70); // true
 */
export function idf(documentFrequency: number, documentCount: number): number {
  const df = Math.max(1, documentFrequency);
  return Math.log(1 + (documentCount - df + 0.5) / (df + 0.5));
}

/** The one edit distance (src/text/editDistance.ts): pairs a typo with the term it matched. */
export { editDistance };

/**
 * For query terms that a document matched only approximately, the document term each one
 * matched (the closest of the derived terms minisearch reports).
 *
 * @example
 * resolveApproximate(['counterfit', 'seller'], ['counterfeit', 'seller'], new Set(['counterfeit', 'seller']));
 * // Map { 'counterfit' => 'counterfeit' }
 */
export function resolveApproximate(
  matchedQueryTerms: readonly string[],
  matchedDocTerms: readonly string[],
  vocabulary: ReadonlySet<string>,
): Map<string, string> {
  const resolved = new Map<string, string>();
  const approximate = matchedQueryTerms.filter((t) => !vocabulary.has(t));
  if (approximate.length === 0) return resolved;
  const exact = new Set(matchedQueryTerms);
  const derived = matchedDocTerms.filter((t) => !exact.has(t));
  for (const q of approximate) {
    let best: string | undefined;
    let bestDistance = Infinity;
    for (const d of derived) {
      const distance = d.startsWith(q) ? 0.5 : editDistance(q, d);
      if (distance < bestDistance) [best, bestDistance] = [d, distance];
    }
    if (best) resolved.set(q, best);
  }
  return resolved;
}

/**
 * Weighted share of the question's terms that the document contains: 1 for an exact term,
 * {@link APPROXIMATE_CREDIT} for a fuzzy/prefix match or a term from a corrected typo
 * (`partial`), 0 for a miss.
 *
 * @example
 * coverage(['fake', 'kayak'], new Map([['fake', 2], ['kayak', 3]]), new Set(['fake']), new Map()); // 0.4
 */
export function coverage(
  queryTerms: readonly string[],
  weights: ReadonlyMap<string, number>,
  vocabulary: ReadonlySet<string>,
  approximate: ReadonlyMap<string, string>,
  partial: ReadonlySet<string> = new Set(),
): number {
  let total = 0;
  let covered = 0;
  for (const t of queryTerms) {
    const w = weights.get(t) ?? 0;
    total += w;
    if (vocabulary.has(t)) covered += partial.has(t) ? w * APPROXIMATE_CREDIT : w;
    else if (approximate.has(t)) covered += w * APPROXIMATE_CREDIT;
  }
  return total > 0 ? covered / total : 0;
}

/**
 * Best weighted cosine between the question's terms and one of the document's phrasings
 * (its title, label and listed questions). High when the user asked nearly as a listed
 * question does; it ignores the body, which mentions many things in passing.
 *
 * @example
 * phrasingSimilarity(['gift', 'mail'], w, [new Set(['gift', 'mail', 'duty'])], new Map()); // ≈ 0.8
 */
export function phrasingSimilarity(
  queryTerms: readonly string[],
  weights: ReadonlyMap<string, number>,
  phrasings: readonly { terms: ReadonlySet<string>; norm: number }[],
  approximate: ReadonlyMap<string, string>,
  partial: ReadonlySet<string> = new Set(),
): number {
  let queryNorm = 0;
  for (const t of queryTerms) queryNorm += (weights.get(t) ?? 0) ** 2;
  if (queryNorm === 0) return 0;
  // Performance (issue 15): what each term adds, looked up once for all the phrasings (the same
  // products, added in the same order, so the same result to the last bit).
  const n = queryTerms.length;
  const exactAdd = new Array<number>(n);
  const approximateAdd = new Array<number>(n);
  const approximateTerm = new Array<string | undefined>(n);
  for (let i = 0; i < n; i++) {
    const t = queryTerms[i]!;
    const w = weights.get(t) ?? 0;
    exactAdd[i] = partial.has(t) ? w * w * APPROXIMATE_CREDIT : w * w;
    approximateAdd[i] = w * w * APPROXIMATE_CREDIT;
    approximateTerm[i] = approximate.get(t);
  }
  let best = 0;
  for (const p of phrasings) {
    if (p.norm === 0) continue;
    let dot = 0;
    for (let i = 0; i < n; i++) {
      if (p.terms.has(queryTerms[i]!)) dot += exactAdd[i]!;
      else {
        const d = approximateTerm[i];
        if (d !== undefined && p.terms.has(d)) dot += approximateAdd[i]!;
      }
    }
    const cosine = dot / Math.sqrt(queryNorm * p.norm);
    if (cosine > best) best = cosine;
  }
  return best;
}

/**
 * Adjacent pairs of terms, as "a b" strings: a cheap stand-in for phrase matching.
 *
 * @example
 * termPairs(['section_122', 'surcharg', 'charg']); // ['section_122 surcharg', 'surcharg charg']
 */
export function termPairs(terms: readonly string[]): string[] {
  return terms.slice(1).map((t, i) => `${terms[i]} ${t}`);
}

/**
 * Share of the question's word sequence that the document matches as sequences: adjacent
 * term pairs that also stand side by side in the document, plus the inner word pairs of
 * synonym phrases the document contains ("cargo systems messaging service" is three matched
 * pairs once it is the term "csm"). Generic words that match one by one rarely match as pairs.
 * `lengths[i]` is how many words `orderedTerms[i]` stands for.
 *
 * @example
 * pairShare(['counterfeit', 'seizur', 'fy2025'], [1, 1, 1], new Set(['counterfeit seizur']), new Set()); // 0.5
 * pairShare(['csm'], [4], new Set(), new Set(['csm'])); // 1
 */
export function pairShare(
  orderedTerms: readonly string[],
  lengths: readonly number[],
  documentPairs: ReadonlySet<string>,
  vocabulary: ReadonlySet<string>,
  /** `termPairs(orderedTerms)`, when the caller scores several documents against one question. */
  pairs: readonly string[] = termPairs(orderedTerms),
): number {
  let total = pairs.length;
  let matched = 0;
  for (const p of pairs) if (documentPairs.has(p)) matched++;
  for (let i = 0; i < orderedTerms.length; i++) {
    const inner = (lengths[i] ?? 1) - 1;
    total += inner;
    if (vocabulary.has(orderedTerms[i])) matched += inner;
  }
  return total === 0 ? 0 : matched / total;
}

/**
 * Absolute evidence: the summed weight of the question's terms the document contains,
 * squashed into [0, 1) with `scale` as the weight that gives 1 − 1/e. Coverage says "how much
 * of the question", this says "how much matched at all": a long question with many filler
 * words can still carry plenty of evidence.
 *
 * @example
 * evidence(['duty', 'kayak'], new Map([['duty', 1], ['kayak', 4]]), new Set(['duty']), new Set(), 2); // 1 − e^−0.5 ≈ 0.39
 */
export function evidence(
  queryTerms: readonly string[],
  weights: ReadonlyMap<string, number>,
  vocabulary: ReadonlySet<string>,
  partial: ReadonlySet<string>,
  scale: number,
): number {
  let sum = 0;
  for (const t of queryTerms) if (vocabulary.has(t)) sum += (weights.get(t) ?? 0) * (partial.has(t) ? APPROXIMATE_CREDIT : 1);
  return 1 - Math.exp(-sum / scale);
}

/**
 * The divisor that makes {@link familiarity} 1 for the knowledge base's most frequent term.
 *
 * @example
 * familiarityScale(new Map([['duty', 99], ['kayak', 0]])); // ln 100
 */
export function familiarityScale(collectionFrequency: ReadonlyMap<string, number>): number {
  let max = 0;
  for (const f of collectionFrequency.values()) if (f > max) max = f;
  return Math.log(1 + max);
}

/**
 * How many of a question's most familiar terms {@link familiarity} averages. A story brings words
 * no document needs ("ceramic mugs", "Brisbane", "rain jacket"); averaged over all of them, a
 * question about tariff codes looked as unfamiliar as one about jeans, and was turned away. On the
 * tuning halves of four real-style sets, 3 to 6 all did better than every term; 4 is the usual
 * number of words that carry a question.
 */
export const FAMILIAR_TERMS = 4;

/**
 * How familiar the question's words are to the knowledge base: the mean, over its `top` most
 * familiar terms, of log(1 + occurrences in the whole knowledge base) / {@link familiarityScale}.
 * It is the opposite of IDF on purpose: out-of-scope questions tend to be made of words the
 * knowledge base uses rarely or never ("stock", "poem", "kayak"), in-scope ones lean on its
 * everyday words ("duty", "package", "customs").
 *
 * @example
 * familiarity(['duty', 'kayak'], new Map([['duty', 99]]), Math.log(100), new Set()); // 0.5 (1 for duty, 0 for kayak)
 * familiarity(['duty', 'kayak'], new Map([['duty', 99]]), Math.log(100), new Set(), 1); // 1 (duty only)
 */
export function familiarity(
  queryTerms: readonly string[],
  collectionFrequency: ReadonlyMap<string, number>,
  scale: number,
  partial: ReadonlySet<string>,
  top = Infinity,
): number {
  if (queryTerms.length === 0 || scale === 0) return 0;
  const values = queryTerms.map((t) => (Math.log(1 + (collectionFrequency.get(t) ?? 0)) / scale) * (partial.has(t) ? APPROXIMATE_CREDIT : 1));
  const kept = values.length > top ? values.sort((a, b) => b - a).slice(0, top) : values;
  let sum = 0;
  for (const v of kept) sum += v;
  return sum / kept.length;
}

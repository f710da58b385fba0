/**
 * Which of the candidate documents a question's words point to, learned from examples: each
 * document's own title and listed questions, and messages of the tuning halves (A) of the
 * real-style sets labelled with that document (`knowledge/learned-words.json`, written by
 * `npm run kb:fit`). A multinomial naive Bayes over the candidates only: P(document | words) with
 * each example counted once per word it uses.
 *
 * Why: BM25, coverage and phrasing judge each document by its own words. Real messages use words
 * no document does, or use them for another page ("bill" in a UPS invoice story asks who pays,
 * not how billing works); the examples people actually wrote say which page such words go to.
 * Left out one set at a time, learning from the other sets' halves A put the right page first for
 * about 1 % more of the held-out set's messages (see README, session 15).
 *
 * No botbuilder here, and no file access: the knowledge base builds the model; the file is read
 * with the knowledge folder (models.ts).
 */

/** For each document id, in how many learned examples each term occurs. */
export type LearnedWords = Readonly<Record<string, Readonly<Record<string, number>>>>;

/**
 * Additive smoothing of the word counts. Tried left one set out at a time: 0.03 to 1 moved the
 * right answers by at most 9 of 2,050 (0.3 best).
 */
export const WORD_SMOOTHING = 0.3;

/** A document's examples as counts. */
interface DocumentCounts {
  counts: Map<string, number>;
  total: number;
}

/**
 * Counts the terms of labelled examples, each term once per example, as stored in
 * learned-words.json: documents and terms in sorted order so the file is stable.
 *
 * @example
 * learnWords([{ doc: 'a', terms: ['fee', 'fee', 'ups'] }, { doc: 'a', terms: ['fee'] }]);
 * // { a: { fee: 2, ups: 1 } }
 */
export function learnWords(examples: Iterable<{ doc: string; terms: Iterable<string> }>): LearnedWords {
  const byDoc = new Map<string, Map<string, number>>();
  for (const { doc, terms } of examples) {
    const counts = byDoc.get(doc) ?? new Map<string, number>();
    byDoc.set(doc, counts);
    for (const t of new Set(terms)) counts.set(t, (counts.get(t) ?? 0) + 1);
  }
  const sorted = (keys: Iterable<string>) => [...keys].sort();
  return Object.fromEntries(sorted(byDoc.keys()).map((doc) => [doc, Object.fromEntries(sorted(byDoc.get(doc)!.keys()).map((t) => [t, byDoc.get(doc)!.get(t)!]))]));
}

/**
 * The learned word model of one knowledge base. A document's counts are worked out the first
 * time it is a candidate (as its phrasings are: corpus.ts).
 *
 * @example
 * const model = new WordModel(['de_minimis', 'fee', 'ups'], (id) => examples[id], learned);
 * model.posterior(['fees-doc', 'history-doc'], ['ups', 'fee'], () => 1); // [0.8, 0.2]
 */
export class WordModel {
  private readonly memo = new Map<string, DocumentCounts>();
  private readonly vocabulary: Set<string>;

  /**
   * @param exampleTerms every term any document's own examples use (the title, label and listed questions)
   * @param examplesOf a document's own examples, each as its set of terms
   * @param learned counts learned from labelled messages
   * @param labelsOf the labels a document's learned counts are kept under: its id, and the id of
   *   the topic it is a version of (messages were labelled with the version in force then)
   */
  constructor(
    exampleTerms: Iterable<string>,
    private readonly examplesOf: (id: string) => Iterable<ReadonlySet<string>>,
    private readonly learned: LearnedWords = {},
    private readonly labelsOf: (id: string) => readonly string[] = (id) => [id],
    private readonly smoothing = WORD_SMOOTHING,
  ) {
    this.vocabulary = new Set(exampleTerms);
    for (const words of Object.values(learned)) for (const t of Object.keys(words)) this.vocabulary.add(t);
  }

  /**
   * Whether any example uses the term.
   *
   * @example
   * model.knows('fee'); // true
   */
  knows(term: string): boolean {
    return this.vocabulary.has(term);
  }

  private countsOf(id: string): DocumentCounts {
    let c = this.memo.get(id);
    if (c) return c;
    const counts = new Map<string, number>();
    let total = 0;
    const add = (t: string, n: number) => {
      counts.set(t, (counts.get(t) ?? 0) + n);
      total += n;
    };
    for (const example of this.examplesOf(id)) for (const t of example) add(t, 1);
    for (const label of new Set(this.labelsOf(id))) for (const [t, n] of Object.entries(this.learned[label] ?? {})) add(t, n);
    c = { counts, total };
    this.memo.set(id, c);
    return c;
  }

  /**
   * P(candidate | terms) among the candidates, each term counted at `weightOf(term)` (a story's
   * word counts less than the question's). Terms no example uses are left out; with none left,
   * every candidate gets the same share.
   *
   * @example
   * model.posterior(['a', 'b'], ['fee'], () => 1); // sums to 1
   */
  posterior(candidates: readonly string[], terms: readonly string[], weightOf: (term: string) => number): number[] {
    if (candidates.length === 0) return [];
    const used = terms.filter((t) => this.vocabulary.has(t));
    const v = this.vocabulary.size;
    const logLikelihood = candidates.map((id) => {
      const { counts, total } = this.countsOf(id);
      let sum = 0;
      for (const t of used) sum += weightOf(t) * Math.log(((counts.get(t) ?? 0) + this.smoothing) / (total + this.smoothing * v));
      return sum;
    });
    const max = Math.max(...logLikelihood);
    const odds = logLikelihood.map((l) => Math.exp(l - max));
    const sum = odds.reduce((a, b) => a + b, 0);
    return odds.map((o) => o / sum);
  }
}

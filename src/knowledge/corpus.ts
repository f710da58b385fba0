/**
 * Corpus statistics computed once when the knowledge base is built: each document's analysed
 * fields, vocabulary, phrasings and term pairs, and the collection-wide term counts that the
 * features need (document frequency for IDF, collection frequency for familiarity).
 */
import type { KnowledgeDoc } from './types';
import type { Analyzer } from './analyze';
import { idf, termPairs } from './features';
import { stripMarkdown } from './normalize';

/** A phrasing (the title or one listed question) as a term set with its IDF norm. */
export interface Phrasing {
  terms: Set<string>;
  /** Sum of squared IDF weights of its terms, for cosine similarity. */
  norm: number;
}

/** What search and the features know about one document. */
export interface DocStats {
  doc: KnowledgeDoc;
  /** Every term of the document (title, label, questions, body). */
  vocabulary: Set<string>;
  phrasings: Phrasing[];
  /** Adjacent term pairs ("a b") in any field. */
  pairs: Set<string>;
  /** Analysed fields, space-joined, as minisearch indexes them. */
  fields: { title: string; questions: string; body: string };
}

export interface Corpus {
  stats: DocStats[];
  /** In how many documents each term occurs. */
  documentFrequency: Map<string, number>;
  /** How often each term occurs in the whole knowledge base. */
  collectionFrequency: Map<string, number>;
}

/**
 * Analyses every document and counts its terms.
 *
 * @example
 * const corpus = buildCorpus(docs, createAnalyzer(synonyms));
 * corpus.documentFrequency.get('de_minimis'); // 41
 */
export function buildCorpus(docs: readonly KnowledgeDoc[], analyzer: Analyzer): Corpus {
  const analyzed = docs.map((doc) => ({
    doc,
    title: analyzer.terms(`${doc.title}\n${doc.label}`),
    questions: doc.questions.map((q) => analyzer.terms(q)),
    body: analyzer.terms(stripMarkdown(doc.body)),
  }));

  const documentFrequency = new Map<string, number>();
  const collectionFrequency = new Map<string, number>();
  for (const a of analyzed) {
    const all = [...a.title, ...a.questions.flat(), ...a.body];
    for (const t of all) collectionFrequency.set(t, (collectionFrequency.get(t) ?? 0) + 1);
    for (const t of new Set(all)) documentFrequency.set(t, (documentFrequency.get(t) ?? 0) + 1);
  }

  const phrasing = (terms: readonly string[]): Phrasing => {
    const set = new Set(terms);
    let norm = 0;
    for (const t of set) norm += idf(documentFrequency.get(t) ?? 0, docs.length) ** 2;
    return { terms: set, norm };
  };

  const stats = analyzed.map((a) => ({
    doc: a.doc,
    vocabulary: new Set([...a.title, ...a.questions.flat(), ...a.body]),
    phrasings: [phrasing(a.title), ...a.questions.map(phrasing)],
    pairs: new Set([a.title, ...a.questions, a.body].flatMap(termPairs)),
    fields: { title: a.title.join(' '), questions: a.questions.map((q) => q.join(' ')).join(' '), body: a.body.join(' ') },
  }));
  return { stats, documentFrequency, collectionFrequency };
}

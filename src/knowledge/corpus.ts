/**
 * Corpus statistics computed once when the knowledge base is built: each document split into
 * words once ({@link splitDocument}; its amounts, the speller's lexicon and its terms all come
 * from those words), its analysed fields, and the collection-wide term counts that the features
 * need (document frequency for IDF, collection frequency for familiarity).
 *
 * What only the top candidates of a question need (vocabulary, phrasings, word pairs) is worked
 * out from the analysed fields the first time a document is a candidate, not for every document
 * at build: on a large knowledge base most documents never are, and the word pairs alone were a
 * third of a document's memory.
 */
import type { KnowledgeDoc } from './types';
import type { Analyzer } from './analyze';
import { idf, termPairs } from './features';
import { stripMarkdown } from './normalize';
import { words, type Word } from './words';

/** A phrasing (the title or one listed question) as a term set with its IDF norm. */
export interface Phrasing {
  terms: Set<string>;
  /** Sum of squared IDF weights of its terms, for cosine similarity. */
  norm: number;
}

/** A document split into words once: title and label, each listed question, the body. */
export interface DocumentWords {
  title: Word[];
  questions: Word[][];
  body: Word[];
}

/**
 * Splits a document's text into words (normalised, tokenised, stemmed), the one time it is.
 *
 * @example
 * splitDocument(doc).questions[0]; // [{ text: 'can', stem: 'can' }, { text: 'grandma', stem: 'grandma' }, …]
 */
export function splitDocument(doc: KnowledgeDoc): DocumentWords {
  return { title: words(`${doc.title}\n${doc.label}`), questions: doc.questions.map((q) => words(q)), body: words(stripMarkdown(doc.body)) };
}

/**
 * All words of a split document in reading order (title, label, questions, body).
 *
 * @example
 * allWords(splitDocument(doc)).length; // the document's word count
 */
export function allWords(split: DocumentWords): Word[] {
  return [...split.title, ...split.questions.flat(), ...split.body];
}

/**
 * The money tokens ("usd800") the documents mention, so a bare "800" in a question can be read
 * as "$800".
 *
 * @example
 * amountsIn([splitDocument(doc)]); // Set { 'usd800', 'usd2500' }
 */
export function amountsIn(split: readonly DocumentWords[]): Set<string> {
  const amounts = new Set<string>();
  for (const d of split) for (const w of allWords(d)) if (/^usd\d+$/.test(w.text)) amounts.add(w.text);
  return amounts;
}

/**
 * Splits a space-joined term string back into its terms.
 *
 * @example
 * termsOf('de_minimis usd800'); // ['de_minimis', 'usd800']
 * termsOf(''); // []
 */
function termsOf(joined: string): string[] {
  return joined === '' ? [] : joined.split(' ');
}

/**
 * What search and the features know about one document. The index reads `fields`; the rest is
 * computed from them the first time a question asks (see the module comment) and then kept.
 */
export class DocStats {
  private vocabularyMemo?: Set<string>;
  private phrasingsMemo?: Phrasing[];
  private pairsMemo?: Set<string>;

  constructor(
    readonly doc: KnowledgeDoc,
    /**
     * Analysed fields as minisearch indexes them: terms space-joined; the listed questions one
     * per line (the index splits on spaces and line breaks).
     */
    readonly fields: { title: string; questions: string; body: string },
    private readonly phrasingNorm: (terms: ReadonlySet<string>) => number,
  ) {}

  /** The title (with the label) and each listed question, as term lists. */
  private sequences(): string[][] {
    return [termsOf(this.fields.title), ...(this.fields.questions === '' ? [] : this.fields.questions.split('\n').map(termsOf))];
  }

  /** Every term of the document (title, label, questions, body). */
  get vocabulary(): Set<string> {
    return (this.vocabularyMemo ??= new Set([...this.sequences().flat(), ...termsOf(this.fields.body)]));
  }

  /** The title and each listed question as term sets with their norms. */
  get phrasings(): Phrasing[] {
    return (this.phrasingsMemo ??= this.sequences().map((terms) => {
      const set = new Set(terms);
      return { terms: set, norm: this.phrasingNorm(set) };
    }));
  }

  /** Adjacent term pairs ("a b") in any field (not across fields or questions). */
  get pairs(): Set<string> {
    return (this.pairsMemo ??= new Set([...this.sequences(), termsOf(this.fields.body)].flatMap(termPairs)));
  }
}

export interface Corpus {
  stats: DocStats[];
  /** In how many documents each term occurs. */
  documentFrequency: Map<string, number>;
  /** How often each term occurs in the whole knowledge base. */
  collectionFrequency: Map<string, number>;
}

/**
 * Analyses every document and counts its terms. `split` is the documents' words when the caller
 * has split them already ({@link splitDocument}).
 *
 * @example
 * const corpus = buildCorpus(docs, createAnalyzer(synonyms));
 * corpus.documentFrequency.get('de_minimis'); // 41
 */
export function buildCorpus(docs: readonly KnowledgeDoc[], analyzer: Analyzer, split: readonly DocumentWords[] = docs.map(splitDocument)): Corpus {
  const documentFrequency = new Map<string, number>();
  const collectionFrequency = new Map<string, number>();
  const analysed = docs.map((doc, i) => {
    const title = analyzer.termsOfWords(split[i].title);
    const questions = split[i].questions.map((q) => analyzer.termsOfWords(q));
    const body = analyzer.termsOfWords(split[i].body);
    const seen = new Set<string>();
    for (const part of [title, ...questions, body]) {
      for (const t of part) {
        collectionFrequency.set(t, (collectionFrequency.get(t) ?? 0) + 1);
        if (!seen.has(t)) {
          seen.add(t);
          documentFrequency.set(t, (documentFrequency.get(t) ?? 0) + 1);
        }
      }
    }
    return { doc, fields: { title: title.join(' '), questions: questions.map((q) => q.join(' ')).join('\n'), body: body.join(' ') } };
  });

  const phrasingNorm = (terms: ReadonlySet<string>) => {
    let norm = 0;
    for (const t of terms) norm += idf(documentFrequency.get(t) ?? 0, docs.length) ** 2;
    return norm;
  };
  const stats = analysed.map((a) => new DocStats(a.doc, a.fields, phrasingNorm));
  return { stats, documentFrequency, collectionFrequency };
}

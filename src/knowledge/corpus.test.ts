import path from 'node:path';
import { createAnalyzer } from './analyze';
import { allWords, amountsIn, buildCorpus, splitDocument } from './corpus';
import { idf, termPairs } from './features';
import { readDocuments } from './load';
import { normalizeText, stripMarkdown, tokenize } from './normalize';
import { buildLexicon } from './spelling';
import { loadSynonyms } from './synonyms';

const KNOWLEDGE = path.join(__dirname, '..', '..', 'knowledge');
const { docs } = readDocuments(KNOWLEDGE);
const { table } = loadSynonyms(path.join(KNOWLEDGE, 'synonyms.yaml'));
const split = docs.map(splitDocument);
/** Each document's text as the knowledge base analysed it before it split documents once. */
const texts = docs.map((doc) => [doc.title, doc.label, ...doc.questions, stripMarkdown(doc.body)].join('\n'));

describe('one split per document', () => {
  it('finds the amounts that analysing each whole text found', () => {
    const amounts = amountsIn(split);
    expect(amounts).toEqual(new Set(texts.flatMap((t) => tokenize(normalizeText(t)).filter((w) => /^usd\d+$/.test(w)))));
    expect(amounts.has('usd800')).toBe(true);
  });

  it("gives the speller the lexicon that analysing each whole text gave, in the same order", () => {
    expect([...buildLexicon(split.map(allWords), table)]).toEqual([...buildLexicon(texts, table)]);
  });
});

describe('buildCorpus', () => {
  const analyzer = createAnalyzer(table, { amounts: amountsIn(split) });
  const corpus = buildCorpus(docs, analyzer, split);

  it('works out vocabulary, phrasings and pairs of a candidate as analysing its fields gives them', () => {
    corpus.stats.forEach((s, i) => {
      const doc = docs[i];
      const title = analyzer.terms(`${doc.title}\n${doc.label}`);
      const questions = doc.questions.map((q) => analyzer.terms(q));
      const body = analyzer.terms(stripMarkdown(doc.body));
      const norm = (terms: string[]) => [...new Set(terms)].reduce((n, t) => n + idf(corpus.documentFrequency.get(t) ?? 0, docs.length) ** 2, 0);
      expect(s.doc).toBe(doc);
      expect(s.vocabulary).toEqual(new Set([...title, ...questions.flat(), ...body]));
      // A question without terms is a phrasing with norm 0, which never counts: compare the others.
      expect(s.phrasings.filter((p) => p.norm > 0)).toEqual([title, ...questions].filter((q) => q.length > 0).map((q) => ({ terms: new Set(q), norm: norm(q) })));
      expect(s.pairs).toEqual(new Set([title, ...questions, body].flatMap(termPairs)));
    });
  });

  it('keeps pairs within a question: the last word of one and the first of the next are no pair', () => {
    const doc = { ...docs[0], title: 'Alpha', label: 'Beta', questions: ['counterfeit handbags', 'seized parcels'], body: 'Gamma.' };
    const [s] = buildCorpus([doc], createAnalyzer()).stats;
    expect(s.pairs.has('handbag seiz')).toBe(false);
    expect(s.pairs.has('counterfeit handbag')).toBe(true);
    expect(s.fields.questions).toBe('counterfeit handbag\nseiz parcel');
  });

  it('counts terms: document frequency once per document, collection frequency every time', () => {
    const a = { ...docs[0], id: 'a', title: 'duty', label: 'duty', questions: ['duty duty'], body: 'gift' };
    const b = { ...docs[0], id: 'b', title: 'gift', label: 'gift', questions: [], body: '' };
    const plain = createAnalyzer();
    const c = buildCorpus([a, b], plain);
    const [duty, gift] = plain.terms('duty gift');
    expect(c.documentFrequency.get(duty)).toBe(1);
    expect(c.collectionFrequency.get(duty)).toBe(4);
    expect(c.documentFrequency.get(gift)).toBe(2);
    expect(c.collectionFrequency.get(gift)).toBe(3);
  });
});

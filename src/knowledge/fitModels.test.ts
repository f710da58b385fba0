import path from 'node:path';
import { loadKnowledgeBase, loadSynonyms } from '.';
import { confidenceOf } from './confidence';
import { fitRows, learnOutOfScopeFromMessages, learnVerdictFromMessages, ownQuestionRows, OWN_QUESTION, type FitRow } from './fitModels';
import type { KnowledgeDoc } from './types';

const DIR = path.join(__dirname, '..', '..', 'test', 'fixtures', 'kb-mini');
const EMPTY = loadSynonyms(path.join(DIR, 'no-such-file.yaml')).table;

function doc(id: string, questions: string[], body: string): KnowledgeDoc {
  return {
    id, title: `About ${id}`, label: `About ${id}`, topic: 'postal', audience: ['consumer'], questions,
    sources: [{ title: 'CBP', url: 'https://www.cbp.gov/' }], reviewed: '2026-11-25', related: [], uncertain: false, body, file: `knowledge/postal/${id}.md`,
  };
}

describe('learnVerdictFromMessages and learnOutOfScopeFromMessages', () => {
  const kb = loadKnowledgeBase(DIR, { today: '2026-11-25' }).kb!;
  const someDoc = kb.documents[0].id;
  const messages = [
    { q: 'my aunt sent me a $60 scarf, will I pay duty', expect: 'verdict' },
    { q: 'how do I cancel my kayak club membership', expect: 'out-of-scope' },
    { q: 'how long is the Global Entry interview', expect: 'other-cbp' },
    { q: 'fake bags seized', expect: someDoc },
    { q: 'a page nobody wrote', expect: 'no-such-document' },
  ];

  it('counts the words of the verdict messages against the messages labelled with a document', () => {
    const verdict = learnVerdictFromMessages(kb, messages);
    expect(verdict.messages).toBe(1);
    expect(verdict.otherMessages).toBe(1);
    expect(Object.keys(verdict.words)).toContain('scarf');
  });

  it('counts the words of messages out of scope or for another CBP office against those with a document or a verdict', () => {
    const notOurs = learnOutOfScopeFromMessages(kb, messages);
    expect(notOurs.messages).toBe(2);
    expect(notOurs.otherMessages).toBe(2);
    expect(Object.keys(notOurs.words)).toEqual(expect.arrayContaining(['kayak', 'interview']));
    expect(Object.keys(notOurs.words)).not.toContain('scarf');
  });
});

describe('ownQuestionRows', () => {
  it('asks every example question once, expecting its own document', () => {
    const kb = loadKnowledgeBase(DIR, { today: '2026-11-25' }).kb!;
    const rows = ownQuestionRows(kb.documents, loadSynonyms(path.join(DIR, 'synonyms.yaml')).table);
    const asked = kb.documents.flatMap((d) => d.questions.map((q) => `${d.id}: ${q}`));
    expect(rows.map((r) => `${r.question.expect}: ${r.question.q}`).sort()).toEqual(asked.sort());
    expect(rows.every((r) => r.half === 'A' && r.inScope === 1 && r.question.kind === OWN_QUESTION)).toBe(true);
    expect(ownQuestionRows(kb.documents, EMPTY)).toEqual(ownQuestionRows(kb.documents, EMPTY));
  });

  it('asks each question of an index that does not contain it', () => {
    // Only the question itself says "zebra": with it, the document is found; without it, nothing is.
    const docs = [doc('crossings', ['zebra permits', 'road rules for walkers'], 'Walk on the left.'), doc('parcels', ['mail from abroad', 'post office rules'], 'Pay at the door.')];
    const rows = ownQuestionRows(docs, EMPTY, 2);
    const zebra = rows.find((r) => r.question.q === 'zebra permits')!;
    expect(zebra.right).toBe(0);
    expect(zebra.features.coverage).toBe(0);
  });
});

describe('fitRows', () => {
  const features = (coverage: number) => ({ coverage, phrasing: coverage, margin: 0.1, pairs: coverage, evidence: 0.2, familiarity: 0.8, listed: 0 });
  const row = (coverage: number, right: number, half: 'A' | 'B' = 'A'): FitRow => ({
    question: { q: 'q', expect: 'd', kind: 'x' }, half, features: features(coverage), right, inScope: 1, otherCbp: false, bestCoversOtherCbp: false,
  });
  const dev = [...Array.from({ length: 20 }, () => row(1, 1)), ...Array.from({ length: 20 }, () => row(0.2, 0)), row(1, 1, 'B')];

  it('fits confidence on the documents\' own questions too: full coverage that is often wrong there is trusted less', () => {
    const without = fitRows(dev, { date: '2026-12-02', questions: 'q.json' });
    const own = Array.from({ length: 40 }, (_, i) => row(1, i % 2));
    const withOwn = fitRows(dev, { date: '2026-12-02', questions: 'q.json' }, own);
    expect(confidenceOf(features(1), withOwn.models.confidence)).toBeLessThan(confidenceOf(features(1), without.models.confidence) - 0.2);
    expect(withOwn.models.relevance).toEqual(without.models.relevance);
    expect(withOwn.models.fitted).toMatchObject({ rows: 40, ownQuestions: 40 });
  });
});

/**
 * Top-k retrieval (src/knowledge/topK.ts) gives the bot the same candidates as minisearch's own
 * exhaustive search: on every development question (test/fixtures/questions.json and
 * real-questions.json), asked alone, with a story around it and about goods going abroad, and
 * through the understanding layer as the bot asks, the top-8 documents, their BM25 scores,
 * ranks, features, confidences and the decision are identical, to the last bit, on two dates
 * (two sets of documents in force).
 */
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { KnowledgeBase, loadKnowledgeBase, loadSynonyms, type Explanation } from '../src/knowledge';
import { readQuestions } from '../src/knowledge/evaluate';
import { loadRuleSet } from '../src/rules';
import { readRealQuestions } from '../src/understanding/evaluate';
import { loadNames } from '../src/understanding/names';
import { understand } from '../src/understanding/understand';

const ROOT = path.join(__dirname, '..');
const KNOWLEDGE = path.join(ROOT, 'knowledge');
const questions = [
  ...readQuestions(path.join(ROOT, 'test', 'fixtures', 'questions.json')).map((q) => q.q),
  ...readRealQuestions(path.join(ROOT, 'test', 'fixtures', 'real-questions.json')).map((q) => q.q),
];

/** Everything retrieval decided, numbers exact. */
const decided = (e: Explanation) => ({
  terms: e.terms,
  ranked: e.ranked.map((r) => ({ id: r.doc.id, score: r.score, rank: r.rank, features: r.features, confidence: r.confidence, relevance: r.relevance })),
  kind: e.result.kind,
  best: e.result.best?.id,
  confidence: e.result.confidence,
  alternatives: e.result.alternatives.map((d) => d.id),
});

/** Equal lists, and on a difference the first differing question shown whole. */
function expectSame<T>(actual: T[], expected: T[]): void {
  expect(actual.length).toBe(expected.length);
  const first = actual.findIndex((x, i) => !isDeepStrictEqual(x, expected[i]));
  if (first >= 0) expect(actual[first]).toEqual(expected[first]);
}

/** Most questions have a full list of candidates: the comparison is not vacuous. */
function expectMostlyFull(asked: { ranked: unknown[] }[]): void {
  expect(asked.reduce((n, x) => n + x.ranked.length, 0)).toBeGreaterThan(asked.length * 5);
}

describe.each(['2026-12-02', '2027-07-15'])('top-k and exhaustive candidate search on %s', (today) => {
  let topK: KnowledgeBase;
  let exhaustive: KnowledgeBase;

  beforeAll(() => {
    const loaded = loadKnowledgeBase(KNOWLEDGE, { today });
    expect(loaded.problems.filter((p) => p.severity === 'error')).toEqual([]);
    const docs = [...loaded.kb!.documents];
    const { table } = loadSynonyms(path.join(KNOWLEDGE, 'synonyms.yaml'));
    topK = KnowledgeBase.fromDocuments(docs, table);
    exhaustive = KnowledgeBase.fromDocuments(docs, table, { candidateSearch: 'exhaustive' });
  });

  it(`rank the same top 8 for all ${questions.length} development questions, alone, with a story, and abroad`, () => {
    const asked = (kb: KnowledgeBase) =>
      questions.flatMap((q, i) => [{}, { context: questions[(i + 1) % questions.length] }, { abroad: true }].map((options) => ({ q, options, ...decided(kb.explain(q, options)) })));
    const a = asked(topK);
    expectSame(a, asked(exhaustive));
    expectMostlyFull(a);
  });

  it('answer the same through the understanding layer', () => {
    const rules = loadRuleSet(path.join(KNOWLEDGE, 'rules', 'duty-free.yaml'));
    const names = loadNames(path.join(KNOWLEDGE, 'names.yaml')).table;
    const asked = (kb: KnowledgeBase) =>
      questions.map((q) => {
        const u = understand(q, { kb, rules: () => rules, names, today });
        return { q, kind: u.kind, main: u.kind === 'answer' ? decided(u.main.explanation) : undefined };
      });
    const a = asked(topK);
    expectSame(a, asked(exhaustive));
    expect(a.filter((x) => x.main !== undefined).length).toBeGreaterThan(questions.length / 2);
  });
});

/**
 * Retrieval on the real knowledge base and the development question sets. The floors sit a
 * little below the figures `npm run bench:retrieval` measures (development set on 2026-12-02
 * with 127 documents: top-1 92 %, top-3 97 %, rejection 95 %; real-style messages through the
 * understanding layer: 77 % right, 5 % confident wrong, 2 % bare fallbacks), so a content edit that costs a
 * question or two does not break the build, but a real regression does. Latency is left to
 * the benchmark: timing inside a busy jest worker is too noisy to assert.
 */
import path from 'node:path';
import { loadKnowledgeBase, type KnowledgeBase } from '../src/knowledge';
import { evaluate, readQuestions, type DevQuestion } from '../src/knowledge/evaluate';
import { loadRuleSet } from '../src/rules';
import { evaluateReal, outcomeOfUnderstanding, readRealQuestions } from '../src/understanding/evaluate';
import { loadNames } from '../src/understanding/names';
import { understand } from '../src/understanding/understand';

const ROOT = path.join(__dirname, '..');
let kb: KnowledgeBase;
let questions: DevQuestion[];

beforeAll(() => {
  const loaded = loadKnowledgeBase(path.join(ROOT, 'knowledge'), { today: '2026-12-02' });
  expect(loaded.problems.filter((p) => p.severity === 'error')).toEqual([]);
  kb = loaded.kb!;
  questions = readQuestions(path.join(ROOT, 'test', 'fixtures', 'questions.json'));
});

describe('quality on the development question set', () => {
  it('finds the right document, rejects what is out of scope', () => {
    const m = evaluate(questions, (q) => {
      const e = kb.explain(q);
      return { kind: e.result.kind, best: e.result.best?.id, ranked: e.ranked.map((r) => r.doc.id) };
    });
    expect(m.inScope).toBeGreaterThanOrEqual(150);
    expect(m.top1).toBeGreaterThanOrEqual(0.9);
    expect(m.top3).toBeGreaterThanOrEqual(0.95);
    // 95 % with 81 documents; the 45 added in Dec 2026 (bills, sales tax, refusals) sit close
    // to some everyday questions ("send money to mexico", "sales tax in california").
    expect(m.rejection).toBeGreaterThanOrEqual(0.9);
    expect(m.answerPrecision).toBeGreaterThanOrEqual(0.93);
  });

  it('only ever names documents that exist', () => {
    const ids = new Set(kb.documents.map((d) => d.id));
    for (const q of questions) if (q.expect !== 'out-of-scope' && q.expect !== 'other-cbp') expect([q.q, ids.has(q.expect)]).toEqual([q.q, true]);
  });
});

describe('specific behaviours', () => {
  it('answers the de minimis question with the suspension document', () => {
    const r = kb.answer('is the $800 de minimis still a thing in 2026?');
    expect(r.kind).toBe('answer');
    expect(r.best?.id).toBe('de-minimis-suspended');
    expect(r.confidence).toBeGreaterThan(0.6);
  });

  it.each(['do you sell kayaks?', 'asdf qwer', 'what is the weather in Chicago tomorrow', 'do I need a passport for France', 'tell me a joke'])(
    '"%s" is out of scope, with no document offered as the answer',
    (q) => {
      const r = kb.answer(q);
      expect(['out-of-scope', 'other-cbp']).toContain(r.kind);
      expect(r.best).toBeUndefined();
    },
  );

  it('sends Global Entry to the CBP Info Center', () => {
    expect(kb.answer('global entry application').kind).toBe('other-cbp');
  });

  it('keeps a traveller allowance question in scope', () => {
    const r = kb.answer('duty free allowance after vacation');
    expect(['answer', 'did-you-mean']).toContain(r.kind);
    expect(r.best?.topic).toBe('gifts-travel');
  });

  it('finds the document despite typos', () => {
    expect(kb.answer('where do i report a conterfeit seler').best?.id).toBe('report-counterfeit-seller');
    expect(kb.answer('wat is entry tpye 13').best?.id).toBe('entry-type-13');
  });

  it('treats $800, 800 dollars and eight hundred bucks alike', () => {
    const terms = (q: string) => kb.explain(q).terms;
    expect(terms('is $800 still duty free')).toEqual(terms('is 800 dollars still duty free'));
    expect(terms('is eight hundred bucks still duty free')).toEqual(terms('is 800$ still duty-free'));
  });

  it('maps every label and title back to its document', () => {
    for (const doc of kb.documents) {
      for (const text of [doc.label, doc.title]) {
        const r = kb.answer(text);
        expect([text, r.kind, r.best?.id, r.confidence]).toEqual([text, 'answer', doc.id, 1]);
        expect(r.alternatives.length).toBeLessThanOrEqual(3);
        expect(r.alternatives).not.toContain(r.best);
      }
    }
  });

  it('looks documents up by id or words for staff', () => {
    expect(kb.lookup('de-minimis-suspended')?.id).toBe('de-minimis-suspended');
    expect(kb.lookup('entry type 13')?.id).toBe('entry-type-13');
  });
});

describe('quality on the real-style messages (test/fixtures/real-questions.json)', () => {
  it('answers most of them right, rarely wrong with confidence, and rarely says nothing useful', () => {
    const rules = loadRuleSet(path.join(ROOT, 'knowledge', 'rules', 'duty-free.yaml'));
    const names = loadNames(path.join(ROOT, 'knowledge', 'names.yaml')).table;
    const real = readRealQuestions(path.join(ROOT, 'test', 'fixtures', 'real-questions.json'));
    const m = evaluateReal(real, (q) => outcomeOfUnderstanding(understand(q, { kb, rules: () => rules, names, today: '2026-12-02' })));
    expect(m.messages).toBeGreaterThanOrEqual(300);
    expect(m.right / m.messages).toBeGreaterThanOrEqual(0.74);
    expect(m.confidentWrong / m.messages).toBeLessThanOrEqual(0.07);
    expect(m.bareFallback / m.messages).toBeLessThanOrEqual(0.04);
  });
});

describe('quality on the second development set (another author, never tuned on)', () => {
  const second = readQuestions(path.join(ROOT, 'test', 'fixtures', 'questions-second.json'));

  it('labels each question with a document that exists, or as not ours', () => {
    const ids = new Set(kb.documents.map((d) => d.id));
    const unknown = second.filter((q) => q.expect !== 'out-of-scope' && q.expect !== 'other-cbp' && !ids.has(q.expect));
    expect(unknown.map((q) => q.expect)).toEqual([]);
  });

  it('through the understanding layer, finds the document and turns away what is not ours', () => {
    // Floors below what bench:retrieval measured in session 33 (top-1 96 %, rejection 98 %);
    // only the figures are asserted, so a failure never prints the held-out questions.
    const rules = loadRuleSet(path.join(ROOT, 'knowledge', 'rules', 'duty-free.yaml'));
    const names = loadNames(path.join(ROOT, 'knowledge', 'names.yaml')).table;
    const m = evaluate(second, (q) => {
      const u = understand(q, { kb, rules: () => rules, names, today: '2026-12-02' });
      if (u.kind !== 'answer') return { kind: 'answer', best: undefined, ranked: [] };
      return { kind: u.main.result.kind, best: u.main.result.best?.id, ranked: u.main.explanation.ranked.map((r) => r.doc.id) };
    });
    expect({ inScope: m.inScope, outOfScope: m.outOfScope }).toEqual({ inScope: 100, outOfScope: 140 });
    expect(m.top1).toBeGreaterThanOrEqual(0.92);
    expect(m.rejection).toBeGreaterThanOrEqual(0.93);
  });
});

describe('evaluateReal: several questions', () => {
  const question = { q: 'Can I refuse it? And how do I dispute the bill?', expect: 'dispute-courier-bill', style: 'multi', also: ['refuse-parcel-duty'] };
  const outcome = (best: string, offered: string[]) => () => ({ route: 'answer' as const, best, offered: [best, ...offered], confidence: 0.9 });

  it('counts a miss whose first answer is another question asked, the expected one offered', () => {
    const m = evaluateReal([question], outcome('refuse-parcel-duty', ['dispute-courier-bill']));
    expect(m).toMatchObject({ right: 0, confidentWrong: 0, answeredAnother: 1, otherAskedFirst: 1, alsoHandled: 1 });
  });

  it('but not when the expected document is not offered, nor when the first answer was asked for by nobody', () => {
    expect(evaluateReal([question], outcome('refuse-parcel-duty', [])).otherAskedFirst).toBe(0);
    expect(evaluateReal([question], outcome('postal-duty-now', ['dispute-courier-bill'])).otherAskedFirst).toBe(0);
    expect(evaluateReal([question], outcome('dispute-courier-bill', [])).right).toBe(1);
    // An outright answer nobody asked for is wrong; one to another question asked is not.
    expect(evaluateReal([question], outcome('postal-duty-now', ['dispute-courier-bill']))).toMatchObject({ confidentWrong: 1, answeredAnother: 0 });
    expect(evaluateReal([question], outcome('refuse-parcel-duty', []))).toMatchObject({ confidentWrong: 0, answeredAnother: 1 });
  });
});

/**
 * Right on any date: the development question set (test/fixtures/questions.json) asked of the
 * knowledge in force today, on 15 Jul 2027 (after the statute ended commercial de minimis) and
 * on 1 Jan 2028. No answer comes from a document outside its `effective` period, the expected
 * topic is still found (through its family), and the statute answers speak in the past tense
 * once 1 Jul 2027 has passed. The bot's own `Content` is asked too, with its clock on 15 Jul 2027.
 */
import path from 'node:path';
import { Content } from '../src/app';
import { familyOf, inForce, loadDatedKnowledge, type DatedKnowledge } from '../src/knowledge';
import questions from './fixtures/questions.json';

const ROOT = path.join(__dirname, '..');
const KNOWLEDGE = path.join(ROOT, 'knowledge');
const TODAY = '2026-12-02';
const DATES = [TODAY, '2027-07-15', '2028-01-01'];
/** The topics whose answer is about the 1 Jul 2027 statute. */
const STATUTE_FAMILIES = ['de-minimis-suspended', 'de-minimis-end-2027'];
const NOT_DOCUMENTS = new Set(['out-of-scope', 'other-cbp']);

interface Question {
  q: string;
  expect: string;
  kind: string;
}

let dated: DatedKnowledge;
beforeAll(() => {
  const loaded = loadDatedKnowledge(KNOWLEDGE, { today: TODAY });
  expect(loaded.problems.filter((p) => p.severity === 'error')).toEqual([]);
  dated = loaded.dated!;
});

const accuracy: Record<string, number> = {};

describe.each(DATES)('the development questions on %s', (date) => {
  const asked = (questions as Question[]).filter((q) => !NOT_DOCUMENTS.has(q.expect));

  it('never answer with (or offer) a document outside its effective period', () => {
    const kb = dated.at(date);
    const outside: string[] = [];
    for (const { q } of questions as Question[]) {
      const result = kb.answer(q);
      for (const doc of [result.best, ...result.alternatives]) {
        if (doc && !inForce(doc, date)) outside.push(`${q} → ${doc.id} (${JSON.stringify(doc.effective)})`);
      }
      for (const id of result.best?.related ?? []) {
        const linked = kb.get(id);
        if (linked && !inForce(linked, date)) outside.push(`${q} → related ${linked.id}`);
      }
    }
    expect(outside).toEqual([]);
  });

  it('find the expected topic (the version in force) about as often as today', () => {
    const kb = dated.at(date);
    let right = 0;
    for (const { q, expect: id } of asked) {
      const wanted = dated.resolve(id, date);
      if (wanted && kb.answer(q).best?.id === wanted) right++;
    }
    accuracy[date] = right / asked.length;
    // Successors are written to answer the same questions; a topic that ends loses only its own questions.
    if (date !== TODAY) expect(accuracy[date]).toBeGreaterThanOrEqual(accuracy[TODAY] - 0.03);
  });

  it('answer the statute questions in the tense of the date', () => {
    const kb = dated.at(date);
    const statute = asked.filter((q) => STATUTE_FAMILIES.includes(dated.versions(q.expect)[0]?.id ?? q.expect));
    const answered = statute.map(({ q }) => ({ q, best: kb.answer(q).best })).filter(({ best }) => best && STATUTE_FAMILIES.includes(familyOf(best)));
    expect(answered.length).toBeGreaterThanOrEqual(5);
    for (const { q, best } of answered) {
      const body = best!.body;
      if (date < '2027-07-01') {
        expect([q, /1 Jul 2027/.test(body)]).toEqual([q, true]);
      } else {
        expect([q, /\bended\b/.test(body)]).toEqual([q, true]);
        expect([q, /\b(ends|will end|is suspended)\b/.test(body)]).toEqual([q, false]);
      }
    }
  });
});

describe('the bot with its clock on 15 Jul 2027', () => {
  it('says that commercial de minimis has ended by law', () => {
    let today = TODAY;
    const content = Content.load(KNOWLEDGE, path.join(KNOWLEDGE, 'rules', 'duty-free.yaml'), () => today);
    const before = content.knowledge().answer('is the $800 de minimis still available');
    expect(before.best?.id).toBe('de-minimis-suspended');
    expect(before.best?.body).toContain('is suspended');

    today = '2027-07-15';
    const after = content.knowledge().answer('is the $800 de minimis still available');
    expect(after.best?.id).toBe('de-minimis-ended');
    expect(after.best?.body).toMatch(/ended by law for commercial shipments/);
    // A link, feedback or `teach` naming the old version reaches the one in force.
    expect(content.knowledge().get('de-minimis-suspended')?.id).toBe('de-minimis-ended');
    expect(content.knowledge().answer('When does de minimis end by law?').best?.body).toMatch(/^On 1 Jul 2027\. From that date .* ended/);
  });
});

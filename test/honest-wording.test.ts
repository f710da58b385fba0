/**
 * The measurement stays honest: no document's wording (title, label, example questions) repeats
 * a message of the development sets (test/fixtures/questions.json, real-questions*.json), whole
 * or as a run of six words in a row. A document that quotes a test message answers that message
 * by rote and flatters every figure the benchmark prints; documents are written in their own
 * words from the domain facts. (Shorter shared runs, "how long do i have to", are how people
 * write and are allowed.)
 */
import path from 'node:path';
import { loadKnowledgeBase } from '../src/knowledge';
import { readQuestions } from '../src/knowledge/evaluate';
import { readRealQuestions } from '../src/understanding/evaluate';

const ROOT = path.join(__dirname, '..');
/** Words in a row that a document may share with a development message. */
const RUN = 6;

const words = (text: string): string[] => text.toLowerCase().normalize('NFKD').match(/[a-z0-9$%]+/g) ?? [];
const runs = (ws: readonly string[]): string[] => ws.slice(0, Math.max(0, ws.length - RUN + 1)).map((_, i) => ws.slice(i, i + RUN).join(' '));

describe('documents are written in their own words, not the development sets\'', () => {
  const dev = [
    ...readQuestions(path.join(ROOT, 'test', 'fixtures', 'questions.json')).map((q) => q.q),
    ...['real-questions.json', 'real-questions-second.json', 'real-questions-third.json', 'real-questions-fourth.json'].flatMap((f) => readRealQuestions(path.join(ROOT, 'test', 'fixtures', f)).map((q) => q.q)),
  ];
  const whole = new Map(dev.map((q) => [words(q).join(' '), q]));
  const shared = new Map<string, string>();
  for (const q of dev) for (const run of runs(words(q))) shared.set(run, q);

  /** The development message a phrase repeats, whole or by a run of RUN words; undefined if none. */
  const repeated = (phrase: string): string | undefined => {
    const ws = words(phrase);
    return whole.get(ws.join(' ')) ?? runs(ws).map((run) => shared.get(run)).find((q) => q !== undefined);
  };

  it('catches a quoted message and a long shared run, and allows short common phrasing', () => {
    const sample = dev[0];
    expect(repeated(sample)).toBe(sample);
    expect(repeated(`well, ${words(sample).slice(0, RUN).join(' ')} anyway`)).toBe(sample);
    expect(repeated('how long do i have')).toBeUndefined();
  });

  it('no title, label or example question repeats a development message', () => {
    const { kb } = loadKnowledgeBase(path.join(ROOT, 'knowledge'), { today: '2026-12-02' });
    const offenders: string[] = [];
    for (const doc of kb!.documents) {
      for (const phrase of [doc.title, doc.label, ...doc.questions].filter((p): p is string => !!p)) {
        const q = repeated(phrase);
        if (q) offenders.push(`${doc.id}: "${phrase}" repeats "${q}"`);
      }
    }
    expect(offenders).toEqual([]);
  });
});

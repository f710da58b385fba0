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
import { REAL_SETS, realSetPath } from './helpers/realSets';

const ROOT = path.join(__dirname, '..');
/** Words in a row that a document may share with a development message. */
const RUN = 6;

const words = (text: string): string[] => text.toLowerCase().normalize('NFKD').match(/[a-z0-9$%]+/g) ?? [];
const runs = (ws: readonly string[]): string[] => ws.slice(0, Math.max(0, ws.length - RUN + 1)).map((_, i) => ws.slice(i, i + RUN).join(' '));

/**
 * Document phrases older than the fifth set (all in commit 6c41465, before that set was written)
 * that its author, who saw the documents' titles, happened to echo. Each may share a run with a
 * fifth-set message only; anything added after that set is checked against it like the others.
 */
const OLDER_THAN_FIFTH_SET = new Set([
  "refuse-parcel-duty: I won't pay the import bill. What happens to the parcel and to me?",
  'hts-classification: How do I find the right tariff (HTS) code for my product?',
  'who-pays-postal-duty: why is the mail carrier asking me for duty money',
  'used-goods-duty: i bought a second hand camera on ebay from a seller in japan, do i pay customs on it',
  'china-hong-kong-de-minimis: When did China and Hong Kong lose de minimis?',
  'de-minimis-misuse-penalty: what is the fine for using de minimis to bring in illegal goods',
  'fair-retail-value: What value counted toward the $800 de minimis test?',
  'fair-retail-value: was it the price i paid or the retail value that counted',
  'nprm-low-value-entry: What was the January 2025 "Entry of Low-Value Shipments" proposal?',
]);
const FIFTH_SET = 'real-questions-fifth.json';

describe('documents are written in their own words, not the development sets\'', () => {
  const dev = [
    ...readQuestions(path.join(ROOT, 'test', 'fixtures', 'questions.json')).map((q) => q.q),
    ...REAL_SETS.flatMap((set) => readRealQuestions(realSetPath(set)).map((q) => q.q)),
  ];
  const fifth = new Set(readRealQuestions(path.join(ROOT, 'test', 'fixtures', FIFTH_SET)).map((q) => q.q));
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
        if (q && fifth.has(q) && OLDER_THAN_FIFTH_SET.has(`${doc.id}: ${phrase}`)) continue;
        if (q) offenders.push(`${doc.id}: "${phrase}" repeats "${q}"`);
      }
    }
    expect(offenders).toEqual([]);
  });
});

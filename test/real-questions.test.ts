/**
 * Checks the real-style development sets (test/fixtures/real-questions.json, and the second,
 * third, fourth, fifth and sixth sets written later by other authors): messages written
 * the way people post in public forums, each labelled with the document that should answer it,
 * "verdict" (a shipment the rules engine should decide), "out-of-scope" or "other-cbp"; and the
 * training sets (test/helpers/realSets.ts), written the same way. Only the file's shape and labels are checked here; retrieval quality on it is measured
 * elsewhere.
 */
import fs from 'node:fs';
import path from 'node:path';
import matter from 'gray-matter';
import { REAL_SETS, TRAINING_SETS } from './helpers/realSets';

interface RealQuestion {
  q: string;
  expect: string;
  also?: string[];
  style: string;
  verdictKind?: string;
}

const ROOT = path.join(__dirname, '..');
/**
 * Each set, the fewest words a message of it has (the later sets keep "is de minimis dead"
 * short) and the shortest sentence two messages may not share (their authors let "Duty free?"
 * close several stories; the fourth ends two with "Did I owe duty on it?").
 */
const SETS = [...REAL_SETS, ...TRAINING_SETS];
const SPECIAL = new Set(['verdict', 'out-of-scope', 'other-cbp']);
// 'terse': keyword-like messages of a few words ("temu tariff 2026"), in the fourth set.
const STYLES = new Set(['story', 'multi', 'brand', 'slang', 'typo', 'seller-abroad', 'shipment', 'out', 'terse']);
const VERDICT_KINDS = new Set(['duty-free', 'not-duty-free', 'cannot-tell']);

/** Document ids from the front matter of knowledge/<topic>/<id>.md (ids only). */
function knowledgeIds(): Set<string> {
  const dir = path.join(ROOT, 'knowledge');
  const ids = new Set<string>();
  for (const topic of fs.readdirSync(dir, { withFileTypes: true })) {
    if (!topic.isDirectory()) continue;
    for (const name of fs.readdirSync(path.join(dir, topic.name))) {
      if (!name.endsWith('.md')) continue;
      const id = (matter(fs.readFileSync(path.join(dir, topic.name, name), 'utf8')).data as { id?: unknown }).id;
      if (typeof id === 'string') ids.add(id);
    }
  }
  return ids;
}

describe.each(SETS)('real-style development set $file', ({ file, minWords, sharedWords }) => {
  const items = JSON.parse(fs.readFileSync(path.join(ROOT, 'test', 'fixtures', file), 'utf8')) as RealQuestion[];

  it('has at least 200 messages, each with a question, a label and a known style', () => {
    expect(Array.isArray(items)).toBe(true);
    expect(items.length).toBeGreaterThanOrEqual(200);
    const bad = items.filter(
      (i) => typeof i.q !== 'string' || i.q.trim() === '' || typeof i.expect !== 'string' || !STYLES.has(i.style),
    );
    expect(bad).toEqual([]);
  });

  it('labels every message with a document that exists, or verdict / out-of-scope / other-cbp', () => {
    const ids = knowledgeIds();
    const missing = new Set<string>();
    for (const i of items) {
      for (const id of [i.expect, ...(i.also ?? [])]) {
        if (!SPECIAL.has(id) && !ids.has(id)) missing.add(id);
      }
    }
    expect([...missing].sort()).toEqual([]);
  });

  it('names other documents in `also` only, never the special labels or the main document again', () => {
    const bad = items.filter(
      (i) => i.also !== undefined && (!Array.isArray(i.also) || i.also.length === 0 || i.also.some((a) => SPECIAL.has(a) || a === i.expect)),
    );
    expect(bad).toEqual([]);
  });

  it('gives every verdict message a verdictKind, and no other message one', () => {
    const bad = items.filter((i) =>
      i.expect === 'verdict' ? !VERDICT_KINDS.has(i.verdictKind ?? '') : i.verdictKind !== undefined,
    );
    expect(bad).toEqual([]);
  });

  it('has no duplicate message and no sentence shared between two messages', () => {
    const norm = (s: string) => s.toLowerCase().replace(/[^a-z0-9 ]/g, '').replace(/\s+/g, ' ').trim();
    const seenQ = new Set<string>();
    const dupQ: string[] = [];
    const seenSentence = new Map<string, string>();
    const shared: string[] = [];
    for (const i of items) {
      const q = norm(i.q);
      if (seenQ.has(q)) dupQ.push(i.q);
      seenQ.add(q);
      for (const s of i.q.split(/(?<=[.?!])\s+/)) {
        const key = norm(s);
        if (key.split(' ').length < sharedWords) continue;
        const owner = seenSentence.get(key);
        if (owner !== undefined && owner !== i.q) shared.push(s);
        seenSentence.set(key, i.q);
      }
    }
    expect(dupQ).toEqual([]);
    expect(shared).toEqual([]);
  });

  it(`keeps messages between ${minWords} and 120 words`, () => {
    const bad = items.filter((i) => {
      const words = i.q.trim().split(/\s+/).length;
      return words < minWords || words > 120;
    });
    expect(bad.map((i) => i.q)).toEqual([]);
  });
});

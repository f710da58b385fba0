/**
 * The understanding cache (performance, issue 15) gives exactly what `understand` gives: on every
 * development question, through the whole bot (a cached result, handed out again, makes the same
 * replies and records as a fresh one — so nothing that reads it changes it), and it forgets
 * everything when the knowledge, the rules, the names or the date change.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Activity } from 'botbuilder';
import { createBotCore, MemoryRecordStore } from '../src/app';
import { InProcessAdapter } from '../src/channels/inProcessAdapter';
import { fixedClock } from '../src/clock';
import { parseConfig } from '../src/config';
import { loadKnowledgeBase, type KnowledgeBase } from '../src/knowledge';
import { createLogger } from '../src/logger';
import { loadRuleSet, type RuleSet } from '../src/rules';
import { understand, type NameTable } from '../src/understanding';
import { loadProjectContent } from '../test/helpers/content';
import { UnderstandingCache, UNDERSTANDING_CACHE_MAX_CHARS } from './understandingCache';

const ROOT = path.join(__dirname, '..');
const TODAY = '2026-12-02';
const fixture = (name: string) => (JSON.parse(fs.readFileSync(path.join(ROOT, 'test', 'fixtures', name), 'utf8')) as Array<{ q: string }>).map((q) => q.q);
const QUESTIONS = fixture('questions.json');
const REAL = [...fixture('real-questions.json'), ...fixture('real-questions-second.json'), ...fixture('real-questions-third.json')];

let kb: KnowledgeBase;
let rules: RuleSet;
let names: NameTable;

beforeAll(() => {
  ({ kb, rules, names } = loadProjectContent(TODAY));
});

describe('UnderstandingCache', () => {
  test('the same result as understand() on every development and real-style question, computed or kept', () => {
    const cache = new UnderstandingCache(10_000, 10_000);
    const texts = [...QUESTIONS, ...REAL];
    expect(texts.length).toBeGreaterThan(1000);
    for (const text of texts) {
      const fresh = understand(text, { kb, rules: () => rules, names, today: TODAY });
      const first = cache.understand(text, { kb, rules, names, today: TODAY });
      expect(first).toEqual(fresh);
      expect(cache.understand(text, { kb, rules, names, today: TODAY })).toBe(first);
    }
  });

  test('forgets everything when the knowledge base (a reload, a new validity window), the rules, the names or the date change', () => {
    const inputs = { kb, rules, names, today: TODAY };
    const other = loadKnowledgeBase(path.join(ROOT, 'knowledge'), { today: TODAY }).kb!;
    const changes = [{ kb: other }, { rules: loadRuleSet(path.join(ROOT, 'knowledge', 'rules', 'duty-free.yaml')) }, { names: { ...names } }, { today: '2026-12-03' }];
    for (const change of changes) {
      const cache = new UnderstandingCache();
      const kept = cache.understand(QUESTIONS[0]!, inputs);
      cache.understand(QUESTIONS[1]!, inputs);
      expect(cache.size).toBe(2);
      expect(cache.understand(QUESTIONS[0]!, { ...inputs, ...change })).not.toBe(kept);
      expect(cache.size).toBe(1);
      // Back to the first inputs: computed again, not the result kept before.
      const again = cache.understand(QUESTIONS[0]!, inputs);
      expect(again).not.toBe(kept);
      expect(again).toEqual(kept);
      expect(cache.understand(QUESTIONS[0]!, inputs)).toBe(again);
    }
  });

  test('keeps at most its number of wordings, the least recently used going first; long messages are not kept', () => {
    const cache = new UnderstandingCache(2);
    const inputs = { kb, rules, names, today: TODAY };
    const [a, b, c] = QUESTIONS as [string, string, string];
    const keptA = cache.understand(a, inputs);
    cache.understand(b, inputs);
    expect(cache.understand(a, inputs)).toBe(keptA); // a is now the most recent
    cache.understand(c, inputs); // drops b
    expect(cache.size).toBe(2);
    expect(cache.understand(a, inputs)).toBe(keptA);
    const long = `${'I ordered some things online. '.repeat(Math.ceil(UNDERSTANDING_CACHE_MAX_CHARS / 30))}Do I owe duty?`;
    expect(long.length).toBeGreaterThan(UNDERSTANDING_CACHE_MAX_CHARS);
    const first = cache.understand(long, inputs);
    expect(cache.size).toBe(2);
    expect(cache.understand(long, inputs)).not.toBe(first);
    expect(cache.understand(long, inputs)).toEqual(first);
  });

  test('with room for none (UNDERSTANDING_CACHE_ENTRIES=0) it keeps nothing and understands every time', () => {
    const cache = new UnderstandingCache(0);
    const inputs = { kb, rules, names, today: TODAY };
    const first = cache.understand(QUESTIONS[0]!, inputs);
    expect(cache.size).toBe(0);
    expect(cache.understand(QUESTIONS[0]!, inputs)).not.toBe(first);
    expect(cache.understand(QUESTIONS[0]!, inputs)).toEqual(first);
  });
});

describe('through the bot: a question answered from the cache gets the same replies and records', () => {
  const dirs: string[] = [];
  afterAll(() => {
    for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
  });

  test('every development question, in two new conversations', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cbp-understanding-cache-'));
    dirs.push(dir);
    const config = parseConfig({ BOT_ENV: 'development', EMAIL_TRANSPORT: 'files', RECORDS_DIR: path.join(dir, 'records'), ESCALATION_DIR: path.join(dir, 'outbox') });
    const records = new MemoryRecordStore();
    const core = createBotCore(config, { logger: createLogger('silent', { write: () => undefined }), clock: fixedClock(`${TODAY}T17:00:00Z`), records });
    let conversation = 0;
    const ask = async (text: string) => {
      const replies: Partial<Activity>[] = [];
      const adapter = new InProcessAdapter((a) => replies.push(a), 'webchat', `c${++conversation}`);
      await adapter.receive({ type: 'message', text }, (context) => core.bot.run(context));
      // What a person sees: text, cards and buttons (not the ids and times of the activities).
      return JSON.stringify(replies.filter((r) => r.type === 'message').map((r) => [r.text, r.attachments, r.suggestedActions]));
    };
    for (const text of QUESTIONS) {
      const before = records.records.length;
      const fresh = await ask(text);
      const freshRecords = records.records.slice(before);
      const cached = await ask(text);
      expect(cached).toBe(fresh);
      expect(records.records.slice(before + freshRecords.length)).toEqual(freshRecords);
    }
  });
});

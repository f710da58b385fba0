/**
 * A kept reply (answerReplies.ts) and its kept rendering (src/channels/render.ts) are exactly what
 * making and rendering it afresh gives: for every development question, on every channel, in the
 * whole bot, and for the same understanding after the knowledge base changed.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Activity } from 'botbuilder';
import { createBotCore, MemoryRecordStore } from '../src/app';
import { InProcessAdapter } from '../src/channels/inProcessAdapter';
import { renderReply } from '../src/channels/render';
import { fixedClock } from '../src/clock';
import { parseConfig } from '../src/config';
import { loadKnowledgeBase, type KnowledgeBase } from '../src/knowledge';
import { createLogger } from '../src/logger';
import type { RuleSet } from '../src/rules';
import { understand, type NameTable } from '../src/understanding';
import { loadProjectContent } from '../test/helpers/content';
import { AnswerReplies } from './answerReplies';
import { partsReply } from './messages';

const ROOT = path.join(__dirname, '..');
const TODAY = '2026-12-02';
const QUESTIONS = (JSON.parse(fs.readFileSync(path.join(ROOT, 'test', 'fixtures', 'questions.json'), 'utf8')) as Array<{ q: string }>).map((q) => q.q);
const CHANNELS = ['webchat', 'emulator', 'msteams', 'email', 'terminal', undefined];

let kb: KnowledgeBase;
let rules: RuleSet;
let names: NameTable;

beforeAll(() => {
  ({ kb, rules, names } = loadProjectContent(TODAY));
});

describe('AnswerReplies and the rendering of a kept reply', () => {
  test('the same reply and the same activity on every channel as made afresh, for every development question', () => {
    const replies = new AnswerReplies();
    let answered = 0;
    for (const text of QUESTIONS) {
      const understood = understand(text, { kb, rules: () => rules, names, today: TODAY });
      if (understood.kind !== 'answer') continue;
      answered++;
      const fresh = partsReply(understood.main, understood.others, kb);
      const kept = replies.reply(understood, kb);
      expect(kept).toEqual(fresh);
      expect(Object.isFrozen(kept)).toBe(true);
      expect(replies.reply(understood, kb)).toBe(kept);
      for (const channel of CHANNELS) {
        const expected = renderReply(fresh, channel);
        const first = renderReply(kept, channel);
        const second = renderReply(kept, channel);
        expect(first).toEqual(expected);
        expect(second).toEqual(expected);
        // Each call hands out its own activity (botbuilder and the channels add their fields to it).
        expect(second).not.toBe(first);
      }
    }
    expect(answered).toBeGreaterThan(250);
  });

  test('a copy handed out can be changed without changing the next one; what it shares is frozen', () => {
    const understood = understand(QUESTIONS[0]!, { kb, rules: () => rules, names, today: TODAY });
    if (understood.kind !== 'answer') throw new Error('expected an answer');
    const reply = new AnswerReplies().reply(understood, kb);
    const first = renderReply(reply, 'webchat');
    const expected = renderReply(partsReply(understood.main, understood.others, kb), 'webchat');
    Object.assign(first, { text: 'changed', id: 'x', replyToId: 'y' });
    expect(renderReply(reply, 'webchat')).toEqual(expected);
    expect(Object.isFrozen(first.suggestedActions)).toBe(true);
    expect(() => first.suggestedActions!.actions.push({ type: 'imBack', title: 'x', value: 'x' })).toThrow(TypeError);
  });

  test('another knowledge base (a reload, a new validity window) gets a reply of its own', () => {
    const understood = understand(QUESTIONS[0]!, { kb, rules: () => rules, names, today: TODAY });
    if (understood.kind !== 'answer') throw new Error('expected an answer');
    const replies = new AnswerReplies();
    const kept = replies.reply(understood, kb);
    const other = loadKnowledgeBase(path.join(ROOT, 'knowledge'), { today: TODAY }).kb!;
    const again = replies.reply(understood, other);
    expect(again).not.toBe(kept);
    expect(again).toEqual(partsReply(understood.main, understood.others, other));
    expect(replies.reply(understood, other)).toBe(again);
  });

  test('a reply that is not frozen is rendered afresh each time (a dialog may build and change its own)', () => {
    const reply = { kind: 'info' as const, markdown: 'Hello', suggestions: [{ label: 'A' }] };
    const first = renderReply(reply, 'webchat');
    reply.markdown = 'Changed';
    reply.suggestions.push({ label: 'B' });
    const second = renderReply(reply, 'webchat');
    expect(first.text).toBe('Hello');
    expect(second.text).toBe('Changed');
    expect(second.suggestedActions!.actions.map((a) => a.title)).toEqual(['A', 'B']);
  });
});

describe('through the bot: replies with the understanding cache (kept replies) are the same as without it', () => {
  const dirs: string[] = [];
  afterAll(() => {
    for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
  });

  const bot = (entries: number) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cbp-answer-replies-'));
    dirs.push(dir);
    const config = parseConfig({
      BOT_ENV: 'development',
      EMAIL_TRANSPORT: 'files',
      RECORDS_DIR: path.join(dir, 'records'),
      ESCALATION_DIR: path.join(dir, 'outbox'),
      UNDERSTANDING_CACHE_ENTRIES: String(entries),
    });
    const records = new MemoryRecordStore();
    const core = createBotCore(config, { logger: createLogger('silent', { write: () => undefined }), clock: fixedClock(`${TODAY}T17:00:00Z`), records });
    let conversation = 0;
    const ask = async (text: string, channel: string) => {
      const replies: Partial<Activity>[] = [];
      const adapter = new InProcessAdapter((a) => replies.push(a), channel, `c${++conversation}`);
      await adapter.receive({ type: 'message', text }, (context) => core.bot.run(context));
      return JSON.stringify(replies.map((r) => [r.type, r.text, r.textFormat, r.attachments, r.suggestedActions]));
    };
    return { ask, records };
  };

  test('every development question, twice, on Web Chat, Teams, email and the terminal', async () => {
    const kept = bot(500);
    const fresh = bot(0);
    for (const channel of ['webchat', 'msteams', 'email', 'terminal']) {
      for (const text of QUESTIONS) {
        const expected = await fresh.ask(text, channel);
        expect(await kept.ask(text, channel)).toBe(expected);
        expect(await kept.ask(text, channel)).toBe(expected);
      }
    }
    expect(kept.records.records.length).toBe(2 * fresh.records.records.length);
  }, 120_000);
});

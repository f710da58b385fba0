/**
 * Hardening over real HTTP (the real service, the test channel): rate limits on /api/messages,
 * message length, slow turns (typing indicator, then the notice, then the answer), a slow SMTP
 * server that must not block a turn, and /metrics.
 */
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { ESCALATION_LABELS as L } from '../dialogs/EscalationDialog';
import { fixedClock } from '../src/clock';
import { parseConfig, ConfigError } from '../src/config';
import { RATE_LIMITED_TEXT, SLOW_TURN_TEXT } from '../src/hardening';
import { silentLogger } from '../src/logger';
import { MemoryRecordStore, type RecordStore, type UsageRecord } from '../src/records';
import { startService, type RunningService } from '../src/service';
import { channelActivity, post, say, startTestChannel, type ReceivedActivity, type TestChannel } from './helpers/channel';
import { startTestService, TEST_TODAY, type TestService } from './helpers/service';
import { sleep } from './helpers/wait';

const APP = { MicrosoftAppId: '00000000-0000-0000-0000-000000000001', MicrosoftAppPassword: 'not-a-real-secret', EMAIL_TRANSPORT: 'files' };

let channel: TestChannel;
let counter = 0;
const newConversation = (tag: string) => `hardening-${tag}-${process.pid}-${++counter}`;
const texts = (replies: ReceivedActivity[]) => replies.map((r) => r.text ?? '');

beforeAll(async () => {
  channel = await startTestChannel();
});
afterAll(async () => {
  await channel.close();
});

/** Reads one sample of a metric from the exposition text (0 when absent). */
function sample(metricsText: string, name: string, labels: Record<string, string> = {}): number {
  const wanted = Object.entries(labels).map(([k, v]) => `${k}="${v}"`);
  for (const line of metricsText.split('\n')) {
    if (!line.startsWith(`${name}{`) && !line.startsWith(`${name} `)) continue;
    const labelPart = /\{(.*)\}/.exec(line)?.[1] ?? '';
    if (wanted.every((w) => labelPart.split(',').includes(w))) return Number(line.split(' ').pop());
  }
  return 0;
}

async function metricsOf(url: string, headers: Record<string, string> = {}): Promise<string> {
  const res = await fetch(`${url}/metrics`, { headers });
  expect(res.status).toBe(200);
  return res.text();
}

describe('per-conversation rate limit', () => {
  let bot: TestService;
  beforeAll(async () => {
    bot = await startTestService({ RATE_LIMIT_PER_CONVERSATION: '5', RATE_LIMIT_PER_IP: '0' });
  });
  afterAll(async () => bot.close());

  test('the message over the limit gets 200 and one polite notice; the next ones are quiet; other conversations carry on', async () => {
    const limited = newConversation('limited');
    for (let i = 0; i < 5; i++) {
      const replies = await say(bot.url, channel, limited, 'is de minimis still available?');
      expect(texts(replies).join('\n')).not.toContain(RATE_LIMITED_TEXT);
    }
    // The 6th within the minute: HTTP 200 (the Bot Connector would retry a 429), and the notice.
    const sixth = await say(bot.url, channel, limited, 'is de minimis still available?');
    expect(texts(sixth)).toEqual([RATE_LIMITED_TEXT]);
    // More while limited: still 200, but no reply flood (the notice is repeated at most every 10 s).
    for (let i = 0; i < 5; i++) expect(await say(bot.url, channel, limited, 'hello?')).toEqual([]);

    // Another conversation is not locked out.
    const other = await say(bot.url, channel, newConversation('other'), 'is de minimis still available?');
    expect(texts(other).join('\n')).toMatch(/Since 29 Aug 2025/);

    // Non-message activities are not limited: the welcome still arrives in the limited conversation.
    const before = channel.inConversation(limited).length;
    const update = channelActivity(channel.serviceUrl, limited, { type: 'conversationUpdate', membersAdded: [{ id: 'user-1' }], recipient: { id: 'bot' } });
    expect((await post(`${bot.url}/api/messages`, update)).status).toBe(200);
    expect(texts(channel.inConversation(limited).slice(before)).join('\n')).toMatch(/CBP E-Commerce Assistant/);

    const metrics = await metricsOf(bot.url);
    expect(sample(metrics, 'cbp_rate_limited_total', { scope: 'conversation' })).toBe(6);
  });
});

describe('per-IP rate limit', () => {
  test('in development, the request over the limit gets 429 JSON with Retry-After', async () => {
    const bot = await startTestService({ RATE_LIMIT_PER_IP: '8', RATE_LIMIT_PER_CONVERSATION: '0' });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 8; i++) {
        statuses.push((await post(`${bot.url}/api/messages`, channelActivity(channel.serviceUrl, newConversation('ip'), { text: 'hi' }))).status);
      }
      expect(statuses).toEqual(Array(8).fill(200));
      const res = await fetch(`${bot.url}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(channelActivity(channel.serviceUrl, newConversation('ip'), { text: 'hi' })),
      });
      expect(res.status).toBe(429);
      expect(Number(res.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
      expect(await res.json()).toEqual({ error: 'too_many_requests', message: expect.stringMatching(/Too many requests/) });
      expect(sample(await metricsOf(bot.url), 'cbp_rate_limited_total', { scope: 'ip' })).toBe(1);
      expect(sample(await metricsOf(bot.url), 'cbp_http_errors_total', { route: '/api/messages', status: '429' })).toBe(1);
    } finally {
      await bot.close();
    }
  });

  test('in production it is off: the Bot Connector calls from shared addresses (the per-conversation limit applies)', async () => {
    const bot = await startTestService({ ...APP, BOT_ENV: 'production', RATE_LIMIT_PER_IP: '2' });
    try {
      for (let i = 0; i < 5; i++) {
        // No token: 401 from authentication, never 429.
        expect((await post(`${bot.url}/api/messages`, channelActivity(channel.serviceUrl, newConversation('prod'), { text: 'hi' }))).status).toBe(401);
      }
    } finally {
      await bot.close();
    }
  });
});

describe('message length', () => {
  let bot: TestService;
  beforeAll(async () => {
    bot = await startTestService({ RATE_LIMIT_PER_IP: '0' });
  });
  afterAll(async () => bot.close());

  test.each([
    ['2,001 characters', 2001],
    ['5,000 characters', 5000],
    ['100 KB (under the 256 KB body limit)', 100 * 1024],
  ])('a message of %s gets the polite request to shorten, quickly, without a search', async (_name, length) => {
    const questionsBefore = sample(await metricsOf(bot.url), 'cbp_questions_total', { outcome: 'out-of-scope' }) + sample(await metricsOf(bot.url), 'cbp_questions_total', { outcome: 'answer' });
    const text = 'why was I charged duty on my package from the UK '.repeat(Math.ceil(length / 49)).slice(0, length);
    expect(text).toHaveLength(length);
    const started = performance.now();
    const replies = await say(bot.url, channel, newConversation('long'), text);
    const elapsed = performance.now() - started;
    expect(texts(replies)).toEqual([expect.stringMatching(/too long for me \(more than 2,000 characters\)/)]);
    // Not a search: no question outcome was recorded, and it took no longer than a short turn.
    const questionsAfter = sample(await metricsOf(bot.url), 'cbp_questions_total', { outcome: 'out-of-scope' }) + sample(await metricsOf(bot.url), 'cbp_questions_total', { outcome: 'answer' });
    expect(questionsAfter).toBe(questionsBefore);
    expect(elapsed).toBeLessThan(500);
  });

  test('a message of exactly 2,000 characters is still searched', async () => {
    const text = 'is the 800 dollar de minimis limit still in effect '.repeat(40).slice(0, 2000);
    const replies = await say(bot.url, channel, newConversation('edge'), text);
    expect(texts(replies).join('\n')).not.toMatch(/too long/);
  });
});

/** A record store whose appends take `delayMs` (a slow disk or storage account). */
class SlowRecordStore implements RecordStore {
  private readonly inner = new MemoryRecordStore();
  constructor(private readonly delayMs: number) {}
  async append(record: UsageRecord): Promise<void> {
    await sleep(this.delayMs);
    await this.inner.append(record);
  }
  list(sinceIso?: string): Promise<UsageRecord[]> {
    return this.inner.list(sinceIso);
  }
}

async function startWithRecords(env: Record<string, string>, records: RecordStore): Promise<RunningService & { dir: string }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cbp-hardening-'));
  const config = parseConfig({ PORT: '0', HOST: '127.0.0.1', RECORDS_DIR: path.join(dir, 'records'), ESCALATION_DIR: path.join(dir, 'outbox'), RATE_LIMIT_PER_IP: '0', ...env });
  const service = await startService(config, { logger: silentLogger, clock: fixedClock(TEST_TODAY), records });
  return {
    ...service,
    dir,
    close: async () => {
      await service.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

describe('slow turns', () => {
  test('a slow records store: typing indicators, then "taking longer than usual" once, then the answer', async () => {
    const bot = await startWithRecords({ TYPING_DELAY_MS: '150', SLOW_TURN_NOTICE_MS: '600' }, new SlowRecordStore(1500));
    try {
      const conversation = newConversation('slow');
      const activity = channelActivity(channel.serviceUrl, conversation, { text: 'is de minimis still available?' });
      const result = await post(`${bot.url}/api/messages`, activity);
      expect(result.status).toBe(200);
      const sent = channel.inConversation(conversation);
      const typing = sent.filter((a) => a.type === 'typing');
      const messages = sent.filter((a) => a.type === 'message');
      expect(typing.length).toBeGreaterThanOrEqual(1);
      expect(messages.map((m) => m.text)).toEqual([SLOW_TURN_TEXT, expect.stringMatching(/Since 29 Aug 2025/)]);
      // All of them answer the person's message.
      expect(sent.every((a) => a.replyToId === activity.id)).toBe(true);
      // The first typing came before the notice.
      expect(sent.indexOf(typing[0]!)).toBeLessThan(sent.indexOf(messages[0]!));
      expect(sample(await metricsOf(bot.url), 'cbp_slow_turn_notices_total')).toBe(1);
    } finally {
      await bot.close();
    }
  });

  test('slow but under the notice time: typing, then only the answer (no double reply)', async () => {
    const bot = await startWithRecords({ TYPING_DELAY_MS: '100', SLOW_TURN_NOTICE_MS: '2000' }, new SlowRecordStore(500));
    try {
      const conversation = newConversation('slowish');
      await post(`${bot.url}/api/messages`, channelActivity(channel.serviceUrl, conversation, { text: 'is de minimis still available?' }));
      const sent = channel.inConversation(conversation);
      expect(sent.filter((a) => a.type === 'typing').length).toBeGreaterThanOrEqual(1);
      expect(sent.filter((a) => a.type === 'message').map((m) => m.text)).toEqual([expect.stringMatching(/Since 29 Aug 2025/)]);
      // Nothing arrives after the turn is over.
      const count = channel.inConversation(conversation).length;
      await sleep(2300);
      expect(channel.inConversation(conversation)).toHaveLength(count);
    } finally {
      await bot.close();
    }
  });

  test('a fast turn gets no typing indicator at all', async () => {
    const bot = await startWithRecords({}, new MemoryRecordStore());
    try {
      const conversation = newConversation('fast');
      await post(`${bot.url}/api/messages`, channelActivity(channel.serviceUrl, conversation, { text: 'is de minimis still available?' }));
      await sleep(1200); // past the default TYPING_DELAY_MS
      expect(channel.inConversation(conversation).map((a) => a.type)).toEqual(['message']);
    } finally {
      await bot.close();
    }
  });

  test('an SMTP server that accepts connections and never answers does not block the "Send" turn', async () => {
    const sockets: net.Socket[] = [];
    const blackHole = net.createServer((socket) => sockets.push(socket)); // never says 220
    await new Promise<void>((resolve) => blackHole.listen(0, '127.0.0.1', resolve));
    const port = (blackHole.address() as net.AddressInfo).port;
    const bot = await startTestService({ SMTP_URL: `smtp://127.0.0.1:${port}`, RATE_LIMIT_PER_IP: '0' });
    try {
      const conversation = newConversation('smtp');
      const step = async (text: string) => texts(await say(bot.url, channel, conversation, text)).join('\n');
      await step('talk to a person');
      let text = await step(L.confirm);
      if (text.includes('This is the question I will send')) text = await step(L.changeQuestion);
      await step('My parcel from Japan has been held at customs for 3 weeks. Who can tell me why?');
      text = await step(L.skipAddress);
      if (text.includes('Should I include our conversation')) text = await step(L.questionOnly);
      expect(text).toContain('Here is exactly what I will send');
      const started = performance.now();
      const sent = await step(L.send);
      expect(sent).toMatch(/Your reference number is \*\*ECOM-\d{4}-\d{6}\*\*/);
      expect(performance.now() - started).toBeLessThan(1000);
      // The mailer is stuck on the silent server in the background, and the bot still answers.
      await sleep(200);
      expect(sockets.length).toBeGreaterThanOrEqual(1);
      expect(await step('is de minimis still available?')).toMatch(/Since 29 Aug 2025/);
    } finally {
      for (const socket of sockets) socket.destroy();
      await bot.close();
      await new Promise<void>((resolve) => blackHole.close(() => resolve()));
    }
  });
});

describe('/metrics', () => {
  test('exposes turn counts that move after a turn, knowledge outcomes, errors and escalation gauges', async () => {
    const bot = await startTestService({ RATE_LIMIT_PER_IP: '0' });
    try {
      const before = await metricsOf(bot.url);
      expect(before).toMatch(/^# TYPE cbp_turns_total counter$/m);
      expect(before).toMatch(/^# TYPE cbp_turn_duration_seconds histogram$/m);
      const turnsBefore = sample(before, 'cbp_turns_total', { channel: 'emulator', type: 'message' });
      const answeredBefore = sample(before, 'cbp_questions_total', { outcome: 'answer' });

      await say(bot.url, channel, newConversation('metrics'), 'is de minimis still available?');
      await say(bot.url, channel, newConversation('metrics'), 'how do I renew my passport at the embassy in Paris?');

      const after = await metricsOf(bot.url);
      expect(sample(after, 'cbp_turns_total', { channel: 'emulator', type: 'message' })).toBe(turnsBefore + 2);
      expect(sample(after, 'cbp_turn_duration_seconds_count', { channel: 'emulator', type: 'message' })).toBe(turnsBefore + 2);
      expect(sample(after, 'cbp_questions_total', { outcome: 'answer' })).toBe(answeredBefore + 1);
      const notAnswered = ['did-you-mean', 'out-of-scope', 'other-cbp'].reduce((sum, outcome) => sum + sample(after, 'cbp_questions_total', { outcome }), 0);
      expect(notAnswered).toBe(1);
      expect(after).toMatch(/^cbp_turn_errors_total\{kind="error"\} 0$/m);
      for (const state of ['pending', 'sending', 'sent', 'failed']) expect(after).toMatch(new RegExp(`^cbp_escalations\\{state="${state}"\\} \\d+$`, 'm'));
      expect(after).toMatch(/^cbp_escalation_outbox_healthy 1$/m);
      expect(after).toMatch(/^cbp_process_resident_memory_bytes \d+/m);

      // A client's invented channel id never becomes a label value.
      await post(`${bot.url}/api/messages`, channelActivity(channel.serviceUrl, newConversation('metrics'), { channelId: 'made-up-channel', text: 'hi' }));
      const labelled = await metricsOf(bot.url);
      expect(labelled).not.toContain('made-up-channel');
      expect(sample(labelled, 'cbp_turns_total', { channel: 'other', type: 'message' })).toBe(1);

      // 4xx by route.
      await post(`${bot.url}/api/messages`, '{"not json');
      expect(sample(await metricsOf(bot.url), 'cbp_http_errors_total', { route: '/api/messages', status: '400' })).toBe(1);
    } finally {
      await bot.close();
    }
  });

  test('off in production unless enabled (404), and on when METRICS_ENABLED=true', async () => {
    const off = await startTestService({ ...APP, BOT_ENV: 'production' });
    try {
      expect((await fetch(`${off.url}/metrics`)).status).toBe(404);
    } finally {
      await off.close();
    }
    const on = await startTestService({ ...APP, BOT_ENV: 'production', METRICS_ENABLED: 'true' });
    try {
      expect(await metricsOf(on.url)).toContain('cbp_turns_total');
    } finally {
      await on.close();
    }
    const devOff = await startTestService({ METRICS_ENABLED: 'false' });
    try {
      expect((await fetch(`${devOff.url}/metrics`)).status).toBe(404);
    } finally {
      await devOff.close();
    }
  });

  test('with METRICS_TOKEN, only the bearer of the token may read them', async () => {
    const token = 'metrics-token-0123456789abcdef';
    const bot = await startTestService({ METRICS_TOKEN: token });
    try {
      const none = await fetch(`${bot.url}/metrics`);
      expect(none.status).toBe(401);
      expect(none.headers.get('www-authenticate')).toMatch(/^Bearer/);
      expect(await none.json()).toEqual({ error: 'unauthorized', message: expect.any(String) });
      expect((await fetch(`${bot.url}/metrics`, { headers: { authorization: `Bearer ${token}x` } })).status).toBe(401);
      expect((await fetch(`${bot.url}/metrics`, { headers: { authorization: `Basic ${token}` } })).status).toBe(401);
      expect(await metricsOf(bot.url, { authorization: `Bearer ${token}` })).toContain('cbp_turns_total');
    } finally {
      await bot.close();
    }
  });
});

describe('configuration', () => {
  const problems = (env: Record<string, string>) => {
    try {
      parseConfig(env);
      return [];
    } catch (err) {
      return (err as ConfigError).problems;
    }
  };

  test('defaults: 30 messages per conversation per minute, 600 requests per IP, typing after 1 s, notice after 10 s; metrics on in development only', () => {
    const dev = parseConfig({});
    expect(dev).toMatchObject({ RATE_LIMIT_PER_CONVERSATION: 30, RATE_LIMIT_PER_IP: 600, TYPING_DELAY_MS: 1000, SLOW_TURN_NOTICE_MS: 10000, METRICS_ENABLED: true });
    expect(parseConfig({ ...APP, BOT_ENV: 'production' }).METRICS_ENABLED).toBe(false);
    expect(parseConfig({ ...APP, BOT_ENV: 'production', METRICS_ENABLED: 'yes' }).METRICS_ENABLED).toBe(true);
    expect(parseConfig({ METRICS_ENABLED: 'off' }).METRICS_ENABLED).toBe(false);
  });

  test('bad values are refused with a line naming the variable (and never echoing the token)', () => {
    expect(problems({ RATE_LIMIT_PER_CONVERSATION: 'lots' })).toEqual(['RATE_LIMIT_PER_CONVERSATION must be a whole number from 0 to 100000 (got "lots")']);
    expect(problems({ RATE_LIMIT_PER_IP: '-1' })).toEqual(['RATE_LIMIT_PER_IP must be a whole number from 0 to 1000000 (got "-1")']);
    expect(problems({ METRICS_ENABLED: 'maybe' })).toEqual(['METRICS_ENABLED must be true or false (got "maybe")']);
    expect(problems({ METRICS_TOKEN: 'short' })).toEqual(['METRICS_TOKEN must be at least 16 characters (it protects /metrics)']);
  });
});

describe('usage records (a hot spot of the load benchmark)', () => {
  test('the records folder is created once, and again if it disappears while running', async () => {
    const { JsonlRecordStore } = await import('../src/records');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cbp-records-'));
    const folder = path.join(dir, 'records');
    try {
      const store = new JsonlRecordStore(folder);
      const record = (i: number): UsageRecord => ({ type: 'feedback', at: `2026-11-25T12:00:0${i}.000Z`, channelId: 'webchat', docId: `d${i}`, helpful: true });
      await Promise.all([store.append(record(1)), store.append(record(2))]);
      fs.rmSync(folder, { recursive: true, force: true });
      await store.append(record(3));
      expect((await store.list()).map((r) => (r as { docId: string }).docId)).toEqual(['d3']);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

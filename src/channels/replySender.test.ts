/**
 * The reply sender (issue 15, item 1): against the test channel stand-in, through the real
 * adapter with an app id (the token path), and against a scripted Bot Connector for timeouts
 * and retries.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { AppCredentials } from 'botframework-connector';
import { parseConfig } from '../config';
import { silentLogger } from '../logger';
import { createAdapter } from '../server';
import { startTestChannel, type TestChannel } from '../../test/helpers/channel';
import { ReplyError, ReplySender, retryAfterMs } from './replySender';

const APP_ID = '00000000-0000-0000-0000-000000000001';
const CONNECTOR_SCOPE = 'https://api.botframework.com';

interface Seen {
  url: string;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** A Bot Connector that answers each request with the next scripted answer (the last one repeats). */
async function scriptedConnector(answers: Array<{ status: number; headers?: Record<string, string>; body?: string } | 'hang'>) {
  const seen: Seen[] = [];
  let connections = 0;
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      seen.push({ url: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      const answer = answers[Math.min(seen.length - 1, answers.length - 1)]!;
      if (answer === 'hang') return;
      res.writeHead(answer.status, { 'content-type': 'application/json', ...answer.headers });
      res.end(answer.body ?? JSON.stringify({ id: `id-${seen.length}` }));
    });
  });
  server.on('connection', () => connections++);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    seen,
    connections: () => connections,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

const noSleep = { sleep: async () => undefined };
const reply = { type: 'message', text: 'Gifts up to $100 are free of duty.', conversation: { id: 'conv/1' } };

describe('ReplySender', () => {
  let channel: TestChannel;
  beforeAll(async () => {
    channel = await startTestChannel();
  });
  afterAll(async () => channel.close());

  test('posts a reply and a new activity to the channel stand-in and returns its ids', async () => {
    const sender = new ReplySender();
    const first = await sender.replyToActivity(channel.serviceUrl, 'conv/1', 'act 7', reply);
    const second = await sender.sendToConversation(`${channel.serviceUrl}/`, 'conv/1', { ...reply, text: 'And another.' });
    sender.close();
    expect(first.id).toMatch(/^reply-\d+$/);
    expect(second.id).toMatch(/^reply-\d+$/);
    expect(channel.inConversation('conv/1').map((a) => a.text)).toEqual([reply.text, 'And another.']);
  });

  test('keeps one connection open for replies sent one after another; sends the conversation header and no authorization without credentials', async () => {
    const connector = await scriptedConnector([{ status: 200 }]);
    const sender = new ReplySender();
    for (let i = 0; i < 5; i++) await sender.replyToActivity(connector.url, 'a:b', `act-${i}`, reply);
    sender.close();
    await connector.close();
    expect(connector.connections()).toBe(1);
    expect(connector.seen.map((s) => s.url)).toEqual([0, 1, 2, 3, 4].map((i) => `/v3/conversations/a%3Ab/activities/act-${i}`));
    expect(connector.seen[0]!.headers['x-ms-conversation-id']).toBe('a:b');
    expect(connector.seen[0]!.headers.authorization).toBeUndefined();
    expect(JSON.parse(connector.seen[0]!.body)).toEqual(reply);
  });

  test('a service URL with a path keeps it (regional Teams URLs)', async () => {
    const connector = await scriptedConnector([{ status: 201 }]);
    const sender = new ReplySender();
    await sender.sendToConversation(`${connector.url}/amer`, 'c1', reply);
    sender.close();
    await connector.close();
    expect(connector.seen[0]!.url).toBe('/amer/v3/conversations/c1/activities');
  });

  test('the request goes where URL resolution puts it: service URLs parsed once give the same target as new URL(path, serviceUrl)', () => {
    const sender = new ReplySender();
    const target = (serviceUrl: string, path: string) => (sender as unknown as { target(s: string, p: string): { host: string; path: string; protocol: string; options: { hostname?: string | null; port?: string | number | null; auth?: string | null } } }).target(serviceUrl, path);
    const serviceUrls = [
      'https://smba.trafficmanager.net/amer/',
      'https://smba.trafficmanager.net/amer',
      'http://127.0.0.1:3978',
      'http://localhost:3978/',
      'https://europe.webchat.botframework.com/',
      'https://user:secret@example.com:8443/a/b/',
      'http://[::1]:3978/x',
      'https://example.com/a?query=1',
      'https://example.com/a/#frag',
      'https://example.com/A%20B/',
    ];
    const ids = ['conv/1', 'act 7', 'a:b', '.', '..', 'x..y', '%2e%2e', '19:abc@thread.skype;messageid=1', 'ü~!*()\'', '.hidden', '…'];
    for (const serviceUrl of serviceUrls) {
      for (const [conversationId, activityId] of ids.flatMap((a) => ids.map((b) => [a, b] as const))) {
        for (const path of [`v3/conversations/${encodeURIComponent(conversationId)}/activities/${encodeURIComponent(activityId)}`, `v3/conversations/${encodeURIComponent(conversationId)}/activities`]) {
          // Twice: the first parses the service URL, the second uses it as kept.
          for (let i = 0; i < 2; i++) {
            const expected = new URL(path, serviceUrl.endsWith('/') ? serviceUrl : `${serviceUrl}/`);
            const got = target(serviceUrl, path);
            expect([got.protocol, got.host, got.path]).toEqual([expected.protocol, expected.host, `${expected.pathname}${expected.search}`]);
            expect([got.options.hostname, String(got.options.port ?? ''), got.options.auth ?? '']).toEqual([expected.hostname.replace(/^\[|\]$/g, ''), expected.port, expected.username ? `${decodeURIComponent(expected.username)}:${decodeURIComponent(expected.password)}` : '']);
          }
        }
      }
    }
    sender.close();
  });

  test('429 and 5xx are retried, honouring Retry-After; then the answer is returned', async () => {
    const connector = await scriptedConnector([{ status: 429, headers: { 'retry-after': '2' } }, { status: 503 }, { status: 200, body: '{"id":"third"}' }]);
    const waits: number[] = [];
    const sender = new ReplySender({ baseDelayMs: 100, sleep: async (ms) => void waits.push(ms) });
    const answer = await sender.sendToConversation(connector.url, 'c1', reply);
    sender.close();
    await connector.close();
    expect(answer.id).toBe('third');
    expect(connector.seen).toHaveLength(3);
    expect(waits).toEqual([2000, 200]);
  });

  test('gives up after maxAttempts, and at once on a 4xx or a Retry-After longer than allowed', async () => {
    const failing = await scriptedConnector([{ status: 500, body: 'boom' }]);
    const sender = new ReplySender({ maxAttempts: 3, ...noSleep });
    await expect(sender.sendToConversation(failing.url, 'c1', reply)).rejects.toMatchObject({ name: 'ReplyError', statusCode: 500, attempts: 3 });
    await failing.close();

    const refused = await scriptedConnector([{ status: 403, body: '{"error":"not allowed"}' }]);
    await expect(sender.sendToConversation(refused.url, 'c1', reply)).rejects.toMatchObject({ statusCode: 403, attempts: 1 });
    expect(refused.seen).toHaveLength(1);
    await refused.close();

    const busy = await scriptedConnector([{ status: 429, headers: { 'retry-after': '120' } }]);
    await expect(sender.sendToConversation(busy.url, 'c1', reply)).rejects.toMatchObject({ statusCode: 429, attempts: 1 });
    await busy.close();
    sender.close();
  });

  test('an attempt with no answer times out and is tried again', async () => {
    const connector = await scriptedConnector(['hang', { status: 200, body: '{"id":"late"}' }]);
    const sender = new ReplySender({ timeoutMs: 150, ...noSleep });
    const started = Date.now();
    expect((await sender.sendToConversation(connector.url, 'c1', reply)).id).toBe('late');
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
    expect(connector.seen).toHaveLength(2);
    const never = await scriptedConnector(['hang']);
    const error = await sender.sendToConversation(never.url, 'c1', reply, undefined).catch((err: unknown) => err);
    expect(error).toBeInstanceOf(ReplyError);
    expect((error as ReplyError).message).toMatch(/no answer within 150 ms/);
    sender.close();
    await connector.close();
    await never.close();
  });

  test('a connection refused is retried, then reported', async () => {
    const gone = await scriptedConnector([{ status: 200 }]);
    await gone.close();
    const sender = new ReplySender({ maxAttempts: 2, ...noSleep });
    await expect(sender.sendToConversation(gone.url, 'c1', reply)).rejects.toMatchObject({ name: 'ReplyError', attempts: 2 });
    sender.close();
  });

  test('retryAfterMs reads seconds, an HTTP date and retry-after-ms', () => {
    expect(retryAfterMs({ 'retry-after': '3' })).toBe(3000);
    expect(retryAfterMs({ 'retry-after': 'Wed, 02 Dec 2026 08:00:05 GMT' }, Date.parse('2026-12-02T08:00:00Z'))).toBe(5000);
    expect(retryAfterMs({ 'retry-after-ms': '150', 'retry-after': '9' })).toBe(150);
    expect(retryAfterMs({})).toBeUndefined();
    expect(retryAfterMs({ 'retry-after': 'soon' })).toBeUndefined();
  });
});

describe('the adapter sends replies through it, with the same auth', () => {
  test('with an app id, a proactive message carries the cached Bot Connector token', async () => {
    const connector = await scriptedConnector([{ status: 200, body: '{"id":"sent-1"}' }]);
    const config = parseConfig({ MicrosoftAppId: APP_ID, MicrosoftAppPassword: 'not-a-real-secret', BOT_ENV: 'production', EMAIL_TRANSPORT: 'files' });
    const conversationState = { delete: async () => undefined } as never;
    const adapter = createAdapter(config, silentLogger, { conversationState });
    // The token botbuilder would have fetched from the login endpoint, already in its cache.
    const cacheKey = `${APP_ID}${CONNECTOR_SCOPE}-cache`;
    const tokenCache = (AppCredentials as unknown as { cache: Map<string, unknown> }).cache;
    tokenCache.set(cacheKey, { accessToken: 'cached-token', expiresOn: new Date(Date.now() + 3_600_000), tokenType: 'Bearer' } as never);
    try {
      const reference = { serviceUrl: connector.url, channelId: 'msteams', conversation: { id: 'a:conv', isGroup: false, conversationType: 'personal', name: '' }, bot: { id: APP_ID, name: 'bot' } };
      let id: string | undefined;
      await adapter.continueConversationAsync(APP_ID, reference, async (context) => {
        id = (await context.sendActivity('Your check is ready.'))?.id;
      });
      expect(id).toBe('sent-1');
      expect(connector.seen).toHaveLength(1);
      expect(connector.seen[0]!.url).toMatch(/^\/v3\/conversations\/a%3Aconv\/activities\/[\w-]+$/); // a reply to the continuation's activity
      expect(connector.seen[0]!.headers.authorization).toBe('Bearer cached-token');
      expect(JSON.parse(connector.seen[0]!.body).text).toBe('Your check is ready.');
    } finally {
      tokenCache.delete(cacheKey);
      await connector.close();
    }
  });
});

/**
 * The local Direct Line over real HTTP: a restify server on port 0, a CloudAdapter without
 * credentials (development mode) and a small echo bot defined here.
 */
import type { AddressInfo } from 'node:net';
import restify from 'restify';
import pino from 'pino';
import {
  ActivityHandler,
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  MessageFactory,
  TurnContext,
  type Activity,
} from 'botbuilder';
import { registerLocalDirectLine, type LocalDirectLine, type LocalDirectLineOptions } from '../src/channels/directline';

/** Echoes messages, welcomes on `webchat/join`, records everything it receives. */
class RecordingEchoBot extends ActivityHandler {
  readonly received: Activity[] = [];

  constructor() {
    super();
    this.onTurn(async (context, next) => {
      this.received.push(context.activity);
      await next();
    });
    this.onMessage(async (context, next) => {
      const text = context.activity.text ?? '';
      if (text === 'boom') throw new Error('the bot broke');
      if (text === 'edit me') {
        const draft = await context.sendActivity('draft');
        await context.updateActivity({ ...MessageFactory.text('final'), id: draft?.id });
      } else {
        await context.sendActivity(`You said: ${text}`);
      }
      await next();
    });
    this.onEvent(async (context, next) => {
      if (context.activity.name === 'webchat/join') await context.sendActivity('Welcome to the CBP E-Commerce Assistant.');
      await next();
    });
  }
}

interface TestServer {
  base: string;
  bot: RecordingEchoBot;
  adapter: CloudAdapter;
  directLine: LocalDirectLine;
  close(): Promise<void>;
}

const servers: TestServer[] = [];

async function startServer(options: Partial<LocalDirectLineOptions> = {}, setup?: (server: restify.Server) => void): Promise<TestServer> {
  const server = restify.createServer();
  setup?.(server);
  const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication({}));
  const bot = new RecordingEchoBot();
  let base = '';
  const directLine = registerLocalDirectLine(server, {
    adapter,
    bot,
    logger: pino({ level: 'silent' }),
    publicBaseUrl: () => base,
    ...options,
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const handle: TestServer = {
    base,
    bot,
    adapter,
    directLine,
    close: () =>
      new Promise<void>((resolve) => {
        directLine.close();
        server.close(() => resolve());
      }),
  };
  servers.push(handle);
  return handle;
}

afterAll(async () => {
  await Promise.all(servers.map((s) => s.close()));
});

interface HttpResult {
  status: number;
  headers: Headers;
  text: string;
  json: any;
}

async function call(
  base: string,
  method: string,
  path: string,
  init: { token?: string; body?: unknown; rawBody?: string; contentType?: string } = {},
): Promise<HttpResult> {
  const headers: Record<string, string> = {};
  if (init.token) headers.Authorization = `Bearer ${init.token}`;
  let body: string | undefined;
  if (init.rawBody !== undefined) body = init.rawBody;
  else if (init.body !== undefined) body = JSON.stringify(init.body);
  if (body !== undefined || method === 'POST') headers['Content-Type'] = init.contentType ?? 'application/json';
  const response = await fetch(`${base}${path}`, { method, headers, body });
  const text = await response.text();
  let json: unknown;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  return { status: response.status, headers: response.headers, text, json };
}

async function startConversation(s: TestServer, body: unknown = {}): Promise<{ conversationId: string; token: string; expires_in: number }> {
  const result = await call(s.base, 'POST', '/v3/directline/conversations', { body });
  expect(result.status).toBe(201);
  return result.json;
}

function postActivity(s: TestServer, conversation: { conversationId: string; token: string }, activity: unknown): Promise<HttpResult> {
  return call(s.base, 'POST', `/v3/directline/conversations/${conversation.conversationId}/activities`, { token: conversation.token, body: activity });
}

function poll(s: TestServer, conversation: { conversationId: string; token: string }, watermark = ''): Promise<HttpResult> {
  return call(s.base, 'GET', `/v3/directline/conversations/${conversation.conversationId}/activities?watermark=${watermark}`, { token: conversation.token });
}

async function waitFor(condition: () => boolean, timeoutMs = 5000): Promise<void> {
  const started = Date.now();
  while (!condition()) {
    if (Date.now() - started > timeoutMs) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

function jwtPayload(token: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString('utf8'));
}

function expectJsonError(result: HttpResult, status: number): void {
  expect(result.status).toBe(status);
  expect(result.headers.get('content-type')).toMatch(/application\/json/);
  expect(typeof result.json?.error).toBe('string');
  expect(typeof result.json?.message).toBe('string');
  expect(result.text).not.toMatch(/\n\s+at /); // no stack trace
}

describe('local Direct Line: a conversation', () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startServer();
  });

  test('POST /conversations returns a conversation id and a token bound to a dl_ user, and the bot gets a conversationUpdate', async () => {
    const conversation = await startConversation(s);
    expect(conversation.conversationId).toMatch(/^[A-Za-z0-9_-]{16,}$/);
    expect(conversation.expires_in).toBe(1800);
    expect(Object.keys(conversation).sort()).toEqual(['conversationId', 'expires_in', 'token']);
    // Web Chat reads the user from the token's `user` claim, like the real service's tokens.
    const claims = jwtPayload(conversation.token);
    expect(claims.user).toMatch(/^dl_[A-Za-z0-9_-]+$/);
    expect(claims.conv).toBe(conversation.conversationId);

    await waitFor(() => s.bot.received.some((a) => a.type === 'conversationUpdate' && a.conversation.id === conversation.conversationId));
    const update = s.bot.received.find((a) => a.type === 'conversationUpdate' && a.conversation.id === conversation.conversationId) as Activity;
    expect(update.channelId).toBe('directline');
    expect(update.membersAdded?.map((m) => m.id)).toContain(claims.user);
    expect(update.serviceUrl).toBe(s.directLine.serviceUrl());
  });

  test('the user id comes from the request body when given', async () => {
    const conversation = await startConversation(s, { user: { id: 'dl_chosen_by_page' } });
    expect(jwtPayload(conversation.token).user).toBe('dl_chosen_by_page');
    await waitFor(() => s.bot.received.some((a) => a.type === 'conversationUpdate' && a.conversation.id === conversation.conversationId));
    const update = s.bot.received.find((a) => a.type === 'conversationUpdate' && a.conversation.id === conversation.conversationId) as Activity;
    expect(update.membersAdded?.map((m) => m.id)).toContain('dl_chosen_by_page');
  });

  test('a posted message is echoed with the same id and clientActivityID, then the reply with replyToId; watermarks advance', async () => {
    const conversation = await startConversation(s);
    const userId = jwtPayload(conversation.token).user;
    const posted = await postActivity(s, conversation, {
      type: 'message',
      text: 'hello',
      from: { id: 'r_ignored', name: 'Pat', role: 'user' },
      locale: 'en-US',
      channelData: { clientActivityID: 'client-1', clientTimestamp: '2026-01-01T00:00:00.000Z' },
      // fields a client must not set are dropped or overwritten
      serviceUrl: 'http://evil.example',
      conversation: { id: 'other' },
    });
    expect(posted.status).toBe(200);
    expect(Object.keys(posted.json)).toEqual(['id']);
    const id = posted.json.id as string;

    const botSaw = s.bot.received.find((a) => a.type === 'message' && a.conversation.id === conversation.conversationId) as Activity;
    expect(botSaw.id).toBe(id);
    expect(botSaw.channelId).toBe('directline');
    expect(botSaw.from).toEqual({ id: userId, name: 'Pat', role: 'user' });
    expect(botSaw.serviceUrl).toBe(s.directLine.serviceUrl());
    expect(botSaw.channelData.clientActivityID).toBe('client-1');
    expect(botSaw.timestamp).toBeInstanceOf(Date); // like /api/messages after validateAndFixActivity

    const first = await poll(s, conversation);
    expect(first.status).toBe(200);
    const activities = first.json.activities as any[];
    const types = activities.map((a) => a.type);
    expect(types).toEqual(['conversationUpdate', 'message', 'message']);
    const [, echo, reply] = activities;
    expect(echo.id).toBe(id);
    expect(echo.channelData.clientActivityID).toBe('client-1');
    expect(echo.from).toEqual({ id: userId, name: 'Pat', role: 'user' });
    expect(echo.conversation).toEqual({ id: conversation.conversationId });
    expect(reply.text).toBe('You said: hello');
    expect(reply.replyToId).toBe(id);
    expect(reply.from.role).toBe('bot');
    expect(Date.parse(reply.timestamp)).toBeGreaterThan(Date.parse(echo.timestamp));
    for (const activity of activities) expect(activity.serviceUrl).toBeUndefined(); // the callback key stays on the server
    expect(first.json.watermark).toBe('3');

    const nothingNew = await poll(s, conversation, first.json.watermark);
    expect(nothingNew.json).toEqual({ activities: [], watermark: '3' });

    await postActivity(s, conversation, { type: 'message', text: 'again', channelData: { clientActivityID: 'client-2' } });
    const second = await poll(s, conversation, first.json.watermark);
    expect(second.json.activities.map((a: any) => a.text)).toEqual(['again', 'You said: again']);
    expect(second.json.watermark).toBe('5');
  });

  test('the webchat/join event is echoed and answered with the welcome', async () => {
    const conversation = await startConversation(s);
    const posted = await postActivity(s, conversation, { type: 'event', name: 'webchat/join', value: { locale: 'en-US' }, channelData: { clientActivityID: 'join-1' } });
    expect(posted.status).toBe(200);
    const { activities } = (await poll(s, conversation)).json;
    const echo = activities.find((a: any) => a.type === 'event');
    expect(echo).toMatchObject({ id: posted.json.id, name: 'webchat/join', value: { locale: 'en-US' }, channelData: { clientActivityID: 'join-1' } });
    const welcome = activities.find((a: any) => a.type === 'message');
    expect(welcome).toMatchObject({ text: 'Welcome to the CBP E-Commerce Assistant.', replyToId: posted.json.id });
  });

  test('turns run one at a time per conversation, through trackTurn', async () => {
    let tracked = 0;
    let running = 0;
    let overlap = false;
    const t = await startServer({
      trackTurn: async (work) => {
        tracked++;
        running++;
        if (running > 1) overlap = true;
        try {
          await work();
        } finally {
          running--;
        }
      },
    });
    const conversation = await startConversation(t);
    const posts = ['a', 'b', 'c'].map((text) => postActivity(t, conversation, { type: 'message', text }));
    expect((await Promise.all(posts)).map((r) => r.status)).toEqual([200, 200, 200]);
    expect(tracked).toBe(4); // conversationUpdate + three messages
    expect(overlap).toBe(false);
    const texts = (await poll(t, conversation)).json.activities.filter((a: any) => a.from?.role === 'bot').map((a: any) => a.text);
    expect(texts.sort()).toEqual(['You said: a', 'You said: b', 'You said: c']);
  });

  test('the bot can update an activity it sent (PUT through the connector)', async () => {
    const conversation = await startConversation(s);
    await postActivity(s, conversation, { type: 'message', text: 'edit me' });
    const { activities } = (await poll(s, conversation)).json;
    const bot = activities.filter((a: any) => a.from?.role === 'bot' && a.type === 'message');
    expect(bot).toHaveLength(1);
    expect(bot[0].text).toBe('final');
  });

  test('proactive messages (continueConversationAsync with the stored reference) reach the stream', async () => {
    const conversation = await startConversation(s);
    await postActivity(s, conversation, { type: 'message', text: 'remember me' });
    const incoming = s.bot.received.find((a) => a.type === 'message' && a.conversation.id === conversation.conversationId) as Activity;
    const reference = TurnContext.getConversationReference(incoming);
    await s.adapter.continueConversationAsync('', reference, async (context) => {
      await context.sendActivity('Your email to the E-Commerce team was sent.');
    });
    const { activities } = (await poll(s, conversation)).json;
    expect(activities.map((a: any) => a.text)).toContain('Your email to the E-Commerce team was sent.');
  });

  test('reconnect (GET /conversations/:id) and token refresh return a fresh token for the same conversation', async () => {
    const conversation = await startConversation(s);
    const again = await call(s.base, 'POST', '/v3/directline/conversations', { token: conversation.token });
    expect(again.status).toBe(200);
    expect(again.json.conversationId).toBe(conversation.conversationId);

    const reconnect = await call(s.base, 'GET', `/v3/directline/conversations/${conversation.conversationId}?watermark=`, { token: conversation.token });
    expect(reconnect.status).toBe(200);
    expect(reconnect.json.conversationId).toBe(conversation.conversationId);
    expect(jwtPayload(reconnect.json.token).conv).toBe(conversation.conversationId);

    const refreshed = await call(s.base, 'POST', '/v3/directline/tokens/refresh', { token: conversation.token });
    expect(refreshed.status).toBe(200);
    expect(refreshed.json).toMatchObject({ conversationId: conversation.conversationId, expires_in: 1800 });
    expect((await poll(s, { ...conversation, token: refreshed.json.token })).status).toBe(200);
  });
});

describe('local Direct Line: who may read and write', () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startServer();
  });

  test('an unknown conversation is 404', async () => {
    const conversation = await startConversation(s);
    expectJsonError(await poll(s, { conversationId: 'no-such-conversation', token: conversation.token }), 404);
  });

  test('no token is 401, a forged one is 401', async () => {
    const conversation = await startConversation(s);
    expectJsonError(await poll(s, { conversationId: conversation.conversationId, token: '' }), 401);
    const [header, payload] = conversation.token.split('.');
    expectJsonError(await poll(s, { conversationId: conversation.conversationId, token: `${header}.${payload}.forged` }), 401);
    expectJsonError(await poll(s, { conversationId: conversation.conversationId, token: 'garbage' }), 401);
    expectJsonError(await postActivity(s, { conversationId: conversation.conversationId, token: '' }, { type: 'message', text: 'hi' }), 401);
  });

  test("another conversation's token is 403", async () => {
    const mine = await startConversation(s);
    const theirs = await startConversation(s);
    expectJsonError(await poll(s, { conversationId: theirs.conversationId, token: mine.token }), 403);
    expectJsonError(await postActivity(s, { conversationId: theirs.conversationId, token: mine.token }, { type: 'message', text: 'hi' }), 403);
  });

  test('the bot callback needs the per-process key', async () => {
    const conversation = await startConversation(s);
    const wrong = await call(s.base, 'POST', `/v3/directline/callback/not-the-key/v3/conversations/${conversation.conversationId}/activities`, {
      body: { type: 'message', text: 'spoofed' },
    });
    expectJsonError(wrong, 401);
    const right = await fetch(`${s.directLine.serviceUrl()}/v3/conversations/${conversation.conversationId}/activities`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ type: 'message', text: 'from the bot' }),
    });
    expect(right.status).toBe(200);
  });
});

describe('local Direct Line: expiry', () => {
  test('a conversation idle past its TTL is 403 (clock injected); requests keep it alive', async () => {
    let now = Date.parse('2026-11-25T12:00:00Z');
    const s = await startServer({ clock: () => now, conversationTtlMs: 60_000, tokenTtlSeconds: 3600 });
    const conversation = await startConversation(s);
    now += 50_000;
    expect((await poll(s, conversation)).status).toBe(200);
    now += 50_000; // 100 s after start, 50 s after the last poll
    expect((await poll(s, conversation)).status).toBe(200);
    now += 61_000;
    expectJsonError(await poll(s, conversation), 403);
    expectJsonError(await postActivity(s, conversation, { type: 'message', text: 'late' }), 403);
    expectJsonError(await call(s.base, 'POST', '/v3/directline/tokens/refresh', { token: conversation.token }), 403);
  });

  test('an expired token is 403', async () => {
    let now = Date.parse('2026-11-25T12:00:00Z');
    const s = await startServer({ clock: () => now, conversationTtlMs: 24 * 3600_000, tokenTtlSeconds: 60 });
    const conversation = await startConversation(s);
    now += 61_000;
    const result = await poll(s, conversation);
    expectJsonError(result, 403);
    expect(result.json.error).toBe('token_expired');
  });
});

describe('local Direct Line: bad requests get a short JSON error, never a 500', () => {
  let s: TestServer;
  let conversation: { conversationId: string; token: string };
  beforeAll(async () => {
    s = await startServer({ maxClientActivityBytes: 2048 });
    conversation = await startConversation(s);
  });

  test.each([
    ['invalid JSON', { rawBody: '{"type": "message", ' }],
    ['an array', { body: [{ type: 'message' }] }],
    ['a string', { body: 'hello' }],
    ['no type', { body: { text: 'hi' } }],
    ['an unknown type', { body: { type: 'conversationUpdate' } }],
    ['an event without a name', { body: { type: 'event', value: 1 } }],
    ['text that is not a string', { body: { type: 'message', text: 42 } }],
    ['an empty body', { rawBody: '' }],
  ])('%s → 400', async (_label, init) => {
    const result = await call(s.base, 'POST', `/v3/directline/conversations/${conversation.conversationId}/activities`, { token: conversation.token, ...init });
    expectJsonError(result, 400);
  });

  test('a body over the limit → 413', async () => {
    const result = await postActivity(s, conversation, { type: 'message', text: 'x'.repeat(5000) });
    expectJsonError(result, 413);
  });

  test('a bad watermark → 400', async () => {
    expectJsonError(await poll(s, conversation, 'abc'), 400);
  });

  test('starting a conversation without a JSON content type → 415; a bad user id → 400', async () => {
    expectJsonError(await call(s.base, 'POST', '/v3/directline/conversations', { rawBody: '{}', contentType: 'text/plain' }), 415);
    expectJsonError(await call(s.base, 'POST', '/v3/directline/conversations', { body: { user: { id: '<script>' } } }), 400);
  });

  test('a bot that throws without onTurnError → 502 bot_error (the echo is already in the stream)', async () => {
    const result = await postActivity(s, conversation, { type: 'message', text: 'boom', channelData: { clientActivityID: 'c-boom' } });
    expectJsonError(result, 502);
    expect(result.json.error).toBe('bot_error');
  });

  test('with a restify body parser in front, the routes still work and bad JSON is still a 400 JSON', async () => {
    const parsed = await startServer({}, (server) => server.use(restify.plugins.bodyParser({ mapParams: false })));
    const c = await startConversation(parsed);
    const ok = await postActivity(parsed, c, { type: 'message', text: 'parsed', channelData: { clientActivityID: 'p-1' } });
    expect(ok.status).toBe(200);
    const { activities } = (await poll(parsed, c)).json;
    expect(activities.map((a: any) => a.text)).toContain('You said: parsed');
    const bad = await call(parsed.base, 'POST', `/v3/directline/conversations/${c.conversationId}/activities`, { token: c.token, rawBody: '{nope' });
    expect(bad.status).toBe(400);
    expect(bad.headers.get('content-type')).toMatch(/json/);
  });
});

describe('local Direct Line: limits', () => {
  test('per-IP rate limit → 429 with Retry-After', async () => {
    const s = await startServer({ rateLimit: { points: 12, durationSeconds: 60 } });
    const conversation = await startConversation(s); // costs 10
    expect((await poll(s, conversation)).status).toBe(200); // 11
    expect((await poll(s, conversation)).status).toBe(200); // 12
    const limited = await poll(s, conversation);
    expectJsonError(limited, 429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  test('beyond maxConversations the least recently active conversation is evicted', async () => {
    const s = await startServer({ maxConversations: 3 });
    const first = await startConversation(s);
    const second = await startConversation(s);
    const third = await startConversation(s);
    expect((await poll(s, first)).status).toBe(200); // first is now the most recently active
    await startConversation(s);
    expect(s.directLine.conversationCount()).toBe(3);
    expectJsonError(await poll(s, second), 403); // evicted: ended, not unknown
    expect((await poll(s, first)).status).toBe(200);
    expect((await poll(s, third)).status).toBe(200);
  });

  test('a stream keeps only the newest maxActivitiesPerConversation activities; watermarks still advance', async () => {
    const s = await startServer({ maxActivitiesPerConversation: 4 });
    const conversation = await startConversation(s);
    for (const text of ['one', 'two', 'three']) await postActivity(s, conversation, { type: 'message', text });
    const page = (await poll(s, conversation)).json;
    expect(page.activities.map((a: any) => a.text)).toEqual(['two', 'You said: two', 'three', 'You said: three']);
    expect(page.watermark).toBe('7');
  });
});

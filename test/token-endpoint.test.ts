/**
 * POST /api/directline/token against a local stand-in for the Direct Line token service.
 * The secret must never leave the server: not in a response body or header, not in a log line.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import restify from 'restify';
import { normalizeOrigins, registerTokenEndpoint, type TokenEndpointOptions } from '../src/channels/tokenEndpoint';
import type { ChannelLogger } from '../src/channels/directline';

const SECRET = 'dl-secret-DO-NOT-LEAK-7f3a9c';
const PAGE = 'https://www.cbp.gov';

/** What the stand-in does next. */
type UpstreamMode = 'ok' | 'fail' | 'not-json' | 'no-token' | 'slow';

interface StandIn {
  url: string;
  mode: UpstreamMode;
  requests: Array<{ method?: string; url?: string; authorization?: string; body: string }>;
  close(): Promise<void>;
}

async function startStandIn(): Promise<StandIn> {
  const standIn: StandIn = { url: '', mode: 'ok', requests: [], close: async () => undefined };
  const timers = new Set<NodeJS.Timeout>();
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      standIn.requests.push({ method: req.method, url: req.url, authorization: req.headers.authorization, body });
      const send = (status: number, text: string) => {
        res.writeHead(status, { 'Content-Type': 'application/json' });
        res.end(text);
      };
      switch (standIn.mode) {
        case 'ok':
          return send(200, JSON.stringify({ conversationId: 'upstream-conversation', token: 'upstream-token-abc', expires_in: 3600 }));
        case 'fail':
          // A real service may echo request details in its errors; none of it may be passed on.
          return send(500, JSON.stringify({ error: { code: 'ServiceError', message: `bad secret ${SECRET}` } }));
        case 'not-json':
          return send(200, '<html>oops</html>');
        case 'no-token':
          return send(200, JSON.stringify({ conversationId: 'c' }));
        case 'slow':
          timers.add(setTimeout(() => send(200, JSON.stringify({ token: 'late' })), 2000));
          return;
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  standIn.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  standIn.close = () => new Promise<void>((resolve) => {
    timers.forEach(clearTimeout);
    server.closeAllConnections();
    server.close(() => resolve());
  });
  return standIn;
}

/** A logger that keeps every call, to prove the secret is never logged. */
function recordingLogger(): ChannelLogger & { lines: string[] } {
  const lines: string[] = [];
  const record = (...args: unknown[]) => {
    lines.push(JSON.stringify(args, (_key, value) => (value instanceof Error ? { name: value.name, message: value.message, stack: value.stack } : value)));
  };
  return { lines, debug: record, info: record, warn: record, error: record } as unknown as ChannelLogger & { lines: string[] };
}

interface Harness {
  base: string;
  standIn: StandIn;
  logger: ReturnType<typeof recordingLogger>;
  close(): Promise<void>;
}

const harnesses: Harness[] = [];

async function startHarness(options: Partial<TokenEndpointOptions> = {}): Promise<Harness> {
  const standIn = await startStandIn();
  const logger = recordingLogger();
  const server = restify.createServer();
  registerTokenEndpoint(server, {
    secret: SECRET,
    directLineBaseUrl: standIn.url,
    allowedOrigins: [PAGE, 'http://localhost:3978/'],
    logger,
    ...options,
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const harness: Harness = {
    base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    standIn,
    logger,
    close: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await standIn.close();
    },
  };
  harnesses.push(harness);
  return harness;
}

afterAll(async () => {
  await Promise.all(harnesses.map((h) => h.close()));
});

interface Answer {
  status: number;
  headers: Record<string, string>;
  text: string;
  json: any;
}

async function askForToken(h: Harness, init: { origin?: string; method?: string; body?: string } = {}): Promise<Answer> {
  const headers: Record<string, string> = {};
  if (init.origin !== undefined) headers.Origin = init.origin;
  if (init.body !== undefined) headers['Content-Type'] = 'application/json';
  const response = await fetch(`${h.base}/api/directline/token`, { method: init.method ?? 'POST', headers, body: init.body });
  const text = await response.text();
  const all: Record<string, string> = {};
  response.headers.forEach((value, name) => (all[name] = value));
  let json: unknown;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  return { status: response.status, headers: all, text, json };
}

/** The secret appears nowhere in what the browser gets, nor in the logs. */
function expectNoSecret(h: Harness, answer: Answer): void {
  expect(answer.text).not.toContain(SECRET);
  expect(JSON.stringify(answer.headers)).not.toContain(SECRET);
  expect(h.logger.lines.join('\n')).not.toContain(SECRET);
}

describe('POST /api/directline/token', () => {
  test('exchanges the secret and returns only { token, expires_in, userId }', async () => {
    const h = await startHarness();
    const answer = await askForToken(h, { origin: PAGE, body: JSON.stringify({ user: { id: 'dl_attacker_choice' } }) });
    expect(answer.status).toBe(200);
    expect(Object.keys(answer.json).sort()).toEqual(['expires_in', 'token', 'userId']);
    expect(answer.json.token).toBe('upstream-token-abc');
    expect(answer.json.expires_in).toBe(3600);
    expect(answer.json.userId).toMatch(/^dl_[A-Za-z0-9_-]{8,}$/);
    expect(answer.json.userId).not.toBe('dl_attacker_choice'); // the client does not choose its id
    expect(answer.headers['access-control-allow-origin']).toBe(PAGE);
    expect(answer.headers['cache-control']).toBe('no-store');

    expect(h.standIn.requests).toHaveLength(1);
    const [upstream] = h.standIn.requests;
    expect(upstream.method).toBe('POST');
    expect(upstream.url).toBe('/v3/directline/tokens/generate');
    expect(upstream.authorization).toBe(`Bearer ${SECRET}`);
    expect(JSON.parse(upstream.body)).toEqual({ user: { id: answer.json.userId } });
    expectNoSecret(h, answer);
  });

  test('an origin that is not allowed → 403 without CORS headers, and no upstream call', async () => {
    const h = await startHarness();
    const answer = await askForToken(h, { origin: 'https://evil.example' });
    expect(answer.status).toBe(403);
    expect(answer.json).toMatchObject({ error: 'origin_not_allowed' });
    expect(answer.headers['access-control-allow-origin']).toBeUndefined();
    expect(h.standIn.requests).toHaveLength(0);
    expectNoSecret(h, answer);
  });

  test('a missing Origin → 403 (production default)', async () => {
    const h = await startHarness();
    const answer = await askForToken(h);
    expect(answer.status).toBe(403);
    expect(h.standIn.requests).toHaveLength(0);
  });

  test('configured origins are normalized (trailing slash, case)', async () => {
    const h = await startHarness();
    expect((await askForToken(h, { origin: 'http://localhost:3978' })).status).toBe(200);
    expect(normalizeOrigins([' https://WWW.cbp.gov/ ', ''])).toEqual(['https://www.cbp.gov']);
    expect(() => normalizeOrigins(['not a url'])).toThrow(/WEBCHAT_ALLOWED_ORIGINS/);
    expect(() => normalizeOrigins(['ftp://cbp.gov'])).toThrow(/http/);
  });

  test('CORS preflight: allowed origin → 204 with CORS headers; other origin → 403 without', async () => {
    const h = await startHarness();
    const ok = await askForToken(h, { method: 'OPTIONS', origin: PAGE });
    expect(ok.status).toBe(204);
    expect(ok.headers['access-control-allow-origin']).toBe(PAGE);
    expect(ok.headers['access-control-allow-methods']).toMatch(/POST/);
    expect(ok.headers['vary']).toMatch(/Origin/);
    const denied = await askForToken(h, { method: 'OPTIONS', origin: 'https://evil.example' });
    expect(denied.status).toBe(403);
    expect(denied.headers['access-control-allow-origin']).toBeUndefined();
  });

  test('per-IP rate limit → 429 with Retry-After', async () => {
    const h = await startHarness({ rateLimit: { points: 2, durationSeconds: 60 } });
    expect((await askForToken(h, { origin: PAGE })).status).toBe(200);
    expect((await askForToken(h, { origin: PAGE })).status).toBe(200);
    const limited = await askForToken(h, { origin: PAGE });
    expect(limited.status).toBe(429);
    expect(limited.json).toMatchObject({ error: 'too_many_requests' });
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect(limited.headers['access-control-allow-origin']).toBe(PAGE); // so the page can read the 429
    expect(h.standIn.requests).toHaveLength(2);
  });

  test.each([
    ['the service answers 500 (quoting the secret)', 'fail'],
    ['the service answers with something that is not JSON', 'not-json'],
    ['the service answers without a token', 'no-token'],
  ] as const)('%s → 502 with a short message, secret nowhere', async (_label, mode) => {
    const h = await startHarness();
    h.standIn.mode = mode;
    const answer = await askForToken(h, { origin: PAGE });
    expect(answer.status).toBe(502);
    expect(answer.json).toEqual({ error: 'upstream_error', message: expect.any(String) });
    expectNoSecret(h, answer);
  });

  test('the service is unreachable or too slow → 502', async () => {
    const unreachable = await startHarness({ directLineBaseUrl: 'http://127.0.0.1:9' });
    const answer = await askForToken(unreachable, { origin: PAGE });
    expect(answer.status).toBe(502);
    expectNoSecret(unreachable, answer);

    const slow = await startHarness({ timeoutMs: 200 });
    slow.standIn.mode = 'slow';
    const late = await askForToken(slow, { origin: PAGE });
    expect(late.status).toBe(502);
    expectNoSecret(slow, late);
  });

  test('no secret configured → 503', async () => {
    const h = await startHarness({ secret: undefined });
    const answer = await askForToken(h, { origin: PAGE });
    expect(answer.status).toBe(503);
    expect(h.standIn.requests).toHaveLength(0);
  });
});

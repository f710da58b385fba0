/**
 * Issue 13, findings 7 and 8, over real HTTP: what the bot exposes to callers it does not know.
 * Development replies only to a serviceUrl on this machine; a production token that cannot be
 * validated gets 401/503 without the upstream error; HEAD works on / and /healthz; /readyz shows
 * no absolute paths; a huge conversation id is not logged whole.
 */
import os from 'node:os';
import { serviceUrlAllowed } from '../src/server';
import { channelActivity, post, say, startTestChannel, type TestChannel } from './helpers/channel';
import { startLoggedTestService, WARN, type LoggedTestService } from './helpers/loggedService';
import { startTestService, type TestService } from './helpers/service';

const APP_ID = '00000000-0000-0000-0000-000000000001';
const PRODUCTION = { BOT_ENV: 'production', MicrosoftAppId: APP_ID, MicrosoftAppPassword: 'not-a-real-secret', EMAIL_TRANSPORT: 'files' };

let channel: TestChannel;
let counter = 0;
const newConversation = (tag: string) => `exposure-${tag}-${process.pid}-${++counter}`;

beforeAll(async () => {
  channel = await startTestChannel();
});
afterAll(async () => {
  await channel.close();
});

/** A JWT-shaped token (unsigned): the adapter has to look up the signing keys to refuse it. */
function jwtShaped(claims: Record<string, unknown>): string {
  const part = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
  return `${part({ alg: 'RS256', typ: 'JWT', kid: 'no-such-key' })}.${part({ exp: 4102444800, aud: APP_ID, ...claims })}.c2lnbmF0dXJl`;
}

describe('development: replies only to a serviceUrl on this machine (finding 7)', () => {
  let bot: LoggedTestService;
  beforeAll(async () => {
    bot = await startLoggedTestService({ RATE_LIMIT_PER_IP: '0' });
  });
  afterAll(async () => bot.close());

  test.each([
    ['another host', 'http://attacker.example/'],
    ['a host that starts like loopback', 'http://127.0.0.1.attacker.example/'],
    ['a private address', 'http://10.0.0.5:8080/'],
  ])('%s gets 403 JSON and a log line, and no request leaves the bot', async (_name, serviceUrl) => {
    const before = bot.logs.length;
    const result = await post(`${bot.url}/api/messages`, channelActivity(serviceUrl, newConversation('far'), { text: 'hi' }));
    expect(result.status).toBe(403);
    expect(result.json()).toEqual({ error: 'forbidden', message: expect.stringMatching(/ALLOWED_SERVICE_URLS/) });
    expect(result.body).not.toMatch(/at .*\.[jt]s:\d+/);
    const warned = bot.logs.slice(before).filter((l) => l.level === WARN && /serviceUrl is not loopback/.test(l.msg ?? ''));
    expect(warned).toHaveLength(1);
    expect(warned[0]).not.toHaveProperty('err');
  });

  test('loopback (the test channel on 127.0.0.1, as the Emulator and local Direct Line use) is answered', async () => {
    const replies = await say(bot.url, channel, newConversation('near'), 'hello');
    expect(replies.length).toBeGreaterThan(0);
  });
});

describe('serviceUrlAllowed', () => {
  test('development: loopback only, unless listed', () => {
    for (const url of ['http://127.0.0.1:3979/', 'http://127.8.9.10/', 'http://localhost:3978', 'http://[::1]:3978/']) {
      expect(serviceUrlAllowed(url, 'development', [])).toBe(true);
    }
    for (const url of ['http://attacker.example/', 'http://127.0.0.1.attacker.example/', 'http://0.0.0.0/', 'http://[::ffff:a00:5]/', 'not a url']) {
      expect(serviceUrlAllowed(url, 'development', [])).toBe(false);
    }
    expect(serviceUrlAllowed('https://a.ngrok.app/api', 'development', ['https://a.ngrok.app'])).toBe(true);
    expect(serviceUrlAllowed('https://b.ngrok.app/api', 'development', ['https://a.ngrok.app'])).toBe(false);
    expect(serviceUrlAllowed('https://b.ngrok.app/api', 'development', ['*'])).toBe(true);
  });

  test('production: the Bot Connector token vouches for it', () => {
    expect(serviceUrlAllowed('https://smba.trafficmanager.net/amer/', 'production', [])).toBe(true);
  });
});

describe('production: a token that cannot be validated (finding 8)', () => {
  let bot: TestService;
  beforeAll(async () => {
    bot = await startTestService(PRODUCTION);
  });
  afterAll(async () => bot.close());

  test('a well-formed token whose keys cannot be checked gets 401 or 503 JSON, never the upstream error', async () => {
    const token = jwtShaped({ iss: 'https://api.botframework.com', serviceurl: channel.serviceUrl });
    const result = await post(`${bot.url}/api/messages`, channelActivity(channel.serviceUrl, newConversation('jwt'), { text: 'hi' }), { authorization: `Bearer ${token}` });
    // No network here: the key endpoint is unreachable (503). With network: the signature fails (401).
    expect([401, 503]).toContain(result.status);
    expect(result.json()).toEqual({ error: result.status === 401 ? 'unauthorized' : 'service_unavailable', message: expect.any(String) });
    expect(result.body).not.toMatch(/botframework\.com|getaddrinfo|ENOTFOUND|request to|openid/i);
  });

  test('a token from an unknown issuer gets 401 JSON', async () => {
    const token = jwtShaped({ iss: 'https://issuer.attacker.example' });
    const result = await post(`${bot.url}/api/messages`, channelActivity(channel.serviceUrl, newConversation('iss'), { text: 'hi' }), { authorization: `Bearer ${token}` });
    expect(result.status).toBe(401);
    expect(result.json()).toEqual({ error: 'unauthorized', message: 'the Bot Connector token could not be validated' });
  });
});

describe('probes and details (finding 8)', () => {
  let bot: LoggedTestService;
  beforeAll(async () => {
    bot = await startLoggedTestService({ RATE_LIMIT_PER_IP: '0' });
  });
  afterAll(async () => bot.close());

  test.each(['/', '/healthz'])('HEAD %s answers 200 with no body', async (route) => {
    const res = await fetch(`${bot.url}${route}`, { method: 'HEAD' });
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('');
  });

  test('/readyz shows no absolute paths (the outbox is in a temporary folder here)', async () => {
    const body = await (await fetch(`${bot.url}/readyz`)).text();
    expect(body).toMatch(/outbox/);
    expect(body).not.toContain(os.tmpdir());
    expect(body).not.toContain(process.cwd());
  });

  test('a 100 KB conversation id is not logged whole', async () => {
    const id = `huge-${'x'.repeat(100 * 1024)}`;
    const before = bot.logs.length;
    const result = await post(`${bot.url}/api/messages`, channelActivity(channel.serviceUrl, id, { text: 'hello' }));
    expect(result.status).toBe(200);
    const lines = bot.logs.slice(before);
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) expect(JSON.stringify(line).length).toBeLessThan(5000);
  });
});

/**
 * The bot over real HTTP, as the Bot Connector talks to it: activities POSTed to
 * /api/messages, replies POSTed back to the channel's serviceUrl.
 */
import { channelActivity, post, say, startTestChannel, TestChannel } from './helpers/channel';
import { startTestService, TestService } from './helpers/service';

let bot: TestService;
let channel: TestChannel;

beforeAll(async () => {
  channel = await startTestChannel();
  bot = await startTestService();
});
afterAll(async () => {
  await bot.close();
  await channel.close();
});

describe('conversation basics', () => {
  test('a new conversation is welcomed once, with suggested actions for the main tasks', async () => {
    const update = channelActivity(channel.serviceUrl, 'welcome-1', {
      type: 'conversationUpdate',
      membersAdded: [{ id: 'bot' }, { id: 'user-1' }],
    });
    expect((await post(`${bot.url}/api/messages`, update)).status).toBe(200);
    // Web Chat also sends a join event: it must not produce a second welcome.
    await post(`${bot.url}/api/messages`, channelActivity(channel.serviceUrl, 'welcome-1', { type: 'event', name: 'webchat/join' }));
    const replies = channel.inConversation('welcome-1');
    expect(replies).toHaveLength(1);
    expect(replies[0].text).toMatch(/CBP E-Commerce Assistant/);
    const labels = replies[0].suggestedActions!.actions.map((a) => a.title);
    expect(labels).toEqual(expect.arrayContaining(['Check my shipment', 'Email the E-Commerce team']));
    expect(labels.every((l) => l.length <= 25)).toBe(true);
  });

  test('the webchat/join event alone welcomes', async () => {
    await post(`${bot.url}/api/messages`, channelActivity(channel.serviceUrl, 'join-1', { type: 'event', name: 'webchat/join', channelId: 'webchat' }));
    expect(channel.inConversation('join-1')[0].text).toMatch(/CBP E-Commerce Assistant/);
  });

  test('a greeting gets a friendly answer, not a knowledge search', async () => {
    const [reply] = await say(bot.url, channel, 'greet-1', 'Hello!');
    expect(reply.text).toMatch(/^Hello! What would you like to know/);
    expect(reply.replyToId).toBeDefined();
  });

  test('"what can you do" lists the tasks', async () => {
    const [reply] = await say(bot.url, channel, 'caps-1', 'what can you do?');
    expect(reply.text).toMatch(/Answer questions/);
    expect(reply.text).toMatch(/Check a shipment/);
    expect(reply.text).toMatch(/Email the E-Commerce team/);
  });

  test('"are you a real person?" is told it is talking to an automated assistant that can email a person', async () => {
    const [reply] = await say(bot.url, channel, 'about-1', 'are you a real person?');
    expect(reply.text).toMatch(/automated assistant, not a person/);
    expect(reply.text).toMatch(/E-Commerce team by email/);
    expect(reply.suggestedActions?.actions.map((a: { title: string }) => a.title)).toContain('Email the E-Commerce team');
  });

  test('thanks, and cancel with nothing to cancel', async () => {
    expect((await say(bot.url, channel, 'misc-1', 'thanks'))[0].text).toMatch(/welcome/i);
    expect((await say(bot.url, channel, 'misc-1', 'cancel'))[0].text).toMatch(/nothing to cancel/i);
  });

  test('a message without text gets a clear answer', async () => {
    const replies = await say(bot.url, channel, 'empty-1', '   ');
    expect(replies[0].text).toMatch(/only read text/);
  });

  test('a retried activity (same id, as channels resend slow requests) is answered once', async () => {
    const activity = channelActivity(channel.serviceUrl, 'retry-1', { text: 'what is the informal entry limit' });
    const [first, second] = await Promise.all([
      post(`${bot.url}/api/messages`, activity),
      post(`${bot.url}/api/messages`, activity),
    ]);
    expect([first.status, second.status]).toEqual([200, 200]);
    await post(`${bot.url}/api/messages`, activity);
    // Messages only: on a busy machine the turn may pass the 1 s typing-indicator mark.
    const replies = channel.inConversation('retry-1').filter((a) => a.type === 'message');
    expect(replies).toHaveLength(1);
    expect(replies[0].text).toMatch(/\$2,500/);
  });

  test('deliveryMode expectReplies returns the replies in the response body', async () => {
    const before = channel.received.length;
    const result = await post(`${bot.url}/api/messages`, channelActivity(channel.serviceUrl, 'expect-1', { text: 'hi', deliveryMode: 'expectReplies' }));
    expect(result.status).toBe(200);
    const body = result.json();
    expect(body.activities.map((a: { text: string }) => a.text).join('\n')).toMatch(/^Hello!/);
    expect(channel.received.length).toBe(before);
  });
});

describe('bad requests', () => {
  test('malformed JSON gets 400 with a short JSON error', async () => {
    const result = await post(`${bot.url}/api/messages`, '{"type": "message", ');
    expect(result.status).toBe(400);
    expect(result.json()).toEqual({ error: 'bad_request', message: expect.any(String) });
    expect(result.body).not.toMatch(/at .*\.js:\d+/);
  });

  test.each([
    ['an array', []],
    ['a string', '"hello"'],
    ['no type', { channelId: 'x', serviceUrl: 'http://x', conversation: { id: 'c' } }],
    ['no conversation', { type: 'message', channelId: 'x', serviceUrl: 'http://x' }],
    ['text that is not a string', { type: 'message', channelId: 'x', serviceUrl: 'http://x', conversation: { id: 'c' }, text: 42 }],
  ])('a body that is not an activity (%s) gets 400', async (_name, body) => {
    const result = await post(`${bot.url}/api/messages`, body);
    expect(result.status).toBe(400);
    expect(result.json().error).toBe('bad_request');
  });

  test('a body over the limit gets 413', async () => {
    const huge = channelActivity(channel.serviceUrl, 'big-1', { text: 'x'.repeat(300 * 1024) });
    const result = await post(`${bot.url}/api/messages`, huge);
    expect(result.status).toBe(413);
    expect(result.json().error).toBe('payload_too_large');
  });

  test('a message over the length limit gets a polite request to shorten', async () => {
    const [reply] = await say(bot.url, channel, 'long-1', 'de minimis '.repeat(300));
    expect(reply.text).toMatch(/too long/);
  });

  test('an unknown route gets 404 JSON', async () => {
    const res = await fetch(`${bot.url}/nope`);
    expect(res.status).toBe(404);
  });
});

describe('health', () => {
  test('/healthz says the process is alive', async () => {
    const res = await fetch(`${bot.url}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok' });
  });

  test('/readyz reports the loaded knowledge base', async () => {
    const res = await fetch(`${bot.url}/readyz`);
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.status).toBe('ready');
    expect(body.knowledge.documents).toBeGreaterThanOrEqual(60);
  });
});

describe('authentication', () => {
  test('with MicrosoftAppId set, a request without a valid token gets 401', async () => {
    const secured = await startTestService({ MicrosoftAppId: '00000000-0000-0000-0000-000000000001', MicrosoftAppPassword: 'not-a-real-secret' });
    try {
      const activity = channelActivity(channel.serviceUrl, 'auth-1', { text: 'hi' });
      expect((await post(`${secured.url}/api/messages`, activity)).status).toBe(401);
      expect((await post(`${secured.url}/api/messages`, activity, { authorization: 'Bearer forged.token.value' })).status).toBe(401);
      expect(channel.inConversation('auth-1')).toHaveLength(0);
    } finally {
      await secured.close();
    }
  });
});

/**
 * Fuzz: thousands of generated activities over real HTTP to the real server (startTestService)
 * with the test channel taking the bot's replies.
 *
 * Well-formed request: a JSON object with a non-empty string `type`, a non-empty string
 * `channelId`, a `serviceUrl` pointing at the test channel and a non-empty string
 * `conversation.id`, and, when present, `text` a string and `from` an object (the server's
 * existing contract) — every other field may be anything, of any type. Properties:
 *  1. a well-formed request never gets a 5xx: it gets 200 (an invoke the bot does not handle: 400);
 *  2. a request that is not well-formed (not an object, a field missing or of the wrong type,
 *     a serviceUrl that is not an http(s) URL, text that is not a string) gets exactly 400 JSON;
 *  3. a message with text (addressed to the bot, for Teams) always gets at least one reply,
 *     and never "something went wrong" (no turn fails on any input);
 *  4. no reply (text, cards, suggested actions) carries HTML from the input unescaped, nor a
 *     markdown link to a javascript: URL;
 *  5. the process never crashes: no unhandled rejection, and /healthz answers at the end.
 *
 * Replay a failure with FUZZ_SEED=<seed> (and FUZZ_PATH=<path>) printed by fast-check;
 * FUZZ_RUNS scales the number of runs.
 */
import fc from 'fast-check';
import questions from './fixtures/questions.json';
import { isAddressedToBot } from '../src/channels/teams';
import { normalizeActivity } from '../src/hardening';
import { post, startTestChannel, type ReceivedActivity, type TestChannel } from './helpers/channel';
import { startTestService, type TestService } from './helpers/service';

jest.setTimeout(240_000);

const SCALE = Number(process.env.FUZZ_RUNS ?? '1');
const runs = (n: number) => Math.max(1, Math.round(n * SCALE));
const seedOptions = (): { seed?: number; path?: string } => ({
  ...(process.env.FUZZ_SEED ? { seed: Number(process.env.FUZZ_SEED) } : {}),
  ...(process.env.FUZZ_PATH ? { path: process.env.FUZZ_PATH } : {}),
});

const BOT_ID = 'bot';
const BOT_NAME = 'CBP E-Commerce Assistant';

let bot: TestService;
let channel: TestChannel;
const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => unhandled.push(reason);

beforeAll(async () => {
  process.on('unhandledRejection', onUnhandled);
  channel = await startTestChannel();
  // Thousands of requests from one address in a few seconds: what the per-IP limit exists to
  // stop, so it is off here (hardening.test.ts covers it). Conversations are short and fresh.
  bot = await startTestService({ RATE_LIMIT_PER_IP: '0' });
});

afterAll(async () => {
  process.off('unhandledRejection', onUnhandled);
  await bot?.close();
  await channel?.close();
});

// ---------------------------------------------------------------------------------------------
// Text

const HTML_PAYLOADS = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '<svg onload=alert(1)>',
  '<iframe src="javascript:alert(1)"></iframe>',
  '<a href="javascript:alert(1)">click</a>',
  '<b>bold</b><style>body{display:none}</style>',
  '"><script>alert(document.cookie)</script>',
  '<IMG SRC="jav&#x09;ascript:alert(\'XSS\');">',
  '<details open ontoggle=alert(1)>',
  '[click me](javascript:alert(1))',
  '![x](http://evil.example/x.png)',
  '<at>CBP E-Commerce Assistant</at>',
  '&lt;script&gt;alert(1)&lt;/script&gt;',
  '%3Cscript%3Ealert(1)%3C/script%3E',
];
const SQL_PAYLOADS = ["'; DROP TABLE users; --", "1' OR '1'='1", 'SELECT * FROM outbox WHERE 1=1;', "admin'--", '1; EXEC xp_cmdshell(\'dir\')'];
const OTHER_PAYLOADS = ['{{7*7}}', '${7*7}', '__proto__', 'constructor', '../../../../etc/passwd', '\\u0000', 'null', 'undefined', 'NaN', '🙂🚚📦', 'ÆØÅ ß ç ñ 中文 العربية עברית', '\u202eevil\u202c', 'a\u0000b', '\ud800', '\udfff\ud800'];
/** Words that steer the dialogs: commands, the guided check's answers, the email flow. */
const STEERING = [
  'help', 'cancel', 'back', 'restart', 'start over', 'hi', 'thanks', 'bye', 'what can you do', '?',
  'Check my shipment', 'Email the E-Commerce team', 'talk to a person', 'Helpful', 'Not helpful',
  'yes', 'no', 'skip', 'send', 'today', 'yesterday', 'on 1 March 2025', 'a gift', 'I bought it', 'purchase',
  'Canada', 'China', 'by mail', 'express', '$120', '$2,500', '900 dollars', 'alcohol', 'none of these',
  'me@example.com', 'not-an-email@', 'stats', 'unanswered', 'unanswered 7', 'kb gift', 'kb <img src=x onerror=alert(1)>',
];
const QUESTIONS = (questions as Array<{ q: string }>).map((q) => q.q);
const CONTROL = ['\u0000', '\u0001', '\u0007', '\b', '\t', '\n', '\r', '\u000b', '\u000c', '\u001b', '\u007f', '\u0085', '\u00a0', '\u200b', '\u200d', '\u2028', '\u2029', '\u202e', '\ufeff', '\ufffd'];

const payload = fc.constantFrom(...HTML_PAYLOADS, ...SQL_PAYLOADS, ...OTHER_PAYLOADS);
const lone16 = fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c));

const textArb: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...QUESTIONS) },
  { weight: 3, arbitrary: fc.constantFrom(...STEERING) },
  { weight: 4, arbitrary: fc.tuple(fc.constantFrom(...QUESTIONS, ...STEERING), payload, fc.boolean()).map(([q, p, first]) => (first ? `${p} ${q}` : `${q} ${p}`)) },
  { weight: 3, arbitrary: payload },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 120 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 60 }) },
  { weight: 1, arbitrary: fc.string({ unit: lone16, maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: fc.constantFrom(...CONTROL, 'a', ' ', '<', '>', '&', '*', '_', '[', ']', '(', ')', '`', '#'), maxLength: 60 }) },
  { weight: 1, arbitrary: fc.constantFrom('', ' ', '   ', '\n\t ', '\u00a0', '\u200b', '\u3000') },
  { weight: 1, arbitrary: fc.tuple(fc.integer({ min: 1990, max: 2100 }), payload).map(([n, p]) => `${'de minimis '.repeat(Math.ceil(n / 11)).slice(0, n)}${p}`) },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom(2001, 5000, 20_000, 100_000), payload).map(([n, p]) => `${p}${'x'.repeat(n)}`) },
);

// ---------------------------------------------------------------------------------------------
// Activities

const anything = fc.jsonValue({ maxDepth: 3 });
/** A field that is usually sensible, sometimes missing, sometimes of any other JSON type. */
const sometimes = <T>(good: fc.Arbitrary<T>) => fc.oneof({ weight: 6, arbitrary: good }, { weight: 1, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: anything });

const cardValue = fc.oneof(
  anything,
  fc.record({ text: fc.oneof(textArb, anything) }, { requiredKeys: [] }),
  fc.dictionary(fc.string({ maxLength: 12 }), anything, { maxKeys: 6 }),
  fc.constantFrom({ action: 'submit' }, { text: '<script>alert(1)</script>' }, { __proto__: { polluted: true } }, { constructor: { prototype: { x: 1 } } }),
);

const MESSAGE_TYPES = ['message'];
const OTHER_TYPES = ['conversationUpdate', 'event', 'invoke', 'typing', 'endOfConversation', 'messageReaction', 'installationUpdate', 'messageUpdate', 'messageDelete', 'contactRelationUpdate', 'deleteUserData', 'trace', 'handoff', 'command'];
const INVOKE_NAMES = ['adaptiveCard/action', 'composeExtension/query', 'composeExtension/fetchTask', 'task/fetch', 'task/submit', 'signin/verifyState', 'signin/tokenExchange', 'application/search', 'healthCheck', 'actionableMessage/executeAction', 'fileConsent/invoke', 'config/fetch', 'tab/fetch', 'message/submitAction', 'handoff/action'];
const EVENT_NAMES = ['webchat/join', 'webchat/unknown', 'application/vnd.microsoft.meetingStart', 'tokens/response', 'ContinueConversation'];

const typeArb = fc.oneof(
  { weight: 8, arbitrary: fc.constantFrom(...MESSAGE_TYPES) },
  { weight: 4, arbitrary: fc.constantFrom(...OTHER_TYPES) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 30 }) },
);
const channelArb = fc.constantFrom('emulator', 'webchat', 'directline', 'msteams', 'msteams', 'email', 'test', 'slack', 'x'.repeat(300), '<script>', 'ünïcode');

const accountArb = fc.oneof(
  fc.record({ id: fc.string({ minLength: 1, maxLength: 40 }), name: fc.option(fc.string({ maxLength: 40 }), { nil: undefined }), role: fc.constantFrom('user', 'bot', 'skill', 'x') }, { requiredKeys: ['id'] }),
  anything,
);

const teamsExtras = fc.record({
  conversationType: fc.constantFrom(undefined, 'personal', 'groupChat', 'channel', 42),
  mention: fc.constantFrom('none', 'bot', 'other', 'malformed', 'not-an-array'),
  tenant: fc.constantFrom('72f988bf-86f1-41af-91ab-2d7cd011db47', '', 42, undefined),
});

interface Generated {
  activity: Record<string, unknown>;
}

/** One well-formed activity for `conversationId` (the serviceUrl is filled in when sent). */
const activityArb = (conversationId: string): fc.Arbitrary<Generated> =>
  fc
    .record({
      type: typeArb,
      channelId: channelArb,
      text: fc.option(textArb, { nil: undefined, freq: 8 }),
      value: fc.option(cardValue, { nil: undefined, freq: 3 }),
      name: fc.option(fc.oneof(fc.constantFrom(...INVOKE_NAMES, ...EVENT_NAMES), fc.string({ maxLength: 30 }), anything), { nil: undefined, freq: 2 }),
      from: sometimes(accountArb),
      recipient: sometimes(fc.constant({ id: BOT_ID, name: BOT_NAME, role: 'bot' })),
      id: sometimes(fc.string({ minLength: 1, maxLength: 40 })),
      timestamp: sometimes(fc.oneof(fc.date({ noInvalidDate: true }).map((d) => d.toISOString()), fc.string({ maxLength: 30 }))),
      locale: sometimes(fc.constantFrom('en-US', 'es-US', 'fr', 'zz', '', 'x'.repeat(200))),
      textFormat: sometimes(fc.constantFrom('plain', 'markdown', 'xml')),
      attachments: fc.option(fc.oneof(fc.array(fc.record({ contentType: fc.string({ maxLength: 40 }), content: anything }), { maxLength: 3 }), anything), { nil: undefined, freq: 4 }),
      entities: fc.option(fc.oneof(fc.array(anything, { maxLength: 3 }), anything), { nil: undefined, freq: 4 }),
      channelData: fc.option(anything, { nil: undefined, freq: 4 }),
      membersAdded: fc.option(fc.oneof(fc.array(accountArb, { maxLength: 3 }), anything), { nil: undefined, freq: 3 }),
      membersRemoved: fc.option(fc.oneof(fc.array(accountArb, { maxLength: 3 }), anything), { nil: undefined, freq: 6 }),
      reactionsAdded: fc.option(anything, { nil: undefined, freq: 6 }),
      replyToId: fc.option(fc.oneof(fc.string({ maxLength: 20 }), anything), { nil: undefined, freq: 6 }),
      deliveryMode: fc.option(fc.constantFrom('normal', 'expectReplies', 'notification', 'bogus', 42), { nil: undefined, freq: 8 }),
      conversationExtra: fc.option(fc.record({ isGroup: anything, name: anything, tenantId: anything, conversationType: anything }, { requiredKeys: [] }), { nil: undefined, freq: 4 }),
      teams: teamsExtras,
      extra: fc.option(fc.dictionary(fc.string({ maxLength: 15 }), anything, { maxKeys: 4 }), { nil: undefined, freq: 4 }),
    })
    .map((g) => {
      const activity: Record<string, unknown> = { ...(g.extra ?? {}) };
      const set = (key: string, v: unknown) => {
        if (v !== undefined) activity[key] = v;
      };
      set('type', g.type);
      set('channelId', g.channelId);
      set('text', g.text);
      set('value', g.value);
      set('name', g.name);
      set('from', g.from);
      set('recipient', g.recipient);
      set('id', g.id);
      set('timestamp', g.timestamp);
      set('locale', g.locale);
      set('textFormat', g.textFormat);
      set('attachments', g.attachments);
      set('entities', g.entities);
      set('channelData', g.channelData);
      set('membersAdded', g.membersAdded);
      set('membersRemoved', g.membersRemoved);
      set('reactionsAdded', g.reactionsAdded);
      set('replyToId', g.replyToId);
      set('deliveryMode', g.deliveryMode);
      const conversation: Record<string, unknown> = { ...(g.conversationExtra ?? {}), id: conversationId };
      if (g.channelId === 'msteams') {
        // Teams-shaped: tenant in channelData and on the conversation, a conversation type, mentions.
        if (g.teams.conversationType !== undefined) conversation.conversationType = g.teams.conversationType;
        if (g.teams.tenant !== undefined) {
          conversation.tenantId = g.teams.tenant;
          if (g.channelData === undefined) activity.channelData = { tenant: { id: g.teams.tenant }, source: { name: 'message' } };
        }
        const mention = { type: 'mention', mentioned: { id: BOT_ID, name: BOT_NAME }, text: `<at>${BOT_NAME}</at>` };
        if (g.teams.mention === 'bot') {
          activity.entities = [mention, ...(Array.isArray(g.entities) ? g.entities : [])];
          if (typeof activity.text === 'string') activity.text = `<at>${BOT_NAME}</at> ${activity.text}`;
        } else if (g.teams.mention === 'other') {
          activity.entities = [{ type: 'mention', mentioned: { id: 'someone', name: 'Dana' }, text: '<at>Dana</at>' }];
        } else if (g.teams.mention === 'malformed') {
          activity.entities = [{ type: 'mention' }, { type: 'mention', mentioned: null, text: 42 }, null, 'mention'];
        } else if (g.teams.mention === 'not-an-array') {
          activity.entities = { type: 'mention', mentioned: { id: BOT_ID } };
        }
      }
      activity.conversation = conversation;
      return { activity };
    });

// ---------------------------------------------------------------------------------------------
// Checks

/** Raw tags a browser would run or render, and markdown that links to script. */
const RAW_HTML = /<\s*\/?\s*(script|img|svg|iframe|a|b|style|details|object|embed|math|video|audio|body|input|form|at)\b|\]\(\s*javascript:/i;

/**
 * In the HTML body of an email reply, the tags the email renderer never writes itself (it writes
 * html, body, p, a, strong, em, code, ul/ol/li, br), and script links.
 */
const RAW_HTML_IN_EMAIL = /<\s*\/?\s*(script|img|svg|iframe|b|style|details|object|embed|math|video|audio|input|form|at)\b|href\s*=\s*["']?\s*javascript:/i;

function excerpt(part: string, index: number): string {
  return part.slice(Math.max(0, index - 40), index + 60);
}

/** Where a reply shows raw HTML or a script link taken from the input, if it does. */
function rawHtmlIn(reply: ReceivedActivity): string | undefined {
  // Text is rendered as markdown (which passes inline HTML through) unless marked plain.
  const parts: string[] = [];
  if (typeof reply.text === 'string' && reply.textFormat !== 'plain') parts.push(reply.text);
  if (typeof reply.speak === 'string') parts.push(reply.speak);
  for (const action of reply.suggestedActions?.actions ?? []) parts.push(String(action.title), String(action.value));
  if (reply.attachments) parts.push(JSON.stringify(reply.attachments));
  for (const part of parts) {
    const match = RAW_HTML.exec(part);
    if (match) return excerpt(part, match.index);
  }
  const html = (reply.channelData as { htmlBody?: unknown } | undefined)?.htmlBody;
  if (typeof html === 'string') {
    const match = RAW_HTML_IN_EMAIL.exec(html);
    if (match) return excerpt(html, match.index);
  }
  return undefined;
}

function expectsReply(activity: Record<string, unknown>): boolean {
  if (activity.type !== 'message') return false;
  const value = activity.value as { text?: unknown } | undefined;
  const hasText = typeof activity.text === 'string' || (value !== null && typeof value === 'object' && typeof value.text === 'string');
  if (!hasText) return false;
  if (activity.channelId === 'msteams') {
    // In a group chat or channel only an @mention (or a card click) is for the bot; judged on the
    // activity as the bot sees it, wrong-typed fields dropped.
    const seen = JSON.parse(JSON.stringify(activity)) as Record<string, unknown>;
    normalizeActivity(seen);
    return isAddressedToBot(seen as Parameters<typeof isAddressedToBot>[0]);
  }
  return true;
}

let conversationCounter = 0;
/** Requests sent to the bot by all properties (checked at the end: thousands). */
let requestsSent = 0;
const newConversation = (tag: string) => `fuzz-${tag}-${++conversationCounter}-${Date.now().toString(36)}`;

async function send(activity: Record<string, unknown>): Promise<{ status: number; body: string; replies: ReceivedActivity[] }> {
  const conversationId = (activity.conversation as { id: string }).id;
  const before = channel.inConversation(conversationId).length;
  requestsSent++;
  const result = await post(`${bot.url}/api/messages`, { ...activity, serviceUrl: channel.serviceUrl });
  let replies = channel.inConversation(conversationId).slice(before);
  if (activity.deliveryMode === 'expectReplies' && result.status === 200) {
    try {
      const inline = JSON.parse(result.body) as { activities?: ReceivedActivity[] };
      replies = [...replies, ...(inline.activities ?? [])];
    } catch {
      // not JSON: no inline replies
    }
  }
  return { status: result.status, body: result.body, replies };
}

function describe400(body: string): string {
  return body.length > 300 ? `${body.slice(0, 300)}…` : body;
}

// ---------------------------------------------------------------------------------------------

describe('fuzz: well-formed activities', () => {
  test('conversations of generated activities: no 5xx, a reply to every message, no failed turn, no raw HTML echoed', async () => {
    let sent = 0;
    const property = fc.asyncProperty(
      fc.integer({ min: 1, max: 5 }).chain((n) => fc.array(activityArb('placeholder'), { minLength: n, maxLength: n })),
      async (turns) => {
        const conversationId = newConversation('wf');
        const ids = new Set<string>();
        for (const { activity: generated } of turns) {
          const activity: Record<string, unknown> = { ...generated, conversation: { ...(generated.conversation as object), id: conversationId } };
          sent++;
          const { status, body, replies } = await send(activity);
          if (status >= 500) throw new Error(`5xx (${status}) for a well-formed activity: ${describe400(body)}`);
          const fromIsWrong = activity.from !== undefined && activity.from !== null && typeof activity.from !== 'object';
          const expected = fromIsWrong ? [400] : activity.type === 'invoke' ? [200, 400] : [200];
          if (!expected.includes(status)) throw new Error(`expected ${expected.join(' or ')}, got ${status}: ${describe400(body)}`);
          const messages = replies.filter((r) => r.type === 'message');
          for (const reply of messages) {
            if (/something went wrong/i.test(reply.text ?? '')) throw new Error('the turn failed (onTurnError) for this activity');
            const raw = rawHtmlIn(reply);
            if (raw) throw new Error(`a reply carries raw HTML / a script link: …${raw}…`);
          }
          // The same id again in a conversation is a channel's retry, answered once (src/retries.ts).
          const retry = typeof activity.id === 'string' && ids.has(activity.id);
          if (typeof activity.id === 'string') ids.add(activity.id);
          if (expectsReply(activity) && !retry && status === 200 && messages.length === 0) {
            throw new Error(`no reply to a message with text (status ${status})`);
          }
        }
      },
    );
    await fc.assert(property, { numRuns: runs(1500), ...seedOptions() });
    expect(sent).toBeGreaterThan(runs(1500));
  });

  test('Teams-shaped messages to the bot in personal chats always get an answer, in every shape of card value', async () => {
    const property = fc.asyncProperty(
      fc.record({ text: fc.option(textArb, { nil: undefined }), value: fc.option(cardValue, { nil: undefined }), mention: fc.boolean() }),
      async ({ text, value, mention }) => {
        const conversationId = `a:${newConversation('teams')}`;
        const activity: Record<string, unknown> = {
          type: 'message',
          id: `t-${conversationCounter}`,
          channelId: 'msteams',
          from: { id: '29:user', name: 'Staff Member', aadObjectId: '00000000-0000-0000-0000-000000000009' },
          recipient: { id: BOT_ID, name: BOT_NAME },
          conversation: { id: conversationId, conversationType: 'personal', tenantId: '72f988bf-86f1-41af-91ab-2d7cd011db47' },
          channelData: { tenant: { id: '72f988bf-86f1-41af-91ab-2d7cd011db47' } },
          locale: 'en-US',
          ...(text !== undefined ? { text: mention ? `<at>${BOT_NAME}</at> ${text}` : text } : {}),
          ...(mention ? { entities: [{ type: 'mention', mentioned: { id: BOT_ID, name: BOT_NAME }, text: `<at>${BOT_NAME}</at>` }] } : {}),
          ...(value !== undefined ? { value } : {}),
        };
        const { status, body, replies } = await send(activity);
        if (status !== 200) throw new Error(`status ${status}: ${describe400(body)}`);
        const messages = replies.filter((r) => r.type === 'message');
        if (messages.length === 0) throw new Error('no reply in a personal chat');
        for (const reply of messages) {
          if (/something went wrong/i.test(JSON.stringify(reply))) throw new Error('the turn failed (onTurnError)');
          const raw = rawHtmlIn(reply);
          if (raw) throw new Error(`a reply carries raw HTML: …${raw}…`);
        }
      },
    );
    await fc.assert(property, { numRuns: runs(500), ...seedOptions() });
  });

  test('guided flows fed hostile answers (the duty-free check, the email) never echo HTML and always answer', async () => {
    const starts = ['Check my shipment', 'Email the E-Commerce team', 'does my package qualify for duty free entry?', 'talk to a person'];
    const property = fc.asyncProperty(
      fc.constantFrom(...starts),
      fc.array(fc.oneof(textArb, payload, fc.constantFrom(...STEERING)), { minLength: 1, maxLength: 6 }),
      fc.constantFrom('webchat', 'emulator', 'directline', 'msteams'),
      async (start, answers, channelId) => {
        const conversationId = newConversation('flow');
        for (const text of [start, ...answers]) {
          const activity: Record<string, unknown> = {
            type: 'message',
            id: `f-${++conversationCounter}`,
            channelId,
            from: { id: 'user-1', name: 'Fuzz' },
            recipient: { id: BOT_ID, name: BOT_NAME },
            conversation: { id: conversationId, ...(channelId === 'msteams' ? { conversationType: 'personal', tenantId: 't' } : {}) },
            ...(channelId === 'msteams' ? { channelData: { tenant: { id: 't' } } } : {}),
            text,
          };
          const { status, body, replies } = await send(activity);
          if (status !== 200) throw new Error(`status ${status}: ${describe400(body)}`);
          const messages = replies.filter((r) => r.type === 'message');
          if (messages.length === 0) throw new Error(`no reply to ${JSON.stringify(text.slice(0, 80))}`);
          for (const reply of messages) {
            if (/something went wrong/i.test(JSON.stringify(reply))) throw new Error('the turn failed (onTurnError)');
            const raw = rawHtmlIn(reply);
            if (raw) throw new Error(`a reply carries raw HTML: …${raw}…`);
          }
        }
      },
    );
    await fc.assert(property, { numRuns: runs(400), ...seedOptions() });
  });
});

describe('fuzz: requests that are not well-formed', () => {
  /** Ways to break a well-formed activity; each must give 400. */
  const breakers: Array<[string, (a: Record<string, unknown>) => unknown]> = [
    ['no type', (a) => ({ ...a, type: undefined })],
    ['empty type', (a) => ({ ...a, type: '' })],
    ['type of another kind', (a) => ({ ...a, type: 7 })],
    ['type an object', (a) => ({ ...a, type: { x: 1 } })],
    ['no channelId', (a) => ({ ...a, channelId: undefined })],
    ['channelId a number', (a) => ({ ...a, channelId: 1 })],
    ['no serviceUrl', (a) => ({ ...a, serviceUrl: undefined })],
    ['serviceUrl a number', (a) => ({ ...a, serviceUrl: 12 })],
    ['serviceUrl not a URL', (a) => ({ ...a, serviceUrl: 'not a url' })],
    ['serviceUrl javascript:', (a) => ({ ...a, serviceUrl: 'javascript:alert(1)' })],
    ['serviceUrl ftp:', (a) => ({ ...a, serviceUrl: 'ftp://127.0.0.1/' })],
    ['no conversation', (a) => ({ ...a, conversation: undefined })],
    ['conversation null', (a) => ({ ...a, conversation: null })],
    ['conversation a string', (a) => ({ ...a, conversation: 'c' })],
    ['conversation an array', (a) => ({ ...a, conversation: ['c'] })],
    ['conversation.id a number', (a) => ({ ...a, conversation: { id: 5 } })],
    ['conversation.id empty', (a) => ({ ...a, conversation: { id: '' } })],
    ['conversation.id of dots', (a) => ({ ...a, conversation: { id: '..' } })],
    ['text a number', (a) => ({ ...a, type: 'message', text: 5 })],
    ['text an object', (a) => ({ ...a, type: 'message', text: { '<script>': 1 } })],
    ['an array', (a) => [a]],
    ['a string', () => 'hello'],
    ['a number', () => 42],
    ['null', () => null],
    ['true', () => true],
  ];

  test('every broken variant of a generated activity gets 400 JSON, never 5xx', async () => {
    const property = fc.asyncProperty(activityArb('broken'), fc.integer({ min: 0, max: breakers.length - 1 }), async ({ activity }, which) => {
      const [name, breakIt] = breakers[which];
      const conversationId = newConversation('bad');
      const good = { ...activity, conversation: { ...(activity.conversation as object), id: conversationId }, serviceUrl: channel.serviceUrl };
      const body = breakIt(good);
      requestsSent++;
      const result = await post(`${bot.url}/api/messages`, JSON.stringify(body === undefined ? null : body));
      if (result.status !== 400) throw new Error(`${name}: expected 400, got ${result.status}: ${describe400(result.body)}`);
      const json = JSON.parse(result.body) as { error?: unknown; message?: unknown };
      if (json.error !== 'bad_request' || typeof json.message !== 'string') throw new Error(`${name}: not a short JSON error: ${describe400(result.body)}`);
    });
    await fc.assert(property, { numRuns: runs(500), ...seedOptions() });
  });

  test('bytes that are not JSON, or JSON of any shape, never get a 5xx', async () => {
    const property = fc.asyncProperty(
      fc.oneof(fc.string({ unit: 'binary', maxLength: 200 }), anything.map((v) => JSON.stringify(v) ?? 'null'), fc.constantFrom('', '{', '{"type":', '{"type":"message"}\u0000', '[]', '{}')),
      async (raw) => {
        requestsSent++;
        const result = await post(`${bot.url}/api/messages`, raw);
        if (result.status >= 500) throw new Error(`${result.status} for ${JSON.stringify(raw).slice(0, 120)}`);
        if (result.status !== 400 && result.status !== 413) throw new Error(`expected 400, got ${result.status} for ${JSON.stringify(raw).slice(0, 120)}`);
      },
    );
    await fc.assert(property, { numRuns: runs(300), ...seedOptions() });
  });

  test('a reachable-looking serviceUrl that is not a channel (nothing listening) is not a 5xx', async () => {
    const property = fc.asyncProperty(activityArb('nowhere'), async ({ activity }) => {
      const result = await post(`${bot.url}/api/messages`, { ...activity, serviceUrl: 'http://127.0.0.1:9/' });
      if (result.status >= 500) throw new Error(`${result.status}: ${describe400(result.body)}`);
    });
    // Few runs: the connector retries a refused connection for several seconds per turn.
    await fc.assert(property, { numRuns: runs(3), ...seedOptions() });
  });
});

describe('fuzz: afterwards', () => {
  test('the process is still up: /healthz answers and nothing was left unhandled', async () => {
    const res = await fetch(`${bot.url}/healthz`);
    expect(res.status).toBe(200);
    expect(unhandled).toEqual([]);
    if (SCALE >= 1) expect(requestsSent).toBeGreaterThan(5000);
  });
});

/**
 * The bot in Microsoft Teams, end to end over HTTP: the real service (restify, CloudAdapter,
 * CbpBot, the dialogs, real knowledge and rules, a clock stopped on 25 Nov 2026) receiving
 * Teams-shaped activities (tenant, team and channel in channelData; personal, channel and group
 * chat conversations; @mention entities; card clicks as Teams sends them), and the test channel
 * taking the bot's replies.
 *
 * The production policy for an empty allow-list is tested on the bot itself (in-process
 * adapter): production needs MicrosoftAppId, and then every unauthenticated HTTP request is
 * refused with 401 before the bot sees it (test/server.test.ts covers that).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Activity } from 'botbuilder';
import { ESCALATION_LABELS as ESC } from '../dialogs/EscalationDialog';
import { createBotCore } from '../src/app';
import { InProcessAdapter } from '../src/channels/inProcessAdapter';
import { fixedClock } from '../src/clock';
import { parseConfig } from '../src/config';
import { LABELS } from '../src/intents';
import type { KnowledgeBase } from '../src/knowledge';
import { createLogger } from '../src/logger';
import { say, startTestChannel, type ReceivedActivity, type TestChannel } from './helpers/channel';
import { startLoggedTestService, WARN, type LogLine, type LoggedTestService } from './helpers/loggedService';
import { waitUntil } from './helpers/wait';
import { startTestService, TEST_TODAY, type TestService } from './helpers/service';
import {
  ADAPTIVE_CARD,
  adaptiveCardOf,
  BOT_MENTION,
  botInstalled,
  buttonTitled,
  cardButtons,
  cardSubmitValueOnly,
  cardVersionAtMost,
  CBP_TENANT,
  OTHER_TENANT,
  TeamsChat,
  teamsConversation,
  teamsMessage,
  visibleText,
  type TeamsScope,
} from './helpers/teams';

const REFUSAL = 'Sorry, this assistant is available in Microsoft Teams only to CBP staff.';
const QUESTION = 'is 800 dollars still duty free';

let channel: TestChannel;

beforeAll(async () => {
  channel = await startTestChannel();
});

afterAll(async () => {
  await channel?.close();
});

const chatIn = (service: { url: string }, scope: TeamsScope, tenant: string | null = CBP_TENANT) => new TeamsChat(service.url, channel, teamsConversation(scope, tenant));
const kbOf = (service: TestService): KnowledgeBase => service.core.content.knowledge();
/** The document the knowledge base answers a question with (the test's own expectation, from the real index). */
function documentFor(service: TestService, question: string) {
  const result = kbOf(service).answer(question);
  if (result.kind !== 'answer') throw new Error(`"${question}" is not answered (${result.kind})`);
  return result.best!;
}
const onlyReply = (replies: ReceivedActivity[]): ReceivedActivity => {
  expect(replies).toHaveLength(1);
  return replies[0];
};
/** Web Chat / Emulator turns (not Teams), over the same HTTP endpoint. */
const webchat = (service: TestService, conversationId: string, text: string, channelId = 'webchat') => say(service.url, channel, conversationId, text, { channelId });
let webConversations = 0;
const webConversation = () => `teams-http-web-${process.pid}-${++webConversations}`;

describe('answers in Teams', () => {
  let service: TestService;

  beforeAll(async () => {
    service = await startTestService({ ALLOWED_TENANT_IDS: `${CBP_TENANT},00000000-0000-4000-8000-000000000001` });
  });

  afterAll(async () => {
    await service?.close();
  });

  it('a question in personal chat gets an Adaptive Card (≤ 1.5): title, answer, source link, reviewed date, related questions as Action.Submit', async () => {
    const doc = documentFor(service, QUESTION);
    expect(doc.id).toBe('de-minimis-suspended');
    const reply = onlyReply(await chatIn(service, 'personal').send(QUESTION));

    expect(reply.text).toBe(doc.title); // notifications and screen readers get the title
    expect(reply.suggestedActions).toBeUndefined(); // Teams gets card buttons, never suggested actions
    expect(reply.attachments).toHaveLength(1);
    expect(reply.attachments![0].contentType).toBe(ADAPTIVE_CARD);
    const card = adaptiveCardOf(reply);
    expect(card.type).toBe('AdaptiveCard');
    expect(cardVersionAtMost(card.version, '1.5')).toBe(true);

    expect(card.body[0]).toMatchObject({ type: 'TextBlock', text: doc.title, style: 'heading' });
    const firstParagraph = doc.body.split('\n\n')[0].trim();
    expect(card.body.some((b) => b.type === 'TextBlock' && b.text === firstParagraph)).toBe(true);
    expect(card.body.some((b) => (b.text ?? '').startsWith('#'))).toBe(false); // headings become bold text

    const citation = card.body[card.body.length - 1];
    expect(citation).toMatchObject({ type: 'TextBlock', size: 'Small', isSubtle: true });
    expect(citation.text).toMatch(/^Sources?: \[/);
    for (const source of doc.sources) expect(citation.text).toContain(`(${source.url})`);
    expect(citation.text).toContain('Reviewed 25 Nov 2026');

    const related = doc.related.map((id) => kbOf(service).get(id)!).slice(0, 3);
    const actions = card.actions ?? [];
    expect(actions.every((a) => a.type === 'Action.Submit')).toBe(true);
    expect(actions.map((a) => a.title)).toEqual([...related.map((d) => d.label), LABELS.helpful, LABELS.notHelpful]);
    // Each button is a messageBack whose text is what the bot acts on.
    expect(actions[0].data).toEqual({
      msteams: { type: 'messageBack', text: related[0].label, displayText: related[0].label },
      text: related[0].label,
    });
  });

  it('the bot\'s @mention in a personal chat is removed too', async () => {
    const reply = onlyReply(await chatIn(service, 'personal').send(QUESTION, { mention: true }));
    expect(adaptiveCardOf(reply).body[0].text).toBe(documentFor(service, QUESTION).title);
  });

  it('clicking a related question (messageBack: text plus value) answers that document', async () => {
    const chat = chatIn(service, 'personal');
    const first = await chat.send(QUESTION);
    const doc = documentFor(service, QUESTION);
    const relatedDoc = kbOf(service).get(doc.related[0])!;

    const replies = await chat.click(buttonTitled(first, relatedDoc.label), 'card-message-1');
    const reply = onlyReply(replies);
    expect(reply.text).toBe(relatedDoc.title);
    expect(adaptiveCardOf(reply).body[0].text).toBe(relatedDoc.title);
  });

  it('a plain Adaptive Card submit (the button\'s data as value, no text) is handled the same way', async () => {
    const chat = chatIn(service, 'personal');
    const first = await chat.send(QUESTION);
    const doc = documentFor(service, QUESTION);
    const relatedDoc = kbOf(service).get(doc.related[1])!;

    const { status, replies } = await chat.post(cardSubmitValueOnly(channel.serviceUrl, chat.where, buttonTitled(first, relatedDoc.label)));
    expect(status).toBe(200);
    expect(onlyReply(replies).text).toBe(relatedDoc.title);
  });

  it('"Helpful" clicked on an answer card thanks the person', async () => {
    const chat = chatIn(service, 'personal');
    const first = await chat.send(QUESTION);
    const reply = onlyReply(await chat.clickTitled(first, LABELS.helpful));
    expect(reply.text).toBe('Thank you for your feedback.');
  });

  it('in a team channel, the @mention is removed before the question is processed: the answer is the right document', async () => {
    const replies = await chatIn(service, 'channel').send(QUESTION, { mention: true });
    const reply = onlyReply(replies);
    expect(reply.text).toBe(documentFor(service, QUESTION).title);
    expect(adaptiveCardOf(reply).body[0].text).toBe(documentFor(service, QUESTION).title);
  });

  it('a mention written with a non-breaking space and a line break (as Teams clients send it) is removed as well', async () => {
    const chat = chatIn(service, 'channel');
    const activity = teamsMessage(channel.serviceUrl, chat.where, QUESTION, { mention: true });
    activity.text = `${BOT_MENTION}&nbsp;${QUESTION}\n`;
    const { status, replies } = await chat.post(activity);
    expect(status).toBe(200);
    expect(onlyReply(replies).text).toBe(documentFor(service, QUESTION).title);
  });

  it('in a team channel without a mention: HTTP 200 and no reply at all', async () => {
    const chat = chatIn(service, 'channel');
    const { status, replies } = await chat.post(teamsMessage(channel.serviceUrl, chat.where, QUESTION));
    expect(status).toBe(200);
    expect(replies).toEqual([]);
  });

  it('in a channel, a message that @mentions someone else (not the bot) gets no reply', async () => {
    const chat = chatIn(service, 'channel');
    const activity = teamsMessage(channel.serviceUrl, chat.where, QUESTION);
    activity.text = `<at>Dana Rivera</at> ${QUESTION}`;
    activity.entities = [{ type: 'mention', mentioned: { id: '29:1other-person', name: 'Dana Rivera' }, text: '<at>Dana Rivera</at>' }];
    const { status, replies } = await chat.post(activity);
    expect(status).toBe(200);
    expect(replies).toEqual([]);
  });

  it('in a channel, a click on the bot\'s card (no mention) is answered', async () => {
    const chat = chatIn(service, 'channel');
    const first = await chat.send(QUESTION, { mention: true });
    const relatedDoc = kbOf(service).get(documentFor(service, QUESTION).related[0])!;
    expect(onlyReply(await chat.clickTitled(first, relatedDoc.label)).text).toBe(relatedDoc.title);
  });

  it('a bare @mention in a channel (no words) gets what the bot can do, not "I can only read text messages"', async () => {
    const chat = chatIn(service, 'channel');
    const activity = teamsMessage(channel.serviceUrl, chat.where, '', { mention: true });
    activity.text = `${BOT_MENTION}&nbsp;`;
    const { status, replies } = await chat.post(activity);
    expect(status).toBe(200);
    const reply = onlyReply(replies);
    expect(reply.text).toContain('Here is what I can do:');
    expect(reply.text).not.toContain('I can only read text messages');
    expect(cardButtons([reply]).map((a) => a.title)).toContain(LABELS.checkShipment);
  });

  it('in a group chat: no reply without a mention, an answer card with one', async () => {
    const chat = chatIn(service, 'groupChat');
    const { status, replies } = await chat.post(teamsMessage(channel.serviceUrl, chat.where, QUESTION));
    expect(status).toBe(200);
    expect(replies).toEqual([]);
    const reply = onlyReply(await chat.send(QUESTION, { mention: true }));
    expect(adaptiveCardOf(reply).body[0].text).toBe(documentFor(service, QUESTION).title);
  });

  it('installing the app in personal scope gets the welcome with the main tasks as card buttons, once', async () => {
    const chat = chatIn(service, 'personal');
    const reply = onlyReply(await chat.install());
    expect(reply.text).toContain("Hello! I'm the **CBP E-Commerce Assistant**.");
    expect(reply.suggestedActions).toBeUndefined();
    expect(cardButtons([reply]).map((a) => a.title)).toEqual([LABELS.checkShipment, LABELS.isDeMinimisOver, LABELS.reportFake, LABELS.email]);
    expect(await chat.install()).toEqual([]);
  });

  it('adding the app to a team welcomes once in the channel; a colleague joining the team later is not greeted', async () => {
    const chat = chatIn(service, 'channel');
    expect(onlyReply(await chat.install()).text).toContain('CBP E-Commerce Assistant');
    const colleagueJoins = botInstalled(channel.serviceUrl, chat.where);
    colleagueJoins.membersAdded = [{ id: '29:1new-colleague', aadObjectId: '5d4c3b2a-0000-4000-8000-000000000002' }];
    const { status, replies } = await chat.post(colleagueJoins);
    expect(status).toBe(200);
    expect(replies).toEqual([]);
  });
});

describe('tenant allow-list', () => {
  let service: LoggedTestService;

  beforeAll(async () => {
    service = await startLoggedTestService({ ALLOWED_TENANT_IDS: CBP_TENANT });
  });

  afterAll(async () => {
    await service?.close();
  });

  const refusalsLogged = (tenant: string | undefined, type: string) =>
    service.logs.filter((l: LogLine) => l.level === WARN && l.tenant === tenant && l.type === type && /not on the allow-list/.test(l.msg ?? ''));

  it('a message from another tenant gets a short refusal, no answer, and the refusal is logged', async () => {
    const replies = await chatIn(service, 'personal', OTHER_TENANT).send(QUESTION);
    const reply = onlyReply(replies);
    expect(reply.text).toContain(REFUSAL);
    expect(reply.attachments).toBeUndefined();
    expect(refusalsLogged(OTHER_TENANT, 'message')).toHaveLength(1);
  });

  it('staff commands from another tenant get only the refusal: no figures leak', async () => {
    const chat = chatIn(service, 'channel', OTHER_TENANT);
    for (const command of ['stats', 'unanswered', 'kb gift', 'reload']) {
      const reply = onlyReply(await chat.send(command, { mention: true }));
      expect(reply.text).toContain(REFUSAL);
      expect(reply.text).not.toMatch(/Questions:|Usage statistics|Unanswered|Reload|gift/i);
    }
  });

  it('another tenant\'s channel message that does not @mention the bot gets no refusal either (HTTP 200, logged)', async () => {
    const chat = chatIn(service, 'channel', OTHER_TENANT);
    const logged = refusalsLogged(OTHER_TENANT, 'message').length;
    const { status, replies } = await chat.post(teamsMessage(channel.serviceUrl, chat.where, 'lunch at noon?'));
    expect(status).toBe(200);
    expect(replies).toEqual([]);
    expect(refusalsLogged(OTHER_TENANT, 'message')).toHaveLength(logged + 1);
  });

  it('a conversationUpdate (app installed) from another tenant gets no welcome, and is logged', async () => {
    const chat = chatIn(service, 'personal', OTHER_TENANT);
    const { status, replies } = await chat.post(botInstalled(channel.serviceUrl, chat.where));
    expect(status).toBe(200);
    expect(replies).toEqual([]);
    expect(refusalsLogged(OTHER_TENANT, 'conversationUpdate')).toHaveLength(1);
  });

  it('a Teams message with no tenant at all is refused', async () => {
    const reply = onlyReply(await chatIn(service, 'personal', null).send(QUESTION));
    expect(reply.text).toContain(REFUSAL);
  });

  it('the allowed tenant is recognised whatever the case of its id; the tenant in channelData wins over conversation.tenantId', async () => {
    const upper = onlyReply(await chatIn(service, 'personal', CBP_TENANT.toUpperCase()).send(QUESTION));
    expect(upper.text).not.toContain(REFUSAL);
    const chat = chatIn(service, 'personal', OTHER_TENANT);
    const activity = teamsMessage(channel.serviceUrl, chat.where, QUESTION);
    (activity.conversation as { tenantId: string }).tenantId = CBP_TENANT; // only channelData.tenant counts when present
    expect(onlyReply((await chat.post(activity)).replies).text).toContain(REFUSAL);
  });

  it('other channels are not affected by the Teams allow-list', async () => {
    const replies = await webchat(service, webConversation(), QUESTION);
    expect(replies.map((r) => r.text).join('\n')).not.toContain(REFUSAL);
  });
});

describe('an empty allow-list in development', () => {
  let service: LoggedTestService;

  beforeAll(async () => {
    service = await startLoggedTestService({ BOT_ENV: 'development' });
  });

  afterAll(async () => {
    await service?.close();
  });

  it('lets any tenant in, and says so in the start-up log', async () => {
    const reply = onlyReply(await chatIn(service, 'personal', OTHER_TENANT).send(QUESTION));
    expect(reply.text).not.toContain(REFUSAL);
    expect(adaptiveCardOf(reply).body[0].style).toBe('heading');
    expect(service.logs.some((l) => l.level === WARN && /ALLOWED_TENANT_IDS is empty: any Microsoft 365 tenant/.test(l.msg ?? ''))).toBe(true);
  });
});

describe('production policy (the bot itself, in-process: production HTTP needs Bot Connector tokens)', () => {
  const dirs: string[] = [];
  afterAll(() => {
    for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
  });

  /** The production bot with an in-process adapter; `send` runs one Teams activity through `bot.run`. */
  function productionBot(env: Record<string, string>) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cbp-teams-prod-'));
    dirs.push(dir);
    const logs: LogLine[] = [];
    const logger = createLogger('debug', { write: (line: string) => void logs.push(JSON.parse(line) as LogLine) });
    const config = parseConfig({
      BOT_ENV: 'production',
      MicrosoftAppId: '2b8f6a0c-0d3e-4f5a-9b6c-7d8e9f0a1b2c',
      MicrosoftAppPassword: 'not-used-in-process',
      EMAIL_TRANSPORT: 'files',
      RECORDS_DIR: path.join(dir, 'records'),
      ESCALATION_DIR: path.join(dir, 'outbox'),
      ...env,
    });
    const core = createBotCore(config, { logger, clock: fixedClock(TEST_TODAY) });
    const send = async (activity: Record<string, unknown>): Promise<Partial<Activity>[]> => {
      const replies: Partial<Activity>[] = [];
      const adapter = new InProcessAdapter((a) => replies.push(a), 'msteams');
      await adapter.receive(activity as Partial<Activity>, (context) => core.bot.run(context));
      return replies.filter((r) => r.type === 'message');
    };
    return { send, logs };
  }

  it('with an empty ALLOWED_TENANT_IDS every Teams message is refused and no welcome is sent', async () => {
    const bot = productionBot({});
    for (const tenant of [CBP_TENANT, OTHER_TENANT]) {
      const where = teamsConversation('personal', tenant);
      const replies = await bot.send(teamsMessage('http://localhost/teams', where, QUESTION));
      expect(replies).toHaveLength(1);
      expect(replies[0].text).toContain(REFUSAL);
      expect(await bot.send(botInstalled('http://localhost/teams', where))).toEqual([]);
      const staff = await bot.send(teamsMessage('http://localhost/teams', where, 'stats'));
      expect(staff.map((r) => r.text)).toEqual([expect.stringContaining(REFUSAL)]);
    }
    expect(bot.logs.filter((l) => l.level === WARN && /not on the allow-list/.test(l.msg ?? ''))).toHaveLength(6);
  });

  it('with ALLOWED_TENANT_IDS set, that tenant gets answers and staff commands; others are refused', async () => {
    const bot = productionBot({ ALLOWED_TENANT_IDS: CBP_TENANT });
    const ours = teamsConversation('personal', CBP_TENANT);
    const answer = await bot.send(teamsMessage('http://localhost/teams', ours, QUESTION));
    expect(answer).toHaveLength(1);
    expect(answer[0].attachments?.[0]?.contentType).toBe(ADAPTIVE_CARD);
    const stats = await bot.send(teamsMessage('http://localhost/teams', ours, 'stats'));
    expect(stats[0].text).toContain('**Usage statistics**');
    expect(stats[0].text).toContain('- Questions: 1, answered 1 (100%)');
    const theirs = await bot.send(teamsMessage('http://localhost/teams', teamsConversation('personal', OTHER_TENANT), QUESTION));
    expect(theirs.map((r) => r.text)).toEqual([expect.stringContaining(REFUSAL)]);
  });
});

describe('staff commands with real figures', () => {
  const recordsDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cbp-teams-records-'));
  let service: TestService;
  let staff: TeamsChat;

  /** Questions asked on an earlier day, by a service whose clock stood on that day, into the same records. */
  async function askOn(today: string, turns: string[][]) {
    const earlier = await startTestService({ RECORDS_DIR: recordsDir }, { today });
    try {
      for (const conversation of turns) {
        const id = webConversation();
        for (const text of conversation) await webchat(earlier, id, text);
      }
    } finally {
      await earlier.close();
    }
  }

  beforeAll(async () => {
    // 5 Nov: outside the 7 days and the default 14 days of `unanswered`.
    await askOn('2026-11-05', [['do you sell kayaks']]);
    // 21 Nov: inside the last 7 days, not today.
    await askOn('2026-11-21', [['do you sell kayaks'], [QUESTION, LABELS.helpful]]);
    service = await startTestService({ RECORDS_DIR: recordsDir, ALLOWED_TENANT_IDS: CBP_TENANT });
    staff = chatIn(service, 'personal');
  });

  afterAll(async () => {
    await service?.close();
    fs.rmSync(recordsDir, { recursive: true, force: true });
  });

  it('questions from Web Chat and the Emulator (and one in a Teams channel) are recorded; stats in Teams shows the right counts', async () => {
    const kb = kbOf(service);
    // What the knowledge base makes of each question, so a change in retrieval names the question.
    const kinds = {
      [QUESTION]: 'answer',
      'my grandmother in canada wants to mail me a birthday present, will i pay duty': 'answer',
      'Is the $800 duty free limit still available?': 'answer',
      'do you sell kayaks': 'out-of-scope',
      'Do you sell kayaks?': 'out-of-scope',
      'what is the weather in boston': 'out-of-scope',
      importer: 'did-you-mean',
      'Importer?': 'did-you-mean',
      'global entry application': 'other-cbp',
    };
    for (const [question, kind] of Object.entries(kinds)) expect([question, kb.answer(question).kind]).toEqual([question, kind]);
    // "Importer?" is unsure between neighbours; which one the knowledge base offers first is not
    // what this test is about, only that stats counts its topic (which sorts before section-321).
    const importerTopic = kb.answer('Importer?').best!.topic;
    expect(importerTopic < 'section-321').toBe(true);

    const w1 = webConversation();
    await webchat(service, w1, QUESTION);
    expect((await webchat(service, w1, LABELS.helpful))[0].text).toBe('Thank you for your feedback.');
    const e1 = webConversation();
    await webchat(service, e1, 'my grandmother in canada wants to mail me a birthday present, will i pay duty', 'emulator');
    expect((await webchat(service, e1, LABELS.notHelpful, 'emulator'))[0].text).toContain('Sorry that did not help.');
    await webchat(service, webConversation(), 'Is the $800 duty free limit still available?', 'emulator');
    const w2 = webConversation();
    await webchat(service, w2, 'do you sell kayaks');
    await webchat(service, w2, 'Do you sell kayaks?');
    await webchat(service, webConversation(), 'what is the weather in boston');
    const e2 = webConversation();
    await webchat(service, e2, 'importer', 'emulator');
    await webchat(service, e2, 'Importer?', 'emulator');
    await webchat(service, webConversation(), 'global entry application');
    // In a Teams channel, with the mention: recorded without the mention, so it groups with the others.
    await chatIn(service, 'channel').send('do you sell kayaks', { mention: true });

    const reply = onlyReply(await staff.send('stats'));
    expect(reply.text).toBe(
      [
        '**Usage statistics**',
        [
          '**Today, 25 Nov 2026**',
          '- Questions: 10, answered 3 (30%)',
          '- Not answered: 2 did you mean, 4 out of scope, 1 other CBP matters',
          '- Feedback: 1 helpful, 1 not helpful',
          `- Top topics: ${importerTopic} (2), section-321 (2), gifts-travel (1)`,
        ].join('\n'),
        [
          '**Last 7 days, 19 Nov to 25 Nov 2026**',
          '- Questions: 12, answered 4 (33%)',
          '- Not answered: 2 did you mean, 5 out of scope, 1 other CBP matters',
          '- Feedback: 2 helpful, 1 not helpful',
          `- Top topics: section-321 (3), ${importerTopic} (2), gifts-travel (1)`,
        ].join('\n'),
        ['**Emails to the E-Commerce team, now**', '- 0 pending, 0 sent, 0 failed'].join('\n'),
        'Days are U.S. Eastern dates. 16 records read.',
      ].join('\n\n'),
    );
    expect(cardButtons([reply]).map((a) => a.title)).toEqual(['Unanswered questions']);
  });

  it('unanswered (clicked from the stats card) lists the unanswered questions grouped, most frequent first', async () => {
    const stats = await staff.send('stats');
    const reply = onlyReply(await staff.clickTitled(stats, 'Unanswered questions'));
    const importerClosest = kbOf(service).answer('Importer?').best!.id;
    expect(reply.text).toBe(
      [
        '**Unanswered questions, last 14 days**',
        '7 questions in 3 groups:',
        [
          '1. “do you sell kayaks” — 4 times, last 25 Nov 2026 (4 no answer)',
          `2. “Importer?” — 2 times, last 25 Nov 2026 (2 unsure) · closest: ${importerClosest}`,
          '3. “what is the weather in boston” — once, last 25 Nov 2026 (1 no answer)',
        ].join('\n'),
        '12 Nov to 25 Nov 2026, U.S. Eastern dates. Not listed: 1 about other CBP matters (sent to the CBP Info Center).',
        'To teach the bot, type **teach** and the number, then a document id (the question becomes one of its questions) or **none** (out of scope).',
      ].join('\n\n'),
    );
  });

  it('unanswered 30 reaches back to the question of 5 Nov', async () => {
    const reply = onlyReply(await staff.send('unanswered 30'));
    expect(reply.text).toContain('**Unanswered questions, last 30 days**');
    expect(reply.text).toContain('8 questions in 3 groups:');
    expect(reply.text).toContain('1. “do you sell kayaks” — 5 times, last 25 Nov 2026 (5 no answer)');
  });

  it('an email sent to the team shows in the outbox counts', async () => {
    const id = webConversation();
    await webchat(service, id, 'talk to a person');
    let replies = await webchat(service, id, ESC.confirm);
    if (replies.some((r) => (r.text ?? '').includes('This is the question I will send'))) replies = await webchat(service, id, ESC.changeQuestion);
    expect(replies.map((r) => r.text).join('\n')).toContain('Please type the question you want to send');
    await webchat(service, id, 'My parcel from Japan has been held for three weeks. Who can tell me why?');
    replies = await webchat(service, id, ESC.skipAddress);
    if (replies.some((r) => (r.text ?? '').includes('Should I include our conversation'))) replies = await webchat(service, id, ESC.questionOnly);
    const sent = await webchat(service, id, ESC.send);
    expect(sent.map((r) => r.text).join('\n')).toMatch(/Sent\. Your reference number is \*\*ECOM-\d{4}-\d{6}\*\*/);
    await waitUntil(async () => (await service.core.services.escalation.mailer.health()).sent === 1, 'the email is sent');

    const reply = onlyReply(await staff.send('stats'));
    expect(reply.text).toContain('**Emails to the E-Commerce team, now**\n- 0 pending, 1 sent, 0 failed');
  });

  it('kb gift shows the document with its title, id, sources and reviewed date', async () => {
    const doc = kbOf(service).get('gift-duty-free')!;
    const reply = onlyReply(await staff.send('kb gift'));
    expect(reply.attachments).toBeUndefined();
    expect(reply.text).toMatch(new RegExp(`^\\*\\*${doc.title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\*\\*\\n\\n`));
    expect(reply.text).toContain('**Id:** gift-duty-free · **Topic:** gifts-travel');
    expect(reply.text).toContain('**Reviewed:** 25 Nov 2026');
    expect(reply.text).toContain(doc.body.split('\n\n')[0]);
    for (const source of doc.sources) expect(reply.text).toContain(`(${source.url})`);
    expect(reply.text).toMatch(/Sources?: \[.*· Reviewed 25 Nov 2026$/);
  });

  it('kb with a document id shows that document; in a channel the mention is removed first', async () => {
    const reply = onlyReply(await chatIn(service, 'channel').send('kb gift-rules', { mention: true }));
    expect(reply.text).toContain('**Id:** gift-rules');
  });

  it('kb with an unknown id or unknown words says no document matches (and shows none)', async () => {
    for (const query of ['no-such-document', 'xyzzy-doc-id', 'zzzqqq nothing', 'pizza recipe']) {
      const reply = onlyReply(await staff.send(`kb ${query}`));
      expect(reply.text).toContain('**No document found**');
      expect(reply.text).toContain(`No document matches “${query}”.`);
      expect(reply.text).not.toContain('**Id:**');
    }
  });

  it('the same words from Web Chat, the Emulator and email are ordinary text: no staff data', async () => {
    for (const channelId of ['webchat', 'emulator', 'email', 'directline']) {
      for (const command of ['stats', 'unanswered', 'kb gift', 'reload']) {
        const replies = await webchat(service, webConversation(), command, channelId);
        const text = replies.map((r) => r.text ?? '').join('\n');
        expect(text).not.toMatch(/Usage statistics|Questions: \d|Unanswered questions|\*\*Id:\*\*|Reloaded|Reload failed|records read/);
      }
    }
  });
});

describe('reload in Teams', () => {
  const copy = fs.mkdtempSync(path.join(os.tmpdir(), 'cbp-teams-knowledge-'));
  let service: TestService;
  let staff: TeamsChat;
  const newDoc = path.join(copy, 'gifts-travel', 'test-snow-globe-gifts.md');
  const snowGlobeQuestion = 'can my aunt mail me a snow globe as a gift';
  const document = (reviewed: string) =>
    [
      '---',
      'id: test-snow-globe-gifts',
      'title: "Test document: can a snow globe come as a gift?"',
      'label: Snow globe gifts',
      'topic: gifts-travel',
      'audience: [consumer]',
      'questions:',
      '  - can my aunt mail me a snow globe as a gift',
      '  - snow globe gift from abroad',
      '  - is a snow globe present duty free',
      'sources:',
      '  - { title: "CBP Know Before You Go", url: "https://www.cbp.gov/travel/us-citizens/know-before-you-go" }',
      `reviewed: ${reviewed}`,
      '---',
      'A test document written by the Teams reload test: snow globes sent as real gifts follow the gift rules.',
      '',
    ].join('\n');

  beforeAll(async () => {
    fs.cpSync(path.resolve(__dirname, '..', 'knowledge'), copy, { recursive: true });
    service = await startTestService({ KNOWLEDGE_DIR: copy, RULES_FILE: path.join(copy, 'rules', 'duty-free.yaml'), ALLOWED_TENANT_IDS: CBP_TENANT });
    staff = chatIn(service, 'channel');
  });

  afterAll(async () => {
    await service?.close();
    fs.rmSync(copy, { recursive: true, force: true });
  });

  const documents = async () => ((await (await fetch(`${service.url}/readyz`)).json()) as { knowledge: { documents: number } }).knowledge.documents;

  it('a broken document: reload reports the validation error and the bot keeps answering with the old index; fixed: reload reports success', async () => {
    const before = await documents();
    expect(before).toBeGreaterThan(50);
    const oldAnswer = onlyReply(await staff.send(snowGlobeQuestion, { mention: true }));
    expect(oldAnswer.text).not.toContain('snow globe');

    fs.writeFileSync(newDoc, document('2026-02-30'));
    const failed = onlyReply(await staff.send('reload', { mention: true }));
    expect(failed.text).toContain('**Reload failed**');
    expect(failed.text).toContain('Nothing changed: the bot keeps using the previous knowledge and rules.');
    expect(failed.text).toMatch(/test-snow-globe-gifts\.md: reviewed: must be a real date written YYYY-MM-DD/);
    expect(await documents()).toBe(before);
    // Still the old index: the question is answered as before, and the old documents answer.
    expect(onlyReply(await staff.send(snowGlobeQuestion, { mention: true })).text).toBe(oldAnswer.text);
    expect(onlyReply(await staff.send(QUESTION, { mention: true })).text).toBe(documentFor(service, QUESTION).title);

    fs.writeFileSync(newDoc, document('2026-11-25'));
    const reloaded = onlyReply(await staff.send('reload', { mention: true }));
    expect(reloaded.text).toBe(`**Reloaded**\n\nThe bot now uses the new knowledge and rules: ${before + 1} documents.`);
    expect(await documents()).toBe(before + 1);
    const answer = onlyReply(await staff.send(snowGlobeQuestion, { mention: true }));
    expect(answer.text).toBe('Test document: can a snow globe come as a gift?');
  });

  it('a broken rules file is reported too, and the check keeps working with the old rules', async () => {
    const rules = path.join(copy, 'rules', 'duty-free.yaml');
    const original = fs.readFileSync(rules, 'utf8');
    try {
      fs.writeFileSync(rules, `${original}\n  - this: [is not valid\n`);
      const failed = onlyReply(await staff.send('reload', { mention: true }));
      expect(failed.text).toContain('**Reload failed**');
      expect(failed.text).toContain('duty-free.yaml');
      const check = await staff.send(LABELS.checkShipment, { mention: true });
      expect(visibleText(check)).toContain('What kind of shipment is it?');
    } finally {
      fs.writeFileSync(rules, original);
    }
    expect(onlyReply(await staff.send('reload', { mention: true })).text).toContain('**Reloaded**');
  });
});

describe('the duty-free check and the email to the team in Teams', () => {
  let service: TestService;

  beforeAll(async () => {
    service = await startTestService({ ALLOWED_TENANT_IDS: CBP_TENANT });
  });

  afterAll(async () => {
    await service?.close();
  });

  it('"Check my shipment" in personal chat: every answer clicked on the cards, through to a verdict card', async () => {
    const chat = chatIn(service, 'personal');
    let replies = await chat.send(LABELS.checkShipment);
    expect(visibleText(replies)).toContain('What kind of shipment is it?');
    expect(replies.every((r) => r.suggestedActions === undefined)).toBe(true);
    replies = await chat.clickTitled(replies, 'A gift sent to me');
    expect(visibleText(replies)).toContain('How much is the gift worth, in U.S. dollars?');
    replies = await chat.send('$80'); // a value is typed
    expect(visibleText(replies)).toContain('Does the gift contain any of these worth more than $5?');
    replies = await chat.clickTitled(replies, 'None of these');
    replies = await chat.clickTitled(replies, 'Only this gift');

    const verdict = onlyReply(replies);
    expect(verdict.text).toBe('Result: duty-free as a gift');
    const card = adaptiveCardOf(verdict);
    expect(cardVersionAtMost(card.version, '1.5')).toBe(true);
    expect(card.body[0].text).toBe('Result: duty-free as a gift');
    expect(card.body.find((b) => b.type === 'FactSet')?.facts).toEqual(expect.arrayContaining([{ title: 'Value', value: '$80' }]));
    expect(visibleText(replies)).toContain('This check is general guidance, not a binding ruling');
    expect(visibleText(replies)).toContain('Reviewed 25 Nov 2026');
    expect(cardButtons(replies).map((a) => a.title)).toEqual([LABELS.checkAnother, LABELS.askQuestion, LABELS.email]);

    replies = await chat.clickTitled(replies, LABELS.checkAnother);
    expect(visibleText(replies)).toContain('What kind of shipment is it?');
  });

  it('the check in a team channel: clicks need no mention, typed answers do', async () => {
    const chat = chatIn(service, 'channel');
    let replies = await chat.send(LABELS.checkShipment, { mention: true });
    replies = await chat.clickTitled(replies, 'A gift sent to me');
    expect(visibleText(replies)).toContain('How much is the gift worth');
    const { replies: ignored } = await chat.post(teamsMessage(channel.serviceUrl, chat.where, '$80'));
    expect(ignored).toEqual([]);
    replies = await chat.send('$80', { mention: true });
    expect(visibleText(replies)).toContain('Does the gift contain any of these worth more than $5?');
  });

  it('"Email the E-Commerce team" runs the escalation to a reference; the email lands as .eml in the outbox sent folder', async () => {
    const chat = chatIn(service, 'personal');
    const welcome = await chat.install();
    let replies = await chat.clickTitled(welcome, LABELS.email);
    expect(visibleText(replies)).toContain('Do you want me to email the team?');
    replies = await chat.clickTitled(replies, ESC.confirm);
    if (visibleText(replies).includes('This is the question I will send')) replies = await chat.clickTitled(replies, ESC.changeQuestion);
    expect(visibleText(replies)).toContain('Please type the question you want to send');
    const question = 'A seller on a marketplace shipped me a fake watch and CBP seized it. What happens next with my refund?';
    replies = await chat.send(question);
    expect(visibleText(replies)).toContain('What email address should the team reply to?');
    replies = await chat.send('dana.rivera@example.com');
    if (visibleText(replies).includes('Should I include our conversation')) replies = await chat.clickTitled(replies, ESC.questionOnly);
    expect(visibleText(replies)).toContain('Here is exactly what I will send');
    replies = await chat.clickTitled(replies, ESC.send);

    const reference = /\*\*(ECOM-\d{4}-\d{6})\*\*/.exec(visibleText(replies))?.[1];
    expect(reference).toBeDefined();
    expect(visibleText(replies)).toContain(`Sent. Your reference number is **${reference}**. The team will reply to dana.rivera@example.com.`);

    const sentDir = path.join(service.dir, 'outbox', 'sent');
    const emlWith = () => (fs.existsSync(sentDir) ? fs.readdirSync(sentDir).filter((f) => f.endsWith('.eml')).map((f) => fs.readFileSync(path.join(sentDir, f), 'utf8')).find((m) => m.includes(reference!)) : undefined);
    await waitUntil(() => emlWith() !== undefined, `the .eml for ${reference} is in outbox/sent`);
    const eml = emlWith()!;
    expect(eml).toMatch(new RegExp(`^Subject: \\[${reference}\\] Question from the CBP E-Commerce Assistant`, 'm'));
    expect(eml).toMatch(/^Reply-To: dana\.rivera@example\.com/m);
    expect(eml).toContain('Channel: msteams');
    expect(eml.replace(/=\r?\n/g, '')).toContain('shipped me a fake watch');
  });
});

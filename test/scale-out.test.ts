/**
 * Scale-out (issue 8): two real bot PROCESSES (`node -r tsx/cjs src/index.ts`, see
 * helpers/botChild.ts) behind one "address", sharing one real Azure Storage emulator (Azurite
 * on loopback) through STATE_STORAGE=blob — conversation state, the escalation outbox and the
 * usage records. Real HTTP in (the test channel posts activities to either instance), real HTTP
 * out (the replies come back to the test channel), a real SMTP server for the email.
 *
 * Each instance gets its own ESCALATION_DIR and RECORDS_DIR: the last test checks that both are
 * still empty, so nothing here could have been shared through local files.
 *
 * The tests run in order and share the two instances; the instance-killing test comes last.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ESCALATION_LABELS as EL } from '../dialogs/EscalationDialog';
import { BlobOutboxStore } from '../src/escalation/blobStore/BlobOutboxStore';
import { LABELS } from '../src/intents';
import { startAzurite, type AzuriteServer } from './helpers/azurite';
import { startBotChild, type BotChild } from './helpers/botChild';
import { say as sayOverHttp, startTestChannel, type ReceivedActivity, type TestChannel } from './helpers/channel';
import { buttonsOf, textOf, verdictOf } from './helpers/eligibility';
import { startSmtpTestServer, type SmtpTestServer } from './helpers/smtpServer';
import { teamsConversation, TeamsChat, visibleText } from './helpers/teams';
import { sleep, waitUntil } from './helpers/wait';

const TODAY = '2026-11-25';
const CONTAINERS = { STATE_CONTAINER: 'scale-state', OUTBOX_CONTAINER: 'scale-outbox', RECORDS_CONTAINER: 'scale-records' };
/** The mailer's poll interval; src/config.ts has no setting for it, so the app's default. */
const MAILER_POLL_MS = 5_000;
/** What MainDialog says when it takes a message for a question it cannot place (lost dialog state). */
const DERAILED = "I'm not sure I understood";

let azurite: AzuriteServer | undefined;
let channel: TestChannel | undefined;
let smtp: SmtpTestServer | undefined;
let work: string | undefined;
const bots: Partial<Record<'A' | 'B', BotChild>> = {};
/** Every escalation reference the tests got; the stats test checks the shared outbox counts them. */
const references: string[] = [];

const bot = (name: 'A' | 'B'): BotChild => {
  const child = bots[name];
  if (!child) throw new Error(`instance ${name} is not running`);
  return child;
};
let conversationCounter = 0;
const newConversation = (what: string) => `scale-out-${what}-${process.pid}-${++conversationCounter}`;

/** Sends a message to one instance; returns the replies, and fails on a derailed dialog. */
async function say(name: 'A' | 'B', conversationId: string, text: string): Promise<ReceivedActivity[]> {
  const replies = await sayOverHttp(bot(name).url, channel!, conversationId, text, { channelId: 'webchat' });
  expect(replies.length).toBeGreaterThan(0);
  expect(textOf(replies)).not.toContain(DERAILED);
  return replies;
}

interface OutboxHealth {
  pending: number;
  sending: number;
  sent: number;
  failed: number;
  checkedAt: string | null;
}

/** The outbox figures an instance's mailer read from the shared store after its last pass. */
async function outboxHealth(name: 'A' | 'B'): Promise<OutboxHealth> {
  const res = await fetch(`${bot(name).url}/readyz`);
  expect(res.status).toBe(200);
  return ((await res.json()) as { outbox: OutboxHealth }).outbox;
}

/** Every file below `dir`, relative. */
function filesBelow(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => !e.isDirectory()).map((e) => path.join(e.parentPath, e.name));
}

async function stopAll(): Promise<void> {
  await Promise.all(
    (['A', 'B'] as const).map(async (name) => {
      const child = bots[name];
      delete bots[name];
      await child?.kill('SIGKILL');
    }),
  );
  await channel?.close();
  await smtp?.close();
  await azurite?.stop();
  channel = smtp = azurite = undefined;
  if (work) fs.rmSync(work, { recursive: true, force: true });
  work = undefined;
}

beforeAll(async () => {
  try {
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'cbp-scale-out-'));
    [azurite, channel, smtp] = await Promise.all([startAzurite(), startTestChannel(), startSmtpTestServer()]);
    const env = (name: 'A' | 'B'): Record<string, string> => ({
      BOT_ENV: 'development',
      LOG_LEVEL: 'silent',
      TODAY,
      STATE_STORAGE: 'blob',
      AZURE_STORAGE_CONNECTION_STRING: azurite!.connectionString,
      ...CONTAINERS,
      SMTP_URL: smtp!.url(),
      // Local folders of their own: should anything still go through files, it would not be shared.
      ESCALATION_DIR: path.join(work!, name, 'outbox'),
      RECORDS_DIR: path.join(work!, name, 'records'),
      // Teams staff commands from any tenant (development only).
      ALLOWED_TENANT_IDS: '',
    });
    // One after the other would double the start-up time; both create the containers at start.
    const [a, b] = await Promise.allSettled([startBotChild(env('A'), { timeoutMs: 45_000 }), startBotChild(env('B'), { timeoutMs: 45_000 })]);
    if (a.status === 'fulfilled') bots.A = a.value;
    if (b.status === 'fulfilled') bots.B = b.value;
    if (a.status === 'rejected') throw a.reason;
    if (b.status === 'rejected') throw b.reason;
  } catch (err) {
    await stopAll();
    throw err;
  }
}, 60_000);

afterAll(stopAll, 30_000);

describe('two bot processes sharing one Azurite (STATE_STORAGE=blob)', () => {
  it('the duty-free check begun on instance A continues on instance B, turn by turn, to the verdict', async () => {
    const conversation = newConversation('eligibility');
    let replies = await say('A', conversation, LABELS.checkShipment);
    expect(textOf(replies)).toContain('What kind of shipment is it?');
    replies = await say('B', conversation, 'A gift sent to me');
    expect(textOf(replies)).toContain('How much is the gift worth, in U.S. dollars?');
    replies = await say('A', conversation, '$80');
    expect(textOf(replies)).toContain('Does the gift contain any of these worth more than $5?');
    replies = await say('B', conversation, 'None of these');
    expect(buttonsOf(replies)).toEqual(['Only this gift', 'Not sure']);
    replies = await say('A', conversation, 'Only this gift');

    const verdict = verdictOf(replies);
    expect(verdict?.text?.split('\n')[0]).toBe('Result: duty-free as a gift');
    expect(verdict?.text).toContain('- **Value:** $80');
    // And the next turn, on B, starts from where A left off (the check is over).
    replies = await say('B', conversation, LABELS.checkAnother);
    expect(textOf(replies)).toContain('What kind of shipment is it?');
  });

  it('an escalation sent through A (with turns on both) is emailed exactly once, with both mailers polling the shared outbox', async () => {
    const conversation = newConversation('escalation');
    // A question on B first: the conversation transcript lives in conversation state too.
    expect(textOf(await say('B', conversation, 'what is the informal entry limit?'))).toContain('$2,500');
    let replies = await say('A', conversation, LABELS.email);
    expect(buttonsOf(replies)).toEqual([EL.confirm, EL.decline]);
    replies = await say('B', conversation, EL.confirm);
    if (textOf(replies).includes('This is the question I will send')) replies = await say('B', conversation, EL.changeQuestion);
    expect(textOf(replies)).toContain('Please type the question you want to send');
    replies = await say('A', conversation, 'My parcel from Japan has been held for three weeks. Who can tell me why?');
    expect(textOf(replies)).toContain('What email address should the team reply to?');
    replies = await say('B', conversation, EL.skipAddress);
    expect(textOf(replies)).toContain('Should I include our conversation');
    replies = await say('A', conversation, EL.includeTranscript);
    expect(textOf(replies)).toContain('Here is exactly what I will send');

    // A slow mail server: A's delivery (claimed at once, on enqueue) outlasts B's poll interval,
    // so B's mailer makes at least one pass while A holds the message.
    smtp!.setDelay(MAILER_POLL_MS + 1_500);
    replies = await say('A', conversation, EL.send);
    const reference = /\*\*(ECOM-\d{4}-\d{6})\*\*/.exec(textOf(replies))?.[1];
    expect(reference).toMatch(/^ECOM-\d{4}-\d{6}$/);
    expect(textOf(replies)).toContain(`Sent. Your reference number is **${reference}**.`);
    references.push(reference!);

    let bSawTheClaim = false;
    await waitUntil(
      async () => {
        if ((await outboxHealth('B')).sending > 0) bSawTheClaim = true;
        return smtp!.messages.length > 0;
      },
      'the email arrived',
      MAILER_POLL_MS * 3,
      100,
    );
    smtp!.setDelay(0);

    // Both mailers make at least two more full passes over the shared outbox after the send…
    // (Compared with each mailer's own last pass, not the real time: the bots run on TODAY's clock.)
    const arrived = { A: (await outboxHealth('A')).checkedAt ?? '', B: (await outboxHealth('B')).checkedAt ?? '' };
    const passesAfter = { A: new Set<string>(), B: new Set<string>() };
    await waitUntil(
      async () => {
        for (const name of ['A', 'B'] as const) {
          const health = await outboxHealth(name);
          if (health.checkedAt && health.checkedAt > arrived[name]) passesAfter[name].add(health.checkedAt);
        }
        return passesAfter.A.size >= 2 && passesAfter.B.size >= 2;
      },
      'both mailers made two passes after the email arrived',
      MAILER_POLL_MS * 3,
      200,
    );
    // …and the mail server still has exactly one message: that one.
    expect(smtp!.messages.map((m) => m.parsed.headers.get('x-escalation-reference'))).toEqual([reference]);
    expect(bSawTheClaim).toBe(true); // B's mailer read the shared outbox while A was sending
    const mail = smtp!.messages[0]!;
    expect(mail.envelope.to).toEqual(['ecommerce@cbp.dhs.gov']);
    expect(mail.parsed.subject).toContain(`[${reference}]`);
    expect(mail.parsed.text).toContain('My parcel from Japan has been held for three weeks.');
    // The transcript includes the turn B answered before A took the escalation.
    expect(mail.parsed.text).toContain('Person: what is the informal entry limit?');

    // Both instances read the same outbox: one sent, nothing pending or claimed.
    for (const name of ['A', 'B'] as const) {
      expect(await outboxHealth(name)).toMatchObject({ pending: 0, sending: 0, sent: 1, failed: 0 });
    }
    const stored = await BlobOutboxStore.fromConnectionString(azurite!.connectionString, CONTAINERS.OUTBOX_CONTAINER).get(reference!);
    expect(stored).toMatchObject({ status: 'sent', state: { attempts: 1 } });
  }, 60_000);

  it('usage records written on both instances are in the staff `stats` of either (Teams)', async () => {
    const staffChat = teamsConversation('personal');
    const todayQuestions = (replies: ReceivedActivity[]) => {
      const text = visibleText(replies);
      const m = /Questions: (\d+)/.exec(text);
      if (!m) throw new Error(`no question count in: ${text}`);
      return Number(m[1]);
    };
    const before = todayQuestions(await new TeamsChat(bot('A').url, channel!, staffChat).send('stats'));

    expect(textOf(await say('A', newConversation('records'), 'is the $800 duty free limit still in effect'))).not.toBe('');
    expect(textOf(await say('B', newConversation('records'), 'what is the informal entry limit?'))).toContain('$2,500');

    for (const name of ['A', 'B'] as const) {
      const replies = await new TeamsChat(bot(name).url, channel!, staffChat).send('stats');
      expect(todayQuestions(replies)).toBe(before + 2);
      const outbox = /(\d+) pending, (\d+) sent, (\d+) failed/.exec(visibleText(replies));
      expect(outbox?.slice(1).map(Number)).toEqual([0, references.length, 0]);
    }
  });

  it('instance A killed (SIGKILL) in the middle of the check: the conversation continues on B to the verdict', async () => {
    const conversation = newConversation('killed');
    let replies = await say('A', conversation, LABELS.checkShipment);
    expect(textOf(replies)).toContain('What kind of shipment is it?');
    replies = await say('A', conversation, 'A gift sent to me');
    expect(textOf(replies)).toContain('How much is the gift worth, in U.S. dollars?');

    const a = bot('A');
    delete bots.A;
    await a.kill('SIGKILL');
    expect(a.process.signalCode).toBe('SIGKILL');
    await expect(fetch(`${a.url}/healthz`)).rejects.toThrow(); // nothing listens there any more

    replies = await say('B', conversation, '$80');
    expect(textOf(replies)).toContain('Does the gift contain any of these worth more than $5?');
    replies = await say('B', conversation, 'None of these');
    replies = await say('B', conversation, 'Only this gift');
    expect(verdictOf(replies)?.text?.split('\n')[0]).toBe('Result: duty-free as a gift');
  });

  it('nothing went through local files: both instances\' ESCALATION_DIR and RECORDS_DIR are empty', () => {
    expect(filesBelow(work!)).toEqual([]);
  });
});

/**
 * Issue 13, finding 4: one client must not be able to defeat the email limits and turn the
 * global cap against everyone. Over HTTP, with the real service, a real SMTP server on loopback
 * and a clock the test moves:
 * - one client opens 25 conversations and tries 60 emails: refused after its own allowance;
 * - when the global cap is full anyway (many clients, each within its allowance), a genuine
 *   person still gets a reference; the email waits in the outbox and is delivered later;
 * - staff see the trip: one warning log line, `stats`, and `/readyz` (still 200).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { ESCALATION_LABELS as L } from '../dialogs/EscalationDialog';
import { parseConfig } from '../src/config';
import { createLogger } from '../src/logger';
import { startService, type RunningService } from '../src/service';
import { say as sayOverHttp, startTestChannel, type ReceivedActivity, type TestChannel } from './helpers/channel';
import { outboxEntry } from './helpers/outbox';
import { waitUntil } from './helpers/wait';
import { startSmtpTestServer, type SmtpTestServer } from './helpers/smtpServer';

const MINUTE = 60_000;
let nowMs = Date.parse('2026-11-25T17:00:00Z');
const clock = () => new Date(nowMs);

let smtp: SmtpTestServer;
let channel: TestChannel;
let service: RunningService;
let dir: string;
const logLines: Record<string, unknown>[] = [];

beforeAll(async () => {
  smtp = await startSmtpTestServer();
  channel = await startTestChannel();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cbp-abuse-'));
  const config = parseConfig({
    PORT: '0',
    HOST: '127.0.0.1',
    RECORDS_DIR: path.join(dir, 'records'),
    ESCALATION_DIR: path.join(dir, 'outbox'),
    SMTP_URL: smtp.url(),
    RATE_LIMIT_PER_IP: '0',
  });
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString('utf8').split('\n').filter(Boolean)) logLines.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
  service = await startService(config, { logger: createLogger('warn', sink), clock });
});

afterAll(async () => {
  await service.close();
  await channel.close();
  await smtp.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const text = (replies: ReceivedActivity[]) => replies.map((r) => r.text ?? '').join('\n\n');
const referenceIn = (replies: ReceivedActivity[]) => /\*\*(ECOM-\d{4}-\d{6})\*\*/.exec(text(replies))?.[1];
const asUser = (userId: string) => (conversationId: string, message: string) =>
  sayOverHttp(service.url, channel, conversationId, message, { from: { id: userId, name: 'Someone', role: 'user' } });

/** From "talk to a person" to "Send"; returns the replies to the first message when refused there. */
async function tryEmail(say: ReturnType<typeof asUser>, conversationId: string, question: string): Promise<{ refused?: ReceivedActivity[]; sent?: ReceivedActivity[] }> {
  let replies = await say(conversationId, 'talk to a person');
  if (!text(replies).includes('I can send your question')) return { refused: replies };
  replies = await say(conversationId, L.confirm);
  if (text(replies).includes('This is the question I will send')) replies = await say(conversationId, L.changeQuestion);
  await say(conversationId, question);
  replies = await say(conversationId, L.skipAddress);
  if (text(replies).includes('Should I include our conversation')) await say(conversationId, L.questionOnly);
  return { sent: await say(conversationId, L.send) };
}

describe('email limits under a flood (issue 13, finding 4)', () => {
  it('one client, 25 conversations, 60 tries: refused after its allowance; a genuine person is queued, not refused, and staff see the trip', async () => {
    const escalation = service.core.services.escalation;
    const attacker = asUser('attacker');
    const conversations = Array.from({ length: 25 }, (_, i) => `flood-${process.pid}-${i}`);
    let sent = 0;
    let refused = 0;
    for (let i = 0; i < 60; i++) {
      const outcome = await tryEmail(attacker, conversations[i % 25]!, `Flood message number ${i}`);
      if (outcome.sent) {
        expect(referenceIn(outcome.sent)).toBeDefined();
        sent++;
      } else {
        refused++;
        const reply = text(outcome.refused!);
        expect(reply).toContain('You have already sent 5 messages to the CBP E-Commerce team in the last hour. That is the most I can send for one person');
        expect(reply).toMatch(/Please try again in about \d+ minutes/);
        expect(reply).not.toMatch(/Error|stack|\bat .+:\d+:\d+/);
      }
    }
    expect(sent).toBe(5);
    expect(refused).toBe(55);
    await smtp.waitForMessages(5);

    // Many other clients, each within its own allowance, fill the global cap (60 per 10 minutes).
    for (let i = 0; i < 55; i++) {
      const who = { conversationId: `crowd-${i}`, client: `user:emulator:crowd-${i}` };
      expect(escalation.limiter.check(who)).toEqual({ allowed: true });
      await escalation.outbox.enqueue({
        idempotencyKey: `crowd-${i}:1`,
        question: `A question from the crowd, number ${i}`,
        channelId: 'emulator',
        conversationId: who.conversationId,
        createdAt: clock().toISOString(),
      });
      escalation.limiter.record(who);
    }
    await escalation.mailer.flush();
    await smtp.waitForMessages(60);
    expect(logLines.filter((l) => String(l.msg).includes('email cap reached'))).toHaveLength(0);

    // A genuine person afterwards: not refused; saved with a reference and told it goes out later.
    const genuineQuestion = 'My parcel from Canada was held for a week, who can tell me why?';
    const genuine = await tryEmail(asUser('genuine-person'), `genuine-${process.pid}`, genuineQuestion);
    const reference = referenceIn(genuine.sent ?? [])!;
    expect(reference).toMatch(/^ECOM-\d{4}-\d{6}$/);
    expect(text(genuine.sent!)).toContain(`Saved. Your reference number is **${reference}**. Because many messages are waiting, it will be sent within about 10 minutes.`);
    // Held: durable in the outbox, not sent while the cap is full.
    await escalation.mailer.flush();
    expect((await outboxEntry(escalation.config.escalationDir, reference))?.status).toBe('pending');
    expect(smtp.messages.some((m) => m.parsed.subject?.includes(reference))).toBe(false);

    // Staff are told: one warning line without the question, the readiness detail, and `stats`.
    const alerts = logLines.filter((l) => String(l.msg).includes('email cap reached'));
    expect(alerts).toHaveLength(1);
    expect(alerts[0]!.level).toBe(40);
    expect(JSON.stringify(alerts[0])).not.toContain('Canada');
    const ready = await fetch(`${service.url}/readyz`);
    expect(ready.status).toBe(200);
    expect(((await ready.json()) as { outbox: { emailCap: unknown } }).outbox.emailCap).toMatchObject({ tripped: true, queued: 1, trips: 1, limit: 60, windowMinutes: 10 });
    // `stats` from a staff member in a Teams personal chat (development: any tenant).
    const stats = text(
      await sayOverHttp(service.url, channel, `a:staff-${process.pid}`, 'stats', {
        channelId: 'msteams',
        from: { id: '29:staff', name: 'Staff Member', aadObjectId: '00000000-0000-0000-0000-000000000009' },
        conversation: { id: `a:staff-${process.pid}`, conversationType: 'personal', tenantId: '72f988bf-86f1-41af-91ab-2d7cd011db47' },
        channelData: { tenant: { id: '72f988bf-86f1-41af-91ab-2d7cd011db47' } },
      }),
    );
    expect(stats).toContain('Email cap (60 per 10 minutes): **tripped now**: 1 queued to be sent later; tripped 1 time');

    // Ten minutes later the window has room: the held email is delivered.
    nowMs += 10 * MINUTE + 1000;
    await escalation.mailer.flush();
    await waitUntil(() => smtp.messages.some((m) => m.parsed.subject?.includes(reference)), `the held email ${reference} arrived`);
    expect(smtp.messages.find((m) => m.parsed.subject?.includes(reference))!.parsed.text).toContain(genuineQuestion);
    expect(escalation.limiter.status()).toMatchObject({ tripped: false, queued: 0, trips: 1 });
  }, 120_000);
});

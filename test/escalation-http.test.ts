/**
 * The email to the E-Commerce team end to end: the real service over HTTP (restify, CloudAdapter,
 * the bot, the dialogs), the test channel taking the bot's replies, and a real SMTP server
 * (smtp-server on loopback) receiving the email. The crash test runs the bot as a child process
 * and kills it with SIGKILL.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ESCALATION_LABELS as L } from '../dialogs/EscalationDialog';
import { LABELS } from '../src/intents';
import { startBotChild, type BotChild } from './helpers/botChild';
import { channelActivity, post, say as sayOverHttp, startTestChannel, type ReceivedActivity, type TestChannel } from './helpers/channel';
import { letRetryDelaysPass, outboxEntry } from './helpers/outbox';
import { sleep, waitUntil } from './helpers/wait';
import { startTestService, type TestService } from './helpers/service';
import { startSmtpTestServer, type ReceivedMail, type SmtpTestServer } from './helpers/smtpServer';

const INBOX = 'ecommerce@cbp.dhs.gov';

let smtp: SmtpTestServer;
let channel: TestChannel;
let service: TestService;
let conversationCounter = 0;

beforeEach(async () => {
  smtp = await startSmtpTestServer();
  channel = await startTestChannel();
});

afterEach(async () => {
  await channel.close();
  await smtp.close();
});

const newConversation = () => `escalation-http-${process.pid}-${++conversationCounter}`;
const outboxDir = () => service.core.services.escalation.config.escalationDir;
const text = (replies: ReceivedActivity[]) => replies.map((r) => r.text ?? '').join('\n\n');
const buttons = (replies: ReceivedActivity[]) => replies[replies.length - 1]?.suggestedActions?.actions.map((a) => a.title) ?? [];
const referenceIn = (replies: ReceivedActivity[]) => /\*\*(ECOM-\d{4}-\d{6})\*\*/.exec(text(replies))?.[1];
const say = (conversationId: string, message: string, extra: Record<string, unknown> = {}) => sayOverHttp(service.url, channel, conversationId, message, extra);

/** The email that carries `reference` (waits for it). */
async function mailWith(reference: string): Promise<ReceivedMail> {
  await waitUntil(() => smtp.messages.some((m) => m.parsed.subject?.includes(reference)), `the email ${reference} arrived`);
  return smtp.messages.find((m) => m.parsed.subject?.includes(reference))!;
}

/** From "talk to a person" to the summary, typing the question; returns the summary replies. */
async function toSummary(
  conversationId: string,
  options: { question: string; address?: string; consent?: boolean },
  botSay: typeof say = say,
): Promise<ReceivedActivity[]> {
  let replies = await botSay(conversationId, 'talk to a person');
  expect(buttons(replies)).toEqual([L.confirm, L.decline]);
  replies = await botSay(conversationId, L.confirm);
  if (text(replies).includes('This is the question I will send')) replies = await botSay(conversationId, L.changeQuestion);
  expect(text(replies)).toContain('Please type the question you want to send');
  replies = await botSay(conversationId, options.question);
  expect(text(replies)).toContain('What email address should the team reply to?');
  replies = await botSay(conversationId, options.address ?? L.skipAddress);
  if (text(replies).includes('Should I include our conversation')) {
    replies = await botSay(conversationId, options.consent ? L.includeTranscript : L.questionOnly);
  }
  expect(text(replies)).toContain('Here is exactly what I will send');
  return replies;
}

describe('escalation over HTTP to a real SMTP server', () => {
  beforeEach(async () => {
    service = await startTestService({ SMTP_URL: smtp.url() });
  });

  afterEach(async () => {
    await service.close();
  });

  it('arrives with the right recipient, subject with the reference, Reply-To, body and the consented conversation', async () => {
    const conversation = newConversation();
    expect(text(await say(conversation, 'hello'))).toContain('Hello!');
    const summary = await toSummary(conversation, {
      question: 'My parcel from Japan has been held at customs for 3 weeks. Who can tell me why?',
      address: 'person@example.com',
      consent: true,
    });
    expect(text(summary)).toContain(`to the CBP E-Commerce team at ${INBOX}`);
    expect(text(summary)).toContain('**Reply to:** person@example.com');
    expect(text(summary)).toContain('**Our conversation:** included');

    const sent = await say(conversation, L.send);
    const reference = referenceIn(sent)!;
    expect(reference).toMatch(/^ECOM-\d{4}-\d{6}$/);
    expect(text(sent)).toContain(`Sent. Your reference number is **${reference}**. The team will reply to person@example.com.`);
    expect(buttons(sent)).toEqual([LABELS.askQuestion, LABELS.checkShipment]);

    const mail = await mailWith(reference);
    expect(mail.envelope.to).toEqual([INBOX]);
    expect(mail.parsed.to).toMatchObject({ value: [{ address: INBOX }] });
    expect(mail.parsed.subject).toBe(`[${reference}] Question from the CBP E-Commerce Assistant`);
    expect(mail.parsed.replyTo?.value.map((a) => a.address)).toEqual(['person@example.com']);
    expect(mail.parsed.headers.get('x-escalation-reference')).toBe(reference);
    expect(mail.parsed.text).toContain('My parcel from Japan has been held at customs for 3 weeks. Who can tell me why?');
    expect(mail.parsed.text).toContain('Channel: emulator');
    expect(mail.parsed.text).toContain('Language: en-US');
    expect(mail.parsed.text).toContain("CONVERSATION (shared with the person's consent)");
    expect(mail.parsed.text).toContain('Person: hello');
    expect(mail.parsed.text).not.toContain('What email address should the team reply to'); // only the conversation before the email
    expect(mail.parsed.html).toContain('held at customs for 3 weeks');
    await waitUntil(async () => (await outboxEntry(outboxDir(), reference))?.status === 'sent', 'the outbox marks it sent');
  });

  it('SMTP down when the person sends: they still get the reference; the email waits and arrives once the server is back', async () => {
    const conversation = newConversation();
    await toSummary(conversation, { question: 'Why was I charged duty on a $30 shirt from the UK?' });
    await smtp.down();

    const sent = await say(conversation, L.send);
    const reference = referenceIn(sent)!;
    expect(text(sent)).toContain(`Sent. Your reference number is **${reference}**.`);
    expect(text(sent)).toContain('You did not give an email address, so the team cannot answer you personally.');

    // The mailer tried at once, failed, and keeps the message pending for a retry.
    await waitUntil(async () => (await outboxEntry(outboxDir(), reference))?.state.attempts === 1, 'the first attempt failed');
    const waiting = await outboxEntry(outboxDir(), reference);
    expect(waiting).toMatchObject({ status: 'pending' });
    expect(waiting!.state.lastError).toMatch(/ECONNREFUSED/);
    expect(smtp.messages).toHaveLength(0);

    await smtp.up();
    expect(await letRetryDelaysPass(outboxDir())).toEqual([reference]);
    service.core.services.escalation.mailer.notify();
    const mail = await mailWith(reference);
    expect(mail.envelope.to).toEqual([INBOX]);
    expect(mail.parsed.replyTo).toBeUndefined();
    await waitUntil(async () => (await outboxEntry(outboxDir(), reference))?.status === 'sent', 'the outbox marks it sent');
    expect(smtp.messages).toHaveLength(1);
  });

  it('the same "Send" activity twice, one after the other: one email, and no second reference', async () => {
    const conversation = newConversation();
    await toSummary(conversation, { question: 'Do I need a customs broker for a $2,000 shipment of shoes?' });
    const activity = channelActivity(channel.serviceUrl, conversation, { text: L.send });
    const before = channel.received.length;
    expect((await post(`${service.url}/api/messages`, activity)).status).toBe(200);
    expect((await post(`${service.url}/api/messages`, activity)).status).toBe(200);
    const replies = channel.received.slice(before).filter((a) => a.conversation?.id === conversation && a.type === 'message');
    const references = [...text(replies).matchAll(/ECOM-\d{4}-\d{6}/g)].map((m) => m[0]);
    expect(new Set(references).size).toBe(1);
    const reference = references[0]!;
    await mailWith(reference);
    await sleep(300);
    await service.core.services.escalation.mailer.flush();
    expect(smtp.messages.map((m) => m.parsed.headers.get('x-escalation-reference'))).toEqual([reference]);
    expect(await service.core.services.escalation.store.count('pending')).toBe(0);
    expect(await service.core.services.escalation.store.count('sent')).toBe(1);
  });

  it('the same "Send" activity twice at once (a channel retrying a slow turn): one email, one reference', async () => {
    const conversation = newConversation();
    await toSummary(conversation, { question: 'Do I need a customs broker for a $2,000 shipment of shoes?' });
    const activity = channelActivity(channel.serviceUrl, conversation, { text: L.send });
    const before = channel.received.length;
    await Promise.all([post(`${service.url}/api/messages`, activity), post(`${service.url}/api/messages`, activity)]);
    const replies = channel.received.slice(before).filter((a) => a.conversation?.id === conversation && a.type === 'message');
    const references = new Set([...text(replies).matchAll(/ECOM-\d{4}-\d{6}/g)].map((m) => m[0]));
    expect(references.size).toBe(1);
    const [reference] = [...references];
    await mailWith(reference!);
    await sleep(300);
    await service.core.services.escalation.mailer.flush();
    expect(smtp.messages).toHaveLength(1);
    expect(await service.core.services.escalation.store.count('sent')).toBe(1);
  });

  it('header injection in the question and the address adds no header and no recipient', async () => {
    const conversation = newConversation();
    await say(conversation, 'talk to a person');
    await say(conversation, L.confirm);
    await say(conversation, 'Hello team\r\nBcc: evil@z.com\r\nX-Injected: 1\r\n\r\nWhy was my package held?');
    for (const attack of ['x@y.com\r\nBcc: evil@z.com', 'x@y.com\nCc: evil@z.com', 'x@y.com, evil@z.com', '"Evil" <evil@z.com>']) {
      const replies = await say(conversation, attack);
      expect(text(replies)).toContain('That does not look like an email address. Please type it like **name@example.com**');
    }
    const summary = await say(conversation, 'x@y.com');
    expect(text(summary)).toContain('**Reply to:** x@y.com');
    const reference = referenceIn(await say(conversation, L.send))!;

    const mail = await mailWith(reference);
    expect(mail.envelope.to).toEqual([INBOX]);
    expect(mail.parsed.bcc).toBeUndefined();
    expect(mail.parsed.cc).toBeUndefined();
    expect(mail.parsed.headers.has('x-injected')).toBe(false);
    expect(mail.parsed.replyTo?.value.map((a) => a.address)).toEqual(['x@y.com']);
    const headerBlock = mail.raw.toString('utf8').split('\r\n\r\n')[0]!;
    expect(headerBlock).not.toMatch(/^(bcc|cc|x-injected):/im);
    expect(headerBlock).not.toContain('evil@z.com');
    expect(mail.parsed.text).toContain('Bcc: evil@z.com'); // harmless, in the body
  });

  it('the rate limit: the 4th email from one conversation within the hour is refused and says so', async () => {
    const conversation = newConversation();
    const references: string[] = [];
    for (let i = 0; i < 3; i++) {
      await toSummary(conversation, { question: `Question number ${i + 1} about my parcel from France` });
      references.push(referenceIn(await say(conversation, L.send))!);
    }
    expect(new Set(references).size).toBe(3);
    const refused = await say(conversation, 'talk to a person');
    expect(text(refused)).toContain('You have already sent 3 messages to the CBP E-Commerce team in the last hour.');
    expect(text(refused)).toMatch(/Please try again in about \d+ minutes, or write to the team yourself at ecommerce@cbp\.dhs\.gov\./);
    await smtp.waitForMessages(3);
    // Another conversation is not affected.
    expect(buttons(await say(newConversation(), 'talk to a person'))).toEqual([L.confirm, L.decline]);
  });

  it('"Not helpful" after an answer offers the email, with the question that was asked', async () => {
    const conversation = newConversation();
    const question = 'is the $800 duty free limit still in effect';
    const result = service.core.services.knowledge().answer(question);
    expect(result.kind).toBe('answer');
    const answer = await say(conversation, question);
    expect(buttons(answer)).toContain(LABELS.notHelpful);

    const sorry = await say(conversation, LABELS.notHelpful);
    expect(buttons(sorry)).toContain(LABELS.email);
    expect(text(await say(conversation, LABELS.email))).toContain('I can send your question to the CBP E-Commerce team by email.');
    const proposal = await say(conversation, L.confirm);
    expect(text(proposal)).toContain(`> ${question}`);
    expect(buttons(proposal)).toEqual([L.keepQuestion, L.changeQuestion]);
    await say(conversation, L.keepQuestion);
    await say(conversation, L.skipAddress);
    const summary = await say(conversation, L.questionOnly);
    expect(text(summary)).toContain('**Our conversation:** not included');
    const reference = referenceIn(await say(conversation, L.send))!;

    const mail = await mailWith(reference);
    expect(mail.parsed.text).toContain(`QUESTION\n${question}`);
    expect(mail.parsed.text).toContain(`- ${result.best!.title}`); // the bot's guess
    expect(mail.parsed.subject).toMatch(new RegExp(`^\\[${reference}\\] .+ from the CBP E-Commerce Assistant$`));
    expect(mail.parsed.text).not.toContain('CONVERSATION');
  });

  it('"talk to a person" in the middle of the shipment check starts the email', async () => {
    const conversation = newConversation();
    const check = await say(conversation, LABELS.checkShipment);
    expect(check.length).toBeGreaterThan(0);
    const replies = await say(conversation, 'talk to a person');
    expect(text(replies)).toContain('I can send your question to the CBP E-Commerce team by email.');
    expect(buttons(replies)).toEqual([L.confirm, L.decline]);
    expect(text(await say(conversation, 'cancel'))).toContain('Nothing was sent.');
  });
});

describe('one clock: the whole escalation on the bot\'s date, not the real one', () => {
  afterEach(async () => {
    await service.close();
  });

  it.each([
    ['2027-01-02', '2027'],
    ['2030-06-01', '2030'],
  ])('with the clock at %s: reference, enqueuedAt, email date, transcript and usage records are in %s', async (today, year) => {
    service = await startTestService({ SMTP_URL: smtp.url() }, { today });
    const conversation = newConversation();
    await say(conversation, 'is 800 dollars still duty free');
    await toSummary(conversation, { question: 'Which rules apply to my parcel this year?', address: 'person@example.com', consent: true });
    const sent = await say(conversation, L.send);
    const reference = referenceIn(sent)!;
    expect(reference).toMatch(new RegExp(`^ECOM-${year}-\\d{6}$`));

    const mail = await mailWith(reference);
    expect(mail.parsed.date?.toISOString().slice(0, 10)).toBe(today);
    expect(mail.parsed.text).toContain(`Asked: ${today}T`);
    expect(mail.parsed.text).toContain(`[${today}T`);
    expect(mail.parsed.text).not.toMatch(new RegExp(`\\[(?!${today})\\d{4}-\\d{2}-\\d{2}T`));

    // sent/ first, then the state with sentAt: wait for both.
    await waitUntil(async () => Boolean((await outboxEntry(outboxDir(), reference))?.state.sentAt), 'the outbox records it sent');
    const entry = await outboxEntry(outboxDir(), reference);
    expect(entry!.status).toBe('sent');
    expect(entry!.record.enqueuedAt.slice(0, 10)).toBe(today);
    expect(entry!.state.sentAt?.slice(0, 10)).toBe(today);

    const records = await service.core.services.records.list();
    expect(records.length).toBeGreaterThan(0);
    for (const record of records) expect(record.at.slice(0, 10)).toBe(today);
    expect(fs.readdirSync(path.join(service.dir, 'records'))).toEqual([`usage-${today.slice(0, 7)}.jsonl`]);
  });
});

describe('the bot process killed right after giving the reference', () => {
  let work: string;
  const children: BotChild[] = [];

  beforeEach(() => {
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'cbp-crash-'));
  });

  afterEach(async () => {
    for (const child of children.splice(0)) await child.kill('SIGKILL');
    fs.rmSync(work, { recursive: true, force: true });
  });

  it('SMTP down, SIGKILL, SMTP back, restart: the email is delivered exactly once', async () => {
    const dir = path.join(work, 'outbox');
    const env = { ESCALATION_DIR: dir, SMTP_URL: smtp.url(), RECORDS_DIR: path.join(work, 'records') };
    await smtp.down();

    const first = await startBotChild(env);
    children.push(first);
    const conversation = newConversation();
    const botSay: typeof say = (id, message, extra = {}) => sayOverHttp(first.url, channel, id, message, extra);
    await toSummary(conversation, { question: 'Sent just before the bot was killed. Will it arrive?', address: 'person@example.com' }, botSay);
    const reference = referenceIn(await botSay(conversation, L.send))!;
    expect(reference).toMatch(/^ECOM-\d{4}-000001$/);

    // Killed as soon as the mailer's first attempt has failed (at once: nothing listens) and it
    // has put the message back in pending/. Killed in the middle of that attempt, the message
    // would wait out the app's 10-minute delivery claim; escalation-smtp.test.ts covers that
    // case with a short claim.
    await waitUntil(async () => {
      const entry = await outboxEntry(dir, reference);
      return entry?.status === 'pending' && entry.state.attempts >= 1;
    }, 'the first delivery attempt failed', 5000);
    await first.kill('SIGKILL');
    expect(first.process.signalCode).toBe('SIGKILL');
    const left = await outboxEntry(dir, reference);
    expect(left?.status).toBe('pending');
    expect(left?.state.lastError).toMatch(/ECONNREFUSED/);
    expect(left?.record.escalation).toMatchObject({ replyTo: 'person@example.com', question: 'Sent just before the bot was killed. Will it arrive?' });

    await smtp.up();
    await letRetryDelaysPass(dir);
    const second = await startBotChild(env);
    children.push(second);
    const mail = await mailWith(reference);
    expect(mail.envelope.to).toEqual([INBOX]);
    expect(mail.parsed.replyTo?.value.map((a) => a.address)).toEqual(['person@example.com']);
    await waitUntil(async () => (await outboxEntry(dir, reference))?.status === 'sent', 'the outbox marks it sent');
    await sleep(500); // more passes of the restarted mailer: nothing goes out twice
    expect(smtp.messages.map((m) => m.parsed.headers.get('x-escalation-reference'))).toEqual([reference]);
    await second.kill('SIGTERM');
  }, 90_000);
});

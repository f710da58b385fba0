/**
 * The email to the E-Commerce team, turn by turn, with botbuilder-testing's DialogTestClient and
 * real services: the real knowledge base and the real outbox on a temporary folder (delivered
 * mail is written as .eml files and parsed back).
 */
import fs from 'node:fs';
import path from 'node:path';
import { ConversationState, MemoryStorage, type Activity, type Storage, type StoreItems } from 'botbuilder';
import { DialogTurnStatus } from 'botbuilder-dialogs';
import { DialogTestClient } from 'botbuilder-testing';
import { simpleParser } from 'mailparser';
import { FileOutboxStore, hashIdempotencyKey, type OutboxRecord, type TranscriptEntry } from '../src/escalation';
import { quoteUserText } from '../src/replies';
import { createTestBotServices, testKnowledgeBase, type TestBotServices, type TestBotServicesOptions } from '../test/helpers/botServices';
import { ESCALATION_LABELS as L, EscalationDialog, waitText } from './EscalationDialog';
import type { GuidedOutcome } from './GuidedDialog';
import type { EscalationOptions } from './ids';

const INBOX = 'ecommerce@cbp.dhs.gov';
const QUESTION = 'I was charged $14 duty on a $30 gift from my aunt in Canada. Is that right?';
const HISTORY: TranscriptEntry[] = [
  { from: 'user', text: 'is a gift from canada duty free', at: '2026-11-25T16:58:00.000Z' },
  { from: 'bot', text: "I'm not sure I understood. Did you mean one of these?", at: '2026-11-25T16:58:01.000Z' },
];

let t: TestBotServices;
const opened: TestBotServices[] = [];

function services(options: TestBotServicesOptions = {}): TestBotServices {
  const s = createTestBotServices(options);
  opened.push(s);
  return s;
}

afterEach(() => {
  for (const s of opened.splice(0)) s.close();
});

/** Sends one message and returns every reply to it. */
async function send(client: DialogTestClient, message: string | Partial<Activity>): Promise<Partial<Activity>[]> {
  const activity = typeof message === 'string' ? { type: 'message', text: message, locale: 'en-US' } : { type: 'message', locale: 'en-US', ...message };
  const replies: Partial<Activity>[] = [];
  for (let reply = await client.sendActivity(activity); reply; reply = client.getNextReply()) replies.push(reply);
  return replies;
}

const text = (replies: Partial<Activity>[]) => replies.map((r) => r.text ?? '').join('\n\n');
const buttons = (replies: Partial<Activity>[]) => replies[replies.length - 1]?.suggestedActions?.actions.map((a) => a.title) ?? [];
const outcome = (client: DialogTestClient) => {
  expect(client.dialogTurnResult.status).toBe(DialogTurnStatus.complete);
  return (client.dialogTurnResult.result as GuidedOutcome).outcome;
};

/** A conversation with the dialog; the first message starts it, as "Email the E-Commerce team" does. */
function dialog(s: TestBotServices, options: EscalationOptions = { question: QUESTION }, conversationState?: ConversationState): DialogTestClient {
  return new DialogTestClient('webchat', new EscalationDialog(s.services), options, undefined, conversationState);
}

async function stored(s: TestBotServices): Promise<OutboxRecord[]> {
  const entries = await s.escalation.store.list('pending');
  return entries.map((e) => e.record);
}

async function delivered(s: TestBotServices, reference: string) {
  await s.escalation.mailer.flush();
  return simpleParser(fs.readFileSync(path.join(s.escalation.config.escalationDir, 'sent', `${reference}.eml`)));
}

const referenceIn = (replies: Partial<Activity>[]) => /\*\*(ECOM-\d{4}-\d{6})\*\*/.exec(text(replies))?.[1];

describe('EscalationDialog: the happy paths', () => {
  it('with a reply-to address and the conversation: asks one thing at a time, stores, then gives the reference', async () => {
    const guess = testKnowledgeBase().documents.find((d) => d.topic === 'gifts-travel')!;
    t = services({ history: HISTORY });
    const client = dialog(t, { question: QUESTION, guesses: [guess.title] });

    let replies = await send(client, 'Email the E-Commerce team');
    expect(text(replies)).toContain('I can send your question to the CBP E-Commerce team by email.');
    expect(text(replies)).toContain('they will reply to you by email');
    expect(text(replies)).toContain('do not include card numbers, passwords or ID numbers');
    expect(buttons(replies)).toEqual([L.confirm, L.decline]);

    replies = await send(client, L.confirm);
    expect(text(replies)).toContain('This is the question I will send:');
    expect(text(replies)).toContain('> I was charged $14 duty on a $30 gift from my aunt in Canada. Is that right?');
    expect(buttons(replies)).toEqual([L.keepQuestion, L.changeQuestion]);

    replies = await send(client, L.keepQuestion);
    expect(text(replies)).toContain('What email address should the team reply to? This is optional.');
    expect(buttons(replies)).toEqual([L.skipAddress]);

    replies = await send(client, '  person@example.com ');
    expect(text(replies)).toContain('Should I include our conversation so far (the last 2 messages)?');
    expect(buttons(replies)).toEqual([L.includeTranscript, L.questionOnly]);

    replies = await send(client, L.includeTranscript);
    const summary = text(replies);
    expect(summary).toContain(`Here is exactly what I will send to the CBP E-Commerce team at ${INBOX}:`);
    expect(summary).toContain('> I was charged $14 duty');
    expect(summary).toContain('**Reply to:** person@example.com');
    expect(summary).toContain('**Our conversation:** included (the last 2 messages)');
    expect(summary).toContain(quoteUserText(guess.title));
    expect(buttons(replies)).toEqual([L.send, L.back, L.cancel]);
    expect(await stored(t)).toHaveLength(0); // nothing before "Send"

    replies = await send(client, { text: L.send, id: 'send-activity-1' });
    const reference = referenceIn(replies)!;
    expect(reference).toMatch(/^ECOM-\d{4}-000001$/);
    expect(text(replies)).toContain(`Sent. Your reference number is **${reference}**. The team will reply to person@example.com.`);
    expect(text(replies)).toContain('**What happens next**');
    expect(buttons(replies)).toEqual(['Ask a question', 'Check my shipment']);
    expect(outcome(client)).toBe('completed');

    // Stored before the person was told, exactly as summarised.
    const [record] = await stored(t);
    expect(record!.reference).toBe(reference);
    expect(record!.escalation).toMatchObject({
      question: QUESTION,
      replyTo: 'person@example.com',
      channelId: 'webchat',
      locale: 'en-US',
      conversationId: 'Convo1',
      guesses: [guess.title],
      topic: 'Gifts and travel',
      createdAt: '2026-11-25T17:00:00.000Z',
      transcript: HISTORY,
    });

    const mail = await delivered(t, reference);
    expect(mail.to).toMatchObject({ value: [{ address: INBOX }] });
    expect(mail.subject).toBe(`[${reference}] Gifts and travel from the CBP E-Commerce Assistant`);
    expect(mail.replyTo?.value.map((a) => a.address)).toEqual(['person@example.com']);
    expect(mail.text).toContain(QUESTION);
    expect(mail.text).toContain("CONVERSATION (shared with the person's consent)");
    expect(mail.text).toContain('Person: is a gift from canada duty free');
  });

  it('skipping the address: says the team cannot answer personally, sends no Reply-To', async () => {
    t = services({ history: HISTORY });
    const client = dialog(t);
    await send(client, 'talk to a person');
    await send(client, 'yes');
    await send(client, 'send this question');
    let replies = await send(client, L.skipAddress);
    expect(text(replies)).toContain('OK, no email address. Without one, the team cannot answer you personally.');
    replies = await send(client, L.questionOnly);
    expect(text(replies)).toContain('**Reply to:** no address. The team cannot answer you personally.');
    expect(text(replies)).toContain('**Our conversation:** not included');
    replies = await send(client, L.send);
    expect(text(replies)).toContain('You did not give an email address, so the team cannot answer you personally.');
    const reference = referenceIn(replies)!;
    const [record] = await stored(t);
    expect(record!.escalation.replyTo).toBeUndefined();
    expect(record!.escalation.transcript).toBeUndefined(); // the default: the question only
    const mail = await delivered(t, reference);
    expect(mail.replyTo).toBeUndefined();
    expect(mail.text).not.toContain('CONVERSATION');
    expect(mail.subject).toBe(`[${reference}] Question from the CBP E-Commerce Assistant`); // no guesses, no topic
  });

  it('changing the question: "Change it", then only the newly typed question is summarised and sent', async () => {
    t = services();
    const client = dialog(t);
    await send(client, 'Email the E-Commerce team');
    await send(client, L.confirm);
    let replies = await send(client, L.changeQuestion);
    expect(text(replies)).toContain('Please type the question you want to send to the team.');
    expect(buttons(replies)).toEqual([]);
    replies = await send(client, 'My parcel from Japan has been held for 3 weeks. Who can I ask about it?');
    expect(text(replies)).toContain('What email address should the team reply to?');
    replies = await send(client, 'Skip');
    expect(text(replies)).toContain('> My parcel from Japan has been held for 3 weeks. Who can I ask about it?');
    expect(text(replies)).not.toContain('I was charged');
    await send(client, L.send);
    const [record] = await stored(t);
    expect(record!.escalation.question).toBe('My parcel from Japan has been held for 3 weeks. Who can I ask about it?');
  });

  it('without an earlier conversation there is no consent question, and the summary says nothing about one', async () => {
    t = services();
    const client = dialog(t);
    await send(client, 'Email the E-Commerce team');
    await send(client, L.confirm);
    await send(client, L.keepQuestion);
    const replies = await send(client, 'person@example.com');
    expect(text(replies)).toContain('Here is exactly what I will send');
    expect(text(replies)).not.toContain('Our conversation');
    expect(text(replies)).toContain('**Also sent:** where you asked, your language setting and the time.');
  });

  it('typing a new wording at the "send this question?" step takes it as the question', async () => {
    t = services();
    const client = dialog(t);
    await send(client, 'Email the E-Commerce team');
    await send(client, L.confirm);
    const replies = await send(client, 'Actually I want to ask how to report a fake seller on a marketplace');
    expect(text(replies)).toContain('OK, I will send what you just typed instead.');
    expect(text(replies)).toContain('What email address should the team reply to?');
  });

  it('with no question to offer, asks the person to type it', async () => {
    t = services();
    const client = dialog(t, {});
    await send(client, 'talk to a person');
    const replies = await send(client, L.confirm);
    expect(text(replies)).toContain('Please type the question you want to send to the team.');
    expect(text(replies)).toContain('Please do not include card numbers, passwords or ID numbers.');
    expect(text(await send(client, 'ok'))).toContain('Please type your question in a few words');
    expect(text(await send(client, 'Send'))).toContain('Please type your question in a few words'); // a button label is not a question
  });

  it('"No thanks" at the start sends nothing', async () => {
    t = services();
    const client = dialog(t);
    await send(client, 'Email the E-Commerce team');
    const replies = await send(client, L.decline);
    expect(text(replies)).toContain('OK, I will not send anything.');
    expect(text(replies)).toContain(INBOX);
    expect(outcome(client)).toBe('cancelled');
    expect(await stored(t)).toHaveLength(0);
  });
});

describe('EscalationDialog: what people type', () => {
  async function toAddressStep(client: DialogTestClient) {
    await send(client, 'Email the E-Commerce team');
    await send(client, L.confirm);
    await send(client, L.keepQuestion);
  }

  it('a malformed address is re-prompted, then a good one is taken', async () => {
    t = services();
    const client = dialog(t);
    await toAddressStep(client);
    for (const bad of ['person@', 'person at example dot com', 'person@example', 'Person <person@example.com>', 'a@b.com c@d.com']) {
      const replies = await send(client, bad);
      expect(text(replies)).toContain('That does not look like an email address. Please type it like **name@example.com**, or choose **Skip**.');
      expect(text(replies)).toContain('What email address should the team reply to?');
    }
    const replies = await send(client, 'mailto:person@example.com');
    expect(text(replies)).toContain('Here is exactly what I will send');
    expect(text(replies)).toContain('**Reply to:** person@example.com');
  });

  it('header injection in the address is refused; nothing extra reaches the email', async () => {
    t = services();
    const client = dialog(t);
    await toAddressStep(client);
    for (const attack of ['x@y.com\r\nBcc: evil@z.com', 'x@y.com\nBcc: evil@z.com', 'x@y.com, evil@z.com', 'x@y.com%0d%0aBcc:evil@z.com']) {
      expect(text(await send(client, attack))).toContain('That does not look like an email address');
    }
    await send(client, 'x@y.com');
    const replies = await send(client, L.send);
    const mail = await delivered(t, referenceIn(replies)!);
    expect(mail.bcc).toBeUndefined();
    expect(mail.cc).toBeUndefined();
    expect(mail.replyTo?.value.map((a) => a.address)).toEqual(['x@y.com']);
    expect(mail.to).toMatchObject({ value: [{ address: INBOX }] });
  });

  it('header injection in the question stays in the body', async () => {
    t = services();
    const client = dialog(t, {});
    await send(client, 'Email the E-Commerce team');
    await send(client, L.confirm);
    await send(client, 'Hello team\r\nBcc: evil@z.com\r\nX-Injected: 1\r\n\r\nis this duty right?');
    await send(client, L.skipAddress);
    const mail = await delivered(t, referenceIn(await send(client, L.send))!);
    expect(mail.bcc).toBeUndefined();
    expect(mail.headers.has('x-injected')).toBe(false);
    expect(mail.text).toContain('Bcc: evil@z.com');
  });

  it('a card number is removed, with a warning, from what is shown, stored and sent', async () => {
    t = services();
    const client = dialog(t, {});
    await send(client, 'Email the E-Commerce team');
    await send(client, L.confirm);
    let replies = await send(client, 'I was charged twice on my card 4111 1111 1111 1111 for the duty on order 123456');
    expect(text(replies)).toContain('I removed what looked like a card number. Never send card numbers, passwords or ID numbers.');
    replies = await send(client, L.skipAddress);
    expect(text(replies)).toContain('card \\[card number removed\\] for the duty on order 123456');
    expect(text(replies)).not.toContain('4111');
    const reference = referenceIn(await send(client, L.send))!;
    const raw = fs.readFileSync(path.join(t.escalation.config.escalationDir, 'pending', `${reference}.json`), 'utf8');
    expect(raw).not.toContain('4111');
    const mail = await delivered(t, reference);
    expect(mail.text).toContain('[card number removed]');
    expect(mail.text).not.toContain('4111');
  });

  it('a card number in the offered question is removed before it is shown', async () => {
    t = services();
    const client = dialog(t, { question: 'refund to card 5500 0000 0000 0004 please' });
    await send(client, 'Email the E-Commerce team');
    const replies = await send(client, L.confirm);
    expect(text(replies)).toContain('I removed what looked like a card number.');
    expect(text(replies)).toContain('> refund to card \\[card number removed\\] please');
    expect(text(replies)).not.toContain('5500');
  });

  it('a question over 2,000 characters is refused with the limit; markup in a question is shown as text', async () => {
    t = services();
    const client = dialog(t, {});
    await send(client, 'Email the E-Commerce team');
    await send(client, L.confirm);
    const long = `${'Why was I charged duty? '.repeat(90)}`.trim();
    expect(long.length).toBeGreaterThan(2000);
    expect(text(await send(client, long))).toContain('please keep your question under 2,000 characters');
    const replies = await send(client, 'Is <script>alert(1)</script> **allowed** in [a link](http://x.example)?');
    expect(text(replies)).toContain('What email address');
    const summary = text(await send(client, L.skipAddress));
    expect(summary).toContain('> Is &lt;script&gt;alert\\(1\\)&lt;/script&gt; \\*\\*allowed\\*\\* in \\[a link\\]\\(http://x.example\\)?');
  });

  it('"talk to a person" while writing keeps the email going; a question that mentions contacting CBP is taken as the question', async () => {
    t = services();
    const client = dialog(t, {});
    await send(client, 'Email the E-Commerce team');
    let replies = await send(client, 'talk to a person');
    expect(text(replies)).toContain('You are already writing to the CBP E-Commerce team.');
    expect(buttons(replies)).toEqual([L.confirm, L.decline]);
    await send(client, L.confirm);
    replies = await send(client, 'How do I contact CBP about a parcel that was seized last week?');
    expect(text(replies)).toContain('What email address should the team reply to?');
    replies = await send(client, L.skipAddress);
    expect(text(replies)).toContain('> How do I contact CBP about a parcel that was seized last week?');
  });

  it('while the question is typed, nothing typed is taken as a search or a shipment check', async () => {
    t = services();
    const client = dialog(t, {});
    await send(client, 'Email the E-Commerce team');
    await send(client, L.confirm);
    const replies = await send(client, 'do I have to pay duty on a gift from the UK worth $90?');
    expect(text(replies)).not.toContain('Now, back to where we were');
    expect(text(replies)).toContain('What email address should the team reply to?');
    expect(text(await send(client, L.skipAddress))).toContain('> do I have to pay duty on a gift from the UK worth $90?');
  });

  it('a knowledge question at a button step is answered, then the step is asked again', async () => {
    t = services();
    const client = dialog(t);
    await send(client, 'Email the E-Commerce team');
    const replies = await send(client, 'is the $800 duty free limit still in effect?');
    expect(text(replies)).toContain('Now, back to where we were:');
    expect(buttons(replies)).toEqual([L.confirm, L.decline]);
  });
});

/** Drives a fresh dialog to one step; returns the client. */
type Step = 'confirm' | 'question' | 'typing' | 'replyTo' | 'transcript' | 'summary';
const STEP_PROMPTS: Record<Step, string> = {
  confirm: 'Do you want me to email the team?',
  question: 'This is the question I will send:',
  typing: 'Please type the question you want to send to the team.',
  replyTo: 'What email address should the team reply to?',
  transcript: 'Should I include our conversation so far',
  summary: 'Here is exactly what I will send',
};
const STEP_HELP: Record<Step, string> = {
  confirm: 'I can forward your question by email to the E-Commerce team of U.S. Customs and Border Protection (CBP).',
  question: 'This is the question the team will read.',
  typing: 'Type your question in your own words, in up to 2,000 characters.',
  replyTo: 'The team uses your email address only to answer you.',
  transcript: 'The conversation shows the team what you already asked and what I answered.',
  summary: 'Choose **Send** to send this email, **Go back** to change something, or **Cancel** to send nothing.',
};
const PREVIOUS: Record<Step, Step | undefined> = {
  confirm: undefined,
  question: 'confirm',
  typing: 'question',
  replyTo: 'question',
  transcript: 'replyTo',
  summary: 'transcript',
};

async function driveTo(step: Step): Promise<DialogTestClient> {
  const client = dialog(t);
  const path: string[] = ['Email the E-Commerce team'];
  const order: Step[] = ['confirm', 'question', 'replyTo', 'transcript', 'summary'];
  const answers: Record<string, string> = { confirm: L.confirm, question: L.keepQuestion, replyTo: 'person@example.com', transcript: L.includeTranscript };
  if (step === 'typing') path.push(L.confirm, L.changeQuestion);
  else for (const s of order.slice(0, order.indexOf(step))) path.push(answers[s]!);
  let replies: Partial<Activity>[] = [];
  for (const message of path) replies = await send(client, message);
  expect(text(replies)).toContain(STEP_PROMPTS[step]);
  return client;
}

describe.each<Step>(['confirm', 'question', 'typing', 'replyTo', 'transcript', 'summary'])('EscalationDialog at the %s step', (step) => {
  beforeEach(() => {
    t = services({ history: HISTORY });
  });

  it('help explains this step and asks it again', async () => {
    const client = await driveTo(step);
    const replies = await send(client, 'help');
    expect(replies[0]!.text).toContain(STEP_HELP[step]);
    expect(text(replies.slice(1))).toContain(STEP_PROMPTS[step]);
  });

  it('back returns to the previous step', async () => {
    const client = await driveTo(step);
    const replies = await send(client, 'back');
    const previous = PREVIOUS[step];
    if (previous) {
      expect(text(replies)).toContain(STEP_PROMPTS[previous]);
    } else {
      expect(text(replies)).toContain('This is the first question.');
      expect(text(replies)).toContain(STEP_PROMPTS.confirm);
    }
  });

  it('cancel leaves and sends nothing', async () => {
    const client = await driveTo(step);
    const replies = await send(client, 'cancel');
    expect(text(replies)).toContain('Nothing was sent.');
    expect(outcome(client)).toBe('cancelled');
    await t.escalation.mailer.flush();
    expect(await stored(t)).toHaveLength(0);
    expect(fs.existsSync(path.join(t.escalation.config.escalationDir, 'sent')) ? fs.readdirSync(path.join(t.escalation.config.escalationDir, 'sent')) : []).toEqual([]);
  });
});

describe('EscalationDialog: back keeps what was typed', () => {
  it('back from the address shows the typed question with "Send this question" / "Change it"; back from the summary re-asks consent', async () => {
    t = services({ history: HISTORY });
    const client = dialog(t, {});
    await send(client, 'Email the E-Commerce team');
    await send(client, L.confirm);
    await send(client, 'Why was my gift from Canada charged duty?');
    let replies = await send(client, 'go back');
    expect(text(replies)).toContain('> Why was my gift from Canada charged duty?');
    expect(buttons(replies)).toEqual([L.keepQuestion, L.changeQuestion]);
    await send(client, L.keepQuestion);
    await send(client, 'person@example.com');
    await send(client, L.questionOnly);
    replies = await send(client, L.back);
    expect(text(replies)).toContain(STEP_PROMPTS.transcript);
    replies = await send(client, L.includeTranscript);
    expect(text(replies)).toContain('**Our conversation:** included');
    expect(text(replies)).toContain('**Reply to:** person@example.com');
  });

  it('restart starts over with the same question offered', async () => {
    t = services();
    const client = dialog(t);
    await send(client, 'Email the E-Commerce team');
    await send(client, L.confirm);
    const replies = await send(client, 'start over');
    expect(text(replies)).toContain("OK, let's start over.");
    expect(buttons(replies)).toEqual([L.confirm, L.decline]);
    expect(text(await send(client, L.confirm))).toContain(`> ${QUESTION}`);
  });
});

describe('EscalationDialog: limits, retries and failures', () => {
  async function escalateOnce(client: DialogTestClient, id?: string): Promise<Partial<Activity>[]> {
    await send(client, 'Email the E-Commerce team');
    await send(client, L.confirm);
    await send(client, L.keepQuestion);
    await send(client, L.skipAddress);
    return send(client, id ? { text: L.send, id } : L.send);
  }

  it('the 4th email from one conversation in an hour is refused, clearly, before any question', async () => {
    t = services();
    for (let i = 1; i <= 3; i++) {
      const replies = await escalateOnce(dialog(t), `send-${i}`);
      expect(referenceIn(replies)).toMatch(new RegExp(`-00000${i}$`));
    }
    const client = dialog(t);
    const replies = await send(client, 'Email the E-Commerce team');
    expect(text(replies)).toContain('You have already sent 3 messages to the CBP E-Commerce team in the last hour.');
    expect(text(replies)).toMatch(/Please try again in about (59|60) minutes, or write to the team yourself at ecommerce@cbp\.dhs\.gov\./);
    expect(outcome(client)).toBe('cancelled');
    expect(await stored(t)).toHaveLength(3);
  });

  it('the global cap does not refuse: the email is saved with a reference and the person is told it will be sent later', async () => {
    t = services({ escalation: { rateLimits: { perConversation: { limit: 3, windowMs: 3_600_000 }, perClient: { limit: 5, windowMs: 3_600_000 }, global: { limit: 1, windowMs: 600_000 } } } });
    t.escalation.limiter.record({ conversationId: 'another-conversation', client: 'someone-else' });
    const client = dialog(t);
    await send(client, 'Email the E-Commerce team');
    await send(client, L.confirm);
    await send(client, L.keepQuestion);
    await send(client, L.skipAddress);
    const replies = await send(client, L.send);
    expect(text(replies)).toMatch(/Saved\. Your reference number is \*\*ECOM-\d{4}-\d{6}\*\*\. Because many messages are waiting, it will be sent within about 10 minutes\./);
    expect(await stored(t)).toHaveLength(1);
  });

  it('one person is limited across conversations: a new conversation is not a new allowance', async () => {
    t = services();
    for (let i = 0; i < 5; i++) t.escalation.limiter.record({ conversationId: `earlier-${i}`, client: 'user:webchat:user1' });
    const replies = await send(dialog(t), 'Email the E-Commerce team');
    expect(text(replies)).toContain('You have already sent 5 messages to the CBP E-Commerce team in the last hour. That is the most I can send for one person');
    expect(text(replies)).toContain('Please try again in about');
  });

  it('the limit reached while the person was writing: refused at "Send", nothing stored', async () => {
    t = services();
    const client = dialog(t);
    await send(client, 'Email the E-Commerce team');
    await send(client, L.confirm);
    await send(client, L.keepQuestion);
    await send(client, L.skipAddress);
    for (let i = 0; i < 3; i++) t.escalation.limiter.record('Convo1');
    const replies = await send(client, L.send);
    expect(text(replies)).toContain('You have already sent 3 messages');
    expect(text(replies)).not.toContain('Sent.');
    expect(await stored(t)).toHaveLength(0);
  });

  /** Conversation state whose writes can be dropped: a turn that ran but was never saved (a crash, or a retry racing the first try). */
  class UnsavedTurnStorage implements Storage {
    readonly inner = new MemoryStorage();
    dropWrites = false;
    read(keys: string[]): Promise<StoreItems> {
      return this.inner.read(keys);
    }
    write(changes: StoreItems): Promise<void> {
      return this.dropWrites ? Promise.resolve() : this.inner.write(changes);
    }
    delete(keys: string[]): Promise<void> {
      return this.inner.delete(keys);
    }
  }

  it('a retried "Send" (same activity id) gets the same reference, stores one message and counts once', async () => {
    t = services();
    const storage = new UnsavedTurnStorage();
    const client = dialog(t, { question: QUESTION }, new ConversationState(storage));
    await send(client, 'Email the E-Commerce team');
    await send(client, L.confirm);
    await send(client, L.keepQuestion);
    await send(client, 'person@example.com');
    storage.dropWrites = true; // the first "Send" runs, but its state is never saved
    const first = await send(client, { text: L.send, id: 'activity-send-7' });
    const retried = await send(client, { text: L.send, id: 'activity-send-7' });
    const reference = referenceIn(first)!;
    expect(referenceIn(retried)).toBe(reference);
    expect(text(retried)).toContain(`Sent. Your reference number is **${reference}**.`);
    expect((await stored(t)).map((r) => r.reference)).toEqual([reference]);
    const keys = new FileOutboxStore(t.escalation.config.escalationDir);
    expect(await keys.findReferenceByKey(hashIdempotencyKey('Convo1:activity-send-7'))).toBe(reference);
    // Counted once: two more are allowed in this hour.
    t.escalation.limiter.record('Convo1');
    expect(t.escalation.limiter.check('Convo1').allowed).toBe(true);
    await t.escalation.mailer.flush();
    expect(fs.readdirSync(path.join(t.escalation.config.escalationDir, 'sent')).filter((n) => n.endsWith('.eml'))).toEqual([`${reference}.eml`]);
  });

  it('a retried "Send" that arrives after the limit was reached still gets its reference, not a refusal', async () => {
    t = services({ escalation: { rateLimits: { perConversation: { limit: 1, windowMs: 3_600_000 }, perClient: { limit: 5, windowMs: 3_600_000 }, global: { limit: 60, windowMs: 600_000 } } } });
    const storage = new UnsavedTurnStorage();
    const client = dialog(t, { question: QUESTION }, new ConversationState(storage));
    await send(client, 'Email the E-Commerce team');
    await send(client, L.confirm);
    await send(client, L.keepQuestion);
    await send(client, L.skipAddress);
    storage.dropWrites = true;
    const first = await send(client, { text: L.send, id: 'activity-send-8' });
    const retried = await send(client, { text: L.send, id: 'activity-send-8' });
    expect(referenceIn(retried)).toBe(referenceIn(first));
    expect(await stored(t)).toHaveLength(1);
    // A different activity is a new email, and that one is over the limit.
    const other = await send(client, { text: L.send, id: 'activity-send-9' });
    expect(text(other)).toContain('You have already sent a message to the CBP E-Commerce team in the last hour.');
  });

  it('a disk error when storing: no success message, the inbox address instead, and nothing counted', async () => {
    const blocker = createTestBotServices();
    opened.push(blocker);
    const file = path.join(blocker.dir, 'not-a-folder');
    fs.writeFileSync(file, 'x');
    t = services({ escalation: { escalationDir: path.join(file, 'outbox') } }); // ENOTDIR on every write
    const client = dialog(t);
    const replies = await escalateOnce(client);
    expect(text(replies)).toContain('Sorry, I could not send your message because of a problem on my side. **Nothing was sent.**');
    expect(text(replies)).toContain(`Please write to the CBP E-Commerce team yourself at ${INBOX}.`);
    expect(text(replies)).not.toMatch(/Sent\.|reference number/);
    expect(outcome(client)).toBe('cancelled');
    expect(t.escalation.limiter.check('Convo1').allowed).toBe(true);
  });

  it('a store that fails while writing the message: no success message', async () => {
    t = services();
    const real = new FileOutboxStore(path.join(t.dir, 'outbox'));
    const failing = Object.assign(Object.create(real) as FileOutboxStore, {
      addPending: async () => {
        throw Object.assign(new Error('EIO: i/o error, write'), { code: 'EIO' });
      },
    });
    t = services({ overrides: { store: failing } });
    const replies = await escalateOnce(dialog(t));
    expect(text(replies)).toContain('**Nothing was sent.**');
    expect(referenceIn(replies)).toBeUndefined();
  });

  it('a question with nothing left after cleaning (control characters only) is asked again', async () => {
    t = services();
    const client = dialog(t, {});
    await send(client, 'Email the E-Commerce team');
    await send(client, L.confirm);
    const replies = await send(client, '\u0007\u0007\u0007\u0007\u0007\u0007\u202e\u202e');
    expect(text(replies)).toContain('Please type your question in a few words');
  });
});

describe('waitText', () => {
  it('rounds up to whole minutes and switches to hours', () => {
    expect(waitText(1)).toBe('about 1 minute');
    expect(waitText(61)).toBe('about 2 minutes');
    expect(waitText(3600)).toBe('about 60 minutes');
    expect(waitText(3 * 3600)).toBe('about 3 hours');
  });
});

describe('button labels', () => {
  it('are at most 25 characters', () => {
    for (const label of Object.values(L)) expect(label.length).toBeLessThanOrEqual(25);
  });
});

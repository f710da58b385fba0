/**
 * The Azure Bot Service Email channel end to end over HTTP: the real service receives
 * `channelId: 'email'` activities (sender address, thread id, the email body as text, subject and
 * HTML body in channelData) and answers with a plain text body plus a simple HTML body in
 * `channelData.htmlBody` — no cards, no buttons, follow-ups listed as text.
 */
import { ESCALATION_LABELS as ESC } from '../dialogs/EscalationDialog';
import { LABELS } from '../src/intents';
import type { KnowledgeDoc } from '../src/knowledge';
import { startTestChannel, type ReceivedActivity, type TestChannel } from './helpers/channel';
import { EmailChat, htmlBodyOf } from './helpers/email';
import { startTestService, type TestService } from './helpers/service';

let channel: TestChannel;
let service: TestService;

beforeAll(async () => {
  channel = await startTestChannel();
  service = await startTestService();
});

afterAll(async () => {
  await service?.close();
  await channel?.close();
});

const QUESTION = 'Is the $800 duty free limit still available?';
const newThread = () => new EmailChat(service.url, channel);
const doc = (id: string): KnowledgeDoc => service.core.content.knowledge().get(id)!;

/** Exactly one reply, and it is an email: plain text plus HTML, nothing an email cannot show. */
function onlyEmail(replies: ReceivedActivity[]): ReceivedActivity & { text: string } {
  expect(replies).toHaveLength(1);
  const reply = replies[0];
  expect(reply.type).toBe('message');
  expect(reply.textFormat).toBe('plain');
  expect(reply.attachments ?? []).toEqual([]);
  expect(reply.suggestedActions).toBeUndefined();
  expect(typeof reply.text).toBe('string');
  const html = htmlBodyOf(reply);
  expect(html).toMatch(/^<html><body[^>]*>/);
  expect(html).toMatch(/<\/body><\/html>$/);
  expect(html).not.toMatch(/<(script|img|iframe|object)\b|href="javascript:/i); // never a live tag from user text
  return reply as ReceivedActivity & { text: string };
}

describe('answers by email', () => {
  it('a question gets the answer as plain text: title, answer, sources with URLs, reviewed date, follow-ups as text', async () => {
    const expected = doc('de-minimis-suspended');
    const { id, replies } = await newThread().sendWithId(QUESTION);
    const reply = onlyEmail(replies);
    expect(reply.replyToId).toBe(id); // answers in the person's thread

    const text = reply.text;
    expect(text.startsWith(`${expected.title}\n\n`)).toBe(true);
    expect(text).toContain(expected.body.split('\n\n')[0].trim());
    expect(text).not.toMatch(/\*\*|\]\(|^#/m); // no markdown left
    expect(text).toContain(expected.sources.length > 1 ? '\nSources:\n' : '\nSource:\n');
    for (const source of expected.sources) expect(text).toContain(`${source.title}: ${source.url}`);
    expect(text).toContain('\nReviewed 25 Nov 2026');
    const related = expected.related.slice(0, 3).map((id) => doc(id).label);
    expect(text.endsWith([
      ['You can also ask:', ...related.map((l) => `- ${l}`)].join('\n'),
      `Did this answer help? Reply "${LABELS.helpful}" or "${LABELS.notHelpful}".`,
    ].join('\n\n'))).toBe(true);
  });

  it('the same answer as simple HTML with real links, and no new subject (the reply stays in the thread)', async () => {
    const expected = doc('de-minimis-suspended');
    const reply = onlyEmail(await newThread().send(QUESTION));
    const html = htmlBodyOf(reply);
    expect(html).toContain(`>${expected.title}</h2>`);
    expect(html).toContain('<ul><li>');
    for (const source of expected.sources) expect(html).toContain(`<a href="${source.url}">`);
    expect(html).toContain('Reviewed 25 Nov 2026');
    expect(html).toContain(`<p>You can also ask:</p>\n<ul><li>${doc(expected.related[0]).label.replace(/'/g, '&#39;')}</li>`);
    expect(html).not.toContain('**');
    expect((reply.channelData as { subject?: string }).subject).toBeUndefined();
  });

  it('an email with a greeting and a signature gets the same document', async () => {
    const body = `Hello,\n\n${QUESTION}\n\nThanks,\nDana Rivera\n\nSent from my phone`;
    const reply = onlyEmail(await newThread().send(body));
    expect(reply.text.split('\n')[0]).toBe(doc('de-minimis-suspended').title);
  });

  it('writing back one of the listed follow-ups answers that document', async () => {
    const thread = newThread();
    const first = onlyEmail(await thread.send(QUESTION));
    const follow = doc(doc('de-minimis-suspended').related[0]);
    expect(first.text).toContain(`- ${follow.label}`);
    const reply = onlyEmail(await thread.send(follow.label));
    expect(reply.text.split('\n')[0]).toBe(follow.title);
  });

  it('a question it cannot answer: an honest answer with the ways on listed as text', async () => {
    const reply = onlyEmail(await newThread().send('do you sell kayaks'));
    expect(reply.text).toContain("Sorry, I don't have an answer to that.");
    expect(reply.text).toContain(['You can also ask:', `- ${LABELS.checkShipment}`, `- ${LABELS.isDeMinimisOver}`, `- ${LABELS.email}`].join('\n'));
    expect(htmlBodyOf(reply)).toContain(`<ul><li>${LABELS.checkShipment}</li>`);
  });

  it('staff commands are ordinary text by email', async () => {
    for (const command of ['stats', 'unanswered', 'kb gift', 'reload']) {
      const reply = onlyEmail(await newThread().send(command));
      expect(reply.text).not.toMatch(/Usage statistics|Questions: \d|Unanswered questions|Id: |Reloaded|Reload failed|records read/);
    }
  });
});

describe('the duty-free check by email', () => {
  it('each question lists its possible answers as text to write back; the verdict comes as text with its facts, no card', async () => {
    const thread = newThread();
    let reply = onlyEmail(await thread.send(LABELS.checkShipment));
    expect(reply.text).toContain('What kind of shipment is it?');
    expect(reply.text).toContain('You can reply with one of these:\n- Something I bought\n- A gift sent to me');
    expect(reply.text).not.toContain('You can also ask:');
    expect(htmlBodyOf(reply)).toContain('<p>You can reply with one of these:</p>\n<ul><li>Something I bought</li>');

    reply = onlyEmail(await thread.send('A gift sent to me\n\nThanks,\nDana'));
    expect(reply.text).toContain('How much is the gift worth, in U.S. dollars?');
    reply = onlyEmail(await thread.send('$80'));
    expect(reply.text).toContain('Does the gift contain any of these worth more than $5?');
    reply = onlyEmail(await thread.send('None of these'));
    reply = onlyEmail(await thread.send('Only this gift'));

    expect(reply.text.split('\n')[0]).toBe('Result: duty-free as a gift');
    expect(reply.text).toContain('- Value: $80');
    expect(reply.text).toContain('This check is general guidance, not a binding ruling');
    expect(reply.text).not.toMatch(/\*\*|\]\(/);
    expect(htmlBodyOf(reply)).toContain('<strong>Value:</strong> $80');
    expect(reply.text).toContain(['You can also ask:', `- ${LABELS.checkAnother}`, `- ${LABELS.askQuestion}`, `- ${LABELS.email}`].join('\n'));
  });
});

describe('the email to the E-Commerce team, asked for by email', () => {
  it('works to a reference, and what the person wrote is escaped in the HTML body', async () => {
    const thread = newThread();
    let reply = onlyEmail(await thread.send(LABELS.email));
    expect(reply.text).toContain('Do you want me to email the team?');
    expect(reply.text).toContain(`You can reply with one of these:\n- ${ESC.confirm}\n- ${ESC.decline}`);
    reply = onlyEmail(await thread.send(ESC.confirm));
    if (reply.text.includes('This is the question I will send')) reply = onlyEmail(await thread.send(ESC.changeQuestion));
    expect(reply.text).toContain('Please type the question you want to send');
    reply = onlyEmail(await thread.send('My order <b>shoes & "bags"</b> from the UK was charged duty <img src=x onerror=alert(1)> twice. Why?'));
    expect(reply.text).toContain('What email address should the team reply to?');
    reply = onlyEmail(await thread.send('dana.rivera@example.com'));
    if (reply.text.includes('Should I include our conversation')) reply = onlyEmail(await thread.send(ESC.questionOnly));
    expect(reply.text).toContain('Here is exactly what I will send');
    expect(reply.text).toContain('<b>shoes & "bags"</b>'); // plain text shows what was typed, as text
    const html = htmlBodyOf(reply);
    expect(html).toContain('&lt;b&gt;shoes &amp; &quot;bags&quot;&lt;/b&gt;');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');

    reply = onlyEmail(await thread.send(ESC.send));
    expect(reply.text).toMatch(/Sent\. Your reference number is ECOM-\d{4}-\d{6}\. The team will reply to dana\.rivera@example\.com\./);
  });
});

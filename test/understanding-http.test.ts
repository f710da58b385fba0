/**
 * Real messages end to end over HTTP (issue 17's "done when"): the real service (restify,
 * CloudAdapter, MainDialog, the knowledge folder, the rules and the names table), a clock
 * stopped on 25 Nov 2026 and the test channel taking the replies.
 *   - a message with a story, a platform name and a value gets a direct, correct, sourced verdict;
 *   - two questions in one message are both handled: the main one answered, the other offered
 *     as a button that answers it (and answered briefly too when it is answered outright).
 */
import path from 'node:path';
import { verdictSources } from '../dialogs/verdict';
import { LABELS } from '../src/intents';
import { loadKnowledgeBase, type KnowledgeBase } from '../src/knowledge';
import { assess } from '../src/rules';
import { say as sayOverHttp, startTestChannel, type ReceivedActivity, type TestChannel } from './helpers/channel';
import { buttonsOf, testRuleSet, textOf, verdictOf } from './helpers/eligibility';
import { startTestService, TEST_TODAY, type TestService } from './helpers/service';

let channel: TestChannel;
let service: TestService;
let kb: KnowledgeBase;
let conversationCounter = 0;

beforeAll(async () => {
  const loaded = loadKnowledgeBase(path.resolve(__dirname, '..', 'knowledge'), { today: TEST_TODAY });
  if (!loaded.kb) throw new Error('knowledge folder has errors');
  kb = loaded.kb;
  channel = await startTestChannel();
  service = await startTestService();
});

afterAll(async () => {
  await service?.close();
  await channel?.close();
});

const newConversation = () => `understanding-http-${process.pid}-${++conversationCounter}`;
const say = (conversationId: string, text: string): Promise<ReceivedActivity[]> => sayOverHttp(service.url, channel, conversationId, text, { channelId: 'webchat' });
const doc = (id: string) => {
  const d = kb.get(id);
  if (!d) throw new Error(`no document ${id}`);
  return d;
};
/** The markdown links of a reply's citation line ("Sources: [title](url) · … · Reviewed …"). */
function citedUrls(text: string): string[] {
  const line = text.split('\n').reverse().find((l) => /^Sources?: \[/.test(l));
  return line ? [...line.matchAll(/\]\((https?:\/\/[^)\s]+)\)/g)].map((m) => m[1]) : [];
}

const STORY = 'I make soy candles as a hobby and buy all my supplies online. I just ordered $25 of wicks on Temu. Will I have to pay duty on them?';

describe('a message with a story, a platform name and a value', () => {
  it('gets a direct, correct, sourced verdict, with "Check with other details"', async () => {
    const replies = await say(newConversation(), STORY);
    const verdict = verdictOf(replies);
    expect(verdict).toBeDefined();
    // Correct: the guided check's result for the same facts on the same day, no question asked first.
    const expected = assess({ kind: 'purchase', valueUsd: 25 }, testRuleSet(), TEST_TODAY);
    expect(verdict!.text!.split('\n')[0]).toBe(expected.headline);
    expect(expected.verdict).toBe('not-duty-free');
    expect(textOf(replies)).not.toMatch(/\*\*[^*]+\?\*\*/);
    // What was read from the message, and what was (not) assumed from the platform name, is said.
    expect(textOf(replies)).toContain('From your message: something you bought, value $25');
    expect(textOf(replies)).toContain('Temu');
    // Sourced: the citation line lists the verdict's sources, each once, at most three, and the card.
    const urls = citedUrls(verdict!.text!);
    const sources = verdictSources(expected);
    expect(urls).toEqual(sources.map((s) => s.url));
    expect(urls.length).toBeGreaterThanOrEqual(1);
    expect(urls.length).toBeLessThanOrEqual(3);
    expect(verdict!.text).toContain('Reviewed 25 Nov 2026');
    expect(verdict!.attachments?.[0]?.contentType).toBe('application/vnd.microsoft.card.adaptive');
    expect(buttonsOf(replies)).toContain(LABELS.checkOtherDetails);
  });

  it('"Check with other details" continues in the guided check with the facts from the message', async () => {
    const conversation = newConversation();
    await say(conversation, STORY);
    const more = await say(conversation, LABELS.checkOtherDetails);
    expect(textOf(more)).toContain('From your message: something you bought, value $25');
    // The kind and the value are not asked again: the date comes first.
    expect(textOf(more)).toContain('When did (or will) the goods arrive in the United States?');
    expect(textOf(more)).not.toContain('What kind of shipment is it?');
  });

  it('every button the verdict tells the person to choose is offered', async () => {
    const replies = await say(newConversation(), STORY);
    const named = [...textOf(replies).matchAll(/choose "([^"]+)"/g)].map((m) => m[1]);
    expect(named.length).toBeGreaterThan(0);
    for (const label of named) expect(buttonsOf(replies)).toContain(label);
  });
});

describe('a gift described in a message', () => {
  const GIFT = 'My aunt in Canada is sending me an $80 birthday present, will I owe anything on it?';

  it('gets the verdict for the usual case, which is said, with "Check with other details" offered', async () => {
    const replies = await say(newConversation(), GIFT);
    const verdict = verdictOf(replies);
    const expected = assess({ kind: 'gift', valueUsd: 80, origin: 'CA', contents: [], sameDayTotalUsd: 80 }, testRuleSet(), TEST_TODAY);
    expect(verdict!.text!.split('\n')[0]).toBe(expected.headline);
    expect(textOf(replies)).toContain('I assumed it holds no alcohol');
    expect(textOf(replies)).toContain('nothing else arrived for you that day');
    expect(buttonsOf(replies)).toContain(LABELS.checkOtherDetails);
  });

  it('"Check with other details" asks what was only assumed', async () => {
    const conversation = newConversation();
    await say(conversation, GIFT);
    const more = await say(conversation, LABELS.checkOtherDetails);
    expect(textOf(more)).toContain('From your message: a gift sent to you, value $80, sent from Canada.');
    const next = await say(conversation, 'today');
    expect(textOf(next)).toMatch(/Does the gift contain any of these/);
  });
});

describe('two questions in one message', () => {
  const TWO = 'Do I need a customs broker? Also what is the informal entry limit?';

  it('answers the main one, saying which question it answers, answers the other briefly, and offers it as a button that answers it in full', async () => {
    const conversation = newConversation();
    const broker = doc('customs-broker-needed');
    const limit = doc('informal-entry-limit');
    const replies = await say(conversation, TWO);
    expect(replies).toHaveLength(1);
    const text = replies[0].text!;
    expect(text.startsWith('On "Do I need a customs broker?":')).toBe(true);
    expect(text).toContain(broker.body);
    for (const s of broker.sources) expect(citedUrls(text)).toContain(s.url);
    expect(text).toContain('Also what is the informal entry limit?');
    // Answered outright too: its short answer (the first paragraph) is here, its sources cited.
    expect(text).toContain(limit.body.split(/\n\s*\n/)[0].replace(/\s+/g, ' ').trim());
    for (const s of limit.sources) expect(citedUrls(text)).toContain(s.url);
    expect(buttonsOf(replies)[0]).toBe(limit.label);

    const clicked = await say(conversation, limit.label);
    expect(textOf(clicked)).toContain(limit.body);
    for (const s of limit.sources) expect(citedUrls(textOf(clicked))).toContain(s.url);
  });

  it('a shipment question and another question: the verdict, and the other offered as a button that answers it', async () => {
    const conversation = newConversation();
    const broker = doc('customs-broker-needed');
    const replies = await say(conversation, 'I ordered a $45 scarf from a shop in the UK. Will I owe duty on it? Also do I need a customs broker?');
    const verdict = verdictOf(replies);
    expect(verdict!.text!.split('\n')[0]).toBe(assess({ kind: 'purchase', valueUsd: 45, origin: 'GB' }, testRuleSet(), TEST_TODAY).headline);
    expect(textOf(replies)).toContain('You also asked "Also do I need a customs broker?": choose its button under the result.');
    expect(verdict!.text).not.toContain('You also asked');
    expect(buttonsOf(replies)).toEqual([broker.label, LABELS.checkOtherDetails, LABELS.askQuestion, LABELS.email]);

    const clicked = await say(conversation, broker.label);
    expect(textOf(clicked)).toContain(broker.body);
  });

  it('the verdict\'s "What I used" heading is followed by the answers, not by "You also asked"', async () => {
    const replies = await say(newConversation(), 'I ordered a $45 scarf from a shop in the UK. Will I owe duty on it? Also do I need a customs broker?');
    const text = verdictOf(replies)!.text!;
    expect(text).toMatch(/\*\*What I used\*\*\n\n- \*\*/);
  });
});

describe('a parcel that never crosses a border', () => {
  it('is told what the assistant covers and who to ask, not offered postal-duty pages', async () => {
    const replies = await say(newConversation(), 'Is the post office on strike again? Are parcels within Ontario still moving?');
    expect(textOf(replies)).toContain("I only cover goods coming into the United States from abroad");
    expect(buttonsOf(replies)).toEqual([LABELS.checkShipment, LABELS.isDeMinimisOver]);
  });
});

describe('the price of sending something', () => {
  it('is told the carrier gives its rates, over HTTP, with no postal-duty page (session 31)', async () => {
    const replies = await say(newConversation(), 'how much does it cost to ship a pallet of tiles');
    expect(textOf(replies)).toContain("I can't quote postage or shipping prices");
    expect(buttonsOf(replies)).toEqual([LABELS.checkShipment, LABELS.isDeMinimisOver]);
  });
});

describe("another company's own business", () => {
  it('is told to ask the company, over HTTP, instead of being offered a CBP page', async () => {
    const replies = await say(newConversation(), 'how do I contact Amazon customer service');
    expect(textOf(replies)).toContain("I can't help with a company's own business");
    expect(textOf(replies)).not.toContain('CBP Info Center');
    expect(buttonsOf(replies)).toEqual([LABELS.checkShipment, LABELS.isDeMinimisOver]);
  });
});

describe('a traveller carrying food, a plant or an animal', () => {
  it('is sent to the CBP Info Center over HTTP, the food named only in the story', async () => {
    const replies = await say(newConversation(), 'Flying home from Lyon on Friday with a wheel of cheese in my suitcase. Will they take it off me?');
    expect(textOf(replies)).toContain('CBP Info Center');
    expect(textOf(replies)).toContain('another part of CBP');
  });

  it('who had the food mailed instead is still answered about the parcel', async () => {
    const replies = await say(newConversation(), 'A cheese shop in Lyon is mailing me a wheel of cheese I bought on my trip, about $60. Do I owe duty?');
    expect(textOf(replies)).not.toContain('another part of CBP');
  });
});

describe('a question written as an email', () => {
  const signed = (question: string) => `Dear Sir or Madam,\n\n${question}\n\nKind regards,\nJohn Smith\nSmith Trading LLC\nTel. 555-0134\nSent from my iPhone`;

  it('gets, over HTTP, the answer the question alone gets: greeting, closing and signature are not read', async () => {
    const question = 'How do I report a website selling fakes?';
    const plain = textOf(await say(newConversation(), question));
    expect(plain).toContain('report');
    expect(textOf(await say(newConversation(), signed(question)))).toBe(plain);
  });

  it('about their own shipment, gets the verdict the question alone gets', async () => {
    const question = 'I ordered a $45 scarf from a shop in the UK. Will I owe duty on it?';
    expect(verdictOf(await say(newConversation(), signed(question)))!.text).toBe(verdictOf(await say(newConversation(), question))!.text);
  });

  it('forwarded, is answered about the forwarded message', async () => {
    const forwarded = 'Fwd: my customer\n\n---------- Forwarded message ---------\nFrom: Anna <anna@example.com>\nDate: Mon, 30 Nov 2026 at 10:02\nSubject: customs\nTo: Shop <shop@example.com>\n\nis de minimis dead?';
    expect(textOf(await say(newConversation(), forwarded))).toBe(textOf(await say(newConversation(), 'is de minimis dead?')));
  });
});

describe('a question with typos', () => {
  it('gets, over HTTP, the answer the question spelt right gets', async () => {
    const plain = textOf(await say(newConversation(), 'what happens if i refuse the package'));
    expect(plain).toContain('refuse');
    expect(textOf(await say(newConversation(), 'what hapepns if i refsue the pacakge'))).toBe(plain);
  });

  it('about a shipment, gets the verdict for the date it names, misspelt', async () => {
    const verdict = verdictOf(await say(newConversation(), 'got a watch from a japanese seller for 200 dollars delivred in febuary 2025 do i owe duty'));
    expect(verdict!.text!.split('\n')[0]).toBe(assess({ kind: 'purchase', valueUsd: 200, entryDate: '2025-02-15', contents: [], sameDayTotalUsd: 200, splitOrder: false }, testRuleSet(), TEST_TODAY).headline);
    // Read as arriving today, the same purchase would owe duty.
    expect(verdict!.text!.split('\n')[0]).toMatch(/^Result: duty-free/);
  });
});

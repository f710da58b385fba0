/**
 * The guided duty-free check, turn by turn, with botbuilder-testing's DialogTestClient and real
 * services: the real rules (knowledge/rules/duty-free.yaml), the real knowledge base and a clock
 * stopped at noon Eastern on 25 Nov 2026. Nothing here reads the wall clock.
 */
import { ConversationState, MemoryStorage, type Activity } from 'botbuilder';
import { DialogTurnStatus } from 'botbuilder-dialogs';
import { DialogTestClient } from 'botbuilder-testing';
import { fixedClock } from '../src/clock';
import { LABELS } from '../src/intents';
import { createEligibilityServices, testRuleSet } from '../test/helpers/eligibility';
import type { TestBotServices } from '../test/helpers/botServices';
import { ELIGIBILITY_LABELS as L, EligibilityDialog, type EligibilityState } from './EligibilityDialog';
import type { GuidedOutcome } from './GuidedDialog';

const opened: TestBotServices[] = [];
/** Every button label the dialog showed in this file (checked against the 25-character rule). */
const allButtons = new Set<string>();

function services(clock?: string): TestBotServices {
  const t = createEligibilityServices();
  if (clock) t.services = { ...t.services, clock: fixedClock(clock) };
  opened.push(t);
  return t;
}

afterEach(() => {
  for (const t of opened.splice(0)) t.close();
});

/** A conversation whose first message starts the check, as MainDialog does with `{ text }`. */
function check(first: string, options: { channel?: string; clock?: string; conversationState?: ConversationState; t?: TestBotServices } = {}) {
  const t = options.t ?? services(options.clock);
  const client = new DialogTestClient(options.channel ?? 'webchat', new EligibilityDialog(t.services), { text: first }, undefined, options.conversationState);
  return { client, t, first };
}

/** Sends one message and returns every reply to it. */
async function send(client: DialogTestClient, message: string | Partial<Activity>): Promise<Partial<Activity>[]> {
  const activity = typeof message === 'string' ? { type: 'message', text: message, locale: 'en-US' } : { type: 'message', locale: 'en-US', ...message };
  const replies: Partial<Activity>[] = [];
  for (let reply = await client.sendActivity(activity); reply; reply = client.getNextReply()) replies.push(reply);
  for (const reply of replies) for (const action of reply.suggestedActions?.actions ?? []) allButtons.add(action.title ?? '');
  return replies;
}

const text = (replies: Partial<Activity>[]) => replies.map((r) => r.text ?? '').join('\n\n');
const buttons = (replies: Partial<Activity>[]) => replies[replies.length - 1]?.suggestedActions?.actions.map((a) => a.title) ?? [];
const verdict = (replies: Partial<Activity>[]) => replies.find((r) => (r.text ?? '').startsWith('Result:'));
/** The question a turn ends with (the bold line of the last reply). */
const asked = (replies: Partial<Activity>[]) => /\*\*([^*]+)\*\*/.exec(replies[replies.length - 1]?.text ?? '')?.[1];
const waiting = (client: DialogTestClient) => expect(client.dialogTurnResult.status).toBe(DialogTurnStatus.waiting);
const outcome = (client: DialogTestClient) => {
  expect(client.dialogTurnResult.status).toBe(DialogTurnStatus.complete);
  return (client.dialogTurnResult.result as GuidedOutcome).outcome;
};
/** The dialog's state as stored (a deep copy). */
const stateOf = (client: DialogTestClient) => JSON.parse(JSON.stringify(client.dialogContext.activeDialog?.state ?? null)) as EligibilityState | null;

const Q = {
  kind: 'What kind of shipment is it?',
  date: 'When did (or will) the goods arrive in the United States?',
  value: 'How much are the goods worth, in U.S. dollars?',
  giftValue: 'How much is the gift worth, in U.S. dollars?',
  origin: 'Which country do the goods come from?',
  giftOrigin: 'Where was the gift sent from?',
  contents: 'Does the shipment contain any of these?',
  giftContents: 'Does the gift contain any of these worth more than $5?',
} as const;
const REMINDER = 'This check is general guidance, not a binding ruling';
const VERDICT_BUTTONS = [LABELS.checkAnother, LABELS.askQuestion, LABELS.email];

/** Checks what every verdict must have, and returns its text. */
function expectVerdict(replies: Partial<Activity>[], headline: string | RegExp): string {
  const reply = verdict(replies);
  expect(reply).toBeDefined();
  const body = reply!.text!;
  const first = body.split('\n')[0];
  if (typeof headline === 'string') expect(first).toBe(headline);
  else expect(first).toMatch(headline);
  expect(body).toContain('**Why**');
  expect(body).toContain('**What you can do**');
  expect(body).toContain(REMINDER);
  expect(body).toContain("Other agencies' rules (FDA, USDA, CPSC and others) apply");
  expect(body).toContain('**Your answers**');
  expect(body).toMatch(/Sources?: \[/);
  expect(body).toContain('Reviewed 25 Nov 2026');
  expect(buttons(replies)).toEqual(VERDICT_BUTTONS);
  // Web Chat gets the text and an Adaptive Card with the answers as a FactSet.
  const card = reply!.attachments?.[0];
  expect(card?.contentType).toBe('application/vnd.microsoft.card.adaptive');
  expect(JSON.stringify(card?.content)).toContain('FactSet');
  return body;
}

describe('EligibilityDialog: happy paths', () => {
  it('a purchase arriving today: one question (no value question), not duty-free, then the ways on', async () => {
    const { client } = check('Check my shipment');
    let replies = await send(client, 'Check my shipment');
    expect(text(replies)).toContain("Let's check whether your shipment gets duty-free entry.");
    expect(text(replies)).toContain('I\'m checking for goods that arrive today, 25 Nov 2026. If yours arrived (or will arrive) on another day, choose "Different date".');
    expect(asked(replies)).toBe(Q.kind);
    expect(buttons(replies)).toEqual(['Something I bought', 'A gift sent to me', 'Unsold warehouse stock', 'Brought back from a trip', 'Not sure', L.differentDate]);
    waiting(client);

    replies = await send(client, 'Something I bought');
    const body = expectVerdict(replies, 'Result: not duty-free — de minimis is suspended for all countries since 29 Aug 2025');
    expect(text(replies)).not.toContain(Q.value);
    expect(body).toContain('I checked for goods that arrive today, 25 Nov 2026.');
    expect(body).toContain('*(since 29 Aug 2025)*');
    expect(body).toMatch(/\nSources: \[Executive Order 14324/);
    expect(body).toContain('Expect to pay duties, taxes and fees.');
    expect(body).toContain('- **Entry date:** 25 Nov 2026 (today)');
    expect(body).toContain('- **Kind of shipment:** Something I bought');
    expect(outcome(client)).toBe('completed');
  });

  it('"is a $80 gift from my aunt in Canada duty free" with no alcohol: value and country not asked again, duty-free as a gift', async () => {
    const { client, first } = check('is a $80 gift from my aunt in Canada duty free');
    let replies = await send(client, first);
    expect(text(replies)).toContain('Noted: a gift sent to you, value $80, sent from Canada.');
    expect(asked(replies)).toBe(Q.giftContents);
    expect(text(replies)).toContain('- **Alcohol**: wine, beer, spirits or other alcoholic drinks');
    expect(buttons(replies)).toEqual(['Alcohol', 'Tobacco', 'Perfume with alcohol', 'None of these', 'Not sure', L.differentDate]);

    replies = await send(client, 'no alcohol or anything like that, just chocolates');
    expect(stateOf(client)?.facts.contents).toEqual([]);
    expect(asked(replies)).toMatch(/^What is the total value of all gifts arriving for the same person on 25 Nov 2026/);
    expect(buttons(replies)).toEqual(['Only this gift', 'Not sure']);

    replies = await send(client, 'Only this gift');
    const body = expectVerdict(replies, 'Result: duty-free as a gift');
    expect(body).toContain('Your value, $80, is within the $100 limit.');
    expect(body).toContain('The sender should mark the package "Unsolicited Gift"');
    expect(body).toContain('- **Sent from:** Canada');
    expect(body).toContain('- **Value:** $80');
    expect(body).not.toContain(Q.giftValue);
    expect(outcome(client)).toBe('completed');
  });

  it('a $150 gift from Guam: the place it was sent from is asked, and the $200 limit applies', async () => {
    const { client } = check('Check my shipment');
    await send(client, 'Check my shipment');
    let replies = await send(client, 'A gift sent to me');
    expect(asked(replies)).toBe(Q.giftValue);
    expect(buttons(replies)).toEqual(['Not sure']);
    replies = await send(client, '$150');
    expect(asked(replies)).toBe(Q.giftOrigin);
    replies = await send(client, 'Guam');
    expect(asked(replies)).toBe(Q.giftContents);
    replies = await send(client, 'None of these');
    replies = await send(client, 'Only this gift');
    const body = expectVerdict(replies, 'Result: duty-free as a gift');
    expect(body).toContain('Your value, $150, is within the $200 limit.');
    expect(body).toContain('U.S. Virgin Islands, Guam or American Samoa');
    expect(body).toContain('- **Sent from:** Guam');
  });

  it('a $50 purchase from the UK that arrived in March 2025: duty-free under the $800 limit', async () => {
    const { client, first } = check('my $50 order from the UK arrived in March 2025, should I have paid duty?');
    let replies = await send(client, first);
    expect(text(replies)).toContain('Noted: something you bought, value $50, from the United Kingdom, entry date 15 Mar 2025.');
    expect(text(replies)).toContain('I used 15 Mar 2025, the middle of March 2025.');
    expect(text(replies)).not.toContain('arrive today');
    expect(buttons(replies)).not.toContain(L.differentDate);
    expect(asked(replies)).toBe(Q.contents);
    // Six goods: "None of these" and "Not sure" stay within the six buttons Teams shows.
    expect(buttons(replies).slice(0, 6)).toEqual(['Alcohol', 'Tobacco', 'Perfume with alcohol', 'Other excise-taxed goods', 'None of these', 'Not sure']);
    replies = await send(client, 'none');
    expect(asked(replies)).toMatch(/on 15 Mar 2025, including this package/);
    replies = await send(client, 'Only this package');
    expect(asked(replies)).toBe('Is this package one of several lots of a single order worth more than $800 in total, sent separately?');
    expect(buttons(replies)).toEqual(['Yes', 'No', 'Not sure']);
    replies = await send(client, 'No');
    const body = expectVerdict(replies, 'Result: duty-free under de minimis (the $800 limit)');
    expect(body).toContain('I checked for goods that arrived on 15 Mar 2025.');
    expect(body).toContain('Your value, $50, is within the $800 limit.');
    expect(body).toContain('- **Entry date:** 15 Mar 2025');
    expect(outcome(client)).toBe('completed');
  });

  it('from China in May 2025: the exact day is asked (the rules changed on 2 May), then not duty-free', async () => {
    const { client, first } = check('my package from china arrived in May 2025, should I have paid duty?');
    let replies = await send(client, first);
    expect(text(replies)).toContain('You said May 2025. The rules changed on 2 May 2025, so the exact day matters.');
    expect(asked(replies)).toBe(Q.date);
    expect(buttons(replies)).toEqual(['Today', 'Not sure']);
    replies = await send(client, 'May 20 2025');
    expect(text(replies)).toContain('Noted: entry date 20 May 2025.');
    expect(asked(replies)).toBe(Q.kind);
    replies = await send(client, 'I bought it on Temu');
    const body = expectVerdict(replies, 'Result: not duty-free — de minimis ended for goods of China and Hong Kong on 2 May 2025');
    expect(body).toContain('I checked for goods that arrived on 20 May 2025.');
    expect(body).toContain('- **Country of origin:** China');
  });

  it('a shipment arriving 2 Jul 2027 ("Different date"): assessed under the statute', async () => {
    const { client } = check('Check my shipment');
    await send(client, 'Check my shipment');
    let replies = await send(client, L.differentDate);
    expect(asked(replies)).toBe(Q.date);
    replies = await send(client, '2 July 2027');
    expect(text(replies)).toContain('Noted: entry date 2 Jul 2027.');
    expect(asked(replies)).toBe(Q.kind);
    expect(buttons(replies)).not.toContain(L.differentDate);
    replies = await send(client, 'Something I bought');
    const body = expectVerdict(replies, 'Result: not duty-free — by law, commercial shipments have no de minimis from 1 Jul 2027');
    expect(body).toContain('I checked for goods that will arrive on 2 Jul 2027.');
    expect(body).toContain('One Big Beautiful Bill Act');
  });

  it('facts in the first message are not asked again: "$50 order from the UK" needs no question at all today', async () => {
    const { client, first } = check('do I have to pay duty on a $50 order from the UK');
    const replies = await send(client, first);
    expect(replies[0].text).toBe('Noted: something you bought, value $50, from the United Kingdom.');
    const body = expectVerdict(replies, 'Result: not duty-free — de minimis is suspended for all countries since 29 Aug 2025');
    // The day checked is said, with the way to check another day.
    expect(body).toContain('I checked for goods that arrive today, 25 Nov 2026. If yours arrived on another day, choose "Check another shipment" and then "Different date".');
    expect(body).toContain('- **Country of origin:** United Kingdom');
    expect(body).toContain('- **Value:** $50');
    expect(outcome(client)).toBe('completed');
  });

  it('goods that already arrived, with no day given: the date is asked first', async () => {
    const { client, first } = check('should I have paid duty on my order from the UK?');
    let replies = await send(client, first);
    expect(text(replies)).toContain('Noted: something you bought, from the United Kingdom.');
    expect(asked(replies)).toBe(Q.date);
    replies = await send(client, 'March 1 2025');
    expect(text(replies)).toContain('Noted: entry date 1 Mar 2025.');
    expect(asked(replies)).toBe(Q.value);
  });

  it('an amount in another currency in the first message: asks for U.S. dollars', async () => {
    let { client } = check('I ordered shoes last Tuesday from Italy for 120 euros');
    const first = 'I ordered shoes last Tuesday from Italy for 120 euros';
    let replies = await send(client, first);
    expect(text(replies)).toContain('Noted: something you bought, from Italy, entry date 24 Nov 2026.');
    // Today's rules need no value for a purchase: the verdict comes without asking.
    expectVerdict(replies, /^Result: not duty-free/);

    ({ client } = check('my friend sent me a birthday gift worth 120 euros last Tuesday'));
    replies = await send(client, 'my friend sent me a birthday gift worth 120 euros last Tuesday');
    expect(text(replies)).toContain('You mentioned 120 EUR. I need the value in U.S. dollars.');
    expect(asked(replies)).toBe(Q.giftValue);
    replies = await send(client, 'about 130 dollars');
    expect(text(replies)).toContain('I used $130.');
    expect(text(replies)).not.toContain('You mentioned 120 EUR');
  });

  it('a Teams conversation gets the verdict as a card whose summary text is the headline', async () => {
    const { client } = check('Check my shipment', { channel: 'msteams' });
    await send(client, 'Check my shipment');
    const replies = await send(client, 'Something I bought');
    const last = replies[replies.length - 1];
    expect(last.text).toBe('Result: not duty-free — de minimis is suspended for all countries since 29 Aug 2025');
    const card = JSON.stringify(last.attachments?.[0]?.content);
    expect(card).toContain(REMINDER);
    expect(card).toContain(LABELS.checkAnother);
  });
});

describe('EligibilityDialog: answers people type', () => {
  async function toGiftValue() {
    const c = check('Check my shipment');
    await send(c.client, 'Check my shipment');
    const replies = await send(c.client, 'A gift sent to me');
    expect(asked(replies)).toBe(Q.giftValue);
    return c;
  }

  it.each([
    ['$1,200.50', ['Your value, $1,200.50, is over the $100 limit.']],
    ['about 300 dollars', ['I used $300.', 'Your value, $300, is over the $100 limit.']],
    ['300', ['Your value, $300, is over the $100 limit.']],
    ['US$45', ['**Does the gift contain any of these worth more than $5?**']],
    ['roughly 80 bucks', ['I used $80.', '**Does the gift contain any of these worth more than $5?**']],
    // Written in words (dictated, spelled out): said back, too.
    ['fifty dollars', ['I used $50.', '**Does the gift contain any of these worth more than $5?**']],
    ['one hundred and twenty', ['I used $120.', '**Where was the gift sent from?**']],
    // Read out of other words: said back, so a misreading shows ($5 needs no contents question).
    ['5 shirts', ['Noted: $5.', '**What is the total value of all gifts arriving']],
  ])('money: %s', async (typed, expected) => {
    const { client } = await toGiftValue();
    const replies = await send(client, typed);
    for (const snippet of expected) expect(text(replies)).toContain(snippet);
  });

  it.each([
    ['a few dollars', 'Please give one amount in U.S. dollars, for example "$45" or "1,200".'],
    ['abc', 'Please give one amount in U.S. dollars, for example "$45" or "1,200".'],
    ['€50', 'Please give the value in U.S. dollars: about how much is 50 EUR in dollars?'],
    ['50 pounds', 'Please give the value in U.S. dollars: about how much is 50 GBP in dollars?'],
    ['under $1,000', 'Please give your best estimate of the amount, for example "about $850".'],
    ['-5', 'Please give one amount in U.S. dollars'],
    ['', 'I did not get an answer. Please type it, or choose one of the buttons.'],
    ['😀🎁', 'Please give one amount in U.S. dollars'],
    ['<script>alert(1)</script>', 'Please type your answer as plain text, or choose one of the buttons.'],
    ['<img src=x onerror=alert(1)> 50', 'Please type your answer as plain text'],
  ])('bad money %j: a friendly message, then the same question again', async (typed, message) => {
    const { client } = await toGiftValue();
    const replies = await send(client, typed);
    expect(text(replies)).toContain(message);
    expect(asked(replies)).toBe(Q.giftValue);
    expect(buttons(replies)).toEqual(['Not sure']);
    expect(text(replies)).not.toMatch(/<script|<img/);
    expect(stateOf(client)?.facts.valueUsd).toBeUndefined();
    waiting(client);
  });

  it('a 2,000-character message is not taken as an answer, and the check goes on', async () => {
    const { client } = await toGiftValue();
    const long = `My gift ${'is very nice and '.repeat(125)}`.slice(0, 2000);
    expect(long).toHaveLength(2000);
    let replies = await send(client, long);
    expect(text(replies)).toContain('That is longer than I can use as an answer.');
    expect(asked(replies)).toBe(Q.giftValue);
    replies = await send(client, '$40');
    expect(asked(replies)).toBe(Q.giftContents);
  });

  it.each([
    ['today', '2026-11-25', 'Noted: entry date 25 Nov 2026 (today).'],
    ['Today', '2026-11-25', 'Noted: entry date 25 Nov 2026 (today).'],
    ['last Tuesday', '2026-11-24', 'Noted: entry date 24 Nov 2026.'],
    ['March 1 2025', '2025-03-01', 'Noted: entry date 1 Mar 2025.'],
    ['2025-08-28', '2025-08-28', 'Noted: entry date 28 Aug 2025.'],
    ['the day after tomorrow', '2026-11-27', 'Noted: entry date 27 Nov 2026.'],
    ['in March 2025', '2025-03-15', 'I used 15 Mar 2025, the middle of March 2025.'],
    // Years and seasons named as people say them (no rule changed in either period).
    ['March last year', '2025-03-15', 'I used 15 Mar 2025, the middle of March 2025.'],
    ['last spring', '2026-04-15', 'I used 15 Apr 2026, for last spring.'],
    ['Not sure', 'unknown', undefined],
  ])('dates: %s → %s', async (typed, date, note) => {
    const { client } = check('Check my shipment');
    await send(client, 'Check my shipment');
    await send(client, L.differentDate);
    const replies = await send(client, typed);
    if (note) expect(text(replies)).toContain(note);
    expect(asked(replies)).toBe(Q.kind);
    expect(stateOf(client)?.facts.entryDate).toBe(date);
  });

  it.each([
    ["tomorrow's tomorrow", 'Please give one date, for example "yesterday", "last Tuesday" or "1 March 2025".'],
    ['August 2025', 'The rules changed on 29 Aug 2025, so the exact day matters. Please give the day, for example "29 Aug 2025".'],
    ['3/4/2025', 'Did you mean 4 Mar 2025 or 3 Apr 2025?'],
    ['2 July 2028', 'That is more than a year ahead. Please give a date up to 25 Nov 2027.'],
    // "next year" is 2027, and the rules change in it: the day is asked for with the reason.
    ['next year', 'The rules changed on 1 Jul 2027, so the exact day matters. Please give the day, for example "1 Jul 2027".'],
    ['purple', 'Sorry, I did not understand that date.'],
    ['different date', 'Please type the day the goods arrived (or will arrive), for example "1 March 2025".'],
  ])('bad date %j: a friendly message, then the date question again', async (typed, message) => {
    const { client } = check('Check my shipment');
    await send(client, 'Check my shipment');
    await send(client, L.differentDate);
    const replies = await send(client, typed);
    expect(text(replies)).toContain(message);
    expect(asked(replies)).toBe(Q.date);
    expect(stateOf(client)?.facts.entryDate).toBeUndefined();
  });

  it.each([
    ['UK', 'United Kingdom'],
    ['PRC', 'China'],
    ['Hong Kong', 'Hong Kong'],
    ['de', 'Germany'],
    ['I think it was from Canada', 'Canada'],
    ['Not sure', 'Not sure'],
  ])('countries: %s → %s', async (typed, name) => {
    const { client } = check('Check my shipment');
    await send(client, 'Check my shipment');
    await send(client, L.differentDate);
    await send(client, '1 June 2025');
    let replies = await send(client, 'Something I bought');
    // Between 2 May and 28 Aug 2025 the origin decides first (China and Hong Kong).
    expect(asked(replies)).toBe(Q.origin);
    replies = await send(client, typed);
    for (let i = 0; i < 6 && !verdict(replies); i++) replies = await send(client, 'Not sure');
    expect(verdict(replies)?.text).toContain(`- **Country of origin:** ${name}`);
  });

  it('an unknown country gets a request for a name or code', async () => {
    const { client } = check('Check my shipment');
    await send(client, 'Check my shipment');
    await send(client, 'A gift sent to me');
    await send(client, '$150');
    const replies = await send(client, 'Narnia');
    expect(text(replies)).toContain('Sorry, I did not recognize that country. Please type its name, like "United Kingdom", or a code, like "GB".');
    expect(asked(replies)).toBe(Q.giftOrigin);
  });

  it.each([
    ['😀', 'Please choose one: something you bought'],
    ['<b>bold</b>', 'Please type your answer as plain text'],
    ['a gift that I bought', 'Please choose one'],
    ['   ', 'I did not get an answer.'],
  ])('kind %j: asked again with the buttons', async (typed, message) => {
    const { client } = check('Check my shipment');
    await send(client, 'Check my shipment');
    const replies = await send(client, typed);
    expect(text(replies)).toContain(message);
    expect(asked(replies)).toBe(Q.kind);
    expect(buttons(replies)).toContain(L.differentDate);
  });

  it('yes/no and free-text contents are understood', async () => {
    let { client } = check('my $50 order from the UK arrived on 1 March 2025');
    await send(client, 'my $50 order from the UK arrived on 1 March 2025');
    let replies = await send(client, 'a bottle of wine');
    expectVerdict(replies, 'Result: not duty-free — alcoholic drinks and perfume containing alcohol do not qualify for de minimis');

    ({ client } = check('my $50 order from the UK arrived on 1 March 2025'));
    await send(client, 'my $50 order from the UK arrived on 1 March 2025');
    await send(client, 'nothing like that');
    await send(client, 'only this one');
    replies = await send(client, 'yep');
    expectVerdict(replies, /^Result: not duty-free — lots of one order split up/);
  });
});

describe('EligibilityDialog: help, back, restart, cancel and questions mid-check', () => {
  it('help explains the current question and asks it again', async () => {
    const { client } = check('Check my shipment');
    await send(client, 'Check my shipment');
    await send(client, 'A gift sent to me');
    const before = stateOf(client);
    const replies = await send(client, 'help');
    expect(replies[0].text).toContain('Use what the gift would cost in a shop in the country it was sent from');
    expect(replies[0].text).toContain('If you don\'t know, choose "Not sure"');
    expect(replies[0].text).toContain('"change date"');
    expect(asked(replies)).toBe(Q.giftValue);
    expect(stateOf(client)).toEqual(before);
    expect(text(await send(client, '?'))).toContain('Use what the gift would cost');
  });

  it('back re-asks the previous question and the new answer replaces the old one', async () => {
    const { client } = check('is a $80 gift from my aunt in Canada duty free');
    await send(client, 'is a $80 gift from my aunt in Canada duty free');
    let replies = await send(client, 'back');
    expect(text(replies)).toContain('This is the first question.');
    expect(asked(replies)).toBe(Q.giftContents);
    replies = await send(client, 'None of these');
    expect(asked(replies)).toMatch(/^What is the total value of all gifts/);
    replies = await send(client, 'go back');
    expect(asked(replies)).toBe(Q.giftContents);
    replies = await send(client, 'Perfume with alcohol');
    const body = expectVerdict(replies, 'Result: not duty-free — alcohol, tobacco and perfume containing alcohol worth over $5 cannot go duty-free as a gift');
    expect(body).toContain('- **Contents:** Perfume with alcohol');
  });

  it('back over a changed date goes back to the date, then to the question before it', async () => {
    const { client } = check('Check my shipment');
    await send(client, 'Check my shipment');
    await send(client, 'change date');
    await send(client, 'March 1 2025');
    let replies = await send(client, 'back');
    expect(asked(replies)).toBe(Q.date);
    replies = await send(client, 'back');
    expect(asked(replies)).toBe(Q.kind);
    expect(stateOf(client)?.facts).toEqual({});
    replies = await send(client, 'Something I bought');
    expectVerdict(replies, /^Result: not duty-free — de minimis is suspended/);
  });

  it('"change date" in the middle of the check asks the date, keeps the answers, and goes on', async () => {
    const { client } = check('Check my shipment');
    await send(client, 'Check my shipment');
    await send(client, 'A gift sent to me');
    let replies = await send(client, 'it arrived on another day');
    expect(asked(replies)).toBe(Q.date);
    replies = await send(client, 'last Tuesday');
    expect(asked(replies)).toBe(Q.giftValue);
    expect(stateOf(client)?.facts).toEqual({ kind: 'gift', entryDate: '2026-11-24' });
  });

  it('restart starts over and forgets the facts from the first message', async () => {
    const { client } = check('is a $80 gift from my aunt in Canada duty free');
    await send(client, 'is a $80 gift from my aunt in Canada duty free');
    let replies = await send(client, 'start over');
    expect(replies[0].text).toBe("OK, let's start over.");
    expect(asked(replies)).toBe(Q.kind);
    expect(text(replies)).not.toContain("Let's check whether");
    expect(stateOf(client)?.facts).toEqual({});
    replies = await send(client, 'A gift sent to me');
    expect(asked(replies)).toBe(Q.giftValue);
  });

  it('"Check my shipment" in the middle of a check starts a new one', async () => {
    const { client } = check('is a $80 gift from my aunt in Canada duty free');
    await send(client, 'is a $80 gift from my aunt in Canada duty free');
    const replies = await send(client, 'check my shipment');
    expect(replies[0].text).toBe("OK, let's start a new check.");
    expect(asked(replies)).toBe(Q.kind);
    expect(stateOf(client)).toMatchObject({ facts: {}, history: [] });
  });

  it('cancel leaves the check', async () => {
    const { client } = check('Check my shipment');
    await send(client, 'Check my shipment');
    await send(client, 'A gift sent to me');
    const replies = await send(client, 'cancel');
    expect(replies).toHaveLength(1);
    expect(replies[0].text).toContain('OK, I stopped the check.');
    expect(outcome(client)).toBe('cancelled');
  });

  it('a knowledge question mid-check is answered and the check resumes at the same question', async () => {
    const { client } = check('Check my shipment');
    await send(client, 'Check my shipment');
    await send(client, 'A gift sent to me');
    let replies = await send(client, 'what is the informal entry limit?');
    expect(replies[0].text).toContain('$2,500');
    expect(text(replies)).toContain('Now, back to where we were:');
    expect(asked(replies)).toBe(Q.giftValue);
    waiting(client);
    // A question that holds an amount is a question, not the answer "$800".
    replies = await send(client, 'is $800 still duty free?');
    expect(replies[0].text).toMatch(/^No\. Since 29 Aug 2025/);
    expect(asked(replies)).toBe(Q.giftValue);
    expect(stateOf(client)?.facts.valueUsd).toBeUndefined();
    replies = await send(client, '$80');
    expect(asked(replies)).toBe(Q.giftContents);
  });

  it('"talk to a person" mid-check ends the dialog with outcome escalate', async () => {
    const { client } = check('Check my shipment');
    await send(client, 'Check my shipment');
    await send(client, 'A gift sent to me');
    const replies = await send(client, 'talk to a person');
    expect(replies).toHaveLength(0);
    expect(outcome(client)).toBe('escalate');
  });
});

describe('EligibilityDialog: facts typed mid-check', () => {
  it('asked the kind, "it came from China in May 2025": the origin is taken and said back, the day is asked (the rules changed on 2 May), then the check goes on', async () => {
    const { client } = check('Check my shipment');
    await send(client, 'Check my shipment');
    let replies = await send(client, 'it came from China in May 2025');
    expect(text(replies)).toContain('Noted: from China.');
    expect(text(replies)).toContain('You said May 2025. The rules changed on 2 May 2025, so the exact day matters.');
    expect(text(replies)).not.toContain('Please choose one');
    expect(text(replies)).not.toContain('Now, back to where we were');
    expect(asked(replies)).toBe(Q.date);
    expect(stateOf(client)?.facts).toEqual({ origin: 'CN' });
    replies = await send(client, 'May 20 2025');
    expect(text(replies)).toContain('Noted: entry date 20 May 2025.');
    expect(asked(replies)).toBe(Q.kind);
    replies = await send(client, 'Something I bought');
    const body = expectVerdict(replies, 'Result: not duty-free — de minimis ended for goods of China and Hong Kong on 2 May 2025');
    expect(body).toContain('- **Country of origin:** China');
  });

  it('typed with typos, "it came from Chnia in Febuary 2025": read as China and February 2025, and said back so', async () => {
    const { client } = check('Check my shipment');
    await send(client, 'Check my shipment');
    const replies = await send(client, 'it came from Chnia in Febuary 2025');
    expect(text(replies)).toContain('Noted: from China');
    expect(stateOf(client)?.facts).toMatchObject({ origin: 'CN', entryDate: '2025-02-15' });
  });

  it('asked the value, "$60, it\'s a gift from my aunt in Canada": the value and the country are both taken, and the country is not asked', async () => {
    const { client } = check('Check my shipment');
    await send(client, 'Check my shipment');
    await send(client, 'A gift sent to me');
    const replies = await send(client, "$60, it's a gift from my aunt in Canada");
    expect(text(replies)).toContain('Noted: value $60, from Canada.');
    expect(asked(replies)).toBe(Q.giftContents);
    expect(text(replies)).not.toContain(Q.giftOrigin);
    expect(stateOf(client)?.facts).toEqual({ kind: 'gift', valueUsd: 60, origin: 'CA' });
  });

  it('asked the kind, the same message gives the kind, the value and the country at once', async () => {
    const { client } = check('Check my shipment');
    await send(client, 'Check my shipment');
    const replies = await send(client, "$60, it's a gift from my aunt in Canada");
    expect(text(replies)).toContain('Noted: a gift sent to you, value $60, sent from Canada.');
    expect(asked(replies)).toBe(Q.giftContents);
    expect(stateOf(client)?.facts).toEqual({ kind: 'gift', valueUsd: 60, origin: 'CA' });
  });

  it('"back" after such a message restores the facts from before it, all of them', async () => {
    const { client } = check('Check my shipment');
    await send(client, 'Check my shipment');
    await send(client, 'A gift sent to me');
    await send(client, "$60, it's a gift from my aunt in Canada");
    let replies = await send(client, 'back');
    expect(asked(replies)).toBe(Q.giftValue);
    expect(stateOf(client)?.facts).toEqual({ kind: 'gift' });
    // The country is gone with the value: it is asked again.
    replies = await send(client, '$150');
    expect(asked(replies)).toBe(Q.giftOrigin);
  });

  it('"back" after a month that needs the day goes back to the question before, with no facts from the message', async () => {
    const { client } = check('Check my shipment');
    await send(client, 'Check my shipment');
    await send(client, 'it came from China in May 2025');
    const replies = await send(client, 'back');
    expect(asked(replies)).toBe(Q.kind);
    expect(stateOf(client)).toMatchObject({ facts: {}, history: [] });
    expect(stateOf(client)?.asking).toBeUndefined();
  });

  it('a question mid-check the knowledge base is unsure about: the likely pages named, no buttons, no fact taken, the check goes on', async () => {
    const t = services();
    const { client } = check('Check my shipment', { t });
    await send(client, 'Check my shipment');
    await send(client, 'A gift sent to me');
    const question = 'is $800 still duty free for a gift from Canada?';
    const unsure = t.services.knowledge().answer(question);
    expect(unsure.kind).toBe('did-you-mean');
    const replies = await send(client, question);
    expect(text(replies)).toContain('That sounds like a question');
    for (const d of [unsure.best!, ...unsure.alternatives].slice(0, 3)) expect(text(replies)).toContain(`- ${d.title}`);
    expect(text(replies)).not.toContain('I could not tell whether');
    expect(asked(replies)).toBe(Q.giftValue);
    expect(buttons(replies)).not.toContain(unsure.best!.label);
    expect(stateOf(client)?.facts).toEqual({ kind: 'gift' });
  });

  it('a real question mid-check still goes to the knowledge base, and no fact is taken from it', async () => {
    const { client } = check('Check my shipment');
    await send(client, 'Check my shipment');
    await send(client, 'A gift sent to me');
    const replies = await send(client, 'are gifts from Canada still duty free?');
    expect(text(replies)).toContain('Now, back to where we were:');
    expect(text(replies)).not.toContain('Noted:');
    expect(asked(replies)).toBe(Q.giftValue);
    expect(stateOf(client)?.facts).toEqual({ kind: 'gift' });
  });

  it('nothing is taken from a negation: "not from China, from Japan, sent by DHL"', async () => {
    const { client } = check('Check my shipment');
    await send(client, 'Check my shipment');
    const replies = await send(client, "it's not from China, it's from Japan, sent by DHL");
    expect(text(replies)).toContain('Noted: from Japan, by courier or express.');
    expect(text(replies)).not.toContain('China');
    expect(asked(replies)).toBe(Q.kind);
    expect(stateOf(client)?.facts).toEqual({ origin: 'JP', mode: 'express' });
  });

  it('an earlier answer is kept when a side remark says otherwise, and the person is told how to change it', async () => {
    const { client } = check('Check my shipment');
    await send(client, 'Check my shipment');
    await send(client, 'A gift sent to me');
    const replies = await send(client, '$60, my aunt ordered it for me from Germany');
    expect(text(replies)).toContain('Noted: value $60, from Germany.');
    expect(text(replies)).toContain('I kept your earlier answer: a gift sent to you. To change it, say "restart".');
    expect(stateOf(client)?.facts).toEqual({ kind: 'gift', valueUsd: 60, origin: 'DE' });
  });

  it('an amount in another currency with other facts: the facts are taken and the value is asked in U.S. dollars', async () => {
    const { client } = check('Check my shipment');
    await send(client, 'Check my shipment');
    const replies = await send(client, 'a gift worth 50 euros from my aunt in Canada');
    expect(text(replies)).toContain('Noted: a gift sent to you, sent from Canada.');
    expect(text(replies)).toContain('You mentioned 50 EUR. I need the value in U.S. dollars.');
    expect(asked(replies)).toBe(Q.giftValue);
  });

  it('plain answers and buttons work as before: no "Noted" for "$150", the button for the kind', async () => {
    const { client } = check('Check my shipment');
    await send(client, 'Check my shipment');
    let replies = await send(client, 'A gift sent to me');
    expect(text(replies)).not.toContain('Noted:');
    replies = await send(client, '$150');
    expect(text(replies)).not.toContain('Noted:');
    expect(asked(replies)).toBe(Q.giftOrigin);
    expect(stateOf(client)?.history).toHaveLength(2);
  });

  it('"change date" and "restart" after such a message work as before', async () => {
    const { client } = check('Check my shipment');
    await send(client, 'Check my shipment');
    await send(client, 'A gift sent to me');
    await send(client, "$60, it's a gift from my aunt in Canada");
    let replies = await send(client, 'change date');
    expect(asked(replies)).toBe(Q.date);
    replies = await send(client, 'back');
    expect(asked(replies)).toBe(Q.giftContents);
    expect(stateOf(client)?.facts).toEqual({ kind: 'gift', valueUsd: 60, origin: 'CA' });
    replies = await send(client, 'restart');
    expect(asked(replies)).toBe(Q.kind);
    expect(stateOf(client)?.facts).toEqual({});
  });
});

describe('EligibilityDialog: "I don\'t know" answers', () => {
  it('a gift with value, contents and total unknown: cannot tell, with what it depends on', async () => {
    const { client } = check('Check my shipment');
    await send(client, 'Check my shipment');
    await send(client, 'A gift sent to me');
    let replies = await send(client, "I don't know");
    expect(asked(replies)).toBe(Q.giftContents);
    replies = await send(client, 'Not sure');
    replies = await send(client, 'no idea');
    const body = expectVerdict(replies, 'Result: cannot tell yet — it depends on the value, what is inside and the total value arriving that day');
    expect(body).toContain('- It depends on the value. A real (bona fide) gift');
    expect(body).toContain('- It depends on what is inside.');
    expect(body).toContain('If you can find out what the result depends on');
    expect(body).toContain('- **Value:** Not sure');
    expect(outcome(client)).toBe('completed');
  });

  it('the kind unknown: what happens for each kind', async () => {
    const { client } = check('Check my shipment');
    await send(client, 'Check my shipment');
    const replies = await send(client, 'Not sure');
    const body = expectVerdict(replies, 'Result: cannot tell yet — it depends on the kind of shipment');
    expect(body).toContain('- If it is something you bought: not duty-free — de minimis is suspended for all countries since 29 Aug 2025.');
    expect(body).toContain('- If it is a gift sent to you:');
  });

  it('the date unknown: every period of the rules, and nothing guessed', async () => {
    const { client } = check('Check my shipment');
    await send(client, 'Check my shipment');
    await send(client, L.differentDate);
    let replies = await send(client, 'Not sure');
    expect(asked(replies)).toBe(Q.kind);
    replies = await send(client, 'Something I bought');
    for (let i = 0; i < 8 && !verdict(replies); i++) replies = await send(client, 'not sure');
    const body = expectVerdict(replies, 'Result: cannot tell yet — it depends on the date the goods entered the United States');
    expect(body).toContain('I checked every arrival date, because the date is not known.');
    expect(body).toContain('If it entered from 29 Aug 2025 to 30 Jun 2027: not duty-free');
    expect(body).toContain('- **Entry date:** Not sure');
  });
});

describe('EligibilityDialog: state and clock', () => {
  it('the state is plain JSON and another bot instance continues the check', async () => {
    const conversationState = new ConversationState(new MemoryStorage());
    const t = services();
    const a = check('Check my shipment', { conversationState, t });
    await send(a.client, 'Check my shipment');
    await send(a.client, 'A gift sent to me');
    const state = a.client.dialogContext.activeDialog!.state;
    expect(JSON.parse(JSON.stringify(state))).toEqual(state);

    const b = check('Check my shipment', { conversationState, t });
    const replies = await send(b.client, '$80');
    expect(asked(replies)).toBe(Q.giftContents);
    expect(stateOf(b.client)?.facts).toEqual({ kind: 'gift', valueUsd: 80 });
  });

  it('"today" comes from the injected clock: on 1 Aug 2027 a purchase today is past the statutory end', async () => {
    const { client } = check('Check my shipment', { clock: '2027-08-01' });
    let replies = await send(client, 'Check my shipment');
    expect(text(replies)).toContain('arrive today, 1 Aug 2027');
    replies = await send(client, 'Something I bought');
    expect(verdict(replies)?.text?.split('\n')[0]).toBe('Result: not duty-free — by law, commercial shipments have no de minimis from 1 Jul 2027');
  });

  it('late evening in New York is still the same day (the Eastern calendar date is used)', async () => {
    const { client } = check('Check my shipment', { clock: '2026-11-26T03:30:00Z' });
    const replies = await send(client, 'Check my shipment');
    expect(text(replies)).toContain('arrive today, 25 Nov 2026');
  });

  it('every button label has at most 25 characters', () => {
    expect(allButtons.size).toBeGreaterThan(15);
    for (const label of allButtons) expect(label.length).toBeLessThanOrEqual(25);
    expect(testRuleSet().reviewed).toBe('2026-11-25');
  });
});

/**
 * The duty-free check end to end over real HTTP: the real service (restify, CloudAdapter, the bot,
 * MainDialog starting the check), the real rules and knowledge, a clock stopped on 25 Nov 2026,
 * and the test channel taking the bot's replies.
 */
import { ELIGIBILITY_LABELS as L } from '../dialogs/EligibilityDialog';
import { LABELS } from '../src/intents';
import { say as sayOverHttp, startTestChannel, type ReceivedActivity, type TestChannel } from './helpers/channel';
import { buttonsOf, textOf, verdictOf } from './helpers/eligibility';
import { startTestService, type TestService } from './helpers/service';

let channel: TestChannel;
let service: TestService;
let conversationCounter = 0;

beforeAll(async () => {
  channel = await startTestChannel();
  service = await startTestService();
});

afterAll(async () => {
  await service?.close();
  await channel?.close();
});

const newConversation = () => `eligibility-http-${process.pid}-${++conversationCounter}`;
/** Web Chat over Direct Line: gets markdown text, suggested actions and cards. */
const say = (conversationId: string, text: string, channelId = 'webchat'): Promise<ReceivedActivity[]> =>
  sayOverHttp(service.url, channel, conversationId, text, { channelId });
/** The questions a turn asks: the bold line of each reply that is not a verdict. */
const questionsIn = (replies: ReceivedActivity[]) =>
  replies.filter((r) => !(r.text ?? '').startsWith('Result:')).flatMap((r) => (/\*\*([^*]+\?)\*\*/.exec(r.text ?? '') ?? []).slice(1));

describe('the duty-free check over HTTP', () => {
  it('"Check my shipment" to the verdict: text starting with "Result:", an Adaptive Card, and the ways on', async () => {
    const conversation = newConversation();
    let replies = await say(conversation, LABELS.checkShipment);
    expect(textOf(replies)).toContain('What kind of shipment is it?');
    expect(buttonsOf(replies)).toEqual(['Something I bought', 'A gift sent to me', 'Unsold warehouse stock', 'Brought back from a trip', 'Not sure', L.differentDate]);

    replies = await say(conversation, 'A gift sent to me');
    expect(textOf(replies)).toContain('How much is the gift worth, in U.S. dollars?');
    replies = await say(conversation, '$80');
    expect(textOf(replies)).toContain('Does the gift contain any of these worth more than $5?');
    replies = await say(conversation, 'None of these');
    expect(buttonsOf(replies)).toEqual(['Only this gift', 'Not sure']);
    replies = await say(conversation, 'Only this gift');

    const verdict = verdictOf(replies)!;
    expect(verdict).toBeDefined();
    expect(verdict.text!.split('\n')[0]).toBe('Result: duty-free as a gift');
    expect(verdict.text).toContain('This check is general guidance, not a binding ruling');
    expect(verdict.text).toContain('- **Value:** $80');
    expect(verdict.attachments).toHaveLength(1);
    expect(verdict.attachments![0].contentType).toBe('application/vnd.microsoft.card.adaptive');
    const card = verdict.attachments![0].content as { version: string; body: Array<{ type: string; text?: string }> };
    expect(card.version).toBe('1.5');
    expect(card.body.some((b) => b.type === 'FactSet')).toBe(true);
    expect(card.body.some((b) => (b.text ?? '').startsWith('Result: duty-free as a gift'))).toBe(true);
    expect(buttonsOf(replies)).toEqual([LABELS.checkAnother, LABELS.askQuestion, LABELS.email]);

    // "Check another shipment" starts a fresh check through MainDialog.
    replies = await say(conversation, LABELS.checkAnother);
    expect(textOf(replies)).toContain('What kind of shipment is it?');
    expect(buttonsOf(replies)).toContain(L.differentDate);
  });

  it('the Direct Line channel gets the card too', async () => {
    const conversation = newConversation();
    await say(conversation, 'check my package', 'directline');
    const replies = await say(conversation, 'Something I bought', 'directline');
    const verdict = verdictOf(replies)!;
    expect(verdict.text!.split('\n')[0]).toBe('Result: not duty-free — de minimis is suspended for all countries since 29 Aug 2025');
    expect(verdict.attachments?.[0]?.contentType).toBe('application/vnd.microsoft.card.adaptive');
  });

  it('"do I have to pay duty on a $50 order from the UK" gets the verdict straight away, with no question', async () => {
    const fromScratch = newConversation();
    const scratchQuestions = [...questionsIn(await say(fromScratch, LABELS.checkShipment))];
    const scratchEnd = await say(fromScratch, 'Something I bought');
    scratchQuestions.push(...questionsIn(scratchEnd));
    expect(verdictOf(scratchEnd)).toBeDefined();

    const withFacts = newConversation();
    const replies = await say(withFacts, 'do I have to pay duty on a $50 order from the UK');
    expect(textOf(replies)).toContain('From your message: something you bought, value $50, from the United Kingdom.');
    const verdict = verdictOf(replies)!;
    expect(verdict.text).toMatch(/^Result: not duty-free/);
    expect(verdict.text).toContain('I checked for goods that arrive today, 25 Nov 2026.');
    expect(questionsIn(replies)).toEqual([]);
    expect(scratchQuestions.length).toBeGreaterThan(0);
    // "Check with other details" continues in the guided check with those facts: the day first.
    const more = await say(withFacts, LABELS.checkOtherDetails);
    expect(textOf(more)).toContain('From your message: something you bought, value $50, from the United Kingdom.');
    expect(textOf(more)).toContain('When did (or will) the goods arrive in the United States?');
    const then = await say(withFacts, '1 March 2025');
    // Before the suspension more facts matter, but value and origin are not asked again.
    expect(questionsIn(then).length).toBe(1);
    expect(textOf(then)).not.toMatch(/value|which country/i);
  });

  it('a past arrival in a month when the rules changed: the day is asked, then the check goes on', async () => {
    const conversation = newConversation();
    let replies = await say(conversation, 'my package from china arrived in May 2025, should I have paid duty?');
    expect(textOf(replies)).toContain('The rules changed on 2 May 2025, so the exact day matters.');
    expect(textOf(replies)).toContain('When did (or will) the goods arrive in the United States?');
    replies = await say(conversation, 'May 1 2025');
    expect(textOf(replies)).toContain('What kind of shipment is it?');
    replies = await say(conversation, 'Something I bought');
    // On 1 May 2025 China still had de minimis: the value matters.
    expect(textOf(replies)).toContain('How much are the goods worth, in U.S. dollars?');
  });

  it('help and cancel over HTTP; after cancel the bot is back at the main menu', async () => {
    const conversation = newConversation();
    await say(conversation, LABELS.checkShipment);
    let replies = await say(conversation, 'help');
    expect(replies[0].text).toContain('Something you bought from a seller abroad');
    expect(textOf(replies)).toContain('What kind of shipment is it?');

    replies = await say(conversation, 'A gift sent to me');
    replies = await say(conversation, '<b>80</b>');
    expect(textOf(replies)).toContain('Please type your answer as plain text');
    expect(textOf(replies)).not.toContain('<b>');

    replies = await say(conversation, 'cancel');
    expect(replies).toHaveLength(1);
    expect(replies[0].text).toContain('OK, I stopped the check.');
    replies = await say(conversation, 'cancel');
    expect(replies[0].text).toMatch(/nothing to cancel/i);
  });

  it('a knowledge question mid-check is answered and the same question comes back', async () => {
    const conversation = newConversation();
    await say(conversation, LABELS.checkShipment);
    await say(conversation, 'A gift sent to me');
    const replies = await say(conversation, 'what is the informal entry limit?');
    expect(replies[0].text).toContain('$2,500');
    expect(textOf(replies)).toContain('Now, back to where we were:');
    expect(replies[replies.length - 1].text).toContain('How much is the gift worth, in U.S. dollars?');
  });
});

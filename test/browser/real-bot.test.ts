/// <reference lib="dom" />
// page.evaluate() callbacks run in the browser: they need the DOM types.
/**
 * The CBP page with Web Chat against the REAL bot, in a real browser (Debian's Chromium via
 * playwright-core): the real service (restify, the local Direct Line, the bot and its dialogs),
 * the real knowledge base and rules, the outbox writing .eml files into a temporary folder, and a
 * clock stopped on 25 Nov 2026. Each scenario saves a screenshot under test-output/screenshots/
 * (git-ignored) and checks the page had no console error, uncaught exception or CSP violation.
 *
 * `UPDATE_DOCS_SCREENSHOT=1 npx jest test/browser/real-bot` also rewrites the README's picture,
 * docs/webchat.png (otherwise it goes to test-output/screenshots/readme-webchat.png).
 */
import fs from 'node:fs';
import path from 'node:path';
import { simpleParser } from 'mailparser';
import type { Browser, Locator, Page } from 'playwright-core';
import { ESCALATION_LABELS } from '../../dialogs/EscalationDialog';
import { LABELS } from '../../src/intents';
import type { KnowledgeDoc } from '../../src/knowledge';
import { startTestService, type TestService } from '../helpers/service';
import {
  botMessages,
  describeInBrowser,
  hasSendFailed,
  launchBrowser,
  nextBotMessage,
  openChatPage,
  pageProblems,
  saveElementScreenshot,
  saveScreenshot,
  SCREENSHOT_DIR,
  SEND_BOX_PLACEHOLDER,
  sendBox,
  sendMessage,
  settleTranscript,
  suggestedAction,
  suggestedActionLabels,
  focusedElement,
  tabUntil,
  userMessages,
  waitForBotMessage,
  type ChatPage,
} from './helpers';

jest.setTimeout(120_000);

/** Web Chat's markdown turns ' into ’: match either. */
const WELCOME = /Hello! I['’]m the CBP E-Commerce Assistant/;
const MAIN_TASKS = [LABELS.checkShipment, LABELS.isDeMinimisOver, LABELS.reportFake, LABELS.email];
/** "Reviewed 25 Nov 2026": the knowledge base's review date, as the source line shows it. */
const REVIEWED = 'Reviewed 25 Nov 2026';
const ROOT = path.resolve(__dirname, '..', '..');

/**
 * Text as shown, for comparing: Web Chat's markdown renderer makes quotes typographic (' → ’,
 * " → “ ”), so fold them back, and collapse white space.
 */
function plain(text: string | null): string {
  return (text ?? '').replace(/[‘’]/g, "'").replace(/[“”]/g, '"').replace(/\s+/g, ' ').trim();
}

/** The first sentence of a document's body, as text (markdown links and emphasis removed). */
function firstSentence(doc: KnowledgeDoc): string {
  const text = doc.body.replace(/\[([^\]]*)\]\([^)]*\)/g, '$1').replace(/\*\*|__|\*/g, '').replace(/\\([[\]\\*_])/g, '$1');
  return plain(text.split(/(?<=[.?!])\s/)[0]!);
}

/** A screenshot once the transcript has finished scrolling to the latest message. */
async function snap(page: Page, name: string, fullPage = true): Promise<void> {
  await settleTranscript(page);
  await saveScreenshot(page, name, fullPage);
}

describeInBrowser('the CBP page with Web Chat and the real bot', () => {
  let browser: Browser;
  let service: TestService;
  const open: ChatPage[] = [];

  beforeAll(async () => {
    service = await startTestService();
    browser = await launchBrowser();
  });

  afterEach(async () => {
    await Promise.all(open.splice(0).map((chat) => chat.close()));
  });

  afterAll(async () => {
    await browser?.close();
    await service?.close();
  });

  const kb = () => service.core.content.knowledge();

  /** Opens the page, waits for the welcome; the page is closed after the test. Prints the time to the welcome. */
  async function openWelcomedPage(): Promise<ChatPage> {
    const started = performance.now();
    const chat = await openChatPage(browser, `${service.url}/`);
    open.push(chat);
    await waitForBotMessage(chat.page, WELCOME, 20_000);
    welcomeTimes.push(Math.round(performance.now() - started));
    return chat;
  }
  const welcomeTimes: number[] = [];
  afterAll(() => {
    // Fresh browser context each time (no cached bundle), loopback; see test/browser/welcome-timing.test.ts for slower networks.
    if (welcomeTimes.length > 0) console.log(`time to welcome (page opened → welcome shown, fresh context, loopback): ${welcomeTimes.join(', ')} ms`);
  });

  /** No console error, uncaught exception, CSP violation or "Send failed" on the page. */
  async function expectCleanPage(chat: ChatPage): Promise<void> {
    expect(await pageProblems(chat)).toEqual({ cspViolations: [], consoleErrors: [], pageErrors: [] });
    expect(await hasSendFailed(chat.page)).toBe(false);
  }

  /** Checks an answer bubble shows `doc`: its first sentence, its sources as safe new-tab links, the reviewed line. */
  async function expectAnswerWithSources(answer: Locator, doc: KnowledgeDoc): Promise<void> {
    expect(plain(await answer.textContent())).toContain(firstSentence(doc));
    expect(await answer.textContent()).toContain(REVIEWED);
    expect(doc.sources.length).toBeGreaterThan(0);
    for (const source of doc.sources) {
      const link = answer.locator(`a[href="${source.url}"]`);
      expect(await link.count()).toBe(1);
      expect(plain(await link.textContent())).toContain(plain(source.title));
      expect(await link.getAttribute('target')).toBe('_blank');
      expect(((await link.getAttribute('rel')) ?? '').split(/\s+/)).toContain('noopener');
    }
    expect(await answer.isVisible()).toBe(true);
  }

  test('1. the welcome appears with its suggested actions for the main tasks', async () => {
    const chat = await openWelcomedPage();
    const { page } = chat;
    for (const label of MAIN_TASKS) await suggestedAction(page, label).waitFor({ state: 'visible' });
    expect(await suggestedActionLabels(page)).toEqual(MAIN_TASKS);
    // The welcome's bold name is rendered markdown, not asterisks.
    const welcome = botMessages(page, WELCOME).first();
    expect(await welcome.locator('strong').first().textContent()).toBe('CBP E-Commerce Assistant');
    expect(await welcome.textContent()).not.toContain('**');
    // Exactly one welcome: the page does not get a second one from conversationUpdate.
    await page.waitForTimeout(1000);
    expect(await botMessages(page, WELCOME).count()).toBe(1);
    await snap(page, 'real-1-welcome');
    await expectCleanPage(chat);
  });

  test('2. a question typed and sent with Enter gets the right answer with its source link and reviewed date', async () => {
    const chat = await openWelcomedPage();
    const { page } = chat;
    const question = 'is the $800 de minimis still a thing in 2026?';
    const doc = kb().get('de-minimis-suspended')!;
    expect(doc).toBeDefined();
    const answer = await nextBotMessage(page, () => sendMessage(page, question), REVIEWED);
    expect(await userMessages(page, question).count()).toBe(1);
    expect(await sendBox(page).inputValue()).toBe('');
    await expectAnswerWithSources(answer, doc);
    // Related questions and feedback buttons follow the answer.
    const labels = await suggestedActionLabels(page);
    expect(labels.slice(-2)).toEqual([LABELS.helpful, LABELS.notHelpful]);
    await snap(page, 'real-2-typed-question');
    // The README's picture: the chat with this answer and its source line.
    // The README's picture: the chat box made taller (through the CSSOM, which the CSP allows)
    // so the question and the whole answer down to its source line fit in one picture.
    await page.evaluate(() => {
      (document.activeElement as HTMLElement | null)?.blur();
      const box = document.querySelector('.cbp-chat__webchat') as HTMLElement;
      box.style.height = '53rem';
      box.style.maxHeight = 'none';
    });
    await settleTranscript(page);
    const readme = process.env.UPDATE_DOCS_SCREENSHOT ? path.join(ROOT, 'docs', 'webchat.png') : path.join(SCREENSHOT_DIR, 'readme-webchat.png');
    await saveElementScreenshot(page, page.locator('.cbp-chat'), readme);
    await expectCleanPage(chat);
  });

  test('3. a suggested action clicked sends its text and gets its answer', async () => {
    const chat = await openWelcomedPage();
    const { page } = chat;
    const answer = await nextBotMessage(page, () => suggestedAction(page, LABELS.isDeMinimisOver).click(), REVIEWED);
    expect(await userMessages(page, LABELS.isDeMinimisOver).count()).toBe(1);
    await expectAnswerWithSources(answer, kb().answer(LABELS.isDeMinimisOver).best!);
    expect(kb().answer(LABELS.isDeMinimisOver).best!.id).toBe('de-minimis-suspended');
    await snap(page, 'real-3-suggested-action');
    await expectCleanPage(chat);
  });

  test('4. full duty-free checks to their verdict cards: a purchase today, then a $50 gift from Canada', async () => {
    const chat = await openWelcomedPage();
    const { page } = chat;

    // A purchase, arriving today (the date offered): one question, then the verdict.
    const kindPrompt = await nextBotMessage(page, () => suggestedAction(page, LABELS.checkShipment).click(), 'What kind of shipment is it?');
    expect(await kindPrompt.textContent()).toContain('25 Nov 2026');
    expect(await suggestedActionLabels(page)).toEqual(expect.arrayContaining(['Something I bought', 'A gift sent to me', 'Not sure', 'Different date']));
    const purchase = await nextBotMessage(page, () => suggestedAction(page, 'Something I bought').click(), /^\s*Result:/);
    expect(await purchase.textContent()).toMatch(/^\s*Result: not duty-free/);
    const purchaseCard = page.locator('.ac-adaptiveCard').filter({ hasText: 'Result: not duty-free' });
    await purchaseCard.first().waitFor({ state: 'visible', timeout: 10_000 });
    expect(await suggestedActionLabels(page)).toEqual([LABELS.checkAnother, LABELS.askQuestion, LABELS.email]);
    await snap(page, 'real-4a-verdict-purchase');

    // A gift of $50 from Canada with no alcohol or tobacco: answer whatever the rules ask, by
    // clicking buttons where there are some and typing otherwise.
    const answers: Array<[RegExp, { click: string } | { type: string }]> = [
      [/What kind of shipment is it\?/, { click: 'A gift sent to me' }],
      [/Where was the gift sent from\?/, { type: 'Canada' }],
      [/How is it shipped/, { click: 'Mail (post)' }],
      [/How much is the gift worth/, { type: '$50' }],
      [/Does the gift contain any of these/, { click: 'None of these' }],
      [/total value of all gifts/, { click: 'Only this gift' }],
      [/several lots of a single order/, { click: 'No' }],
    ];
    const anyStep = new RegExp(`${answers.map(([pattern]) => pattern.source).join('|')}|^\\s*Result:`);
    let step = await nextBotMessage(page, () => suggestedAction(page, LABELS.checkAnother).click(), anyStep);
    const asked: string[] = [];
    for (let turn = 0; turn < 10; turn++) {
      const text = (await step.textContent()) ?? '';
      if (/^\s*Result:/.test(text)) break;
      const match = answers.find(([pattern]) => pattern.test(text));
      if (!match) throw new Error(`the check asked something this test does not know: ${text}`);
      asked.push(match[0].source);
      if (asked.filter((a) => a === match[0].source).length > 1) throw new Error(`the check asked twice: ${text}`);
      const answer = match[1];
      if ('click' in answer) {
        expect(await suggestedActionLabels(page)).toContain(answer.click);
        step = await nextBotMessage(page, () => suggestedAction(page, answer.click).click(), anyStep);
      } else {
        step = await nextBotMessage(page, () => sendMessage(page, answer.type), anyStep);
      }
    }
    const verdictText = (await step.textContent()) ?? '';
    expect(verdictText).toMatch(/^\s*Result:/);
    expect(verdictText).toContain('Value: $50');
    expect(verdictText).toContain('Contents: None of these');
    // The engine asks only what can change the result: where a $50 gift was sent from cannot
    // (only gifts from the U.S. Virgin Islands, Guam or American Samoa have a higher limit).
    if (asked.includes(answers[1]![0].source)) expect(verdictText).toContain('Canada');
    expect(asked.length).toBeGreaterThanOrEqual(3);
    // The Adaptive Card renders with the same headline (the second card on the page).
    const giftCard = page.locator('.ac-adaptiveCard').filter({ hasText: /Result: duty-free as a gift|Result:/ }).last();
    await giftCard.waitFor({ state: 'visible', timeout: 10_000 });
    expect(await page.locator('.ac-adaptiveCard').count()).toBe(2);
    expect(await giftCard.textContent()).toContain('Result:');
    expect(await giftCard.textContent()).toContain('$50');
    // What the rules engine says for this gift today (see test/eligibility-http.test.ts).
    expect(verdictText).toMatch(/^\s*Result: duty-free as a gift/);
    // Show the card from its headline (the transcript sticks to the bottom otherwise).
    await settleTranscript(page);
    await giftCard.evaluate((card) => card.scrollIntoView({ block: 'start' }));
    await snap(page, 'real-4b-verdict-gift');
    await expectCleanPage(chat);
  });

  test('5. a vague question shows "Did you mean" with buttons, and a click answers it', async () => {
    const vague = 'china';
    const result = kb().answer(vague);
    expect(result.kind).toBe('did-you-mean');
    const chat = await openWelcomedPage();
    const { page } = chat;
    const didYouMean = await nextBotMessage(page, () => sendMessage(page, vague), 'Did you mean');
    const labels = await suggestedActionLabels(page);
    const offered = [result.best!, ...result.alternatives].slice(0, 3);
    expect(labels).toEqual([...offered.map((d) => d.label), LABELS.email]);
    for (const doc of offered) expect(plain(await didYouMean.textContent())).toContain(plain(doc.title));
    await snap(page, 'real-5a-did-you-mean');

    const chosen = offered[1] ?? offered[0]!;
    const answer = await nextBotMessage(page, () => suggestedAction(page, chosen.label).click(), REVIEWED);
    expect(await userMessages(page, chosen.label).count()).toBe(1);
    await expectAnswerWithSources(answer, chosen);
    await snap(page, 'real-5b-did-you-mean-answered');
    await expectCleanPage(chat);
  });

  test('6. an escalation from the page produces an .eml in the outbox with the question', async () => {
    const chat = await openWelcomedPage();
    const { page } = chat;
    const L = ESCALATION_LABELS;
    const question = 'My parcel from Canada has been held for two weeks. Who do I contact to get it released? (browser test)';

    await nextBotMessage(page, () => suggestedAction(page, LABELS.email).click(), 'Do you want me to email the team?');
    let step = await nextBotMessage(page, () => suggestedAction(page, L.confirm).click(), /Please type the question|This is the question I will send/);
    if (/This is the question I will send/.test((await step.textContent()) ?? '')) {
      step = await nextBotMessage(page, () => suggestedAction(page, L.changeQuestion).click(), 'Please type the question');
    }
    await nextBotMessage(page, () => sendMessage(page, question), 'What email address should the team reply to?');
    step = await nextBotMessage(page, () => suggestedAction(page, L.skipAddress).click(), /Should I include our conversation|Here is exactly what I will send/);
    if (/Should I include our conversation/.test((await step.textContent()) ?? '')) {
      step = await nextBotMessage(page, () => suggestedAction(page, L.questionOnly).click(), 'Here is exactly what I will send');
    }
    expect(plain(await step.textContent())).toContain(question);
    expect(await suggestedActionLabels(page)).toEqual([L.send, L.back, L.cancel]);
    await snap(page, 'real-6a-escalation-summary');

    const sent = await nextBotMessage(page, () => suggestedAction(page, L.send).click(), 'Your reference number is');
    // The reference year is the year of the bot's clock (the test's), not the real one.
    const year = service.core.services.clock().getUTCFullYear();
    const reference = new RegExp(`ECOM-${year}-\\d{6}`).exec((await sent.textContent()) ?? '')?.[0];
    expect(reference).toBeDefined();
    await snap(page, 'real-6b-escalation-sent');

    // The outbox delivers in the background: the .eml shows up in <dir>/outbox/sent/.
    const eml = path.join(service.dir, 'outbox', 'sent', `${reference}.eml`);
    const deadline = Date.now() + 15_000;
    while (!fs.existsSync(eml)) {
      if (Date.now() > deadline) throw new Error(`${eml} did not appear; sent/ holds ${fs.readdirSync(path.dirname(eml), { withFileTypes: true }).map((e) => e.name).join(', ')}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const mail = await simpleParser(fs.readFileSync(eml));
    expect(mail.text ?? '').toContain(question);
    expect(mail.subject ?? '').toContain(reference!);
    await expectCleanPage(chat);
  });

  test('7. keyboard only through a whole answer: Tab to the send box, type, Enter, Tab to a suggested action, Enter', async () => {
    const chat = await openWelcomedPage();
    const { page } = chat;
    await suggestedAction(page, LABELS.checkShipment).waitFor({ state: 'visible' });
    // Start from the top of the page with nothing focused.
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());

    await tabUntil(page, (el) => el.placeholder === SEND_BOX_PLACEHOLDER);
    const question = 'how do I report a counterfeit seller';
    const doc = kb().answer(question).best!;
    expect(kb().answer(question).kind).toBe('answer');
    const answer = await nextBotMessage(
      page,
      async () => {
        await page.keyboard.type(question);
        await page.keyboard.press('Enter');
      },
      REVIEWED,
    );
    await expectAnswerWithSources(answer, doc);
    expect(await focusedPlaceholder(page)).toBe(SEND_BOX_PLACEHOLDER); // focus stays in the send box

    // Back (Shift+Tab) from the send box to the suggested actions above it. Web Chat makes them
    // one tab stop (arrow keys move within): move to a related question rather than "Helpful".
    const labels = await suggestedActionLabels(page);
    const related = labels.filter((label) => label !== LABELS.helpful && label !== LABELS.notHelpful);
    expect(related.length).toBeGreaterThan(0);
    let focused = await tabUntil(page, (el) => el.className.includes('webchat__suggested-action'), { backwards: true, max: 5 });
    for (let i = 0; i < labels.length && !related.includes(focused.text); i++) {
      await page.keyboard.press('ArrowLeft');
      focused = await focusedElement(page);
    }
    expect(related).toContain(focused.text);
    const target = focused.text;
    const ring = await page.evaluate(() => {
      const button = document.activeElement as HTMLElement;
      const indicator = button.querySelector('.webchat__suggested-action__keyboard-focus-indicator') as HTMLElement | null;
      const style = getComputedStyle(indicator ?? button);
      return { style: style.borderTopStyle !== 'none' ? style.borderTopStyle : style.outlineStyle, width: Math.max(parseFloat(style.borderTopWidth), parseFloat(style.outlineWidth)) };
    });
    expect(ring.style).toBe('solid');
    expect(ring.width).toBeGreaterThanOrEqual(2);
    await snap(page, 'real-7a-keyboard-suggested-action-focus', false);

    const targetDoc = kb().answer(target).best!;
    const second = await nextBotMessage(page, () => page.keyboard.press('Enter'), REVIEWED);
    expect(await userMessages(page, target).count()).toBe(1);
    await expectAnswerWithSources(second, targetDoc);
    await snap(page, 'real-7b-keyboard-only');
    await expectCleanPage(chat);
  });
});

function focusedPlaceholder(page: Page): Promise<string | null> {
  return page.evaluate(() => document.activeElement?.getAttribute('placeholder') ?? null);
}

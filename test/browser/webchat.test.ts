/// <reference lib="dom" />
// page.evaluate() callbacks run in the browser: they need the DOM types.
/**
 * The CBP page and Web Chat in a real browser (Debian's Chromium via playwright-core), against the
 * echo bot and the local Direct Line. Each scenario saves a screenshot under
 * test-output/screenshots/. Scenarios that need the real bot live next to these and reuse
 * ./helpers.
 */
import crypto from 'node:crypto';
import type { Browser } from 'playwright-core';
import type { Request, Response } from 'restify';
import { startEchoServer, SUGGESTED_ACTIONS, WELCOME_TEXT, type EchoServer } from './echoServer';
import {
  botMessages,
  describeInBrowser,
  hasHorizontalScroll,
  hasSendFailed,
  launchBrowser,
  openChatPage,
  saveScreenshot,
  sendBox,
  sendMessage,
  suggestedAction,
  userMessages,
  waitForBotMessage,
  type ChatPage,
} from './helpers';

jest.setTimeout(120_000);

/** No CSP violation and no console error on the page. */
async function expectCleanConsole(chat: ChatPage): Promise<void> {
  expect(await chat.cspViolations()).toEqual([]);
  expect(chat.consoleErrors).toEqual([]);
  expect(chat.pageErrors).toEqual([]);
}

describeInBrowser('the CBP e-commerce page with Web Chat (echo bot, local Direct Line)', () => {
  let browser: Browser;
  let server: EchoServer;
  const open: ChatPage[] = [];

  beforeAll(async () => {
    server = await startEchoServer('local-directline');
    browser = await launchBrowser();
  });

  afterEach(async () => {
    await Promise.all(open.splice(0).map((chat) => chat.close()));
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function openPage(options?: Parameters<typeof openChatPage>[2]): Promise<ChatPage> {
    const chat = await openChatPage(browser, `${server.baseUrl}/`, options);
    open.push(chat);
    return chat;
  }

  test('loads under its CSP with Web Chat styled, and the welcome arrives through webchat/join', async () => {
    const chat = await openPage();
    const { page } = chat;
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toMatch(/U\.S\. Customs and Border Protection\W+E-Commerce/);
    await page.getByRole('region', { name: 'Ask the E-Commerce Assistant' }).waitFor({ state: 'visible' });
    await waitForBotMessage(page, WELCOME_TEXT);
    for (const label of SUGGESTED_ACTIONS) await suggestedAction(page, label).waitFor({ state: 'visible' });
    expect(server.bot.joins).toContainEqual({ locale: 'en-US' });

    // Web Chat's styles are injected <style> tags carrying the page's nonce; if CSP had blocked
    // them these computed values would be the browser defaults.
    const styles = await page.evaluate(() => {
      const bubble = document.querySelector('.webchat__stacked-layout:not(.webchat__stacked-layout--from-user) .webchat__bubble__content') as HTMLElement;
      const action = document.querySelector('button.webchat__suggested-action') as HTMLElement;
      return {
        bubbleBackground: getComputedStyle(bubble).backgroundColor,
        bubbleRadius: getComputedStyle(bubble).borderTopLeftRadius,
        actionBorder: getComputedStyle(action).borderTopColor,
        noncedStyleTags: Array.from(document.querySelectorAll('style')).filter((tag) => tag.nonce).length,
      };
    });
    expect(styles).toEqual({ bubbleBackground: 'rgb(240, 240, 240)', bubbleRadius: '6px', actionBorder: 'rgb(0, 94, 162)', noncedStyleTags: expect.any(Number) });
    expect(styles.noncedStyleTags).toBeGreaterThan(0);
    // The upload button is hidden.
    expect(await page.locator('.webchat__upload-button').count()).toBe(0);
    await saveScreenshot(page, 'welcome');
    await expectCleanConsole(chat);
  });

  test('a message sent with Enter is echoed once, marked sent, and answered without the 5 s replyToId hold', async () => {
    const chat = await openPage();
    const { page } = chat;
    await waitForBotMessage(page, WELCOME_TEXT);
    const started = Date.now();
    await sendMessage(page, 'is the 800 dollar limit still in effect');
    await waitForBotMessage(page, 'You said: is the 800 dollar limit still in effect');
    expect(Date.now() - started).toBeLessThan(4000);
    expect(await userMessages(page, 'is the 800 dollar limit still in effect').count()).toBe(1);
    expect(await sendBox(page).inputValue()).toBe('');
    expect(await hasSendFailed(page)).toBe(false);
    await saveScreenshot(page, 'send-with-enter');
    await expectCleanConsole(chat);
  });

  test('clicking a suggested action sends its text', async () => {
    const chat = await openPage();
    const { page } = chat;
    await waitForBotMessage(page, WELCOME_TEXT);
    await suggestedAction(page, 'Report a fake seller').click();
    await waitForBotMessage(page, 'You said: Report a fake seller');
    expect(await userMessages(page, 'Report a fake seller').count()).toBe(1);
    await saveScreenshot(page, 'suggested-action');
    await expectCleanConsole(chat);
  });

  test('links in answers open in a new tab with rel="noopener noreferrer"', async () => {
    const chat = await openPage();
    const { page } = chat;
    await waitForBotMessage(page, WELCOME_TEXT);
    await sendMessage(page, 'show me a link');
    const answer = await waitForBotMessage(page, 'Read more on');
    const link = answer.locator('a[href="https://www.cbp.gov/"]');
    expect(await link.getAttribute('target')).toBe('_blank');
    const rel = (await link.getAttribute('rel')) ?? '';
    expect(rel.split(/\s+/)).toEqual(expect.arrayContaining(['noopener', 'noreferrer']));
    await saveScreenshot(page, 'link');
    await expectCleanConsole(chat);
  });

  test('an Adaptive Card renders under the CSP', async () => {
    const chat = await openPage();
    const { page } = chat;
    await waitForBotMessage(page, WELCOME_TEXT);
    await sendMessage(page, 'card please');
    await page.locator('.ac-adaptiveCard').filter({ hasText: 'A sample card' }).waitFor({ state: 'visible', timeout: 15_000 });
    await saveScreenshot(page, 'adaptive-card');
    await expectCleanConsole(chat);
  });

  test('keyboard only: skip link, visible focus, a suggested action with Enter, then typing and Enter', async () => {
    const chat = await openPage();
    const { page } = chat;
    await waitForBotMessage(page, WELCOME_TEXT);

    await page.keyboard.press('Tab');
    const skip = await page.evaluate(() => {
      const active = document.activeElement as HTMLElement;
      const style = getComputedStyle(active);
      return { text: active.textContent, outline: style.outlineStyle, width: parseFloat(style.outlineWidth), top: active.getBoundingClientRect().top };
    });
    expect(skip).toMatchObject({ text: 'Skip to the chat', outline: 'solid' });
    expect(skip.width).toBeGreaterThanOrEqual(2);
    expect(skip.top).toBeGreaterThanOrEqual(0); // on screen when focused
    await saveScreenshot(page, 'keyboard-skip-link', false);
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('cbp-ecommerce-chat');

    // Tab forward to the first suggested action, activate it with Enter.
    let reachedAction = false;
    for (let i = 0; i < 10 && !reachedAction; i++) {
      await page.keyboard.press('Tab');
      reachedAction = await page.evaluate(() => (document.activeElement as HTMLElement).classList.contains('webchat__suggested-action'));
    }
    expect(reachedAction).toBe(true);
    await saveScreenshot(page, 'keyboard-suggested-action-focus', false);
    await page.keyboard.press('Enter');
    await waitForBotMessage(page, `You said: ${SUGGESTED_ACTIONS[0]}`);

    // On to the text box: it shows a focus ring; type and send with Enter.
    let inTextBox = await page.evaluate(() => document.activeElement?.tagName === 'TEXTAREA');
    for (let i = 0; i < 10 && !inTextBox; i++) {
      await page.keyboard.press('Tab');
      inTextBox = await page.evaluate(() => document.activeElement?.tagName === 'TEXTAREA');
    }
    expect(inTextBox).toBe(true);
    const ring = await page.evaluate(() => {
      const form = document.activeElement?.closest('.webchat__send-box-text-box') as HTMLElement;
      return { style: getComputedStyle(form).outlineStyle, width: parseFloat(getComputedStyle(form).outlineWidth) };
    });
    expect(ring.style).toBe('solid');
    expect(ring.width).toBeGreaterThanOrEqual(2);
    await page.keyboard.type('typed without a mouse');
    await saveScreenshot(page, 'keyboard-text-box-focus', false);
    await page.keyboard.press('Enter');
    await waitForBotMessage(page, 'You said: typed without a mouse');
    await saveScreenshot(page, 'keyboard-only');
    await expectCleanConsole(chat);
  });

  test('works 320 px wide: no sideways scrolling, chat usable', async () => {
    const chat = await openPage({ viewport: { width: 320, height: 640 } });
    const { page } = chat;
    await waitForBotMessage(page, WELCOME_TEXT);
    expect(await hasHorizontalScroll(page)).toBe(false);
    const chatBox = await page.locator('.cbp-chat').boundingBox();
    expect(chatBox!.x).toBeGreaterThanOrEqual(0);
    expect(chatBox!.x + chatBox!.width).toBeLessThanOrEqual(320);
    for (const label of SUGGESTED_ACTIONS) {
      const box = await suggestedAction(page, label).boundingBox();
      expect(box!.x + box!.width).toBeLessThanOrEqual(320); // suggested actions wrap instead of overflowing
    }
    // ...and their labels wrap rather than being cut with an ellipsis.
    const clipped = await page.evaluate(() =>
      Array.from(document.querySelectorAll('.webchat__suggested-actions__button-text'))
        .filter((label) => label.scrollWidth > label.clientWidth + 1)
        .map((label) => label.textContent),
    );
    expect(clipped).toEqual([]);
    await sendMessage(page, 'my package is stuck in customs');
    await waitForBotMessage(page, 'You said: my package is stuck in customs');
    expect(await hasHorizontalScroll(page)).toBe(false);
    await saveScreenshot(page, 'width-320');
    await expectCleanConsole(chat);
  });

  test('works at 200 % zoom (half the CSS viewport at twice the pixel density)', async () => {
    const chat = await openPage({ viewport: { width: 640, height: 400 }, deviceScaleFactor: 2 });
    const { page } = chat;
    await waitForBotMessage(page, WELCOME_TEXT);
    expect(await hasHorizontalScroll(page)).toBe(false);
    await sendBox(page).scrollIntoViewIfNeeded();
    await sendMessage(page, 'zoomed in question');
    await waitForBotMessage(page, 'You said: zoomed in question');
    expect(await botMessages(page, 'You said: zoomed in question').last().isVisible()).toBe(true);
    expect(await hasHorizontalScroll(page)).toBe(false);
    await saveScreenshot(page, 'zoom-200');
    await expectCleanConsole(chat);
  });
});

describeInBrowser('the widget when the chat cannot start', () => {
  let browser: Browser;
  let server: EchoServer;

  beforeAll(async () => {
    // Token mode with no token endpoint registered: the token request fails.
    server = await startEchoServer('token');
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  test('says so in the chat region and offers "Try again"', async () => {
    const chat = await openChatPage(browser, `${server.baseUrl}/`, { waitForChat: false });
    try {
      const { page } = chat;
      await page.getByText('The chat could not start. Please try again in a moment.').waitFor({ state: 'visible', timeout: 15_000 });
      await page.getByRole('button', { name: 'Try again' }).waitFor({ state: 'visible' });
      expect(await page.getByRole('status').textContent()).toContain('could not start');
      expect(await chat.cspViolations()).toEqual([]);
      await saveScreenshot(page, 'cannot-start');
    } finally {
      await chat.close();
    }
  });
});

describeInBrowser('the embed snippet (one div, one script) on a page with its own CSP', () => {
  let browser: Browser;
  let server: EchoServer;

  beforeAll(async () => {
    // A stand-in for a host page: only the documented snippet, a nonce on the script tag, and a CSP
    // like the one EMBED.md asks the host to send. (Same origin here: the local Direct Line has no
    // CORS; the cross-origin token request is covered by test/token-endpoint.test.ts.)
    server = await startEchoServer('local-directline', (app) => {
      app.get('/embed-test', (_req: Request, res: Response, next: () => void) => {
        const nonce = crypto.randomBytes(16).toString('base64');
        res.setHeader(
          'Content-Security-Policy',
          `default-src 'self'; script-src 'self'; style-src 'self' 'nonce-${nonce}' 'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='; img-src 'self' data: blob:; connect-src 'self'; base-uri 'none'; form-action 'none'`,
        );
        res.setHeader('Content-Type', 'text/html; charset=utf-8');
        res.writeHead(200);
        res.end(
          `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Host page</title><link rel="icon" href="data:,"></head><body><main><h1>Host page</h1>` +
            `<div id="cbp-ecommerce-chat" data-mode="local-directline"></div>` +
            `<script src="/static/widget.js" nonce="${nonce}" async></script></main></body></html>`,
        );
        next();
      });
    });
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  test('loads its own stylesheet and Web Chat, passes the nonce on, and chats', async () => {
    const chat = await openChatPage(browser, `${server.baseUrl}/embed-test`);
    try {
      const { page } = chat;
      await waitForBotMessage(page, WELCOME_TEXT);
      const loaded = await page.evaluate(() => ({
        widgetCss: Array.from(document.querySelectorAll('link[rel="stylesheet"]')).map((link) => new URL((link as HTMLLinkElement).href).pathname),
        webchatScript: Array.from(document.querySelectorAll('script[data-cbp-webchat]')).length,
        chatBorderTop: getComputedStyle(document.querySelector('.cbp-chat') as HTMLElement).borderTopWidth,
      }));
      expect(loaded.widgetCss).toEqual(['/static/widget.css']);
      expect(loaded.webchatScript).toBe(1);
      expect(loaded.chatBorderTop).toBe('6px'); // widget.css applied
      await sendMessage(page, 'hello from the host page');
      await waitForBotMessage(page, 'You said: hello from the host page');
      await saveScreenshot(page, 'embed-snippet');
      await expectCleanConsole(chat);
    } finally {
      await chat.close();
    }
  });
});

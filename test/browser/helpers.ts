/// <reference lib="dom" />
// page.evaluate() callbacks run in the browser: they need the DOM types.
/**
 * Helpers for real-browser tests: playwright-core driving Debian's Chromium, a page with Web Chat,
 * the console and Content-Security-Policy watched, and a screenshot per scenario under
 * test-output/screenshots/ (git-ignored) for people to look at.
 *
 * When Chromium is missing, browser suites are skipped with a clear message — except in CI
 * (CI set), where they fail instead, so they are never silently skipped there.
 */
import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';

/** Debian's Chromium (`apt-get install -y chromium`); override with CHROMIUM_PATH. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Where screenshots go (the repository's git-ignored test-output/). */
export const SCREENSHOT_DIR = path.resolve(__dirname, '..', '..', 'test-output', 'screenshots');

/** The send box placeholder the widget sets. */
export const SEND_BOX_PLACEHOLDER = 'Ask about shipments, duties or counterfeits';

/** True when Chromium is installed. */
export function chromiumAvailable(): boolean {
  return fs.existsSync(CHROMIUM_PATH);
}

let skipWarned = false;

/**
 * `describe` for browser suites: runs them when Chromium is present; without it, skips them with
 * a console message locally and fails them in CI.
 *
 * @example
 * describeInBrowser('the CBP page', () => { test('loads', async () => { ... }); });
 */
export function describeInBrowser(name: string, suite: () => void): void {
  if (chromiumAvailable()) {
    describe(name, suite);
    return;
  }
  if (process.env.CI) {
    describe(name, () => {
      test('Chromium is installed (browser tests never skip in CI)', () => {
        throw new Error(`Chromium not found at ${CHROMIUM_PATH}: install it with "apt-get install -y chromium" (or set CHROMIUM_PATH).`);
      });
    });
    return;
  }
  if (!skipWarned) {
    skipWarned = true;
    console.warn(`\n  BROWSER TESTS SKIPPED: Chromium not found at ${CHROMIUM_PATH}.\n  Install it with "apt-get install -y chromium" to run them; in CI they fail instead of skipping.\n`);
  }
  describe.skip(name, suite);
}

/**
 * Launches headless Chromium. Playwright gives every launch a fresh temporary user-data
 * directory (removed on close), so no profile, cache or cookie leaks between runs.
 *
 * @example
 * const browser = await launchBrowser();
 * try { ... } finally { await browser.close(); }
 */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS, timeout: 60_000 });
}

/** A CSP violation seen by the page (from the `securitypolicyviolation` DOM event). */
export interface CspViolation {
  directive: string;
  blocked: string;
  source: string;
  sample: string;
}

/** A page in its own browser context, with what went wrong on it collected. */
export interface ChatPage {
  page: Page;
  context: BrowserContext;
  consoleErrors: string[];
  pageErrors: string[];
  /** Violations reported so far (read from the page). */
  cspViolations(): Promise<CspViolation[]>;
  close(): Promise<void>;
}

export interface OpenPageOptions {
  viewport?: { width: number; height: number };
  /** 2 with half the CSS viewport is what 200 % browser zoom does to layout. */
  deviceScaleFactor?: number;
  /** Wait for the chat's send box (default true). */
  waitForChat?: boolean;
  /** Runs on the new page before it loads (e.g. network throttling through the DevTools protocol). */
  beforeLoad?: (page: Page) => Promise<void>;
}

/**
 * Opens `url` in a fresh context and waits for Web Chat's send box.
 *
 * @example
 * const chat = await openChatPage(browser, `${server.baseUrl}/`);
 * await sendMessage(chat.page, 'is the $800 limit still in effect');
 */
export async function openChatPage(browser: Browser, url: string, options: OpenPageOptions = {}): Promise<ChatPage> {
  const context = await browser.newContext({
    viewport: options.viewport ?? { width: 1024, height: 900 },
    deviceScaleFactor: options.deviceScaleFactor ?? 1,
    locale: 'en-US',
    reducedMotion: 'reduce',
  });
  // Init scripts run through the DevTools protocol, outside the page's CSP.
  await context.addInitScript(() => {
    const store: unknown[] = [];
    (window as unknown as { __cspViolations: unknown[] }).__cspViolations = store;
    document.addEventListener('securitypolicyviolation', (event) => {
      store.push({ directive: event.violatedDirective, blocked: event.blockedURI, source: `${event.sourceFile}:${event.lineNumber}`, sample: event.sample });
    });
  });
  const page = await context.newPage();
  const consoleErrors: string[] = [];
  const pageErrors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => pageErrors.push(error.message));
  await options.beforeLoad?.(page);
  await page.goto(url);
  if (options.waitForChat ?? true) await sendBox(page).waitFor({ state: 'visible', timeout: 20_000 });
  return {
    page,
    context,
    consoleErrors,
    pageErrors,
    cspViolations: () => page.evaluate(() => (window as unknown as { __cspViolations: CspViolation[] }).__cspViolations ?? []),
    close: () => context.close(),
  };
}

/** Web Chat's text box. */
export function sendBox(page: Page): Locator {
  return page.getByPlaceholder(SEND_BOX_PLACEHOLDER);
}

/**
 * Types a message and sends it with Enter.
 *
 * @example
 * await sendMessage(page, 'hello');
 */
export async function sendMessage(page: Page, text: string): Promise<void> {
  await sendBox(page).fill(text);
  await sendBox(page).press('Enter');
}

/** Message bubbles from the bot containing `text`. */
export function botMessages(page: Page, text: string | RegExp): Locator {
  return page.locator('.webchat__stacked-layout:not(.webchat__stacked-layout--from-user) .webchat__bubble__content').filter({ hasText: text });
}

/** Message bubbles from the user containing `text`. */
export function userMessages(page: Page, text: string | RegExp): Locator {
  return page.locator('.webchat__stacked-layout--from-user .webchat__bubble__content').filter({ hasText: text });
}

/**
 * Waits for a bot message containing `text` and returns it.
 *
 * @example
 * await waitForBotMessage(page, /de minimis/i);
 */
export async function waitForBotMessage(page: Page, text: string | RegExp, timeoutMs = 15_000): Promise<Locator> {
  const message = botMessages(page, text).last();
  await message.waitFor({ state: 'visible', timeout: timeoutMs });
  return message;
}

/** A suggested action button by its label. */
export function suggestedAction(page: Page, label: string): Locator {
  return page.locator('button.webchat__suggested-action').filter({ hasText: label });
}

/** True when the page scrolls sideways (content wider than the viewport). */
export function hasHorizontalScroll(page: Page): Promise<boolean> {
  return page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth + 1);
}

/** True when the page shows Web Chat's "Send failed" status anywhere. */
export function hasSendFailed(page: Page): Promise<boolean> {
  return page.getByText(/send failed/i).count().then((count) => count > 0);
}

/**
 * Saves a screenshot as test-output/screenshots/<name>.png and returns its path.
 *
 * @example
 * await saveScreenshot(page, 'welcome');
 */
export async function saveScreenshot(page: Page, name: string, fullPage = true): Promise<string> {
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const file = path.join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path: file, fullPage, animations: 'disabled' });
  return file;
}

// ---------------------------------------------------------------------------------------------
// Helpers for multi-turn conversations (the real bot): waiting for the *next* reply rather than
// any matching one, keyboard navigation, problems seen on the page, and cropped screenshots.

/** Everything that went wrong on a page: CSP violations, console errors, uncaught exceptions. */
export interface PageProblems {
  cspViolations: CspViolation[];
  consoleErrors: string[];
  pageErrors: string[];
}

/**
 * What went wrong on the page so far; a clean page gives three empty lists.
 *
 * @example
 * expect(await pageProblems(chat)).toEqual({ cspViolations: [], consoleErrors: [], pageErrors: [] });
 */
export async function pageProblems(chat: ChatPage): Promise<PageProblems> {
  return { cspViolations: await chat.cspViolations(), consoleErrors: [...chat.consoleErrors], pageErrors: [...chat.pageErrors] };
}

/**
 * Does `act` (send a message, click a button) and waits for a bot message containing `text`
 * that was not there before — so a step's answer is never confused with an earlier message that
 * says the same thing (a second "Not sure" prompt, a repeated source line). Returns the new
 * message.
 *
 * @example
 * const answer = await nextBotMessage(page, () => sendMessage(page, 'is 800 still duty free'), 'Reviewed');
 * await nextBotMessage(page, () => suggestedAction(page, 'Skip').click(), /Should I include|Here is exactly/);
 */
export async function nextBotMessage(page: Page, act: () => Promise<void>, text: string | RegExp, timeoutMs = 15_000): Promise<Locator> {
  const before = await botMessages(page, text).count();
  await act();
  const messages = botMessages(page, text);
  const deadline = Date.now() + timeoutMs;
  while ((await messages.count()) <= before) {
    if (Date.now() > deadline) throw new Error(`no new bot message matching ${String(text)} within ${timeoutMs} ms`);
    await page.waitForTimeout(100);
  }
  const message = messages.nth(before);
  await message.waitFor({ state: 'visible', timeout: 5_000 });
  return message;
}

/** The labels of the suggested actions on show now (Web Chat shows only the latest set). */
export function suggestedActionLabels(page: Page): Promise<string[]> {
  return page.locator('button.webchat__suggested-action').evaluateAll((buttons) => buttons.map((b) => (b.textContent ?? '').trim()));
}

/** What has keyboard focus: tag, classes, text and whether it shows an outline. */
export interface FocusedElement {
  tag: string;
  className: string;
  text: string;
  placeholder: string;
}

/** The element that has keyboard focus now. */
export function focusedElement(page: Page): Promise<FocusedElement> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    return {
      tag: el?.tagName ?? '',
      className: typeof el?.className === 'string' ? el.className : '',
      text: (el?.textContent ?? '').trim(),
      placeholder: el?.getAttribute('placeholder') ?? '',
    };
  });
}

/**
 * Presses Tab (or Shift+Tab with `backwards`) until `matches` accepts the focused element, at
 * most `max` times. Returns the focused element, or throws saying where focus went.
 *
 * @example
 * await tabUntil(page, (el) => el.placeholder === SEND_BOX_PLACEHOLDER);
 * await tabUntil(page, (el) => el.className.includes('webchat__suggested-action'), { backwards: true });
 */
export async function tabUntil(
  page: Page,
  matches: (el: FocusedElement) => boolean,
  options: { backwards?: boolean; max?: number } = {},
): Promise<FocusedElement> {
  const key = options.backwards ? 'Shift+Tab' : 'Tab';
  const visited: string[] = [];
  for (let i = 0; i < (options.max ?? 25); i++) {
    await page.keyboard.press(key);
    const el = await focusedElement(page);
    if (matches(el)) return el;
    visited.push(`${el.tag}.${el.className.split(/\s+/)[0] ?? ''}${el.text ? ` "${el.text.slice(0, 30)}"` : ''}`);
  }
  throw new Error(`${key} never reached the element; focus went through: ${visited.join(' → ')}`);
}

/**
 * Saves a screenshot of just the area of `locator` (plus `margin` CSS pixels around it, kept
 * within the page) as `file` — for a small picture such as the README's.
 *
 * @example
 * await saveElementScreenshot(page, page.locator('.cbp-chat'), 'docs/webchat.png');
 */
export async function saveElementScreenshot(page: Page, locator: Locator, file: string, margin = 8): Promise<string> {
  await locator.scrollIntoViewIfNeeded();
  const box = await locator.boundingBox();
  if (!box) throw new Error('the element to photograph is not visible');
  const size = await page.evaluate(() => ({ width: document.documentElement.scrollWidth, height: document.documentElement.scrollHeight }));
  const scroll = await page.evaluate(() => ({ x: window.scrollX, y: window.scrollY }));
  // boundingBox() is relative to the viewport; a fullPage clip is relative to the document.
  const x = Math.max(0, box.x + scroll.x - margin);
  const y = Math.max(0, box.y + scroll.y - margin);
  const clip = { x, y, width: Math.min(size.width - x, box.width + 2 * margin), height: Math.min(size.height - y, box.height + 2 * margin) };
  fs.mkdirSync(path.dirname(file), { recursive: true });
  await page.screenshot({ path: file, clip, fullPage: true, animations: 'disabled' });
  return file;
}

/**
 * Waits until Web Chat's transcript has stopped scrolling (it animates to each new message) and
 * moves the mouse out of the way, so a screenshot shows the latest message whole and no button
 * in its hover colour.
 *
 * @example
 * await settleTranscript(page);
 * await saveScreenshot(page, 'answer');
 */
export async function settleTranscript(page: Page, timeoutMs = 3_000): Promise<void> {
  await page.mouse.move(0, 0);
  const position = () =>
    page.evaluate(() => {
      const scroller = document.querySelector('.webchat__basic-transcript__scrollable') as HTMLElement | null;
      return scroller ? `${scroller.scrollTop}/${scroller.scrollHeight}/${scroller.clientHeight}` : '';
    });
  const deadline = Date.now() + timeoutMs;
  let last = await position();
  let stableSince = Date.now();
  while (Date.now() < deadline) {
    await page.waitForTimeout(100);
    const now = await position();
    if (now !== last) {
      last = now;
      stableSince = Date.now();
    } else if (Date.now() - stableSince >= 400) {
      return;
    }
  }
}

/**
 * Smoke test of the BUILT bot on the Node.js running this script (issue 14): starts
 * `node dist/src/index.js` as a child process, as in production, and over HTTP with the Bot
 * Framework protocol (activities POSTed to /api/messages, replies taken by a stand-in Bot
 * Connector) checks that it
 *   1. starts, with nothing on stderr (no deprecation or other runtime warnings), and answers
 *      /healthz and /readyz;
 *   2. answers a question from the knowledge base, with its sources;
 *   3. runs a guided duty-free check to its verdict;
 *   4. takes an escalation to the end: the email lands as an .eml file in the outbox, addressed to
 *      ECOMMERCE_INBOX (set to a non-default address here);
 *   5. stops gracefully on SIGTERM (exit code 0).
 *
 *   npm run test:smoke          # builds dist/ if stale, then runs this
 *
 * `.ci/run` runs it on Node 24 (the full jest suite runs on Node 22). Prints one line per step
 * with its time; exits 1 with the reason on the first failure.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { catalog } from '../../src/messages';
import { say as sayOverHttp, startTestChannel, type ReceivedActivity, type TestChannel } from '../helpers/channel';
import { startBotChild, type BotChild } from '../helpers/botChild';
import { sleep } from '../helpers/wait';

const ROOT = path.resolve(__dirname, '..', '..');
const ENTRY = path.join(ROOT, 'dist', 'src', 'index.js');
/** The bot's clock: answers and the check's verdict are those of this day. */
const TODAY = '2026-11-25';
const INBOX = 'smoke-inbox@example.gov';
/** Generous: on a busy CI machine the first start loads the knowledge base and Web Chat slowly. */
const START_TIMEOUT_MS = 120_000;
const EML_TIMEOUT_MS = 30_000;

const LABELS = catalog().welcome.labels;
const ESCALATION = catalog().escalation.labels;

const text = (replies: ReceivedActivity[]) => replies.map((r) => r.text ?? '').join('\n\n');
const buttons = (replies: ReceivedActivity[]) => replies[replies.length - 1]?.suggestedActions?.actions.map((a) => a.title) ?? [];

/** Waits until `file` exists; rejects after `timeoutMs`. */
async function fileAppears(file: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!fs.existsSync(file)) {
    if (Date.now() > deadline) throw new Error(`${path.relative(ROOT, file)} did not appear within ${timeoutMs / 1000} s`);
    await sleep(50);
  }
}

/** Runs one named step and prints its time; a failure names the step. */
async function step<T>(name: string, run: () => Promise<T>): Promise<T> {
  const started = performance.now();
  try {
    const result = await run();
    console.log(`  ok  ${name} (${((performance.now() - started) / 1000).toFixed(1)} s)`);
    return result;
  } catch (err) {
    console.log(`  FAILED  ${name}`);
    throw err;
  }
}

async function main(): Promise<void> {
  if (!fs.existsSync(ENTRY)) throw new Error(`${path.relative(ROOT, ENTRY)} is missing: run npm run build first (npm run test:smoke does)`);
  const started = performance.now();
  console.log(`Smoke test of the built bot on Node.js ${process.version}`);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cbp-smoke-'));
  const outbox = path.join(dir, 'outbox');
  let channel: TestChannel | undefined;
  let bot: BotChild | undefined;
  try {
    channel = await startTestChannel();
    const ch = channel;
    bot = await step('starts (node dist/src/index.js)', () =>
      startBotChild({ TODAY, ESCALATION_DIR: outbox, RECORDS_DIR: path.join(dir, 'records'), ECOMMERCE_INBOX: INBOX }, { built: true, timeoutMs: START_TIMEOUT_MS, logLevel: 'warn' }),
    );
    const b = bot;
    const say = (conversation: string, message: string) => sayOverHttp(b.url, ch, conversation, message, { channelId: 'webchat' });

    await step('answers /healthz and /readyz', async () => {
      assert.equal((await fetch(`${b.url}/healthz`)).status, 200, '/healthz');
      const ready = await fetch(`${b.url}/readyz`);
      assert.equal(ready.status, 200, `/readyz: ${await ready.text()}`);
    });

    await step('answers a question over HTTP (Bot Framework protocol)', async () => {
      const replies = await say('smoke-question', 'is 800 dollars still duty free');
      assert.match(text(replies), /de minimis/i, 'an answer about de minimis');
      assert.match(text(replies), /Sources:/, 'the answer cites its sources');
    });

    await step('runs a guided duty-free check to its verdict', async () => {
      const conversation = 'smoke-check';
      assert.match(text(await say(conversation, LABELS.checkShipment)), /What kind of shipment is it\?/);
      assert.match(text(await say(conversation, 'A gift sent to me')), /How much is the gift worth/);
      assert.match(text(await say(conversation, '$80')), /Does the gift contain any of these worth more than \$5\?/);
      assert.deepEqual(buttons(await say(conversation, 'None of these')), ['Only this gift', 'Not sure']);
      const verdict = text(await say(conversation, 'Only this gift'));
      assert.match(verdict, /^Result: duty-free as a gift/m, 'the verdict');
    });

    await step(`sends an escalation: an .eml file to ${INBOX} in the outbox`, async () => {
      const conversation = 'smoke-escalation';
      assert.deepEqual(buttons(await say(conversation, 'talk to a person')), [ESCALATION.confirm, ESCALATION.decline]);
      let replies = await say(conversation, ESCALATION.confirm);
      if (text(replies).includes(catalog().escalation.questionIntro)) replies = await say(conversation, ESCALATION.changeQuestion);
      assert.match(text(replies), /Please type the question you want to send/);
      assert.match(text(await say(conversation, 'My parcel from Japan has been held at customs for 3 weeks. Who can tell me why?')), /What email address should the team reply to\?/);
      replies = await say(conversation, 'person@example.com');
      if (text(replies).includes('Should I include our conversation')) replies = await say(conversation, ESCALATION.questionOnly);
      assert.match(text(replies), /Here is exactly what I will send/);
      const sent = text(await say(conversation, ESCALATION.send));
      const reference = /\*\*(ECOM-\d{4}-\d{6})\*\*/.exec(sent)?.[1];
      assert.ok(reference, `a reference number in: ${sent}`);
      const eml = path.join(outbox, 'sent', `${reference}.eml`);
      await fileAppears(eml, EML_TIMEOUT_MS);
      const message = fs.readFileSync(eml, 'utf8');
      assert.match(message, new RegExp(`^To: ${INBOX.replace(/\./g, '\\.')}\\r?$`, 'm'), 'addressed to ECOMMERCE_INBOX');
      assert.match(message, new RegExp(`^Subject: .*${reference}`, 'm'), 'the subject carries the reference');
      assert.match(message, /held at customs for 3 weeks/, 'the question is in the email');
    });

    await step('stops gracefully on SIGTERM (exit code 0)', async () => {
      b.process.kill('SIGTERM');
      const exit = await Promise.race([b.exited, sleep(30_000).then(() => undefined)]);
      assert.ok(exit, 'exited within 30 s');
      assert.deepEqual(exit, { code: 0, signal: null });
    });

    await step('wrote nothing to stderr (no deprecation or runtime warnings)', async () => {
      assert.equal(b.stderr(), '', 'stderr');
    });
    console.log(`Smoke test passed on Node.js ${process.version} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  } finally {
    if (bot) {
      await bot.kill('SIGKILL');
    }
    await channel?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  console.error(`Smoke test failed on Node.js ${process.version}: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});

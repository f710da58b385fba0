/**
 * `npm run bench:memory [-- flags]`: does conversation state in memory give its memory back?
 * (issue 13, finding 5). Figures are printed, and the target checked (RSS after expiry < 250 MB).
 *
 * 1. Builds the project (dist/; `--tsx` runs the sources through tsx) and starts the bot as a child
 *    process (development mode, STATE_STORAGE=memory, LOG_LEVEL=silent, per-IP limit off, records
 *    and outbox in a temp folder) with `--expose-gc` and a one-line preload (`-r`, written to the temp folder): on SIGUSR2 the child
 *    runs a full garbage collection and writes `process.memoryUsage()` to stderr.
 * 2. Warms up with a few hundred conversations, collects garbage, reads RSS and heap: "before".
 * 3. Opens N conversations (default 20,000) over HTTP, C at a time; each has three turns: a
 *    question from test/fixtures/questions.json, "Check my shipment" (the guided check starts)
 *    and "A gift sent to me" (its next step), so each keeps a dialog in progress and a transcript.
 *    RSS is sampled all along ("peak"), then garbage is collected ("after the run").
 * 4. Waits until every conversation has been idle for longer than STATE_TTL_MINUTES (1 minute here)
 *    and the idle sweep has run, collects garbage again: "after expiry".
 *
 * The bot runs with the production memory profile (the Dockerfile's NODE_OPTIONS, issue 15) unless
 * --no-profile or --node-options="…" says otherwise; the targets: peak RSS during the run < 250 MB,
 * and RSS after expiry < 250 MB.
 *
 * Flags: --conversations 20000  --concurrency 8  --ttl-minutes 1  --max-conversations 10000
 *        --warmup 300  --quick (2,000 conversations)  --tsx  --json  --no-profile  --node-options="…"  --no-build
 *        --unbounded (for comparison: no cap, a 7-day TTL, no waiting — what the old MemoryStorage did)
 */
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { LABELS } from '../src/intents';
import { Flags } from './lib/args';
import { replyType, startReplySink, turnPoster } from './lib/driver';
import { buildDist, entryArgs, machine, processMemory, ROOT, sampleRss, spawnServer, type Runner, type ServerChild } from './lib/proc';
import { botNodeFlags, loadAverage } from './lib/profile';
import { mb, table } from './lib/stats';

const TARGET_RSS_AFTER = 250 * 1024 * 1024;

/** Runs in the bot process before its entry point: a full GC and a memory report on SIGUSR2. */
const GC_PRELOAD = `process.on('SIGUSR2', () => { globalThis.gc(); globalThis.gc(); process.stderr.write('MEMORY ' + JSON.stringify(process.memoryUsage()) + '\\n'); });`;

interface Snapshot {
  rss: number;
  heapUsed: number;
}

/** Asks the child for a full GC and waits for its memory report; RSS is then read from /proc. */
async function collect(server: ServerChild): Promise<Snapshot> {
  const seen = server.stderr().split('\n').filter((l) => l.startsWith('MEMORY ')).length;
  server.process.kill('SIGUSR2');
  for (let i = 0; i < 400; i++) {
    await new Promise((resolve) => setTimeout(resolve, 25));
    const lines = server.stderr().split('\n').filter((l) => l.startsWith('MEMORY '));
    if (lines.length > seen) {
      const usage = JSON.parse(lines[lines.length - 1]!.slice('MEMORY '.length)) as { heapUsed: number };
      // Give the kernel a moment to account for the pages V8 released.
      await new Promise((resolve) => setTimeout(resolve, 500));
      return { rss: processMemory(server.pid).rss, heapUsed: usage.heapUsed };
    }
  }
  throw new Error(`the bot did not report its memory after SIGUSR2:\n${server.stderr().slice(-2000)}`);
}

/** Takes the bot's replies as the Bot Connector would; counts message replies per conversation. */
async function startChannel(): Promise<{ serviceUrl: string; messages: Map<string, number>; close(): Promise<void> }> {
  const messages = new Map<string, number>();
  const sink = await startReplySink(({ conversationId, body }) => {
    if (replyType(body) === 'message') messages.set(conversationId, (messages.get(conversationId) ?? 0) + 1);
  });
  return { ...sink, messages };
}

interface RunResult {
  conversations: number;
  turns: number;
  errors: number;
  /** Turns after which the conversation had received no more message replies than before. */
  unanswered: number;
  seconds: number;
  errorSamples: string[];
}

/** Opens `count` conversations of `script(i)` turns each, `concurrency` at a time. */
async function runConversations(botUrl: string, count: number, concurrency: number, tag: string, script: (i: number) => string[]): Promise<RunResult> {
  const channel = await startChannel();
  const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
  const target = new URL(`${botUrl}/api/messages`);
  let nextConversation = 0;
  let turns = 0;
  let errors = 0;
  let unanswered = 0;
  const errorSamples: string[] = [];
  const postTurn = turnPoster(target, agent);
  const worker = async () => {
    for (;;) {
      const i = nextConversation++;
      if (i >= count) return;
      const conversationId = `${tag}-${i}-${process.pid}`;
      let t = 0;
      for (const text of script(i)) {
        const before = channel.messages.get(conversationId) ?? 0;
        const activity = {
          type: 'message',
          id: `${conversationId}-t${++t}`,
          channelId: 'webchat',
          serviceUrl: channel.serviceUrl,
          from: { id: `user-${tag}-${i}`, name: 'Memory benchmark', role: 'user' },
          recipient: { id: 'bot', name: 'CBP E-Commerce Assistant', role: 'bot' },
          conversation: { id: conversationId },
          locale: 'en-US',
          textFormat: 'plain',
          text,
        };
        turns++;
        try {
          const result = await postTurn(JSON.stringify(activity));
          if (result.status !== 200) {
            errors++;
            if (errorSamples.length < 5) errorSamples.push(`HTTP ${result.status}: ${result.text.slice(0, 200)}`);
          } else if ((channel.messages.get(conversationId) ?? 0) === before) {
            unanswered++;
          }
        } catch (err) {
          errors++;
          if (errorSamples.length < 5) errorSamples.push(String(err));
        }
      }
      channel.messages.delete(conversationId);
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: concurrency }, () => worker()));
  const seconds = (performance.now() - started) / 1000;
  agent.destroy();
  await channel.close();
  return { conversations: count, turns, errors, unanswered, seconds, errorSamples };
}

async function main(): Promise<void> {
  const flags = new Flags(process.argv.slice(2));
  const quick = flags.has('quick');
  const unbounded = flags.has('unbounded');
  const settings = {
    conversations: flags.number('conversations', quick ? 2_000 : 20_000),
    concurrency: Math.max(1, flags.number('concurrency', 8)),
    warmup: flags.number('warmup', 300),
    ttlMinutes: unbounded ? 10_080 : flags.number('ttl-minutes', 1),
    maxConversations: unbounded ? 10_000_000 : flags.number('max-conversations', 10_000),
    runner: (flags.has('tsx') ? 'tsx' : 'dist') as Runner,
  };
  const questions = (JSON.parse(fs.readFileSync(path.join(ROOT, 'test', 'fixtures', 'questions.json'), 'utf8')) as Array<{ q: string }>).map((q) => q.q);
  const script = (i: number) => [questions[i % questions.length]!, LABELS.checkShipment, 'A gift sent to me'];

  if (settings.runner === 'dist' && !flags.has('no-build')) buildDist();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cbp-bench-memory-'));
  const preload = path.join(dir, 'gc-preload.cjs');
  fs.writeFileSync(preload, `${GC_PRELOAD}\n`);
  const profile = botNodeFlags(ROOT, flags);
  const loadBefore = loadAverage();
  const server = await spawnServer([...profile.flags, '--expose-gc', '-r', preload, ...entryArgs('src/index.ts', settings.runner)], {
    BOT_ENV: 'development',
    STATE_STORAGE: 'memory',
    STATE_TTL_MINUTES: String(settings.ttlMinutes),
    STATE_MAX_CONVERSATIONS: String(settings.maxConversations),
    RATE_LIMIT_PER_IP: '0',
    RECORDS_DIR: path.join(dir, 'records'),
    ESCALATION_DIR: path.join(dir, 'outbox'),
  }, { timeoutMs: 300_000 });
  try {
    if (settings.warmup > 0) await runConversations(server.url, settings.warmup, settings.concurrency, 'warm', script);
    const before = await collect(server);
    const sampler = sampleRss(server.pid, 50);
    const run = await runConversations(server.url, settings.conversations, settings.concurrency, 'bench', script);
    const peakRss = sampler.stop();
    const afterRun = await collect(server);
    let afterExpiry: Snapshot | undefined;
    let waitedSeconds = 0;
    if (!unbounded) {
      // Idle for longer than the TTL, plus one sweep interval (a quarter of the TTL, 1 s to 60 s) and a margin.
      const ttlMs = settings.ttlMinutes * 60_000;
      const waitMs = ttlMs + Math.min(60_000, Math.max(1_000, Math.floor(ttlMs / 4))) + 3_000;
      waitedSeconds = waitMs / 1000;
      process.stderr.write(`waiting ${waitedSeconds.toFixed(0)} s for the idle conversations to expire…\n`);
      await new Promise((resolve) => setTimeout(resolve, waitMs));
      afterExpiry = await collect(server);
    }

    const m = machine();
    const figures = { machine: m, settings, nodeFlags: profile.flags, loadAverage: [loadBefore, loadAverage()], run, before, peakRss, afterRun, afterExpiry, waitedSeconds };
    if (flags.has('json')) {
      console.log(JSON.stringify(figures, null, 2));
    } else {
      console.log(`Machine: ${m.nproc} cores, ${m.cpu}, Node ${m.node}, ${m.os}`);
      console.log(`Load average (1, 5, 15 min): ${loadBefore} before, ${loadAverage()} after`);
      console.log(`Bot process node flags: ${profile.flags.join(' ') || 'none'} (${profile.source})`);
      console.log(
        `Memory: ${settings.conversations.toLocaleString('en-US')} conversations of 3 turns (a question, "Check my shipment", "A gift sent to me"), ${settings.concurrency} at a time, ` +
          `STATE_TTL_MINUTES=${settings.ttlMinutes}, STATE_MAX_CONVERSATIONS=${settings.maxConversations}, ${settings.runner === 'dist' ? 'compiled (dist/)' : 'tsx'}\n`,
      );
      const rows = [
        ['', 'RSS', 'heap used'],
        ['before (after warm-up, GC)', mb(before.rss), mb(before.heapUsed)],
        ['peak during the run', mb(peakRss), ''],
        ['after the run (GC)', mb(afterRun.rss), mb(afterRun.heapUsed)],
      ];
      if (afterExpiry) rows.push([`after expiry (idle ${waitedSeconds.toFixed(0)} s, GC)`, mb(afterExpiry.rss), mb(afterExpiry.heapUsed)]);
      console.log(table(rows));
      console.log(
        `\n${run.turns.toLocaleString('en-US')} turns in ${run.seconds.toFixed(1)} s (${(run.turns / run.seconds).toFixed(0)} turns/s), ${run.errors} errors, ${run.unanswered} turns without a reply`,
      );
      for (const sample of run.errorSamples) console.log(`  error: ${sample}`);
      // Unbounded, every conversation is still held after the run; bounded, the TTL and the cap have already dropped some.
      if (unbounded) console.log(`Heap kept per conversation after the run: ${((afterRun.heapUsed - before.heapUsed) / settings.conversations / 1024).toFixed(1)} KB`);
      console.log(`\nTarget: peak RSS during the run < ${mb(TARGET_RSS_AFTER)} — ${peakRss < TARGET_RSS_AFTER ? 'met' : 'MISSED'} (${mb(peakRss)})`);
      if (afterExpiry) {
        const ok = afterExpiry.rss < TARGET_RSS_AFTER;
        console.log(`Target: RSS after expiry < ${mb(TARGET_RSS_AFTER)} — ${ok ? 'met' : 'MISSED'} (${mb(afterExpiry.rss)})`);
      }
    }
  } finally {
    await server.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});

/**
 * `npm run bench:startup [-- flags]`: how long the bot takes to become ready, and how long a
 * knowledge reload takes. Figures are printed, not asserted.
 *
 * - Cold start: spawn `node dist/src/index.js` (what `npm start` runs; built first) → the first
 *   `GET /readyz` that answers 200, polled every 5 ms. Median (and min/max) of --runs (5). The
 *   same through tsx (`npm run dev`) for comparison, unless --no-tsx.
 * - Knowledge reload: `Content.reload()` from src/app.ts — re-reads, validates and re-indexes
 *   the knowledge base and the rules, what the staff `reload` command does. Median of
 *   --reloads (20), in this process, after one warm-up reload.
 *
 * The compiled runs use the production memory profile (the Dockerfile's NODE_OPTIONS) unless
 * --no-profile or --node-options="…" says otherwise; the resident memory (RSS) of each process
 * once ready is printed too. Target (issue 15): cold start to /readyz < 1.5 s (median).
 *
 * Flags: --runs 5  --reloads 20  --no-tsx  --no-profile  --node-options="…"  --no-build  --json
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Content } from '../src/app';
import { Flags } from './lib/args';
import { buildDist, entryArgs, machine, processCpuSeconds, processMemory, ROOT, spawnServer, type Runner } from './lib/proc';
import { botNodeFlags, loadAverage } from './lib/profile';
import { mb, median, ms, percentiles } from './lib/stats';

/** Issue 15: process start to the first 200 from /readyz. */
const TARGET_MS = 1500;

async function coldStarts(runner: Runner, runs: number, nodeFlags: string[] = []): Promise<{ times: number[]; rss: number[]; cpu: number[] }> {
  const times: number[] = [];
  const rss: number[] = [];
  /** CPU time the process used until ready (ms): unlike the wall time, it hardly moves with the machine's load. */
  const cpu: number[] = [];
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cbp-startup-'));
  try {
    for (let i = 0; i < runs; i++) {
      const server = await spawnServer([...nodeFlags, ...entryArgs('src/index.ts', runner)], { RECORDS_DIR: path.join(dir, 'records'), ESCALATION_DIR: path.join(dir, 'outbox') }, { readyPath: '/readyz', timeoutMs: 300_000 });
      times.push(server.startMs);
      rss.push(processMemory(server.pid).rss);
      cpu.push(1000 * processCpuSeconds(server.pid));
      await server.stop();
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  return { times, rss, cpu };
}

function reloads(count: number): { times: number[]; documents: number } {
  const content = Content.load(path.join(ROOT, 'knowledge'), path.join(ROOT, 'knowledge', 'rules', 'duty-free.yaml'), () => '2026-11-25');
  let documents = content.reload().documents; // warm-up
  const times: number[] = [];
  for (let i = 0; i < count; i++) {
    const started = performance.now();
    documents = content.reload().documents;
    times.push(performance.now() - started);
  }
  return { times, documents };
}

async function main(): Promise<void> {
  const flags = new Flags(process.argv.slice(2));
  const runs = Math.max(1, Math.round(flags.number('runs', 5)));
  const reloadCount = Math.max(1, Math.round(flags.number('reloads', 20)));
  if (!flags.has('no-build')) process.stderr.write(`building dist/ … ${buildDist().toFixed(1)} s\n`);
  const profile = botNodeFlags(ROOT, flags);
  const loadBefore = loadAverage();

  process.stderr.write(`cold start, compiled, ${runs} runs … `);
  const dist = await coldStarts('dist', runs, profile.flags);
  process.stderr.write('done\n');
  let tsx: { times: number[]; rss: number[]; cpu: number[] } | undefined;
  if (!flags.has('no-tsx')) {
    process.stderr.write(`cold start, tsx, ${runs} runs … `);
    tsx = await coldStarts('tsx', runs);
    process.stderr.write('done\n');
  }
  process.stderr.write(`knowledge reload, ${reloadCount} times … `);
  const reload = reloads(reloadCount);
  process.stderr.write('done\n\n');

  const m = machine();
  if (flags.has('json')) {
    console.log(JSON.stringify({ machine: m, nodeFlags: profile.flags, loadAverage: [loadBefore, loadAverage()], coldStartMs: { dist: dist.times, tsx: tsx?.times }, cpuToReadyMs: { dist: dist.cpu, tsx: tsx?.cpu }, rssAtReadyBytes: { dist: dist.rss, tsx: tsx?.rss }, reloadMs: reload.times, documents: reload.documents }, null, 2));
    return;
  }
  const line = (label: string, times: number[]) => {
    const p = percentiles(times);
    console.log(`${label.padEnd(42)} median ${ms(median(times), 0).padStart(8)}   min ${ms(Math.min(...times), 0).padStart(8)}   max ${ms(p.max, 0).padStart(8)}`);
  };
  const mbLine = (label: string, values: number[]) => console.log(`${label.padEnd(42)} median ${mb(median(values)).padStart(8)}   min ${mb(Math.min(...values)).padStart(8)}   max ${mb(Math.max(...values)).padStart(8)}`);
  console.log(`Machine: ${m.nproc} cores, ${m.cpu}, Node ${m.node}, ${m.os}`);
  console.log(`Load average (1, 5, 15 min): ${loadBefore} before, ${loadAverage()} after`);
  console.log(`Bot process node flags (compiled runs): ${profile.flags.join(' ') || 'none'} (${profile.source})`);
  line(`Cold start to /readyz, node dist (${runs} runs)`, dist.times);
  line(`CPU time until ready, node dist`, dist.cpu);
  mbLine(`RSS when ready, node dist`, dist.rss);
  if (tsx) line(`Cold start to /readyz, tsx (${runs} runs)`, tsx.times);
  line(`Knowledge reload, ${reload.documents} documents (${reloadCount} runs)`, reload.times);
  const coldMedian = median(dist.times);
  console.log(`\nTarget (issue 15): ${coldMedian < TARGET_MS ? 'met   ' : 'MISSED'} cold start to /readyz < ${TARGET_MS} ms (median ${coldMedian.toFixed(0)} ms)`);
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});

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
 * Flags: --runs 5  --reloads 20  --no-tsx  --json
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Content } from '../src/app';
import { Flags } from './lib/args';
import { buildDist, entryArgs, machine, ROOT, spawnServer, type Runner } from './lib/proc';
import { median, ms, percentiles } from './lib/stats';

async function coldStarts(runner: Runner, runs: number): Promise<number[]> {
  const times: number[] = [];
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cbp-startup-'));
  try {
    for (let i = 0; i < runs; i++) {
      const server = await spawnServer(entryArgs('src/index.ts', runner), { RECORDS_DIR: path.join(dir, 'records'), ESCALATION_DIR: path.join(dir, 'outbox') }, { readyPath: '/readyz' });
      times.push(server.startMs);
      await server.stop();
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  return times;
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
  process.stderr.write(`building dist/ … ${buildDist().toFixed(1)} s\n`);

  process.stderr.write(`cold start, compiled, ${runs} runs … `);
  const dist = await coldStarts('dist', runs);
  process.stderr.write('done\n');
  let tsx: number[] | undefined;
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
    console.log(JSON.stringify({ machine: m, coldStartMs: { dist, tsx }, reloadMs: reload.times, documents: reload.documents }, null, 2));
    return;
  }
  const line = (label: string, times: number[]) => {
    const p = percentiles(times);
    console.log(`${label.padEnd(42)} median ${ms(median(times), 0).padStart(8)}   min ${ms(Math.min(...times), 0).padStart(8)}   max ${ms(p.max, 0).padStart(8)}`);
  };
  console.log(`Machine: ${m.nproc} cores, ${m.cpu}, Node ${m.node}, ${m.os}`);
  line(`Cold start to /readyz, node dist (${runs} runs)`, dist);
  if (tsx) line(`Cold start to /readyz, tsx (${runs} runs)`, tsx);
  line(`Knowledge reload, ${reload.documents} documents (${reloadCount} runs)`, reload.times);
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});

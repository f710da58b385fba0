/**
 * `npm run bench:retrieval-scale [-- --docs 10000] [-- --rounds 20] [-- --json]`: how retrieval
 * scales (issue 15, item 6). On the real knowledge base and on a synthetic one of `--docs`
 * documents made from the real vocabulary (bench/lib/synthetic.ts):
 *
 * - build: `KnowledgeBase.fromDocuments` (split, analyse, count, index), wall and CPU time, and
 *   the heap it keeps per document;
 * - query: `kb.answer(q)` over the development questions, p50 / p99, wall and CPU time per
 *   query, with top-k candidate search (the default, src/knowledge/topK.ts) and with
 *   minisearch's exhaustive search (`candidateSearch: 'exhaustive'`), taking turns round by
 *   round in one run;
 * - identical: how many questions get the same top 8 (ids and scores) either way.
 *
 * Targets: 10,000-document build < 3 s, its query p99 < 5 ms, the real knowledge base's query
 * p99 < 0.5 ms. Wall time moves with the machine's load (the load average is printed); CPU time
 * per query (process.cpuUsage) much less.
 */
import os from 'node:os';
import path from 'node:path';
import { KnowledgeBase, loadKnowledgeBase, loadSynonyms, type KnowledgeBaseOptions, type KnowledgeDoc, type SynonymTable } from '../src/knowledge';
import { readQuestions } from '../src/knowledge/evaluate';
import { syntheticDocs } from './lib/synthetic';

const ROOT = path.join(__dirname, '..');
const TODAY = '2026-12-02';
const TARGETS = { syntheticBuildMs: 3000, syntheticP99Us: 5000, realP99Us: 500 };

interface Args {
  docs: number;
  rounds: number;
  syntheticRounds: number;
  json: boolean;
}

function parseArgs(argv: readonly string[]): Args {
  const value = (flag: string, fallback: number) => {
    const i = argv.indexOf(flag);
    return i >= 0 && argv[i + 1] ? Number(argv[i + 1]) : fallback;
  };
  return { docs: value('--docs', 10_000), rounds: value('--rounds', 20), syntheticRounds: value('--synthetic-rounds', 3), json: argv.includes('--json') };
}

const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
const heapMb = () => {
  (globalThis as { gc?: () => void }).gc?.();
  return process.memoryUsage().heapUsed / 1e6;
};
const round = (x: number) => Math.round(x * 10) / 10;

interface Build {
  kb: KnowledgeBase;
  wallMs: number;
  cpuMs: number;
  /** Heap kept per document (KB), when run with --expose-gc. */
  heapKbPerDoc?: number;
}

function build(docs: readonly KnowledgeDoc[], synonyms: SynonymTable, options: KnowledgeBaseOptions = {}): Build {
  const gc = typeof (globalThis as { gc?: unknown }).gc === 'function';
  const heapBefore = heapMb();
  const cpu = cpuMs();
  const start = process.hrtime.bigint();
  const kb = KnowledgeBase.fromDocuments([...docs], synonyms, options);
  const wallMs = Number(process.hrtime.bigint() - start) / 1e6;
  const used = cpuMs() - cpu;
  return { kb, wallMs: round(wallMs), cpuMs: round(used), heapKbPerDoc: gc ? round(((heapMb() - heapBefore) * 1000) / docs.length) : undefined };
}

interface Latency {
  p50Us: number;
  p99Us: number;
  cpuP50Us: number;
  cpuP99Us: number;
}

/**
 * Per-query wall and CPU time of `kb.answer` over the questions, `rounds` times (after a
 * warm-up), for each knowledge base. The knowledge bases take turns round by round (the order
 * swapped every round), so a change in the machine's load hits them alike and neither pays much
 * for the other's garbage (question by question, the exhaustive search's garbage collections
 * landed in the top-k samples).
 */
function latencies(kbs: readonly KnowledgeBase[], questions: readonly string[], rounds: number): Latency[] {
  for (const kb of kbs) for (const q of questions) kb.answer(q);
  const wall = kbs.map(() => [] as number[]);
  const cpu = kbs.map(() => [] as number[]);
  for (let r = 0; r < rounds; r++) {
    for (let n = 0; n < kbs.length; n++) {
      const i = r % 2 === 0 ? n : kbs.length - 1 - n;
      for (const q of questions) {
        const c = process.cpuUsage();
        const start = process.hrtime.bigint();
        kbs[i].answer(q);
        wall[i].push(Number(process.hrtime.bigint() - start) / 1000);
        const used = process.cpuUsage(c);
        cpu[i].push(used.user + used.system);
      }
    }
  }
  const at = (samples: number[], p: number) => {
    samples.sort((a, b) => a - b);
    return round(samples[Math.min(samples.length - 1, Math.floor(p * samples.length))] ?? 0);
  };
  return kbs.map((_, i) => ({ p50Us: at(wall[i], 0.5), p99Us: at(wall[i], 0.99), cpuP50Us: at(cpu[i], 0.5), cpuP99Us: at(cpu[i], 0.99) }));
}

/** Questions whose top 8 (ids and BM25 scores) are the same with both searches. */
function identical(a: KnowledgeBase, b: KnowledgeBase, questions: readonly string[]): number {
  const top = (kb: KnowledgeBase, q: string) => JSON.stringify(kb.explain(q).ranked.map((r) => [r.doc.id, r.score, r.rank]));
  return questions.filter((q) => top(a, q) === top(b, q)).length;
}

interface Side {
  documents: number;
  build: Omit<Build, 'kb'>;
  topK: Latency;
  exhaustive: Latency;
  identicalTop8: number;
  questions: number;
}

function measure(docs: readonly KnowledgeDoc[], synonyms: SynonymTable, questions: readonly string[], rounds: number): Side {
  const ours = build(docs, synonyms);
  const exhaustive = build(docs, synonyms, { candidateSearch: 'exhaustive' });
  const { kb, ...buildFigures } = ours;
  const [topK, exhaustiveLatency] = latencies([kb, exhaustive.kb], questions, rounds);
  return {
    documents: docs.length,
    build: buildFigures,
    topK,
    exhaustive: exhaustiveLatency,
    identicalTop8: identical(kb, exhaustive.kb, questions),
    questions: questions.length,
  };
}

function main(): void {
  const args = parseArgs(process.argv.slice(2));
  const dir = path.join(ROOT, 'knowledge');
  const loaded = loadKnowledgeBase(dir, { today: TODAY });
  if (!loaded.kb) throw new Error('knowledge base has errors: run npm run kb:check');
  const { table } = loadSynonyms(path.join(dir, 'synonyms.yaml'));
  const docs = [...loaded.kb.documents];
  const questions = readQuestions(path.join(ROOT, 'test', 'fixtures', 'questions.json')).map((q) => q.q);
  const loadBefore = os.loadavg()[0];

  const real = measure(docs, table, questions, args.rounds);
  const synthetic = measure(syntheticDocs(docs, args.docs, TODAY), table, questions, args.syntheticRounds);
  const report = {
    machine: `${os.cpus().length} cores, ${os.cpus()[0]?.model ?? 'unknown cpu'}, load average ${loadBefore.toFixed(1)} → ${os.loadavg()[0].toFixed(1)}, Node ${process.version}`,
    real,
    synthetic,
    targets: {
      syntheticBuild: { ms: synthetic.build.wallMs, cpuMs: synthetic.build.cpuMs, target: TARGETS.syntheticBuildMs, met: synthetic.build.wallMs < TARGETS.syntheticBuildMs },
      syntheticQueryP99: { us: synthetic.topK.p99Us, cpuUs: synthetic.topK.cpuP99Us, target: TARGETS.syntheticP99Us, met: synthetic.topK.p99Us < TARGETS.syntheticP99Us },
      realQueryP99: { us: real.topK.p99Us, cpuUs: real.topK.cpuP99Us, target: TARGETS.realP99Us, met: real.topK.p99Us < TARGETS.realP99Us },
    },
  };
  if (args.json) {
    console.log(JSON.stringify(report, null, 2));
    return;
  }
  printReport(report);
}

function printReport(r: { machine: string; real: Side; synthetic: Side; targets: Record<string, { target: number; met: boolean } & Record<string, number | boolean>> }): void {
  const us = (x: number) => (x >= 1000 ? `${(x / 1000).toFixed(2)} ms` : `${x.toFixed(0)} µs`);
  const row = (name: string, a: string, b: string, c = '') => console.log(`${name.padEnd(36)}${a.padStart(16)}${b.padStart(16)}${c.padStart(10)}`);
  console.log(`Retrieval at scale (${r.machine})`);
  for (const [title, s] of [['Real knowledge base', r.real], ['Synthetic knowledge base', r.synthetic]] as const) {
    console.log('');
    console.log(`${title}: ${s.documents} documents, ${s.questions} development questions`);
    row('build (wall / CPU)', `${s.build.wallMs.toFixed(0)} ms`, `${s.build.cpuMs.toFixed(0)} ms CPU`);
    if (s.build.heapKbPerDoc !== undefined) row('heap kept per document', `${s.build.heapKbPerDoc.toFixed(1)} KB`, '');
    row('', 'top-k', 'exhaustive', 'speed-up');
    const ratio = (a: number, b: number) => (a > 0 ? `${(b / a).toFixed(1)}×` : '');
    row('query p50 (wall)', us(s.topK.p50Us), us(s.exhaustive.p50Us), ratio(s.topK.p50Us, s.exhaustive.p50Us));
    row('query p99 (wall)', us(s.topK.p99Us), us(s.exhaustive.p99Us), ratio(s.topK.p99Us, s.exhaustive.p99Us));
    row('query p50 (CPU)', us(s.topK.cpuP50Us), us(s.exhaustive.cpuP50Us), ratio(s.topK.cpuP50Us, s.exhaustive.cpuP50Us));
    row('query p99 (CPU)', us(s.topK.cpuP99Us), us(s.exhaustive.cpuP99Us), ratio(s.topK.cpuP99Us, s.exhaustive.cpuP99Us));
    row('identical top 8 (ids, scores, ranks)', `${s.identicalTop8} / ${s.questions}`, '');
  }
  console.log('');
  const mark = (met: boolean) => (met ? 'met' : 'NOT met');
  const t = r.targets;
  console.log(`Targets: ${r.synthetic.documents}-document build < 3 s: ${(r.synthetic.build.wallMs / 1000).toFixed(2)} s (${mark(t.syntheticBuild.met)}); ` +
    `its query p99 < 5 ms: ${us(r.synthetic.topK.p99Us)} (${mark(t.syntheticQueryP99.met)}); real query p99 < 0.5 ms: ${us(r.real.topK.p99Us)} (${mark(t.realQueryP99.met)}).`);
  console.log('Wall times include waiting for a core on a loaded machine; CPU time is the process\'s own (process.cpuUsage).');
}

main();

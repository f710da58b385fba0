/**
 * `npm run bench:retrieval [-- --json] [-- --fit]`: retrieval quality and speed on the real
 * knowledge base and the dev question set, ours side by side with plain minisearch (default
 * options, fields title/questions/body, top hit = answer, "rejected" only when there are no
 * hits). Figures are given for the whole set and for its two hash halves (A: the half the
 * confidence model was fitted on; B: held out). Then index build time and query p99 on a
 * synthetic knowledge base of 10,000 documents made from the real vocabulary.
 *
 * `--fit` refits the confidence model on half A and prints it with a threshold table (to study
 * thresholds; `npm run kb:fit` writes the models to knowledge/models.json). `--no-synthetic` skips the 10,000-document run.
 */
import fs from 'node:fs';
import path from 'node:path';
import MiniSearch from 'minisearch';
import { formatProblem, KnowledgeBase, loadKnowledgeBase, loadSynonyms, type KnowledgeDoc, type Thresholds } from '../src/knowledge';
import { devFitRows, fitRow, fitRows, learnFromMessages, learnOutOfScopeFromMessages, learnVerdictFromMessages, ownQuestionRows, type FitRow } from '../src/knowledge/fitModels';
import { confidenceOf, FEATURE_NAMES, kindFor, THRESHOLDS } from '../src/knowledge/confidence';
import { evaluate, measureLatency, readQuestions, splitHalf, type DevQuestion, type Metrics, type Retriever } from '../src/knowledge/evaluate';
import { loadRuleSet } from '../src/rules';
import { evaluateReal, readRealQuestions, realHalf, type RealPipeline, type RealQuestion } from '../src/understanding/evaluate';
import { understand, type UnderstandingContext } from '../src/understanding/understand';
import { loadNames } from '../src/understanding/names';
import { EARLIER_OPTIONS, earlierPipeline, measureReal, LETTER_WRAPPERS, TYPO_MAKERS, printRewritten, printReal, printRealCompact, understandingPipeline } from './lib/realStyle';
import { syntheticDocs } from './lib/synthetic';
import { REAL_SETS, realSetPath, TRAINING_SETS, TUNED_SETS } from '../test/helpers/realSets';

const ROOT = path.join(__dirname, '..');
const TODAY = '2026-12-02';
const SYNTHETIC_DOCS = 10_000;

interface Args {
  json: boolean;
  fit: boolean;
  /** Skip the 10,000-document run (it takes a minute). */
  synthetic: boolean;
  dir: string;
  questions: string;
  /** The second development set (figures only). */
  second: string;
  rounds: number;
  real: string;
  /** Print the real-style misses of this half (A while tuning; B only to report). */
  realMisses: 'A' | 'B' | 'none';
  /** Only the real-style figures. */
  realOnly: boolean;
}

const DEFAULT_REAL = realSetPath(REAL_SETS[0]);
/**
 * A second development set in the first one's style, by another author (session 33), who saw
 * only the documents' titles and the fact sheet. Never tuned on, either half, and its misses are
 * never printed: the clean measure of rejection once the first set's half B had been read.
 */
const SECOND_SET = path.join(ROOT, 'test', 'fixtures', 'questions-second.json');
/** Real-style sets written later by other authors, printed after the first one. */
const FURTHER_REAL = REAL_SETS.slice(1).map((set) => ({ name: set.name, file: realSetPath(set) }));

function parseArgs(argv: readonly string[]): Args {
  const value = (flag: string, fallback: string) => {
    const i = argv.indexOf(flag);
    return i >= 0 && argv[i + 1] ? argv[i + 1] : fallback;
  };
  return {
    json: argv.includes('--json'),
    fit: argv.includes('--fit'),
    synthetic: !argv.includes('--no-synthetic'),
    dir: value('--dir', path.join(ROOT, 'knowledge')),
    questions: value('--questions', path.join(ROOT, 'test', 'fixtures', 'questions.json')),
    second: value('--second', SECOND_SET),
    rounds: Number(value('--rounds', '20')),
    real: value('--real', DEFAULT_REAL),
    realMisses: value('--real-misses', 'none') as Args['realMisses'],
    realOnly: argv.includes('--real-only'),
  };
}

// ---------------------------------------------------------------------------------------------
// The two retrievers

/**
 * The bot's own pipeline, as a message takes it: understanding (questions and story, names,
 * shipment verdicts, other countries' customs) and then the knowledge base. A verdict or the
 * guided check counts as no document offered.
 */
function ours(ctx: UnderstandingContext): Retriever {
  return (q) => {
    const u = understand(q, ctx);
    if (u.kind !== 'answer') return { kind: 'answer', best: undefined, ranked: [] };
    // The reply the bot gives (understanding may overrule the knowledge base: a referral, a parcel that stays in one country).
    const { result, explanation } = u.main;
    return { kind: result.kind, best: result.best?.id, ranked: result.reason ? [] : explanation.ranked.map((r) => r.doc.id) };
  };
}

/** Plain minisearch: default options over the raw text, as a newcomer would set it up. */
function buildPlain(docs: readonly KnowledgeDoc[]): MiniSearch {
  const index = new MiniSearch({ fields: ['title', 'questions', 'body'] });
  index.addAll(docs.map((d) => ({ id: d.id, title: d.title, questions: d.questions.join('\n'), body: d.body })));
  return index;
}

function plain(index: MiniSearch): Retriever {
  return (q) => {
    const hits = index.search(q);
    return { kind: hits.length > 0 ? 'answer' : 'out-of-scope', best: hits[0]?.id as string | undefined, ranked: hits.slice(0, 3).map((h) => h.id as string) };
  };
}

// ---------------------------------------------------------------------------------------------
// Synthetic knowledge base

function timeMs(run: () => void): number {
  const start = process.hrtime.bigint();
  run();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

// ---------------------------------------------------------------------------------------------
// Fitting

/**
 * Fit rows from the real-style set: the features of the main question's top candidate, as the
 * bot ranks it (story as context, several questions). Shipment messages go to the rules
 * engine, not the models, and are left out.
 */
function realFitRows(ctx: UnderstandingContext, real: readonly RealQuestion[]): FitRow[] {
  const rows: FitRow[] = [];
  for (const r of real) {
    if (r.expect === 'verdict') continue;
    const u = understand(r.q, ctx);
    if (u.kind !== 'answer') continue;
    rows.push(fitRow({ q: r.q, expect: r.expect, kind: r.style }, realHalf(r), u.main.explanation));
  }
  return rows;
}

/**
 * Fits both models as `npm run kb:fit` does (half A of the development set and, with
 * `--fit-real`, of the real-style set; confidence also on the documents' own questions asked of
 * indexes that lack them) and prints them with a table of thresholds against both halves and
 * those questions.
 */
function fitReport(kb: KnowledgeBase, questions: readonly DevQuestion[], realRows: readonly FitRow[], own: readonly FitRow[]): string[] {
  const tidyRows = devFitRows(kb, questions);
  const rows = [...tidyRows, ...realRows];
  const train = rows.filter((r) => r.half === 'A');
  const held = rows.filter((r) => r.half === 'B');
  const fit = fitRows(rows, { date: TODAY, questions: 'test/fixtures/questions.json' }, own);
  const { confidence: model, relevance: relevanceModel } = fit.models;
  const print = (name: string, m: { bias: number; weights: readonly number[] }) => `${name}: { bias: ${m.bias.toFixed(3)}, weights: [${m.weights.map((w) => w.toFixed(3)).join(', ')}] }`;
  const lines = [
    `Fitted on half A (${train.length} questions${realRows.length > 0 ? ', development set and real-style set' : ' of the development set'}); features ${FEATURE_NAMES.join(', ')}`,
    print('confidence', model),
    print('relevance', relevanceModel),
    `log-loss confidence A ${fit.logLoss.confidence.A.toFixed(3)} B ${fit.logLoss.confidence.B.toFixed(3)}; relevance A ${fit.logLoss.relevance.A.toFixed(3)} B ${fit.logLoss.relevance.B.toFixed(3)}`,
    '',
    'relevance answer | top-1 A  top-1 B | reject A reject B | answered A right A | answered B right B | answered own right own',
  ];
  const score = (set: FitRow[], t: Thresholds) => {
    const kind = (r: FitRow) =>
      kindFor(
        { confidence: confidenceOf(r.features, model), relevance: confidenceOf(r.features, relevanceModel), margin: r.features.margin },
        { otherCbp: r.otherCbp, bestCoversOtherCbp: r.bestCoversOtherCbp },
        t,
      );
    const inScope = set.filter((r) => r.inScope === 1);
    const out = set.filter((r) => r.inScope === 0);
    const answered = inScope.filter((r) => kind(r) === 'answer');
    return {
      top1: inScope.filter((r) => r.right === 1 && ['answer', 'did-you-mean'].includes(kind(r))).length / inScope.length,
      reject: out.filter((r) => ['out-of-scope', 'other-cbp'].includes(kind(r))).length / out.length,
      answered: answered.length / inScope.length,
      precision: answered.length ? answered.filter((r) => r.right === 1).length / answered.length : 0,
    };
  };
  const pct = (v: number) => `${(100 * v).toFixed(1)}%`.padStart(7);
  for (const relevance of [0.3, 0.4, 0.5, 0.55, 0.6, 0.65, 0.7]) {
    for (const answer of [0.6, 0.7, 0.8]) {
      const a = score(train, { ...THRESHOLDS, answer, relevance });
      const b = score(held, { ...THRESHOLDS, answer, relevance });
      const o = score(own as FitRow[], { ...THRESHOLDS, answer, relevance });
      lines.push(`${String(relevance).padStart(9)} ${String(answer).padStart(6)} | ${pct(a.top1)}  ${pct(b.top1)} | ${pct(a.reject)}  ${pct(b.reject)} | ${pct(a.answered)}  ${pct(a.precision)} | ${pct(b.answered)}  ${pct(b.precision)} | ${pct(o.answered)}  ${pct(o.precision)}`);
    }
  }
  return lines;
}

// ---------------------------------------------------------------------------------------------
// Report

interface Side {
  metrics: { all: Metrics; A: Metrics; B: Metrics };
  latencyUs: { p50: number; p99: number; mean: number };
  buildMs: number;
}

function measure(retrieve: Retriever, questions: readonly DevQuestion[], rounds: number, buildMs: number): Side {
  return {
    metrics: {
      all: evaluate(questions, retrieve),
      A: evaluate(questions.filter((q) => splitHalf(q) === 'A'), retrieve),
      B: evaluate(questions.filter((q) => splitHalf(q) === 'B'), retrieve),
    },
    latencyUs: measureLatency((q: string) => retrieve(q), questions.map((q) => q.q), rounds),
    buildMs,
  };
}

function main(): void {
  const args = parseArgs(process.argv.slice(2));
  const questions = readQuestions(args.questions);
  let loaded: ReturnType<typeof loadKnowledgeBase> | undefined;
  const loadMs = timeMs(() => {
    loaded = loadKnowledgeBase(args.dir, { today: TODAY });
  });
  if (!loaded?.kb) throw new Error(`knowledge base has errors:\n${(loaded?.problems ?? []).map(formatProblem).join('\n')}`);
  const docs = [...loaded.kb.documents];
  // Index build alone (documents already read), comparable with plain minisearch's.
  const { table } = loadSynonyms(path.join(args.dir, 'synonyms.yaml'));
  let knowledge = loaded.kb;
  const ourBuildMs = timeMs(() => {
    knowledge = KnowledgeBase.fromDocuments(docs, table);
  });

  const real = readRealQuestions(args.real);
  const rules = loadRuleSet(path.join(args.dir, 'rules', 'duty-free.yaml'));
  const names = loadNames(path.join(args.dir, 'names.yaml')).table;
  if (args.fit) {
    const realRows = process.argv.includes('--fit-real') ? realFitRows({ kb: knowledge, rules: () => rules, names, today: TODAY }, real) : [];
    for (const line of fitReport(knowledge, questions, realRows, ownQuestionRows(docs, table))) console.log(line);
    return;
  }
  const realNow = measureReal(real, understandingPipeline({ kb: knowledge, rules: () => rules, names, today: TODAY }));
  const realBefore = measureReal(real, earlierPipeline(KnowledgeBase.fromDocuments(docs, table, EARLIER_OPTIONS)));
  // The further sets by other authors (half A tuned on, half B never read), unless --real names another set.
  const further = args.real === DEFAULT_REAL ? FURTHER_REAL.filter((f) => fs.existsSync(f.file)) : [];
  const printFurther = () => {
    for (const f of further) {
      console.log('');
      printRealCompact(f.name, measureReal(readRealQuestions(f.file), understandingPipeline({ kb: knowledge, rules: () => rules, names, today: TODAY })));
    }
    console.log('');
    const everyMessage = [real, ...further.map((f) => readRealQuestions(f.file))].flat();
    const pipeline = understandingPipeline({ kb: knowledge, rules: () => rules, names, today: TODAY });
    printRewritten('Written as emails', LETTER_WRAPPERS, everyMessage, pipeline);
    console.log('');
    printRewritten('With typos', TYPO_MAKERS, everyMessage, pipeline);
    if (args.real !== DEFAULT_REAL) return;
    console.log('');
    printLearnedLeftOut(docs, table, (kb) => understandingPipeline({ kb, rules: () => rules, names, today: TODAY }));
  };
  if (args.realOnly) {
    printReal(realNow, realBefore, args.realMisses);
    printFurther();
    return;
  }

  let plainIndex: MiniSearch | undefined;
  const plainBuildMs = timeMs(() => {
    plainIndex = buildPlain(docs);
  });
  const context: UnderstandingContext = { kb: knowledge, rules: () => rules, names, today: TODAY };
  const ourSide = measure(ours(context), questions, args.rounds, ourBuildMs);
  const plainSide = measure(plain(plainIndex!), questions, args.rounds, plainBuildMs);
  const second = fs.existsSync(args.second) ? readQuestions(args.second) : [];

  const report: Report = {
    loadMs: round(loadMs),
    knowledgeBase: { documents: docs.length, questions: questions.length, inScope: ourSide.metrics.all.inScope, outOfScope: ourSide.metrics.all.outOfScope },
    ours: summarize(ourSide),
    plainMinisearch: summarize(plainSide),
    second: second.length > 0 ? { questions: second.length, ours: scoreOnly(evaluate(second, ours(context))), plainMinisearch: scoreOnly(evaluate(second, plain(plainIndex!))) } : undefined,
    synthetic: args.synthetic ? measureSynthetic(docs, args.dir, questions.map((q) => q.q)) : undefined,
    misses: ourSide.metrics.A.misses.map((m) => ({ q: m.question.q, expect: m.question.expect, kind: m.outcome.kind, got: m.outcome.best })),
  };
  if (args.json) {
    console.log(JSON.stringify(report, null, 2));
    return;
  }
  printTable(report);
  console.log('');
  printReal(realNow, realBefore, args.realMisses);
  printFurther();
}

/**
 * The learned words (wordModel.ts) are counted from the tuned sets' halves A, so on those halves
 * they answer messages they have seen. This asks each tuned set's half A with the words (and the
 * shipment gate's verdict words) learned from the other sets and the training sets only: what
 * learning does for an author it has not seen.
 */
function printLearnedLeftOut(docs: KnowledgeDoc[], synonyms: ReturnType<typeof loadSynonyms>['table'], pipelineOf: (kb: KnowledgeBase) => RealPipeline): void {
  const halvesA = TUNED_SETS.map((set) => readRealQuestions(realSetPath(set)).filter((q) => realHalf(q) === 'A'));
  const training = TRAINING_SETS.flatMap((set) => readRealQuestions(realSetPath(set)));
  const reader = KnowledgeBase.fromDocuments(docs, synonyms, { learnedWords: {}, verdictWords: { messages: 0, otherMessages: 0, words: {} }, outOfScopeWords: { messages: 0, otherMessages: 0, words: {} } });
  const rows = TUNED_SETS.map((set, i) => {
    const all = evaluateReal(halvesA[i], pipelineOf(KnowledgeBase.fromDocuments(docs, synonyms)));
    const none = evaluateReal(halvesA[i], pipelineOf(reader));
    const others = [...halvesA.filter((_, j) => j !== i).flat(), ...training];
    const words = learnFromMessages(reader, others);
    const leftOut = evaluateReal(halvesA[i], pipelineOf(KnowledgeBase.fromDocuments(docs, synonyms, { learnedWords: words, verdictWords: learnVerdictFromMessages(reader, others), outOfScopeWords: learnOutOfScopeFromMessages(reader, others) })));
    return { name: set.file.replace(/^real-questions-?|\.json$/g, '') || 'first', n: halvesA[i].length, none, leftOut, all };
  });
  const pct = (n: number, of: number) => `${((100 * n) / of).toFixed(1)} %`;
  console.log('Learned words, halves A of the tuned sets: right (confident wrong)');
  console.log(`${'set'.padEnd(14)}${'not learned'.padStart(18)}${'set left out'.padStart(18)}${'all learned'.padStart(18)}`);
  const cell = (m: { right: number; confidentWrong: number }, n: number) => `${pct(m.right, n)} (${m.confidentWrong})`.padStart(18);
  for (const r of rows) console.log(`${r.name.padEnd(14)}${cell(r.none, r.n)}${cell(r.leftOut, r.n)}${cell(r.all, r.n)}`);
  const sum = (f: (r: (typeof rows)[number]) => { right: number; confidentWrong: number }) => ({ right: rows.reduce((a, r) => a + f(r).right, 0), confidentWrong: rows.reduce((a, r) => a + f(r).confidentWrong, 0) });
  const n = rows.reduce((a, r) => a + r.n, 0);
  console.log(`${'all'.padEnd(14)}${cell(sum((r) => r.none), n)}${cell(sum((r) => r.leftOut), n)}${cell(sum((r) => r.all), n)}`);
  console.log(`"set left out" is the figure for a new author: the words learned from the other sets' halves A and the ${TRAINING_SETS.length} training sets only.`);
}

/** Index build time and query latency on 10,000 synthetic documents, ours and plain. */
function measureSynthetic(docs: readonly KnowledgeDoc[], dir: string, inputs: readonly string[]): NonNullable<Report['synthetic']> {
  const synthetic = syntheticDocs(docs, SYNTHETIC_DOCS);
  const { table } = loadSynonyms(path.join(dir, 'synonyms.yaml'));
  let big: KnowledgeBase | undefined;
  const bigBuildMs = timeMs(() => {
    big = KnowledgeBase.fromDocuments(synthetic, table);
  });
  let bigPlain: MiniSearch | undefined;
  const bigPlainBuildMs = timeMs(() => {
    bigPlain = buildPlain(synthetic);
  });
  // One round: plain minisearch takes up to a second per question here (no stop words, so
  // "the" matches every document).
  const bigLatency = measureLatency((q: string) => big!.answer(q), inputs, 1);
  const bigPlainLatency = measureLatency((q: string) => bigPlain!.search(q), inputs, 1);
  return {
    documents: SYNTHETIC_DOCS,
    ours: { buildMs: round(bigBuildMs), p50Us: round(bigLatency.p50), p99Us: round(bigLatency.p99) },
    plainMinisearch: { buildMs: round(bigPlainBuildMs), p50Us: round(bigPlainLatency.p50), p99Us: round(bigPlainLatency.p99) },
  };
}


const round = (x: number) => Math.round(x * 10) / 10;

type Summary = ReturnType<typeof summarize>;

interface Report {
  /** Reading, validating and indexing the knowledge folder, as the bot does at start-up. */
  loadMs: number;
  knowledgeBase: { documents: number; questions: number; inScope: number; outOfScope: number };
  ours: Summary;
  plainMinisearch: Summary;
  /** The second development set, whole (never tuned on, so both halves are held out). */
  second?: { questions: number; ours: Score; plainMinisearch: Score };
  synthetic?: {
    documents: number;
    ours: { buildMs: number; p50Us: number; p99Us: number };
    plainMinisearch: { buildMs: number; p50Us: number; p99Us: number };
  };
  misses: { q: string; expect: string; kind: string; got?: string }[];
}

/** A set's figures without its misses (the held-out sets' misses are never printed). */
function scoreOnly(x: Metrics) {
  return { inScope: x.inScope, outOfScope: x.outOfScope, top1: x.top1, top3: x.top3, rejection: x.rejection, otherCbp: x.otherCbp, answered: x.answered, answerPrecision: x.answerPrecision };
}
type Score = ReturnType<typeof scoreOnly>;

function summarize(side: Side) {
  return {
    all: scoreOnly(side.metrics.all),
    halfA: scoreOnly(side.metrics.A),
    halfB: scoreOnly(side.metrics.B),
    latencyUs: { p50: round(side.latencyUs.p50), p99: round(side.latencyUs.p99), mean: round(side.latencyUs.mean) },
    buildMs: round(side.buildMs),
  };
}

function printTable(r: Report): void {
  const pct = (x: number) => `${(100 * x).toFixed(1)} %`;
  const us = (x: number) => (x >= 1000 ? `${(x / 1000).toFixed(2)} ms` : `${x.toFixed(0)} µs`);
  const row = (name: string, a: string, b: string) => console.log(`${name.padEnd(34)}${a.padStart(14)}${b.padStart(18)}`);
  console.log(`Retrieval benchmark: ${r.knowledgeBase.documents} documents, ${r.knowledgeBase.questions} dev questions (${r.knowledgeBase.inScope} in scope, ${r.knowledgeBase.outOfScope} out of scope / other CBP)`);
  console.log('');
  row('', 'ours', 'plain minisearch');
  row('top-1 accuracy (all)', pct(r.ours.all.top1), pct(r.plainMinisearch.all.top1));
  row('  half A (fitted) / half B (held out)', `${pct(r.ours.halfA.top1)} / ${pct(r.ours.halfB.top1)}`, `${pct(r.plainMinisearch.halfA.top1)} / ${pct(r.plainMinisearch.halfB.top1)}`);
  row('top-3 recall', pct(r.ours.all.top3), pct(r.plainMinisearch.all.top3));
  row('out-of-scope rejection (all)', pct(r.ours.all.rejection), pct(r.plainMinisearch.all.rejection));
  row('  half A / half B', `${pct(r.ours.halfA.rejection)} / ${pct(r.ours.halfB.rejection)}`, `${pct(r.plainMinisearch.halfA.rejection)} / ${pct(r.plainMinisearch.halfB.rejection)}`);
  if (r.second) {
    const [o, p] = [r.second.ours, r.second.plainMinisearch];
    console.log(`Second development set (another author, never tuned on: ${r.second.questions} questions, ${o.inScope} in scope, ${o.outOfScope} not ours):`);
    row('  top-1 accuracy', pct(o.top1), pct(p.top1));
    row('  out-of-scope rejection', pct(o.rejection), pct(p.rejection));
  }
  row('other-CBP recognised', pct(r.ours.all.otherCbp), pct(r.plainMinisearch.all.otherCbp));
  row('answered outright (in scope)', pct(r.ours.all.answered), pct(r.plainMinisearch.all.answered));
  row('  of which right', pct(r.ours.all.answerPrecision), pct(r.plainMinisearch.all.answerPrecision));
  row('query latency p50', us(r.ours.latencyUs.p50), us(r.plainMinisearch.latencyUs.p50));
  row('query latency p99', us(r.ours.latencyUs.p99), us(r.plainMinisearch.latencyUs.p99));
  row('index build', `${r.ours.buildMs.toFixed(0)} ms`, `${r.plainMinisearch.buildMs.toFixed(0)} ms`);
  row('start-up (read + validate + index)', `${r.loadMs.toFixed(0)} ms`, '');
  console.log('');
  if (r.synthetic) {
    console.log(`Synthetic knowledge base, ${r.synthetic.documents} documents from the real vocabulary:`);
    row('index build', `${r.synthetic.ours.buildMs.toFixed(0)} ms`, `${r.synthetic.plainMinisearch.buildMs.toFixed(0)} ms`);
    row('query latency p50', us(r.synthetic.ours.p50Us), us(r.synthetic.plainMinisearch.p50Us));
    row('query latency p99', us(r.synthetic.ours.p99Us), us(r.synthetic.plainMinisearch.p99Us));
    console.log('Top-k against exhaustive candidate search, CPU per query, heap per document and the scale targets: npm run bench:retrieval-scale');
    console.log('');
  }
  console.log('top-1 = in-scope question answered or offered first ("did you mean") with the expected document;');
  console.log('rejection = out-of-scope / other-CBP question given kind out-of-scope or other-cbp (plain: zero hits).');
  if (r.misses.length > 0) {
    console.log('');
    console.log(`Misses on half A (${r.misses.length}; the held-out half's are not printed, so that nobody tunes on them):`);
    for (const m of r.misses) console.log(`  [${m.kind}${m.got ? ` ${m.got}` : ''}] "${m.q}" → want ${m.expect}`);
  }
}

main();

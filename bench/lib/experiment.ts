/**
 * `npx tsx bench/lib/experiment.ts [--fit-real]`: a quick grid over ranking options for tuning
 * (never run on the held-out halves' misses): for each setting, refit both models on half A and
 * print half A and half B figures of the development set and the real-style set.
 */
import path from 'node:path';
import { KnowledgeBase, loadKnowledgeBase, loadSynonyms, type KnowledgeBaseOptions } from '../../src/knowledge';
import { fitLogistic } from '../../src/knowledge/calibrate';
import { FEATURE_NAMES, featureVector, type MatchFeatures } from '../../src/knowledge/confidence';
import { isInScope, readQuestions, splitHalf } from '../../src/knowledge/evaluate';
import { loadRuleSet } from '../../src/rules';
import { evaluateReal, outcomeOfUnderstanding, readRealQuestions, realHalf } from '../../src/understanding/evaluate';
import { loadNames } from '../../src/understanding/names';
import { understand, type UnderstandingContext } from '../../src/understanding/understand';
import { evaluate } from '../../src/knowledge/evaluate';

const ROOT = path.join(__dirname, '..', '..');
const TODAY = '2026-12-02';
const dir = path.join(ROOT, 'knowledge');
const docs = [...loadKnowledgeBase(dir, { today: TODAY }).kb!.documents];
const { table } = loadSynonyms(path.join(dir, 'synonyms.yaml'));
const rules = loadRuleSet(path.join(dir, 'rules', 'duty-free.yaml'));
const names = loadNames(path.join(dir, 'names.yaml')).table;
const tidy = readQuestions(path.join(ROOT, 'test', 'fixtures', 'questions.json'));
const real = readRealQuestions(path.join(ROOT, 'test', 'fixtures', 'real-questions.json'));
const fitReal = process.argv.includes('--fit-real');
const none = Object.fromEntries(FEATURE_NAMES.map((n) => [n, 0])) as unknown as MatchFeatures;

function run(name: string, options: KnowledgeBaseOptions): void {
  const base = KnowledgeBase.fromDocuments(docs, table, options);
  const rows: { x: number[]; right: number; inScope: number }[] = [];
  for (const q of tidy.filter((q) => splitHalf(q) === 'A')) {
    const top = base.explain(q.q).ranked[0];
    rows.push({ x: featureVector(top ? top.features : none), right: isInScope(q) && top?.doc.id === q.expect ? 1 : 0, inScope: isInScope(q) ? 1 : 0 });
  }
  if (fitReal) {
    for (const r of real.filter((r) => realHalf(r) === 'A' && r.expect !== 'verdict')) {
      const u = understand(r.q, { kb: base, rules: () => rules, names, today: TODAY });
      if (u.kind !== 'answer') continue;
      const top = u.main.explanation.ranked[0];
      const inScope = r.expect !== 'out-of-scope' && r.expect !== 'other-cbp';
      rows.push({ x: featureVector(top ? top.features : none), right: inScope && top?.doc.id === r.expect ? 1 : 0, inScope: inScope ? 1 : 0 });
    }
  }
  const model = fitLogistic(rows.map((r) => r.x), rows.map((r) => r.right));
  const relevanceModel = fitLogistic(rows.map((r) => r.x), rows.map((r) => r.inScope));
  const kb = KnowledgeBase.fromDocuments(docs, table, { ...options, model, relevanceModel });
  const retr = (q: string) => {
    const e = kb.explain(q);
    return { kind: e.result.kind, best: e.result.best?.id, ranked: e.ranked.map((r) => r.doc.id) };
  };
  const tA = evaluate(tidy.filter((q) => splitHalf(q) === 'A'), retr);
  const tB = evaluate(tidy.filter((q) => splitHalf(q) === 'B'), retr);
  const pipe = (q: string) => outcomeOfUnderstanding(understand(q, { kb, rules: () => rules, names, today: TODAY }));
  const rA = evaluateReal(real.filter((q) => realHalf(q) === 'A'), pipe);
  const rB = evaluateReal(real.filter((q) => realHalf(q) === 'B'), pipe);
  const p = (x: number) => `${(100 * x).toFixed(1)}`.padStart(5);
  // Tuning looks at half A only; the held-out half B is for `npm run bench:retrieval` to report.
  void tB;
  void rB;
  console.log(
    `${name.padEnd(28)} tidy top1 A${p(tA.top1)} rej A${p(tA.rejection)} | real right A${p(rA.right / rA.messages)} wrong A${p(rA.confidentWrong / rA.messages)} bare A${p(rA.bareFallback / rA.messages)}`,
  );
}

const grid: Array<[string, KnowledgeBaseOptions]> = JSON.parse(process.env.GRID ?? '[["default", {}]]');
for (const [name, options] of grid) run(name, options);

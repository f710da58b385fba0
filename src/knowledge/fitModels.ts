/**
 * Fitting both models on the tuning half (A) of the development set: the top-ranked candidate's
 * features against "was it the expected document" (confidence) and "is the question in scope"
 * (relevance). `npm run kb:fit` writes the result to knowledge/models.json; the benchmark's
 * `--fit` prints it with a threshold table. Features do not depend on the models, so the fit is
 * repeatable: the same documents and questions give the same numbers.
 */
import { fitLogistic, logLoss } from './calibrate';
import { featureVector, FEATURE_NAMES, type MatchFeatures } from './confidence';
import { isInScope, splitHalf, type DevQuestion } from './evaluate';
import type { Explanation, KnowledgeBase } from './knowledge-base';
import type { FittedModels } from './models';

/** One fit row: the top candidate's features and whether it was right / the question in scope. */
export interface FitRow {
  question: DevQuestion;
  half: 'A' | 'B';
  features: MatchFeatures;
  /** The ranking's top document is the expected one. */
  right: number;
  inScope: number;
  otherCbp: boolean;
  bestCoversOtherCbp: boolean;
}

const NO_FEATURES = Object.fromEntries(FEATURE_NAMES.map((n) => [n, 0])) as unknown as MatchFeatures;

/**
 * The fit row of a question from how the knowledge base explained it.
 *
 * @example
 * fitRow(question, 'A', kb.explain(question.q)).right; // 1 when the top document is question.expect
 */
export function fitRow(question: DevQuestion, half: 'A' | 'B', e: Explanation): FitRow {
  const top = e.ranked[0];
  return {
    question,
    half,
    features: top ? top.features : NO_FEATURES,
    right: isInScope(question) && top?.doc.id === question.expect ? 1 : 0,
    inScope: isInScope(question) ? 1 : 0,
    otherCbp: e.otherCbp !== undefined,
    bestCoversOtherCbp: e.bestCoversOtherCbp,
  };
}

/**
 * Fits both models on the half-A rows of `rows`.
 *
 * @example
 * const { models } = fitRows(rows, { date: '2026-12-02', questions: 'test/fixtures/questions.json' });
 */
export function fitRows(rows: readonly FitRow[], about: { date: string; questions: string }): { models: FittedModels; logLoss: { confidence: { A: number; B: number }; relevance: { A: number; B: number } } } {
  const train = rows.filter((r) => r.half === 'A');
  const held = rows.filter((r) => r.half === 'B');
  const x = (set: readonly FitRow[]) => set.map((r) => featureVector(r.features));
  const confidence = fitLogistic(x(train), train.map((r) => r.right));
  const relevance = fitLogistic(x(train), train.map((r) => r.inScope));
  return {
    models: { confidence, relevance, fitted: { ...about, half: 'A', rows: train.length } },
    logLoss: {
      confidence: { A: logLoss(confidence, x(train), train.map((r) => r.right)), B: logLoss(confidence, x(held), held.map((r) => r.right)) },
      relevance: { A: logLoss(relevance, x(train), train.map((r) => r.inScope)), B: logLoss(relevance, x(held), held.map((r) => r.inScope)) },
    },
  };
}

/**
 * The fit rows of a development set, ranked by `kb`.
 *
 * @example
 * devFitRows(kb, readQuestions('test/fixtures/questions.json')).length; // 312
 */
export function devFitRows(kb: KnowledgeBase, questions: readonly DevQuestion[]): FitRow[] {
  return questions.map((question) => fitRow(question, splitHalf(question), kb.explain(question.q)));
}

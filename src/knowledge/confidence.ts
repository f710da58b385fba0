/**
 * The calibrated confidence and the decision it drives.
 *
 * Two logistic models read the same bounded match features (see features.ts):
 * - **relevance**: the probability that the question is one this knowledge base should answer
 *   at all (trained with in-scope = 1, out-of-scope and other-CBP = 0);
 * - **confidence**: the probability that the top document is the right answer (trained with
 *   right top document = 1, anything else = 0). This is `AnswerResult.confidence`.
 * Keeping them apart matters: two sibling documents that both fit ("Type 86 then" and "Type 86
 * now") make the confidence low, which should lead to "did you mean", not to "I can't help".
 *
 * Both are fitted on half A of the development question set (test/fixtures/questions.json)
 * with `npx tsx bench/retrieval.ts --fit`, which prints the numbers below and a threshold
 * table; half B is held out. See {@link THRESHOLDS} for how the thresholds were chosen.
 */
import type { AnswerKind } from './types';

/** What the models look at for the top-ranked document; all in [0, 1]. See features.ts. */
export interface MatchFeatures {
  /** IDF-weighted share of the question's terms found in the document. */
  coverage: number;
  /** Best cosine between the question and one of the document's phrasings (title, questions). */
  phrasing: number;
  /** How far the top document's rank score is ahead of the second's: 1 − second/top. */
  margin: number;
  /** Share of the question's adjacent term pairs that stand side by side in the document. */
  pairs: number;
  /** Summed weight of the matched terms, squashed: how much matched at all. */
  evidence: number;
  /** How familiar the question's words are to the knowledge base as a whole. */
  familiarity: number;
}

/** The feature names, in model order. */
export const FEATURE_NAMES = ['coverage', 'phrasing', 'margin', 'pairs', 'evidence', 'familiarity'] as const;

/** Logistic weights, in {@link FEATURE_NAMES} order. */
export interface ConfidenceModel {
  bias: number;
  weights: readonly number[];
}

/**
 * The feature vector the models multiply, in {@link FEATURE_NAMES} order.
 *
 * @example
 * featureVector({ coverage: 1, phrasing: 0.5, margin: 0.2, pairs: 0, evidence: 0.6, familiarity: 0.4 }); // [1, 0.5, 0.2, 0, 0.6, 0.4]
 */
export function featureVector(f: MatchFeatures): number[] {
  return FEATURE_NAMES.map((name) => f[name]);
}

/** P(top document is right). Fitted on dev half A; see the module comment. */
export const MODEL: ConfidenceModel = { bias: -5.998, weights: [2.147, 0.803, 2.512, 2.903, 3.086, 4.102] };

/** P(question is in scope). Fitted on dev half A; see the module comment. */
export const RELEVANCE_MODEL: ConfidenceModel = { bias: -5.361, weights: [1.370, 0.746, 0.209, 4.216, 4.135, 5.890] };

/**
 * A model's probability for some features: the logistic of the weighted sum.
 *
 * @example
 * confidenceOf({ coverage: 1, phrasing: 0.9, margin: 0.5, pairs: 0.5, evidence: 0.9, familiarity: 0.6 }); // ≈ 0.9
 */
export function confidenceOf(f: MatchFeatures, model: ConfidenceModel = MODEL): number {
  const x = featureVector(f);
  let z = model.bias;
  for (let i = 0; i < x.length; i++) z += (model.weights[i] ?? 0) * x[i];
  return 1 / (1 + Math.exp(-z));
}

/**
 * `relevance`: below it the question is out of scope. `answer`: at or above it (and relevant)
 * the top document is given as the answer; between, "did you mean".
 */
export interface Thresholds {
  answer: number;
  relevance: number;
}

/**
 * Chosen on the dev set's table (`bench/retrieval.ts --fit`):
 * - relevance 0.5: the lowest value that rejects at least 95 % of out-of-scope questions
 *   (half A 94 %, held-out half B 97 %) — at 0.4 half B drops to 90 % — while top-1 stays
 *   at 91–93 % (0.55 and up cost a point of top-1 on each half for 3 points of rejection on A);
 * - answer 0.6: about 96 % of outright answers are right on half A (92 % on half B); below
 *   that, "did you mean" with the alternatives is the honest reply.
 */
export const THRESHOLDS: Thresholds = { answer: 0.6, relevance: 0.5 };

/**
 * The kind of reply. Another CBP matter named in the question wins over everything but a
 * confident answer whose document itself covers that matter; then irrelevant questions are
 * out of scope; then confident → answer, else did-you-mean.
 *
 * @example
 * kindFor({ confidence: 0.9, relevance: 0.9 }, { otherCbp: false });                           // 'answer'
 * kindFor({ confidence: 0.3, relevance: 0.9 }, { otherCbp: false });                           // 'did-you-mean'
 * kindFor({ confidence: 0.9, relevance: 0.2 }, { otherCbp: false });                           // 'out-of-scope'
 * kindFor({ confidence: 0.3, relevance: 0.9 }, { otherCbp: true });                            // 'other-cbp'
 * kindFor({ confidence: 0.9, relevance: 0.9 }, { otherCbp: true, bestCoversOtherCbp: true });  // 'answer'
 */
export function kindFor(
  scores: { confidence: number; relevance: number },
  context: { otherCbp: boolean; bestCoversOtherCbp?: boolean },
  thresholds: Thresholds = THRESHOLDS,
): AnswerKind {
  const confident = scores.confidence >= thresholds.answer && scores.relevance >= thresholds.relevance;
  if (context.otherCbp && !(confident && context.bestCoversOtherCbp)) return 'other-cbp';
  if (scores.relevance < thresholds.relevance) return 'out-of-scope';
  return confident ? 'answer' : 'did-you-mean';
}

/**
 * Fitting both models: the top-ranked candidate's features against "was it the expected
 * document" (confidence) and "is the question in scope" (relevance). `npm run kb:fit` writes the
 * result to knowledge/models.json; the benchmark's `--fit` prints it with a threshold table.
 * Features do not depend on the models, so the fit is repeatable: the same documents and
 * questions give the same numbers.
 *
 * Relevance is fitted on the tuning half (A) of the development set. Confidence is fitted on
 * half A **and on the documents' own example questions, each ranked by an index that does not
 * contain it** ({@link ownQuestionRows}). Why: the documents' questions are written while looking
 * at half A, so on half A alone the ranking is nearly always right and the model learns that two
 * common words fully covered mean certainty (0.99 for "why am I paying duty"). A question the
 * index has never seen is what a real message is; ranked that way, the same features are right
 * far less often, and the model says so.
 */
import { fitLogistic, logLoss } from './calibrate';
import { featureVector, FEATURE_NAMES, type MatchFeatures } from './confidence';
import { isInScope, splitHalf, type DevQuestion } from './evaluate';
import { KnowledgeBase, type Explanation, type KnowledgeBaseOptions } from './knowledge-base';
import { learnWords, type LearnedWords } from './wordModel';
import { learnGateWords, type GateWords } from './wordGate';
import type { FittedModels } from './models';
import type { SynonymTable } from './synonyms';
import type { KnowledgeDoc } from './types';

/** Folds for {@link ownQuestionRows}: each index lacks a fifth of every document's questions. */
export const OWN_QUESTION_FOLDS = 5;

/** The `kind` of a fit row made from a document's own example question. */
export const OWN_QUESTION = 'own-question';

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
export function fitRows(
  rows: readonly FitRow[],
  about: { date: string; questions: string },
  own: readonly FitRow[] = [],
): { models: FittedModels; logLoss: { confidence: { A: number; B: number; own: number }; relevance: { A: number; B: number } } } {
  const train = rows.filter((r) => r.half === 'A');
  const held = rows.filter((r) => r.half === 'B');
  const x = (set: readonly FitRow[]) => set.map((r) => featureVector(r.features));
  const confidenceRows = [...train, ...own];
  const confidence = fitLogistic(x(confidenceRows), confidenceRows.map((r) => r.right));
  const relevance = fitLogistic(x(train), train.map((r) => r.inScope));
  return {
    models: { confidence, relevance, fitted: { ...about, half: 'A', rows: train.length, ownQuestions: own.length } },
    logLoss: {
      confidence: {
        A: logLoss(confidence, x(train), train.map((r) => r.right)),
        B: logLoss(confidence, x(held), held.map((r) => r.right)),
        own: own.length ? logLoss(confidence, x(own), own.map((r) => r.right)) : 0,
      },
      relevance: { A: logLoss(relevance, x(train), train.map((r) => r.inScope)), B: logLoss(relevance, x(held), held.map((r) => r.inScope)) },
    },
  };
}

/**
 * Fit rows from the documents' own example questions, cross-fitted: the questions are dealt
 * into {@link OWN_QUESTION_FOLDS} folds (the i-th question of a document into fold i mod folds);
 * for each fold an index is built without that fold's questions and asked each of them. A row is
 * right when the top document is the one the question belongs to. Deterministic: same documents,
 * same rows.
 *
 * @example
 * const rows = ownQuestionRows(kb.documents, synonyms);
 * rows.length; // one per example question
 * rows.filter((r) => r.right).length / rows.length; // ≈ 0.66: unseen wording is harder than half A
 */
export function ownQuestionRows(docs: readonly KnowledgeDoc[], synonyms: SynonymTable, folds = OWN_QUESTION_FOLDS, options: KnowledgeBaseOptions = {}): FitRow[] {
  const rows: FitRow[] = [];
  for (let fold = 0; fold < folds; fold++) {
    const asked: DevQuestion[] = [];
    const without = docs.map((doc) => ({
      ...doc,
      questions: doc.questions.filter((q, i) => {
        if (i % folds !== fold) return true;
        asked.push({ q, expect: doc.id, kind: OWN_QUESTION });
        return false;
      }),
    }));
    const kb = KnowledgeBase.fromDocuments(without, synonyms, options);
    for (const question of asked) rows.push(fitRow(question, 'A', kb.explain(question.q)));
  }
  return rows;
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

/**
 * The word counts learned from labelled messages (the real-style sets' halves A): each message
 * labelled with one of `kb`'s documents, as `kb` analyses it whole. Messages expecting a verdict
 * or out of scope teach nothing here.
 *
 * @example
 * learnFromMessages(kb, [{ q: 'got a UPS bill for my Temu order', expect: 'carrier-fee-amounts' }]);
 * // { 'carrier-fee-amounts': { bill: 1, ups: 1, … } }
 */
export function learnFromMessages(kb: KnowledgeBase, messages: readonly { q: string; expect: string }[]): LearnedWords {
  return learnWords(messages.filter((m) => kb.get(m.expect) !== undefined).map((m) => ({ doc: m.expect, terms: kb.explain(m.q).terms })));
}

/**
 * The shipment gate's verdict side (wordGate.ts), learned from the same messages as
 * {@link learnFromMessages}: the words of those labelled "verdict", against the count of those
 * labelled with a document.
 *
 * @example
 * learnVerdictFromMessages(kb, [{ q: 'my aunt sent a $60 gift, will I pay?', expect: 'verdict' }, { q: 'is de minimis dead', expect: 'de-minimis-suspended' }]);
 * // { messages: 1, otherMessages: 1, words: { aunt: 1, gift: 1, usd60: 1, … } }
 */
export function learnVerdictFromMessages(kb: KnowledgeBase, messages: readonly { q: string; expect: string }[]): GateWords {
  const otherMessages = messages.filter((m) => kb.get(m.expect) !== undefined).length;
  return learnGateWords(messages.filter((m) => m.expect === 'verdict').map((m) => kb.explain(m.q).terms), otherMessages);
}

/** The labels of messages that are not ours: the scope gate's side (wordGate.ts). */
const NOT_OURS = new Set(['out-of-scope', 'other-cbp']);

/**
 * The scope gate's out-of-scope side (wordGate.ts), learned from the same messages as
 * {@link learnFromMessages}: the words of those labelled out of scope or another CBP matter,
 * against the count of those labelled with a document or a verdict.
 *
 * @example
 * learnOutOfScopeFromMessages(kb, [{ q: 'how do I cancel amazon prime', expect: 'out-of-scope' }, { q: 'is de minimis dead', expect: 'de-minimis-suspended' }]);
 * // { messages: 1, otherMessages: 1, words: { amazon: 1, cancel: 1, prime: 1 } }
 */
export function learnOutOfScopeFromMessages(kb: KnowledgeBase, messages: readonly { q: string; expect: string }[]): GateWords {
  const otherMessages = messages.filter((m) => m.expect === 'verdict' || kb.get(m.expect) !== undefined).length;
  return learnGateWords(messages.filter((m) => NOT_OURS.has(m.expect)).map((m) => kb.explain(m.q).terms), otherMessages);
}

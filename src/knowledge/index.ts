/**
 * Knowledge retrieval for the CBP E-Commerce Assistant: load and validate knowledge/**\/*.md,
 * index it, answer questions with a calibrated confidence. Imports nothing from botbuilder.
 *
 * @example
 * const { kb, problems } = loadKnowledgeBase('knowledge');
 * if (!kb) throw new Error(problems.map(formatProblem).join('\n'));
 * kb.answer('is the $800 de minimis still a thing in 2026?');
 */
import path from 'node:path';
import { systemClock } from '../clock';
import { easternDate } from '../dates';
import { createAnalyzer } from './analyze';
import { checkFamilies, checkSchedule, checkServedDocuments } from './dateChecks';
import { KnowledgeBase, type KnowledgeBaseOptions } from './knowledge-base';
import { readDocuments } from './load';
import { checkSourcesAndMarkup } from './sourceChecks';
import { loadSynonyms } from './synonyms';
import { readModels } from './models';
import { readLearnedWords } from './learnedWords';
import { mergeTaught, validateTaughtFile, withTaught, type Taught } from './taught';
import type { Problem } from './types';

export type { AnswerKind, AnswerResult, KnowledgeDoc, OutOfScopeReason, Problem, Source } from './types';
export { formatProblem } from '../problems';
export { KnowledgeBase, exactKey, FIELD_BOOSTS } from './knowledge-base';
export type { Explanation, KnowledgeBaseOptions, RankedCandidate } from './knowledge-base';
export { EMPTY_SYNONYMS, loadSynonyms, parseSynonyms } from './synonyms';
export type { SynonymTable } from './synonyms';
export { createAnalyzer } from './analyze';
export type { Analyzer } from './analyze';
export { readDocuments, parseDocument } from './load';
export { checkDocuments, STALE_AFTER_DAYS } from './checks';
import { DatedKnowledge } from './dated';
export { DatedKnowledge, familyOf, inForce, versionsOf } from './dated';
export { checkSchedule, dueForReview, REVIEW_WARNING_DAYS, type DueDocument } from './dateChecks';
export { THRESHOLDS, FEATURE_NAMES, confidenceOf, featureVector, kindFor } from './confidence';
export { MODEL, RELEVANCE_MODEL, MODELS_FILE, PROJECT_MODELS, readModels, modelsJson, type FittedModels } from './models';
export { VERDICT_GATE, type GateWords } from './wordGate';
export { LEARNED_WORDS_FILE, PROJECT_LEARNED_WORDS, readLearnedWords, learnedWordsJson, type LearnedWordsFile } from './learnedWords';
export type { ConfidenceModel, MatchFeatures, Thresholds } from './confidence';
export { TOPICS, AUDIENCES } from './schema';
export { TAUGHT_FILE, OUT_OF_SCOPE, FileTaughtStore, addTaught, mergeTaught, taughtOutOfScope, withTaught } from './taught';
export type { Taught, TaughtStore } from './taught';

/** The synonyms file inside a knowledge folder. */
export const SYNONYMS_FILE = 'synonyms.yaml';

/**
 * Every problem of a knowledge folder: each document, the checks across documents, and the
 * synonyms file. `today` (YYYY-MM-DD, default today in U.S. Eastern time) decides staleness.
 *
 * @example
 * validateKnowledge('knowledge', { today: '2026-11-25' }).problems.filter((p) => p.severity === 'error');
 */
export function validateKnowledge(dir: string, options: { today?: string } = {}) {
  const today = options.today ?? easternDate(systemClock());
  const synonyms = loadSynonyms(path.join(dir, SYNONYMS_FILE));
  const { docs, brokenIds, problems } = readDocuments(dir);
  // Cross-document checks run on the documents served together on each date from today on (dated.ts).
  problems.push(...synonyms.problems, ...checkServedDocuments(docs, createAnalyzer(synonyms.table), today, brokenIds), ...checkFamilies(docs, brokenIds), ...checkSchedule(docs, today));
  // Sources that claim an agency they are not from; raw HTML and script links (sourceChecks.ts).
  problems.push(...checkSourcesAndMarkup(docs));
  // What staff taught with `teach` (taught.ts): validated here, merged by loadKnowledgeBase.
  const taught = validateTaughtFile(dir, docs, brokenIds);
  problems.push(...taught.problems);
  // The calibrated models (models.json, written by `npm run kb:fit`); the project's when absent.
  const models = readModels(dir);
  problems.push(...models.problems);
  // The word counts learned from the tuning halves (learned-words.json, also `npm run kb:fit`).
  const learned = readLearnedWords(dir);
  problems.push(...learned.problems);
  return { docs, synonyms: synonyms.table, problems, taught: taught.taught, models: models.models, learnedWords: learned.file.words, verdictWords: learned.file.verdict, outOfScopeWords: learned.file.outOfScope };
}

/**
 * Loads, validates and indexes a knowledge folder (`<dir>/<topic>/<id>.md` plus
 * `<dir>/synonyms.yaml` and `<dir>/taught.yaml`). `kb` is null when there is any error;
 * warnings (such as a stale review date) do not block. Taught questions join their documents'
 * questions, and an exact match of one decides the answer (taught `none`: out of scope); see
 * taught.ts. `options.taught` replaces taught.yaml (taught questions kept in shared storage).
 *
 * @example
 * const { kb, problems } = loadKnowledgeBase('knowledge', { today: '2026-11-25' });
 */
export function loadKnowledgeBase(
  dir: string,
  options: { today?: string; taught?: Taught } & KnowledgeBaseOptions = {},
): { kb: KnowledgeBase | null; problems: Problem[] } {
  const { dated, problems } = loadDatedKnowledge(dir, options);
  // The documents in force on `today` (dated.ts); taught questions follow their topic's version.
  return { kb: dated?.at(options.today ?? easternDate(systemClock())) ?? null, problems };
}

/**
 * Like {@link loadKnowledgeBase}, but keeps every version of every document: `dated.at(date)`
 * is the knowledge base in force on that date (the bot asks with its clock's date each turn).
 * Validation (and so staleness and `review_by`) is judged on `options.today`.
 *
 * @example
 * const { dated } = loadDatedKnowledge('knowledge', { today: '2026-12-02' });
 * dated?.at('2027-07-15').answer('is 800 still duty free').best?.id; // 'de-minimis-ended'
 */
export function loadDatedKnowledge(
  dir: string,
  options: { today?: string; taught?: Taught } & KnowledgeBaseOptions = {},
): { dated: DatedKnowledge | null; problems: Problem[] } {
  const { docs, synonyms, problems, taught: fromFile, models, learnedWords, verdictWords, outOfScopeWords } = validateKnowledge(dir, options);
  const taught = options.taught ?? fromFile;
  const dated = problems.some((p) => p.severity === 'error') ? null : new DatedKnowledge(docs, synonyms, { model: models.confidence, relevanceModel: models.relevance, learnedWords, ...(verdictWords ? { verdictWords } : {}), ...(outOfScopeWords ? { outOfScopeWords } : {}), ...options, taught });
  return { dated, problems };
}

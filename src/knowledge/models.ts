/**
 * The calibrated models as data: `knowledge/models.json`, written by `npm run kb:fit` (see
 * fitModels.ts) and read with the knowledge folder, so a refit is a data change the bot loads
 * (and `reload` picks up), not numbers pasted into code. A test keeps the file equal to a fresh
 * fit on the development set.
 */
import { z } from 'zod';
import projectModels from '../../knowledge/models.json';
import { FEATURE_NAMES, type ConfidenceModel } from './confidence';
import type { Problem } from './types';
import { projectData, readJsonData, type Parsed } from './jsonData';

/** The models file inside a knowledge folder. */
export const MODELS_FILE = 'models.json';

/** Both models and how they were fitted. */
export interface FittedModels {
  /** P(top document is right): `AnswerResult.confidence`. */
  confidence: ConfidenceModel;
  /** P(question is in scope). */
  relevance: ConfidenceModel;
  /** What the fit ran on, so anyone can repeat it. */
  fitted: {
    date: string;
    questions: string;
    half: 'A';
    /** Development-set questions (half A) both models were fitted on. */
    rows: number;
    /** Documents' own example questions, cross-fitted, that the confidence model was also fitted on. */
    ownQuestions?: number;
  };
}

const modelSchema = z.object({
  bias: z.number().finite(),
  weights: z.array(z.number().finite().nonnegative()).length(FEATURE_NAMES.length),
});

const fileSchema = z.object({
  features: z.array(z.string()).refine((names) => names.join() === FEATURE_NAMES.join(), {
    message: `must be ${FEATURE_NAMES.join(', ')} (the order the code multiplies)`,
  }),
  confidence: modelSchema,
  relevance: modelSchema,
  fitted: z.object({ date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/), questions: z.string(), half: z.literal('A'), rows: z.number().int().positive(), ownQuestions: z.number().int().nonnegative().optional() }),
});

/**
 * Validates the parsed contents of a models file.
 *
 * @example
 * parseModels(JSON.parse(fs.readFileSync('knowledge/models.json', 'utf8'))).models?.confidence.bias; // ≈ -6
 */
export function parseModels(data: unknown, file = MODELS_FILE): { models?: FittedModels; problems: Problem[] } {
  const parsed = fileSchema.safeParse(data);
  if (parsed.success) return { models: { confidence: parsed.data.confidence, relevance: parsed.data.relevance, fitted: parsed.data.fitted }, problems: [] };
  return {
    problems: parsed.error.issues.map((issue) => ({ file, field: issue.path.join('.') || '(file)', problem: issue.message, severity: 'error' as const })),
  };
}

/** The project's own fitted models (knowledge/models.json), the default for any knowledge base. */
export const PROJECT_MODELS: FittedModels = projectData(projectModels, MODELS_FILE, asData);

function asData(data: unknown): Parsed<FittedModels> {
  const { models, problems } = parseModels(data);
  return { value: models, problems };
}

/**
 * The models of a knowledge folder: its models.json when it has one, else the project's.
 *
 * @example
 * readModels('knowledge').models.confidence; // { bias: …, weights: [6 numbers] }
 */
export function readModels(dir: string): { models: FittedModels; problems: Problem[] } {
  const { value, problems } = readJsonData(dir, MODELS_FILE, asData, PROJECT_MODELS);
  return { models: value, problems };
}

/**
 * The file's text for some models: weights rounded to 3 decimals (what a fit can repeat), one
 * model per line so a refit reads well in a diff.
 *
 * @example
 * modelsJson(models).startsWith('{\n  "features"'); // true
 */
export function modelsJson(models: FittedModels): string {
  const round = (m: ConfidenceModel) => ({ bias: round3(m.bias), weights: m.weights.map(round3) });
  const line = (value: unknown) => JSON.stringify(value).replace(/,(?=["\d-])/g, ', ').replace(/:/g, ': ');
  return [
    '{',
    `  "features": ${line(FEATURE_NAMES)},`,
    `  "confidence": ${line(round(models.confidence))},`,
    `  "relevance": ${line(round(models.relevance))},`,
    `  "fitted": ${line(models.fitted)}`,
    '}',
    '',
  ].join('\n');
}

function round3(x: number): number {
  return Math.round(x * 1000) / 1000 || 0;
}

/** P(top document is right), from the project's models file. */
export const MODEL: ConfidenceModel = PROJECT_MODELS.confidence;

/** P(question is in scope), from the project's models file. */
export const RELEVANCE_MODEL: ConfidenceModel = PROJECT_MODELS.relevance;

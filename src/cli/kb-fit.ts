/**
 * `npm run kb:fit [-- --dir knowledge] [--questions test/fixtures/questions.json] [--date YYYY-MM-DD] [--check]`:
 * fits the confidence and relevance models on half A of the development set (confidence also on
 * the documents' own questions, cross-fitted: see fitModels.ts), as the knowledge base ranks them on `--date` (default: the date the current models.json was fitted on), and
 * writes `<dir>/models.json`. Run it after changing documents or synonyms; `--check` only says
 * whether the file matches a fresh fit (exit 1 if not). Exit 2 on bad arguments or a broken
 * knowledge base.
 */
import fs from 'node:fs';
import path from 'node:path';
import { formatProblem, loadKnowledgeBase, loadSynonyms, SYNONYMS_FILE } from '../knowledge';
import { readQuestions } from '../knowledge/evaluate';
import { devFitRows, fitRows, ownQuestionRows } from '../knowledge/fitModels';
import { MODELS_FILE, modelsJson, readModels } from '../knowledge/models';

interface Options {
  dir: string;
  questions: string;
  date?: string;
  check: boolean;
}

const USAGE = 'Usage: kb-fit [--dir knowledge] [--questions test/fixtures/questions.json] [--date YYYY-MM-DD] [--check]';

/**
 * Reads the command line; `env` supplies KNOWLEDGE_DIR.
 *
 * @example
 * parseArgs(['--check'], {}); // { dir: 'knowledge', questions: 'test/fixtures/questions.json', check: true }
 */
export function parseArgs(args: readonly string[], env: NodeJS.ProcessEnv = process.env): Options | string {
  const options: Options = { dir: env.KNOWLEDGE_DIR?.trim() || 'knowledge', questions: path.join('test', 'fixtures', 'questions.json'), check: false };
  for (let i = 0; i < args.length; i++) {
    const flag = args[i];
    if (flag === '--check') {
      options.check = true;
      continue;
    }
    if (flag !== '--dir' && flag !== '--questions' && flag !== '--date') return `unknown option ${flag}\n${USAGE}`;
    const value = args[++i];
    if (value === undefined || value.startsWith('--')) return `${flag} needs a value\n${USAGE}`;
    if (flag === '--date' && !/^\d{4}-\d{2}-\d{2}$/.test(value)) return `--date must be YYYY-MM-DD\n${USAGE}`;
    if (flag === '--dir') options.dir = value;
    else if (flag === '--questions') options.questions = value;
    else options.date = value;
  }
  return options;
}

/**
 * Fits afresh and returns the models file's new text and whether it differs from the current one.
 *
 * @example
 * fitKnowledge({ dir: 'knowledge', questions: 'test/fixtures/questions.json', check: true }).same; // true when up to date
 */
export function fitKnowledge(options: Options): { text: string; same: boolean; summary: string } {
  const current = readModels(options.dir).models;
  const date = options.date ?? current.fitted.date;
  const { kb, problems } = loadKnowledgeBase(options.dir, { today: date });
  if (!kb) throw new Error(`the knowledge base has errors:\n${problems.filter((p) => p.severity === 'error').map(formatProblem).join('\n')}`);
  const own = ownQuestionRows(kb.documents, loadSynonyms(path.join(options.dir, SYNONYMS_FILE)).table);
  const fit = fitRows(devFitRows(kb, readQuestions(options.questions)), { date, questions: options.questions.split(path.sep).join('/') }, own);
  const text = modelsJson(fit.models);
  const file = path.join(options.dir, MODELS_FILE);
  const same = fs.existsSync(file) && fs.readFileSync(file, 'utf8') === text;
  const ll = fit.logLoss;
  const summary = `fitted on ${fit.models.fitted.rows} questions (half A) and ${own.length} documents' own questions (cross-fitted) as ranked on ${date}; log-loss confidence A ${ll.confidence.A.toFixed(3)} B ${ll.confidence.B.toFixed(3)} own ${ll.confidence.own.toFixed(3)}, relevance A ${ll.relevance.A.toFixed(3)} B ${ll.relevance.B.toFixed(3)}`;
  return { text, same, summary };
}

function main(): number {
  const options = parseArgs(process.argv.slice(2));
  if (typeof options === 'string') {
    console.error(options);
    return 2;
  }
  let result: ReturnType<typeof fitKnowledge>;
  try {
    result = fitKnowledge(options);
  } catch (err) {
    console.error((err as Error).message);
    return 2;
  }
  const file = path.join(options.dir, MODELS_FILE);
  console.log(result.summary);
  if (options.check) {
    console.log(result.same ? `${file} matches a fresh fit` : `${file} differs from a fresh fit: run npm run kb:fit`);
    return result.same ? 0 : 1;
  }
  fs.writeFileSync(file, result.text);
  console.log(result.same ? `${file} unchanged` : `${file} written`);
  return 0;
}

if (require.main === module) process.exitCode = main();

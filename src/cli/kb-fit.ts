/**
 * `npm run kb:fit [-- --dir knowledge] [--questions test/fixtures/questions.json] [--real a.json,b.json] [--training c.json,d.json] [--date YYYY-MM-DD] [--check]`:
 * first counts the words of the tuned real-style sets' halves A (`--real`, default: the sets
 * marked `tuned` in test/helpers/realSets.ts) and of the training sets whole (`--training`,
 * default: TRAINING_SETS there) into `<dir>/learned-words.json` (wordModel.ts);
 * then, with those counts in the ranking, fits the confidence and relevance models on half A of
 * the development set (confidence also on the documents' own questions, cross-fitted: see
 * fitModels.ts), as the knowledge base ranks them on `--date` (default: the date the current
 * models.json was fitted on), and writes `<dir>/models.json`. Run it after changing documents,
 * synonyms or the sets; `--check` only says whether both files match a fresh fit (exit 1 if
 * not). Exit 2 on bad arguments or a broken knowledge base.
 */
import fs from 'node:fs';
import path from 'node:path';
import { formatProblem, loadKnowledgeBase, loadSynonyms, SYNONYMS_FILE } from '../knowledge';
import { readQuestions } from '../knowledge/evaluate';
import { devFitRows, fitRows, learnFromMessages, learnOutOfScopeFromMessages, learnVerdictFromMessages, ownQuestionRows } from '../knowledge/fitModels';
import { MODELS_FILE, modelsJson, readModels } from '../knowledge/models';
import { LEARNED_WORDS_FILE, learnedWordsJson } from '../knowledge/learnedWords';
import { readRealQuestions, realHalf } from '../understanding/evaluate';
import { realSetPath, TRAINING_SETS, TUNED_SETS } from '../../test/helpers/realSets';

interface Options {
  dir: string;
  questions: string;
  /** The real-style sets whose halves A the word model learns from. */
  real: string[];
  /** The training sets it learns from whole. */
  training: string[];
  date?: string;
  check: boolean;
}

const USAGE = 'Usage: kb-fit [--dir knowledge] [--questions test/fixtures/questions.json] [--real a.json,b.json] [--training c.json,d.json] [--date YYYY-MM-DD] [--check]';

/**
 * Reads the command line; `env` supplies KNOWLEDGE_DIR.
 *
 * @example
 * parseArgs(['--check'], {}); // { dir: 'knowledge', questions: 'test/fixtures/questions.json', real: [the tuned sets], training: [the training sets], check: true }
 */
export function parseArgs(args: readonly string[], env: NodeJS.ProcessEnv = process.env): Options | string {
  const options: Options = { dir: env.KNOWLEDGE_DIR?.trim() || 'knowledge', questions: path.join('test', 'fixtures', 'questions.json'), real: TUNED_SETS.map(realSetPath), training: TRAINING_SETS.map(realSetPath), check: false };
  for (let i = 0; i < args.length; i++) {
    const flag = args[i];
    if (flag === '--check') {
      options.check = true;
      continue;
    }
    if (flag !== '--dir' && flag !== '--questions' && flag !== '--date' && flag !== '--real' && flag !== '--training') return `unknown option ${flag}\n${USAGE}`;
    const value = args[++i];
    if (value === undefined || value.startsWith('--')) return `${flag} needs a value\n${USAGE}`;
    if (flag === '--date' && !/^\d{4}-\d{2}-\d{2}$/.test(value)) return `--date must be YYYY-MM-DD\n${USAGE}`;
    if (flag === '--dir') options.dir = value;
    else if (flag === '--questions') options.questions = value;
    else if (flag === '--real') options.real = value.split(',').filter((f) => f !== '');
    else if (flag === '--training') options.training = value.split(',').filter((f) => f !== '');
    else options.date = value;
  }
  return options;
}

/** One file a fit writes: its path, fresh text and whether that equals the file on disk. */
interface FittedFile {
  file: string;
  text: string;
  same: boolean;
}

function fittedFile(dir: string, name: string, text: string): FittedFile {
  const file = path.join(dir, name);
  return { file, text, same: fs.existsSync(file) && fs.readFileSync(file, 'utf8') === text };
}

/**
 * Learns the word counts, then fits the models with them in the ranking; returns both files'
 * new texts and whether each differs from the current one.
 *
 * @example
 * fitKnowledge(parseArgs(['--check']) as Options).files.every((f) => f.same); // true when up to date
 */
export function fitKnowledge(options: Options): { files: FittedFile[]; summary: string } {
  const current = readModels(options.dir).models;
  const date = options.date ?? current.fitted.date;
  const loaded = loadKnowledgeBase(options.dir, { today: date });
  if (!loaded.kb) throw new Error(`the knowledge base has errors:\n${loaded.problems.filter((p) => p.severity === 'error').map(formatProblem).join('\n')}`);
  // Which words a message has does not depend on the counts, so any knowledge base of these
  // documents reads the messages the same way.
  const messages = [...options.real.flatMap((file) => readRealQuestions(file).filter((q) => realHalf(q) === 'A')), ...options.training.flatMap(readRealQuestions)];
  const words = learnFromMessages(loaded.kb, messages);
  const verdict = learnVerdictFromMessages(loaded.kb, messages);
  const outOfScope = learnOutOfScopeFromMessages(loaded.kb, messages);
  const training = options.training.length > 0 ? { training: options.training.map((f) => path.basename(f)) } : {};
  const learned = { learned: { sets: options.real.map((f) => path.basename(f)), half: 'A' as const, ...training, messages: verdict.otherMessages }, verdict, outOfScope, words };
  const kb = loadKnowledgeBase(options.dir, { today: date, learnedWords: words, verdictWords: verdict, outOfScopeWords: outOfScope }).kb!;
  const own = ownQuestionRows(kb.documents, loadSynonyms(path.join(options.dir, SYNONYMS_FILE)).table, undefined, { learnedWords: words });
  const fit = fitRows(devFitRows(kb, readQuestions(options.questions)), { date, questions: options.questions.split(path.sep).join('/') }, own);
  const ll = fit.logLoss;
  const summary = [
    `learned the words of ${learned.learned.messages} messages, of ${verdict.messages} asking for a verdict and of ${outOfScope.messages} not ours (halves A of ${options.real.length} real-style sets, ${options.training.length} training sets whole)`,
    `fitted on ${fit.models.fitted.rows} questions (half A) and ${own.length} documents' own questions (cross-fitted) as ranked on ${date}; log-loss confidence A ${ll.confidence.A.toFixed(3)} B ${ll.confidence.B.toFixed(3)} own ${ll.confidence.own.toFixed(3)}, relevance A ${ll.relevance.A.toFixed(3)} B ${ll.relevance.B.toFixed(3)}`,
  ].join('\n');
  return { files: [fittedFile(options.dir, LEARNED_WORDS_FILE, learnedWordsJson(learned)), fittedFile(options.dir, MODELS_FILE, modelsJson(fit.models))], summary };
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
  console.log(result.summary);
  if (options.check) {
    for (const f of result.files) console.log(f.same ? `${f.file} matches a fresh fit` : `${f.file} differs from a fresh fit: run npm run kb:fit`);
    return result.files.every((f) => f.same) ? 0 : 1;
  }
  for (const f of result.files) {
    if (!f.same) fs.writeFileSync(f.file, f.text);
    console.log(f.same ? `${f.file} unchanged` : `${f.file} written`);
  }
  return 0;
}

if (require.main === module) process.exitCode = main();

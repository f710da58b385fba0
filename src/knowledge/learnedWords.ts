/**
 * The learned word counts as data: `knowledge/learned-words.json`, written by `npm run kb:fit`
 * from the tuning halves (A) of the real-style sets and read with the knowledge folder (and by
 * `reload`), as models.json is. One line per document, its terms as `term:count` pairs, so a
 * refit reads well in a diff. See wordModel.ts for how the counts are used.
 */
import { z } from 'zod';
import projectFile from '../../knowledge/learned-words.json';
import type { LearnedWords } from './wordModel';
import type { GateWords } from './wordGate';
import type { Problem } from './types';
import { projectData, readJsonData, type Parsed } from './jsonData';

/** The learned-words file inside a knowledge folder. */
export const LEARNED_WORDS_FILE = 'learned-words.json';

/** The counts and what they were learned from. */
export interface LearnedWordsFile {
  learned: {
    /** The real-style sets (file names in test/fixtures) whose halves A were counted. */
    sets: string[];
    half: 'A';
    /** Training sets (file names in test/fixtures) counted whole: no half of them is held out. */
    training?: string[];
    /** Messages counted (those labelled with one of the knowledge base's documents). */
    messages: number;
  };
  words: LearnedWords;
  /** The words of the messages labelled "verdict", for the shipment gate (wordGate.ts). */
  verdict?: GateWords;
  /** The words of the messages labelled out of scope or another CBP matter, for the scope gate (wordGate.ts). */
  outOfScope?: GateWords;
}

const PAIR = /^(\S+):(\d+)$/;

const pairsLine = z.string().refine((line) => line === '' || line.split(' ').every((p) => PAIR.test(p)), { message: 'must be "term:count" pairs separated by spaces' });
const gateSchema = z.object({ messages: z.number().int().nonnegative(), otherMessages: z.number().int().nonnegative(), words: pairsLine });
const fileSchema = z.object({
  learned: z.object({ sets: z.array(z.string()), half: z.literal('A'), training: z.array(z.string()).optional(), messages: z.number().int().nonnegative() }),
  words: z.record(z.string(), pairsLine),
  verdict: gateSchema.optional(),
  outOfScope: gateSchema.optional(),
});

/** A line of "term:count" pairs as counts. */
function pairs(line: string): Record<string, number> {
  return Object.fromEntries(line === '' ? [] : line.split(' ').map((p) => { const [, term, count] = PAIR.exec(p)!; return [term, Number(count)]; }));
}

/** Counts as a line of "term:count" pairs, terms sorted. */
function pairsText(counts: Readonly<Record<string, number>>): string {
  return Object.keys(counts).sort().map((t) => `${t}:${counts[t]}`).join(' ');
}

/**
 * Validates the parsed contents of a learned-words file.
 *
 * @example
 * parseLearnedWords({ learned: { sets: [], half: 'A', messages: 1 }, words: { 'doc-a': 'fee:1' } }).file?.words;
 * // { 'doc-a': { fee: 1 } }
 */
export function parseLearnedWords(data: unknown, file = LEARNED_WORDS_FILE): { file?: LearnedWordsFile; problems: Problem[] } {
  const parsed = fileSchema.safeParse(data);
  if (!parsed.success) {
    return { problems: parsed.error.issues.map((issue) => ({ file, field: issue.path.join('.') || '(file)', problem: issue.message, severity: 'error' as const })) };
  }
  const words = Object.fromEntries(Object.entries(parsed.data.words).map(([doc, line]) => [doc, pairs(line)]));
  const gate = (g: z.infer<typeof gateSchema> | undefined) => (g ? { ...g, words: pairs(g.words) } : undefined);
  const verdict = gate(parsed.data.verdict);
  const outOfScope = gate(parsed.data.outOfScope);
  return { file: { learned: parsed.data.learned, words, ...(verdict ? { verdict } : {}), ...(outOfScope ? { outOfScope } : {}) }, problems: [] };
}

/** The project's own learned words (knowledge/learned-words.json): the default for any knowledge base. */
export const PROJECT_LEARNED_WORDS: LearnedWordsFile = projectData(projectFile, LEARNED_WORDS_FILE, asData);

function asData(data: unknown): Parsed<LearnedWordsFile> {
  const { file, problems } = parseLearnedWords(data);
  return { value: file, problems };
}

/**
 * The learned words of a knowledge folder: its learned-words.json when it has one, else the project's.
 *
 * @example
 * readLearnedWords('knowledge').file.words['de-minimis-suspended']; // { alive: 3, … }
 */
export function readLearnedWords(dir: string): { file: LearnedWordsFile; problems: Problem[] } {
  const { value, problems } = readJsonData(dir, LEARNED_WORDS_FILE, asData, PROJECT_LEARNED_WORDS);
  return { file: value, problems };
}

/**
 * The file's text: one document per line, its terms sorted.
 *
 * @example
 * learnedWordsJson({ learned: { sets: ['a.json'], half: 'A', messages: 1 }, words: { d: { fee: 1 } } });
 * // '{\n  "learned": {"sets": ["a.json"], "half": "A", "messages": 1},\n  "words": {\n    "d": "fee:1"\n  }\n}\n'
 */
export function learnedWordsJson(file: LearnedWordsFile): string {
  const docs = Object.keys(file.words).sort();
  const line = (doc: string) => `    ${JSON.stringify(doc)}: ${JSON.stringify(pairsText(file.words[doc]))}`;
  const learned = JSON.stringify(file.learned).replace(/,(?=")/g, ', ').replace(/":/g, '": ');
  const gate = (key: 'verdict' | 'outOfScope') => {
    const g = file[key];
    return g ? [`  "${key}": {"messages": ${g.messages}, "otherMessages": ${g.otherMessages}, "words": ${JSON.stringify(pairsText(g.words))}},`] : [];
  };
  return ['{', `  "learned": ${learned},`, ...gate('verdict'), ...gate('outOfScope'), '  "words": {', docs.map(line).join(',\n'), '  }', '}', ''].join('\n');
}

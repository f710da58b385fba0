/**
 * `npm run kb:check [-- --today YYYY-MM-DD] [--dir knowledge]`: validates the knowledge base
 * (every document, the checks across documents, knowledge/synonyms.yaml) and the duty-free rule
 * data (knowledge/rules/*.yaml|json, through the rules engine). Prints one `file: field: problem`
 * line per problem, warnings prefixed `warning:`, then a summary line. Exit code 1 on any error.
 */
import path from 'node:path';
import { easternDate } from '../clock';
import { formatProblem, KnowledgeBase, validateKnowledge, type Problem } from '../knowledge';
import { checkRuleFiles, type RuleSetLoader } from '../knowledge/rule-files';

interface Options {
  dir: string;
  today: string;
}

const USAGE = 'Usage: kb-check [--today YYYY-MM-DD] [--dir knowledge]';

/**
 * Reads the command line.
 *
 * @example
 * parseArgs(['--today', '2026-11-25']); // { dir: 'knowledge', today: '2026-11-25' }
 */
export function parseArgs(args: readonly string[], today = easternDate(new Date())): Options | string {
  const options: Options = { dir: 'knowledge', today };
  for (let i = 0; i < args.length; i++) {
    const [flag, inline] = args[i].split('=', 2) as [string, string | undefined];
    const value = inline ?? args[i + 1];
    if (flag !== '--today' && flag !== '--dir') return `unknown option ${args[i]}\n${USAGE}`;
    if (value === undefined || value.startsWith('--')) return `${flag} needs a value\n${USAGE}`;
    if (inline === undefined) i++;
    if (flag === '--today') {
      if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(Date.parse(value))) return `--today must be a date YYYY-MM-DD, not "${value}"`;
      options.today = value;
    } else {
      options.dir = value;
    }
  }
  return options;
}

/**
 * The rules engine's checker, if src/rules is built: `checkRuleFile` (reports warnings too)
 * or else `loadRuleSet`. Looked up at run time so this check works (and compiles) without the
 * engine, and reports its absence as a warning.
 */
function findRuleSetLoader(): RuleSetLoader | undefined {
  let resolved: string;
  try {
    resolved = require.resolve('../rules');
  } catch {
    return undefined;
  }
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const rules = require(resolved) as { checkRuleFile?: unknown; loadRuleSet?: unknown };
  if (typeof rules.checkRuleFile === 'function') return rules.checkRuleFile as RuleSetLoader;
  return typeof rules.loadRuleSet === 'function' ? (rules.loadRuleSet as RuleSetLoader) : undefined;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/**
 * Runs every check; returns the lines to print and the exit code.
 *
 * @example
 * const { lines, exitCode } = runChecks({ dir: 'knowledge', today: '2026-11-25' }, loadRuleSet);
 */
export function runChecks(options: Options, loadRuleSet: RuleSetLoader | undefined): { lines: string[]; exitCode: number } {
  const { docs, synonyms, problems } = validateKnowledge(options.dir, { today: options.today });
  const rules = checkRuleFiles(path.join(options.dir, 'rules'), loadRuleSet);
  const all: Problem[] = [...problems, ...rules.problems];
  const errors = all.filter((p) => p.severity === 'error').length;
  if (errors === 0) {
    // Building the index proves the documents can be served, not only parsed.
    KnowledgeBase.fromDocuments(docs, synonyms);
  }
  const warnings = all.length - errors;
  const ruleNote = rules.files.length > 0 ? `, ${plural(rules.files.length, 'rule file')}` : '';
  const lines = [
    ...all.map(formatProblem),
    `${plural(docs.length, 'document')}${ruleNote}, ${plural(errors, 'error')}, ${plural(warnings, 'warning')}`,
  ];
  return { lines, exitCode: errors > 0 ? 1 : 0 };
}

function main(): void {
  const options = parseArgs(process.argv.slice(2));
  if (typeof options === 'string') {
    console.error(options);
    process.exit(2);
  }
  const { lines, exitCode } = runChecks(options, findRuleSetLoader());
  for (const line of lines) console.log(line);
  process.exitCode = exitCode;
}

if (require.main === module) main();

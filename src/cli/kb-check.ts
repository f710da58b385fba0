/**
 * `npm run kb:check [-- --date YYYY-MM-DD] [--months N] [--dir knowledge]`: validates the
 * knowledge base (every document, the checks across documents, knowledge/synonyms.yaml) and the
 * duty-free rule data (knowledge/rules/*.yaml|json, through the rules engine) as they stand on
 * a date (default today, U.S. Eastern; `--today` is the same as `--date`). The folder is
 * `--dir`, else KNOWLEDGE_DIR (the environment, or `.env` in development, as the bot reads it),
 * else knowledge. Prints one `file: field: problem` line per
 * problem, warnings prefixed `warning:`, then a summary line. Exit code 1 on any error.
 *
 * `--months N` also checks the first day of each of the next N months, and ends with the list
 * of documents that need a successor (or a new review) and by when.
 */
import path from 'node:path';
import { systemClock } from '../clock';
import { readEnvironment } from '../config';
import { easternDate } from '../dates';
import { DatedKnowledge, formatProblem, validateKnowledge, type Problem } from '../knowledge';
import { loadNames, NAMES_FILE } from '../understanding';
import { checkRuleFiles, type RuleSetLoader } from '../knowledge/rule-files';

interface Options {
  dir: string;
  today: string;
  /** Also check the 1st of each of the next `months` months. */
  months?: number;
}

const USAGE = 'Usage: kb-check [--date YYYY-MM-DD] [--months N] [--dir knowledge]';

/**
 * Reads the command line.
 *
 * @example
 * parseArgs(['--today', '2026-11-25']); // { dir: 'knowledge', today: '2026-11-25' }
 */
export function parseArgs(args: readonly string[], today = easternDate(systemClock()), env: Record<string, string | undefined> = readEnvironment()): Options | string {
  const options: Options = { dir: env.KNOWLEDGE_DIR || 'knowledge', today };
  for (let i = 0; i < args.length; i++) {
    const [flag, inline] = args[i].split('=', 2) as [string, string | undefined];
    const value = inline ?? args[i + 1];
    if (!['--today', '--date', '--dir', '--months'].includes(flag)) return `unknown option ${args[i]}\n${USAGE}`;
    if (value === undefined || value.startsWith('--')) return `${flag} needs a value\n${USAGE}`;
    if (inline === undefined) i++;
    if (flag === '--today' || flag === '--date') {
      if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(Date.parse(value))) return `${flag} must be a date YYYY-MM-DD, not "${value}"`;
      options.today = value;
    } else if (flag === '--months') {
      if (!/^\d{1,3}$/.test(value)) return `--months must be a whole number, not "${value}"`;
      options.months = Number(value);
    } else {
      options.dir = value;
    }
  }
  return options;
}

/**
 * The dates `--months N` checks: the start date, then the 1st of each of the next N months.
 *
 * @example
 * monthlyDates('2026-12-02', 2); // ['2026-12-02', '2027-01-01', '2027-02-01']
 */
export function monthlyDates(start: string, months: number): string[] {
  const dates = [start];
  let [y, m] = start.split('-').map(Number) as [number, number];
  for (let i = 0; i < months; i++) {
    m += 1;
    if (m > 12) {
      m = 1;
      y += 1;
    }
    dates.push(`${y}-${String(m).padStart(2, '0')}-01`);
  }
  return dates;
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
  // The names people use (marketplaces, couriers, postal services) are the understanding's data.
  const names = loadNames(path.join(options.dir, NAMES_FILE));
  const all: Problem[] = [...problems, ...rules.problems, ...names.problems];
  const errors = all.filter((p) => p.severity === 'error').length;
  if (errors === 0) {
    // Building the index proves the documents in force on the date can be served, not only parsed.
    new DatedKnowledge(docs, synonyms).at(options.today);
  }
  const warnings = all.length - errors;
  const ruleNote = rules.files.length > 0 ? `, ${plural(rules.files.length, 'rule file')}` : '';
  const lines = [
    ...all.map(formatProblem),
    `${plural(docs.length, 'document')}${ruleNote}, ${plural(errors, 'error')}, ${plural(warnings, 'warning')}`,
  ];
  return { lines, exitCode: errors > 0 ? 1 : 0 };
}

/**
 * `--months N`: the checks on each date (only dates with problems are printed, under a
 * `== YYYY-MM-DD` heading), then what an editor must do and by when: one line per document
 * whose `effective.to` or `review_by` needs a successor or a new review within the period.
 *
 * @example
 * runMonthlyChecks({ dir: 'knowledge', today: '2026-12-02', months: 18 }, loadRuleSet).exitCode; // 0 when every month is clean
 */
export function runMonthlyChecks(options: Options & { months: number }, loadRuleSet: RuleSetLoader | undefined): { lines: string[]; exitCode: number } {
  const lines: string[] = [];
  const todo = new Map<string, string>();
  let failed = 0;
  const dates = monthlyDates(options.today, options.months);
  for (const date of dates) {
    const run = runChecks({ dir: options.dir, today: date }, date === options.today ? loadRuleSet : undefined);
    // The rule files are checked once, on the first date; later dates only add the knowledge's own changes.
    const rulesDir = path.join(options.dir, 'rules');
    const problems = run.lines.slice(0, -1).filter((l) => date === options.today || !(/^warning: .*: reviewed: /.test(l) || l.replace(/^warning: /, '').startsWith(rulesDir)));
    if (run.exitCode !== 0) failed++;
    if (problems.length > 0) lines.push(`== ${date}`, ...problems);
    for (const line of problems) {
      const m = /^(?:warning: )?(.+?): (effective\.to|review_by): (.*)$/.exec(line);
      if (m && !todo.has(`${m[1]}|${m[2]}`)) todo.set(`${m[1]}|${m[2]}`, `${m[1]}: ${m[2]}: (seen ${date}) ${m[3]}`);
    }
  }
  if (todo.size > 0) lines.push('== documents that need a successor or a new review', ...todo.values());
  lines.push(`checked ${dates.length} dates, ${dates[0]} to ${dates[dates.length - 1]}: ${failed === 0 ? 'no errors' : `errors on ${plural(failed, 'date')}`}`);
  return { lines, exitCode: failed > 0 ? 1 : 0 };
}

function main(): void {
  const options = parseArgs(process.argv.slice(2));
  if (typeof options === 'string') {
    console.error(options);
    process.exit(2);
  }
  const months = options.months;
  const { lines, exitCode } = months ? runMonthlyChecks({ ...options, months }, findRuleSetLoader()) : runChecks(options, findRuleSetLoader());
  for (const line of lines) console.log(line);
  process.exitCode = exitCode;
}

if (require.main === module) main();

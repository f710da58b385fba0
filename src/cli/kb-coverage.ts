/**
 * `npm run kb:coverage [-- --dir knowledge] [--facts ../shared/domain/facts.md]`: for each
 * section of the fact sheet, the documents whose `facts` field names it, then the sections no
 * document covers. Exit code 1 if any of sections 0–19 is uncovered (section 20, the week's
 * news, may be empty); 2 if facts.md cannot be read or the arguments are wrong.
 *
 * The folder defaults to KNOWLEDGE_DIR or knowledge/; facts.md to ../shared/domain/facts.md
 * beside the repository (where CI checks out the shared folder).
 */
import fs from 'node:fs';
import path from 'node:path';
import { readDocuments } from '../knowledge';
import { coverageOf, formatCoverage, isComplete, parseFactsSections } from '../knowledge/coverage';

interface Options {
  dir: string;
  facts: string;
}

const USAGE = 'Usage: kb-coverage [--dir knowledge] [--facts ../shared/domain/facts.md]';
const REPO_ROOT = path.join(__dirname, '..', '..');

/** facts.md beside the checkout: `<repo>/../shared/domain/facts.md`. */
export const DEFAULT_FACTS = path.join(REPO_ROOT, '..', 'shared', 'domain', 'facts.md');

/**
 * Reads the command line; `env` supplies KNOWLEDGE_DIR.
 *
 * @example
 * parseArgs(['--facts', 'facts.md'], {}); // { dir: 'knowledge', facts: 'facts.md' }
 * parseArgs([], { KNOWLEDGE_DIR: 'kb' }); // { dir: 'kb', facts: DEFAULT_FACTS }
 */
export function parseArgs(args: readonly string[], env: NodeJS.ProcessEnv = process.env): Options | string {
  const options: Options = { dir: env.KNOWLEDGE_DIR?.trim() || 'knowledge', facts: DEFAULT_FACTS };
  for (let i = 0; i < args.length; i++) {
    const [flag, inline] = args[i].split('=', 2) as [string, string | undefined];
    const value = inline ?? args[i + 1];
    if (flag !== '--dir' && flag !== '--facts') return `unknown option ${args[i]}\n${USAGE}`;
    if (value === undefined || value.startsWith('--')) return `${flag} needs a value\n${USAGE}`;
    if (inline === undefined) i++;
    if (flag === '--dir') options.dir = value;
    else options.facts = value;
  }
  return options;
}

/**
 * Builds the report; returns the lines to print and the exit code (0 complete, 1 a required
 * section uncovered, 2 facts.md unreadable).
 *
 * @example
 * const { lines, exitCode } = runCoverage({ dir: 'knowledge', facts: DEFAULT_FACTS });
 */
export function runCoverage(options: Options): { lines: string[]; exitCode: number } {
  let text: string;
  try {
    text = fs.readFileSync(options.facts, 'utf8');
  } catch {
    return { lines: [`facts.md not found at ${options.facts} (pass --facts <file>)`], exitCode: 2 };
  }
  const sections = parseFactsSections(text);
  if (sections.length === 0) return { lines: [`${options.facts} has no "## N. Title" section headings`], exitCode: 2 };
  const { docs, problems } = readDocuments(options.dir);
  const report = coverageOf(sections, docs);
  const lines = formatCoverage(report);
  const broken = problems.filter((p) => p.severity === 'error').length;
  if (broken > 0) lines.push(`note: ${broken} problem(s) kept some documents out; run npm run kb:check`);
  return { lines, exitCode: isComplete(report) ? 0 : 1 };
}

function main(): void {
  const options = parseArgs(process.argv.slice(2));
  if (typeof options === 'string') {
    console.error(options);
    process.exit(2);
  }
  const { lines, exitCode } = runCoverage(options);
  for (const line of lines) (exitCode === 2 ? console.error : console.log)(line);
  process.exitCode = exitCode;
}

if (require.main === module) main();

/**
 * kb:check's view of the duty-free rule data (knowledge/rules/*.yaml|json). The rules engine
 * (src/rules) owns the format; this module only finds the rule-set files, calls the engine's
 * loader on each and turns what it throws into the same `Problem` lines as the documents.
 * The loader is passed in, so the knowledge core does not depend on the rules engine.
 */
import fs from 'node:fs';
import path from 'node:path';
import yaml from 'js-yaml';
import type { Problem } from './types';

/**
 * The rules engine's checker: either `loadRuleSet` (returns the rule set, throws an error with
 * `problems` on errors) or `checkRuleFile` (returns `{ problems }`, warnings included).
 */
export type RuleSetLoader = (file: string) => unknown;

const RULE_FILE = /\.(?:ya?ml|json)$/i;

function isProblem(value: unknown): value is Problem {
  const p = value as Partial<Problem> | null;
  return (
    typeof p === 'object' && p !== null && typeof p.file === 'string' && typeof p.field === 'string' &&
    typeof p.problem === 'string' && (p.severity === 'error' || p.severity === 'warning')
  );
}

/**
 * Whether a file in the rules folder is a rule set (it has a top-level `rules` key) rather
 * than a data file a rule set reads, such as countries.json. A file that does not parse is
 * treated as a rule set, so that the engine reports the syntax error.
 *
 * @example
 * isRuleSetFile('knowledge/rules/duty-free.yaml'); // true
 * isRuleSetFile('knowledge/rules/countries.json'); // false
 */
export function isRuleSetFile(file: string): boolean {
  try {
    const data = yaml.load(fs.readFileSync(file, 'utf8')); // YAML is a superset of JSON
    return typeof data !== 'object' || data === null || Array.isArray(data) || 'rules' in data;
  } catch {
    return true;
  }
}

/**
 * Validates every rule set in `dir` with `load`. Without a loader (the rules engine is not
 * built yet) rule files are reported as unchecked, as a warning.
 *
 * @example
 * checkRuleFiles('knowledge/rules', loadRuleSet); // { files: ['knowledge/rules/duty-free.yaml'], problems: [] }
 */
export function checkRuleFiles(dir: string, load: RuleSetLoader | undefined): { files: string[]; problems: Problem[] } {
  let names: string[];
  try {
    names = fs.readdirSync(dir).filter((n) => RULE_FILE.test(n)).sort();
  } catch {
    return { files: [], problems: [] };
  }
  const files = names.map((n) => path.join(dir, n)).filter(isRuleSetFile);
  if (!load) {
    return { files, problems: files.map((file) => ({ file, field: '(file)', problem: 'not checked: the rules engine (src/rules) is not available', severity: 'warning' })) };
  }
  const problems: Problem[] = [];
  for (const file of files) {
    try {
      const reported = (load(file) as { problems?: unknown } | null)?.problems;
      if (Array.isArray(reported)) problems.push(...reported.filter(isProblem));
    } catch (err) {
      const reported = (err as { problems?: unknown } | null)?.problems;
      if (Array.isArray(reported) && reported.length > 0 && reported.every(isProblem)) {
        problems.push(...reported);
      } else {
        const message = err instanceof Error ? err.message : String(err);
        problems.push({ file, field: '(file)', problem: message.split('\n')[0], severity: 'error' });
      }
    }
  }
  return { files, problems };
}

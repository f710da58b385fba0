/**
 * Reads `knowledge/rules/duty-free.yaml` and the country table beside it (countries.json),
 * validates both and resolves the rules' source keys. With countries.ts (the table's reader),
 * the only module here that touches the file system.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import yaml from 'js-yaml';
import type { ZodIssue } from 'zod';
import { checkRuleFileContent } from './checks';
import { COUNTRIES_FILE_NAME, countriesInUse, DEFAULT_COUNTRIES_FILE, readCountryTable, type CountryTable } from './countries';
import { ruleFileSchema, type RuleEntry, type RuleFile } from './schema';
import { KINDS, type FactKey, type Kind, type QuestionData, type Rule, type RuleSet, type Source } from './types';
import type { Problem } from '../problems';

/**
 * A rule file with at least one error; `problems` lists every error and warning found.
 *
 * @example
 * try { loadRuleSet('broken.yaml'); } catch (e) { if (e instanceof RuleFileError) e.problems[0].field; } // 'rules[3].from'
 */
export class RuleFileError extends Error {
  readonly problems: Problem[];

  constructor(file: string, problems: Problem[]) {
    const errors = problems.filter((p) => p.severity === 'error');
    const shown = errors.slice(0, 5).map((p) => `${p.field}: ${p.problem}`);
    super(`${file}: ${errors.length} error(s) — ${shown.join('; ')}${errors.length > shown.length ? '; …' : ''}`);
    this.name = 'RuleFileError';
    this.problems = problems;
  }
}

/**
 * Reads and validates a rule file; throws `RuleFileError` when anything is an error (warnings
 * alone do not stop loading — see `checkRuleFile` for them).
 *
 * @example
 * const rules = loadRuleSet('knowledge/rules/duty-free.yaml');
 * rules.reviewed; // '2026-11-25'
 */
export function loadRuleSet(file: string): RuleSet {
  const { ruleSet, problems } = checkRuleFile(file);
  if (!ruleSet) throw new RuleFileError(file, problems);
  return ruleSet;
}

/**
 * Reads and validates a rule file and the countries.json beside it without throwing: every
 * problem found, and the rule set (with its country table) when there are no errors. For
 * `npm run kb:check`, and for every load and staff `reload`.
 *
 * @example
 * checkRuleFile('knowledge/rules/duty-free.yaml'); // { ruleSet: {...}, problems: [] }
 */
export function checkRuleFile(file: string): { ruleSet?: RuleSet; problems: Problem[] } {
  let textContent: string;
  try {
    textContent = readFileSync(file, 'utf8');
  } catch (err) {
    return { problems: [{ file, field: '(file)', problem: `cannot read the file: ${(err as Error).message}`, severity: 'error' }] };
  }
  const countries = readCountriesBeside(file);
  const parsed = parseRuleFile(textContent, file, countries.table ?? countriesInUse());
  const problems = [...parsed.problems, ...countries.problems];
  return parsed.ruleSet && countries.table ? { ruleSet: parsed.ruleSet, problems } : { problems };
}

/**
 * The country table for a rule file: countries.json in the same folder, or DEFAULT_COUNTRIES_FILE
 * when that folder has none (a rule file tried out elsewhere).
 */
function readCountriesBeside(file: string): { table?: CountryTable; problems: Problem[] } {
  const beside = path.join(path.dirname(file), COUNTRIES_FILE_NAME);
  return readCountryTable(existsSync(beside) ? beside : DEFAULT_COUNTRIES_FILE);
}

/**
 * Validates rule-file text (YAML) as `checkRuleFile` does, for callers that already have it;
 * country codes are checked against `countries` (by default the table in use).
 *
 * @example
 * parseRuleFile('reviewed: 2026-11-25', 'x.yaml').problems[0].field; // 'reminder'
 */
export function parseRuleFile(textContent: string, file: string, countries: CountryTable = countriesInUse()): { ruleSet?: RuleSet; problems: Problem[] } {
  let raw: unknown;
  try {
    // CORE_SCHEMA keeps 2025-08-29 a string instead of turning it into a JavaScript Date.
    raw = yaml.load(textContent, { schema: yaml.CORE_SCHEMA, filename: file });
  } catch (err) {
    const mark = (err as { mark?: { line: number; column: number } }).mark;
    const where = mark ? `line ${mark.line + 1}, column ${mark.column + 1}` : '(file)';
    return { problems: [{ file, field: where, problem: `not valid YAML: ${(err as { reason?: string }).reason ?? (err as Error).message}`, severity: 'error' }] };
  }
  const parsed = ruleFileSchema.safeParse(raw ?? {});
  if (!parsed.success) return { problems: parsed.error.issues.flatMap((issue) => problemsFromIssue(issue, file)) };
  const problems = checkRuleFileContent(parsed.data, file, countries);
  if (problems.some((p) => p.severity === 'error')) return { problems };
  return { ruleSet: toRuleSet(parsed.data, file, countries), problems };
}

/**
 * A zod path as a dotted field name.
 *
 * @example
 * fieldPath(['rules', 3, 'from']); // 'rules[3].from'
 */
export function fieldPath(path: ReadonlyArray<string | number>): string {
  return path.reduce<string>((acc, part) => (typeof part === 'number' ? `${acc}[${part}]` : acc ? `${acc}.${part}` : part), '') || '(top level)';
}

function problemsFromIssue(issue: ZodIssue, file: string): Problem[] {
  if (issue.code === 'unrecognized_keys') {
    return issue.keys.map((key) => ({ file, field: fieldPath([...issue.path, key]), problem: 'unknown field; check the spelling or remove it', severity: 'error' }));
  }
  const message = issue.message === 'Required' ? 'required' : issue.message;
  return [{ file, field: fieldPath(issue.path), problem: message, severity: 'error' }];
}

function toRuleSet(data: RuleFile, file: string, countries: CountryTable): RuleSet {
  const resolve = (keys: readonly string[]): Source[] => keys.map((key) => ({ title: data.sources[key].title, url: data.sources[key].url }));
  return {
    file,
    reviewed: data.reviewed,
    reminder: data.reminder,
    rules: data.rules.map((entry) => toRule(entry, resolve)),
    kinds: data.kinds,
    contents: data.contents,
    questions: data.questions as Record<FactKey, QuestionData>,
    wording: data.wording,
    nextSteps: data.nextSteps.map((step) => ({ when: step.when, kinds: step.kinds, text: step.text, sources: resolve(step.sources ?? []) })),
    generalSources: resolve(data.generalSources),
    countries,
  };
}

function toRule(entry: RuleEntry, resolve: (keys: readonly string[]) => Source[]): Rule {
  const rule: Rule = {
    id: entry.id,
    type: entry.type,
    from: entry.from,
    to: entry.to,
    kinds: (entry.kinds as Kind[] | undefined) ?? [...KINDS],
    reason: entry.reason,
    basis: entry.basis,
    sources: resolve(entry.sources),
  };
  if ('countries' in entry && entry.countries) rule.countries = entry.countries;
  if ('exceptCountries' in entry && entry.exceptCountries) rule.exceptCountries = entry.exceptCountries;
  if ('overUsd' in entry && entry.overUsd !== undefined) rule.overUsd = entry.overUsd;
  if ('upToUsd' in entry && entry.upToUsd !== undefined) rule.upToUsd = entry.upToUsd;
  if ('modes' in entry && entry.modes) rule.modes = entry.modes;
  if ('maxUsd' in entry) rule.maxUsd = entry.maxUsd;
  if ('contents' in entry && entry.contents) rule.contents = entry.contents;
  if ('allowedUpToUsd' in entry && entry.allowedUpToUsd !== undefined) rule.allowedUpToUsd = entry.allowedUpToUsd;
  if ('headline' in entry) rule.headline = entry.headline;
  return rule;
}

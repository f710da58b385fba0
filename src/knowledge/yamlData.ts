/**
 * Reading an editor's YAML data file (synonyms, vocabulary, names) into plain data, with one
 * problem line instead of a stack trace when the YAML itself is broken, and zod's issues as
 * `file: field: problem` lines.
 */
import yaml from 'js-yaml';
import type { z } from 'zod';
import type { Problem } from './types';

/**
 * The YAML text as data (`empty` for an empty file), or the problem that stops it.
 *
 * @example
 * parseYamlData('- a\n- b\n', 'x.yaml', []); // { ok: true, data: ['a', 'b'] }
 * parseYamlData('a: [', 'x.yaml', {}).ok;     // false (problem: 'not valid YAML: …')
 */
export function parseYamlData(text: string, file: string, empty: unknown): { ok: true; data: unknown } | { ok: false; problems: Problem[] } {
  try {
    return { ok: true, data: yaml.load(text) ?? empty };
  } catch (err) {
    const message = err instanceof Error ? err.message.split('\n')[0] : String(err);
    return { ok: false, problems: [{ file, field: '(file)', problem: `not valid YAML: ${message}`, severity: 'error' }] };
  }
}

/**
 * zod's issues as problems, the path written `synonyms[3][1]` or `couriers[0].mode`.
 *
 * @example
 * zodProblems(schema.safeParse(data).error!, 'names.yaml')[0]; // { file: 'names.yaml', field: 'couriers[0].mode', problem: '…', severity: 'error' }
 */
export function zodProblems(error: z.ZodError, file: string, message: (issue: z.ZodIssue) => string = (i) => i.message): Problem[] {
  return error.issues.map((issue) => ({ file, field: zodPath(issue.path), problem: message(issue), severity: 'error' }));
}

/**
 * A zod path as an editor reads it.
 *
 * @example
 * zodPath(['synonyms', 3, 1]); // 'synonyms[3][1]'
 */
export function zodPath(path: readonly (string | number)[]): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('') || '(file)';
}

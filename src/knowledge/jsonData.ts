/**
 * Reading a fitted data file of the knowledge folder (models.json, learned-words.json): the
 * folder's own file when it has one, else the project's; a broken file is one problem line, not a
 * stack trace, and the load stops on it (kb:check reports it).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Problem } from './types';

/** What a parser of the file's contents returns: the value, or why there is none. */
export interface Parsed<T> {
  value?: T;
  problems: Problem[];
}

/**
 * The data file `name` of the folder `dir`, parsed; `fallback` (the project's) when the folder
 * has none or it is broken.
 *
 * @example
 * readJsonData('knowledge', 'models.json', (data) => ({ value: data as Models, problems: [] }), fallback).value; // the folder's, else fallback
 */
export function readJsonData<T>(dir: string, name: string, parse: (data: unknown) => Parsed<T>, fallback: T): { value: T; problems: Problem[] } {
  const file = path.join(dir, name);
  if (!fs.existsSync(file)) return { value: fallback, problems: [] };
  let data: unknown;
  try {
    data = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (err) {
    return { value: fallback, problems: [{ file: name, field: '(file)', problem: `is not valid JSON: ${(err as Error).message}`, severity: 'error' }] };
  }
  const { value, problems } = parse(data);
  return { value: value ?? fallback, problems };
}

/**
 * The project's own copy of a data file, which must parse: a broken one is a build error.
 *
 * @example
 * const PROJECT_MODELS = projectData(projectModels, 'models.json', asData); // throws if the project's file is broken
 */
export function projectData<T>(data: unknown, name: string, parse: (data: unknown) => Parsed<T>): T {
  const { value, problems } = parse(data);
  if (!value) throw new Error(`knowledge/${name}: ${problems.map((p) => `${p.field}: ${p.problem}`).join('; ')}`);
  return value;
}

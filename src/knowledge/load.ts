/**
 * Reading knowledge/<topic>/<id>.md files into validated documents. Each file is checked on
 * its own here (front matter schema, id = file name, topic = folder, non-empty body);
 * checks across documents are in checks.ts.
 */
import fs from 'node:fs';
import path from 'node:path';
import matter from 'gray-matter';
import yaml from 'js-yaml';
import type { KnowledgeDoc, Problem } from './types';
import { frontMatterSchema } from './schema';

/**
 * YAML without timestamps: dates stay the text the editor wrote. With the default schema an
 * impossible date such as 2026-02-30 silently becomes 2 March; as text it is caught.
 * (Passing options also stops gray-matter from caching results by content.)
 */
const FRONT_MATTER_OPTIONS = {
  engines: { yaml: (text: string) => (yaml.load(text, { schema: yaml.CORE_SCHEMA }) ?? {}) as object },
};

/** Files that may sit in the knowledge folders without being documents. */
const NOT_DOCUMENTS = new Set(['readme.md', 'contributing.md']);

function zodField(path: (string | number)[]): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('') || '(front matter)';
}

/**
 * Parses and validates one document's text. `file` is `<dir>/<topic>/<id>.md`; the folder
 * and file names are compared with `topic` and `id`.
 *
 * @example
 * const { doc, problems } = parseDocument(fs.readFileSync(f, 'utf8'), f);
 */
export function parseDocument(text: string, file: string): { doc?: KnowledgeDoc; problems: Problem[] } {
  const problems: Problem[] = [];
  const error = (field: string, problem: string) => problems.push({ file, field, problem, severity: 'error' });

  let parsed: matter.GrayMatterFile<string>;
  try {
    parsed = matter(text, FRONT_MATTER_OPTIONS);
  } catch (err) {
    const message = err instanceof Error ? err.message.split('\n')[0] : String(err);
    error('(front matter)', `not valid YAML: ${message}`);
    return { problems };
  }
  if (Object.keys(parsed.data).length === 0) {
    error('(front matter)', 'is missing: the file must start with a --- block');
    return { problems };
  }

  const result = frontMatterSchema.safeParse(parsed.data);
  if (!result.success) {
    for (const issue of result.error.issues) {
      const message = issue.code === 'unrecognized_keys' ? `unknown field(s) ${issue.keys.join(', ')}` : issue.message;
      error(zodField(issue.path), message === 'Required' ? 'is missing' : message);
    }
  }
  const body = parsed.content.trim();
  if (body.length === 0) error('body', 'is empty: the answer goes below the front matter');

  const expectedId = path.basename(file, '.md');
  const folder = path.basename(path.dirname(file));
  if (result.success) {
    const fm = result.data;
    if (fm.id !== expectedId) error('id', `"${fm.id}" must equal the file name "${expectedId}"`);
    if (fm.topic !== folder) error('topic', `"${fm.topic}" must equal the folder name "${folder}"`);
  }
  // A document with only an id/topic/body problem is still returned, so the checks across
  // documents do not report a cascade of dangling `related` ids; its errors block loading anyway.
  if (!result.success) return { problems };

  const fm = result.data;
  const doc: KnowledgeDoc = {
    id: fm.id,
    title: fm.title,
    label: fm.label,
    topic: fm.topic,
    audience: fm.audience,
    questions: fm.questions,
    sources: fm.sources,
    reviewed: fm.reviewed,
    ...(fm.effective ? { effective: fm.effective } : {}),
    ...(fm.family ? { family: fm.family } : {}),
    ...(fm.review_by ? { review_by: fm.review_by } : {}),
    related: fm.related,
    uncertain: fm.uncertain,
    ...(fm.facts.length > 0 ? { facts: fm.facts } : {}),
    ...(fm.abroad ? { abroad: true } : {}),
    ...(fm.countries ? { countries: fm.countries } : {}),
    body,
    file,
  };
  return { doc, problems };
}

/**
 * Every `<dir>/<topic>/*.md` file, sorted. Markdown directly in `dir` is reported (documents
 * belong in a topic folder) except README-like files.
 *
 * @example
 * listDocumentFiles('knowledge'); // { files: ['knowledge/contact/email-team.md', ...], problems: [] }
 */
export function listDocumentFiles(dir: string): { files: string[]; problems: Problem[] } {
  const problems: Problem[] = [];
  const files: string[] = [];
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return { files, problems: [{ file: dir, field: '(folder)', problem: 'cannot be read', severity: 'error' }] };
  }
  for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      for (const name of fs.readdirSync(full).sort()) {
        if (name.toLowerCase().endsWith('.md') && !NOT_DOCUMENTS.has(name.toLowerCase())) files.push(path.join(full, name));
      }
    } else if (entry.name.toLowerCase().endsWith('.md') && !NOT_DOCUMENTS.has(entry.name.toLowerCase())) {
      problems.push({ file: full, field: '(file)', problem: 'is not in a topic folder; ignored', severity: 'warning' });
    }
  }
  return { files, problems };
}

/**
 * Reads and validates every document under `dir` (each file on its own). `brokenIds` are the
 * file names of documents that did not validate: other documents may still name them in
 * `related` without a second, misleading error.
 *
 * @example
 * const { docs, problems } = readDocuments('knowledge');
 */
export function readDocuments(dir: string): { docs: KnowledgeDoc[]; brokenIds: string[]; problems: Problem[] } {
  const { files, problems } = listDocumentFiles(dir);
  const docs: KnowledgeDoc[] = [];
  const brokenIds: string[] = [];
  for (const file of files) {
    const result = parseDocument(fs.readFileSync(file, 'utf8'), file);
    problems.push(...result.problems);
    if (result.doc) docs.push(result.doc);
    else brokenIds.push(path.basename(file, '.md'));
  }
  return { docs, brokenIds, problems };
}

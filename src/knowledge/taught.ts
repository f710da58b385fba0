/**
 * What staff taught the bot with the Teams `teach` command (active learning, as Azure Custom
 * Question Answering does it): `knowledge/taught.yaml` maps a document id to more ways people
 * ask for it, and `none` to questions that are out of scope.
 *
 *   gift-duty-free:
 *     - can my aunt post me a present
 *   none:
 *     - do you sell kayaks
 *
 * At load, taught questions join their document's `questions` (so ranking sees them), and
 * {@link withTaught} makes an exact (normalised) match decide the answer: a question taught to
 * a document gets that document with confidence 1 — as a CQA exact match of a question scores
 * 100 — and one taught as `none` is out of scope. That wrapper sits around `explain()`, the one
 * method `answer()` and `lookup()` go through, so neither the ranking code nor the dialogs
 * change.
 *
 * The file is written by the bot (temp file + rename, so a reader never sees half a file) and
 * may be edited by hand; `npm run kb:check` validates it like the documents.
 */
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import yaml from 'js-yaml';
import { z } from 'zod';
import { exactKey, MAX_QUESTION_CHARS, type AskOptions, type Explanation, type KnowledgeBase } from './knowledge-base';
import type { KnowledgeDoc, Problem } from './types';

/** The file inside a knowledge folder. */
export const TAUGHT_FILE = 'taught.yaml';
/** The key for questions taught as out of scope. */
export const OUT_OF_SCOPE = 'none';
/** A taught question is a question people typed; longer text is a pasted email, not a wording to learn. */
export const MAX_TAUGHT_CHARS = 300;

/** Document id (or `none`) → questions, in the order they were taught. */
export type Taught = Record<string, string[]>;

const KEY = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

const question = z
  .string({ invalid_type_error: 'must be text' })
  .trim()
  .min(1, 'is empty')
  .max(MAX_TAUGHT_CHARS, `must be at most ${MAX_TAUGHT_CHARS} characters`);

export const taughtSchema = z.record(
  z.string().regex(KEY, `must be a document id (kebab-case) or "${OUT_OF_SCOPE}"`),
  z.array(question, { invalid_type_error: 'must be a list of questions' }),
  { invalid_type_error: `must map document ids (or "${OUT_OF_SCOPE}") to lists of questions` },
);

/**
 * Parses taught.yaml's text. An empty file is no teaching.
 *
 * @example
 * parseTaught('none:\n  - do you sell kayaks\n', 'knowledge/taught.yaml');
 * // { taught: { none: ['do you sell kayaks'] }, problems: [] }
 */
export function parseTaught(text: string, file: string): { taught: Taught; problems: Problem[] } {
  const problems: Problem[] = [];
  let data: unknown;
  try {
    data = yaml.load(text, { schema: yaml.CORE_SCHEMA }) ?? {};
  } catch (err) {
    const message = err instanceof Error ? err.message.split('\n')[0] : String(err);
    return { taught: {}, problems: [{ file, field: '(file)', problem: `not valid YAML: ${message}`, severity: 'error' }] };
  }
  const result = taughtSchema.safeParse(data);
  if (!result.success) {
    for (const issue of result.error.issues) {
      const field = issue.path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('') || '(file)';
      problems.push({ file, field, problem: issue.message, severity: 'error' });
    }
    return { taught: {}, problems };
  }
  return { taught: result.data, problems };
}

/**
 * Checks across taught.yaml and the documents: every key is a document id or `none`, and no
 * question is taught twice (to two documents, or to a document and `none`). The same wording
 * twice under one key is only a warning.
 *
 * @example
 * checkTaught({ 'no-such-doc': ['x'] }, docs, 'knowledge/taught.yaml');
 * // [{ field: 'no-such-doc', problem: 'no document has id "no-such-doc"', severity: 'error', … }]
 */
export function checkTaught(taught: Taught, docs: readonly KnowledgeDoc[], file: string, alsoExisting: readonly string[] = []): Problem[] {
  const ids = new Set([...docs.map((d) => d.id), ...alsoExisting]);
  const problems: Problem[] = [];
  const seen = new Map<string, string>();
  for (const [target, questions] of Object.entries(taught)) {
    if (target !== OUT_OF_SCOPE && !ids.has(target)) {
      problems.push({ file, field: target, problem: `no document has id "${target}"`, severity: 'error' });
    }
    questions.forEach((q, i) => {
      const key = exactKey(q);
      const field = `${target}[${i}]`;
      if (!key) {
        problems.push({ file, field, problem: 'has no words', severity: 'error' });
        return;
      }
      const earlier = seen.get(key);
      if (earlier === target) problems.push({ file, field, problem: `"${q}" is listed twice`, severity: 'warning' });
      else if (earlier) problems.push({ file, field, problem: `"${q}" is also taught under ${earlier}`, severity: 'error' });
      else seen.set(key, target);
    });
  }
  return problems;
}

/**
 * Reads and validates `<dir>/taught.yaml` against the documents. No file: nothing taught, no
 * problem.
 *
 * @example
 * const { taught, problems } = validateTaughtFile('knowledge', docs);
 */
export function validateTaughtFile(dir: string, docs: readonly KnowledgeDoc[], brokenIds: readonly string[] = []): { taught: Taught; problems: Problem[] } {
  const file = path.join(dir, TAUGHT_FILE);
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { taught: {}, problems: [] };
    return { taught: {}, problems: [{ file, field: '(file)', problem: 'cannot be read', severity: 'error' }] };
  }
  const parsed = parseTaught(text, file);
  if (parsed.problems.length > 0) return parsed;
  return { taught: parsed.taught, problems: checkTaught(parsed.taught, docs, file, brokenIds) };
}

/**
 * The documents with their taught questions added to `questions` (wordings already there, by
 * normalised text, are not repeated). The documents passed in are not changed.
 *
 * @example
 * mergeTaught(docs, { 'gift-duty-free': ['can my aunt post me a present'] });
 */
export function mergeTaught(docs: readonly KnowledgeDoc[], taught: Taught): KnowledgeDoc[] {
  return docs.map((doc) => {
    const extra = taught[doc.id];
    if (!extra || extra.length === 0) return doc;
    const known = new Set(doc.questions.map(exactKey));
    const added: string[] = [];
    for (const q of extra) {
      const key = exactKey(q);
      if (key && !known.has(key)) {
        known.add(key);
        added.push(q.trim());
      }
    }
    return added.length > 0 ? { ...doc, questions: [...doc.questions, ...added] } : doc;
  });
}

/**
 * The questions taught as out of scope, normalised, and a test for one question.
 *
 * @example
 * const check = taughtOutOfScope({ none: ['Do you sell kayaks?'] });
 * check('do you sell KAYAKS'); // true
 */
export function taughtOutOfScope(taught: Taught): (text: string) => boolean {
  const keys = new Set((taught[OUT_OF_SCOPE] ?? []).map(exactKey).filter(Boolean));
  return (text: string) => keys.size > 0 && keys.has(exactKey(text.slice(0, MAX_QUESTION_CHARS)));
}

/**
 * Makes the knowledge base honour what was taught (it must have been built from
 * `mergeTaught(docs, taught)`): an exact normalised match of a question taught as `none` is
 * out of scope; of a question taught to a document, that document with confidence 1 (unless
 * the question is exactly a label or title, which already decides). Everything else is answered
 * as before. Returns the same instance.
 *
 * @example
 * const kb = withTaught(KnowledgeBase.fromDocuments(mergeTaught(docs, taught), synonyms), taught);
 * kb.answer('do you sell kayaks').kind; // 'out-of-scope' when taught as none
 */
export function withTaught(kb: KnowledgeBase, taught: Taught): KnowledgeBase {
  const outOfScope = taughtOutOfScope(taught);
  const toDocument = new Map<string, KnowledgeDoc>();
  for (const [target, questions] of Object.entries(taught)) {
    const doc = target === OUT_OF_SCOPE ? undefined : kb.get(target);
    if (!doc) continue;
    for (const q of questions) {
      const key = exactKey(q);
      if (key && !toDocument.has(key)) toDocument.set(key, doc);
    }
  }
  if (toDocument.size === 0 && (taught[OUT_OF_SCOPE] ?? []).length === 0) return kb;
  const explain = kb.explain.bind(kb);
  // The options (the story, the place, the question type) pass through: dropping them made every
  // question asked with a story lose it once staff had taught anything.
  kb.explain = (text: string, options?: AskOptions): Explanation => {
    const explanation = explain(text, options);
    if (explanation.exact) return explanation;
    if (outOfScope(text)) return { ...explanation, result: { kind: 'out-of-scope', confidence: 0, alternatives: [] } };
    const doc = toDocument.get(exactKey(text.slice(0, MAX_QUESTION_CHARS)));
    if (!doc) return explanation;
    const alternatives = explanation.ranked.filter((c) => c.doc !== doc).slice(0, 3).map((c) => c.doc);
    return { ...explanation, exact: doc, result: { kind: 'answer', confidence: 1, best: doc, alternatives } };
  };
  return kb;
}

/**
 * `taught` with one more question; `'already'` when that wording (normalised) is already taught
 * to the same target. A wording taught to another target moves: a question belongs to one place.
 *
 * @example
 * addTaught({}, 'none', 'do you sell kayaks'); // { taught: { none: ['do you sell kayaks'] }, outcome: 'added' }
 */
export function addTaught(taught: Taught, target: string, text: string): { taught: Taught; outcome: 'added' | 'already'; movedFrom?: string } {
  const key = exactKey(text);
  const next: Taught = {};
  let movedFrom: string | undefined;
  for (const [t, questions] of Object.entries(taught)) {
    if (t === target && questions.some((q) => exactKey(q) === key)) return { taught, outcome: 'already' };
    const kept = questions.filter((q) => exactKey(q) !== key);
    if (kept.length < questions.length) movedFrom = t;
    if (kept.length > 0 || t === target) next[t] = kept;
  }
  next[target] = [...(next[target] ?? []), text.trim()];
  return { taught: next, outcome: 'added', ...(movedFrom ? { movedFrom } : {}) };
}

const HEADER = [
  '# Questions CBP staff taught the bot with the Teams command `teach N <document id|none>`.',
  '# Each document id lists more ways people ask for that document; `none` lists questions that',
  '# are out of scope. Written by the bot; may be edited by hand. `npm run kb:check` validates it',
  '# and the staff command `reload` puts it in use.',
  '',
].join('\n');

/**
 * taught.yaml's text: the header comment, then the ids in the order first taught.
 *
 * @example
 * serializeTaught({ none: ['do you sell kayaks'] }); // '# Questions CBP staff taught …\nnone:\n  - do you sell kayaks\n'
 */
export function serializeTaught(taught: Taught): string {
  const entries = Object.fromEntries(Object.entries(taught).filter(([, qs]) => qs.length > 0));
  const body = Object.keys(entries).length > 0 ? yaml.dump(entries, { schema: yaml.CORE_SCHEMA, lineWidth: -1, quotingType: '"' }) : '{}\n';
  return `${HEADER}${body}`;
}

/** Where taught questions are kept: a file in the knowledge folder, or shared storage. */
export interface TaughtStore {
  /** Everything taught so far (empty when nothing was). Rejects when the stored text is invalid. */
  read(): Promise<Taught>;
  /** Adds one question to a document id or `none`. */
  add(target: string, question: string): Promise<{ outcome: 'added' | 'already'; movedFrom?: string }>;
}

/**
 * taught.yaml in a knowledge folder, for the file-based (single instance) deployment. Adds are
 * queued, so two `teach` commands at once both land; each writes a temporary file beside
 * taught.yaml and renames it over the old one, so a reader or a crash never sees half a file.
 *
 * @example
 * const store = new FileTaughtStore('knowledge');
 * await store.add('gift-duty-free', 'can my aunt post me a present');
 */
export class FileTaughtStore implements TaughtStore {
  private queue: Promise<unknown> = Promise.resolve();
  readonly file: string;

  constructor(readonly dir: string) {
    this.file = path.join(dir, TAUGHT_FILE);
  }

  async read(): Promise<Taught> {
    let text: string;
    try {
      text = await fs.promises.readFile(this.file, 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return {};
      throw err;
    }
    const { taught, problems } = parseTaught(text, this.file);
    // Never overwrite a file someone broke by hand: the teaching in it would be lost.
    if (problems.length > 0) throw new Error(`${TAUGHT_FILE} is invalid (${problems.map((p) => `${p.field}: ${p.problem}`).join('; ')})`);
    return taught;
  }

  add(target: string, question: string): Promise<{ outcome: 'added' | 'already'; movedFrom?: string }> {
    const run = this.queue.then(async () => {
      const { taught, outcome, movedFrom } = addTaught(await this.read(), target, question);
      if (outcome === 'added') await this.write(taught);
      return { outcome, ...(movedFrom ? { movedFrom } : {}) };
    });
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async write(taught: Taught): Promise<void> {
    const temp = `${this.file}.${process.pid}.${randomUUID().slice(0, 8)}.tmp`;
    try {
      await fs.promises.writeFile(temp, serializeTaught(taught), { encoding: 'utf8', flag: 'wx' });
      await fs.promises.rename(temp, this.file);
    } catch (err) {
      await fs.promises.rm(temp, { force: true }).catch(() => undefined);
      throw err;
    }
  }
}

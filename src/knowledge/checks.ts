/**
 * Checks across documents: unique ids and labels, `related` ids that exist, the same question
 * in two documents, stale reviews. Pure functions over already-parsed documents.
 */
import type { KnowledgeDoc, Problem } from './types';
import type { Analyzer } from './analyze';
import { normalizeText, tokenize } from './normalize';

/** Reviews older than this many days are flagged. */
export const STALE_AFTER_DAYS = 180;

const DAY_MS = 86_400_000;

/**
 * Whole days from one YYYY-MM-DD date to another.
 *
 * @example
 * daysBetween('2026-05-29', '2026-11-25'); // 180
 */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

/**
 * Duplicate ids and labels (labels compared case-insensitively: they are buttons).
 *
 * @example
 * checkUnique([a, aAgain]); // [{ file: aAgain.file, field: 'id', problem: 'duplicate id "a" (also in …)', severity: 'error' }]
 */
export function checkUnique(docs: readonly KnowledgeDoc[]): Problem[] {
  const problems: Problem[] = [];
  const seen = (field: 'id' | 'label', key: (d: KnowledgeDoc) => string) => {
    const first = new Map<string, KnowledgeDoc>();
    for (const doc of docs) {
      const k = key(doc);
      const earlier = first.get(k);
      if (earlier) problems.push({ file: doc.file, field, problem: `duplicate ${field} "${doc[field]}" (also in ${earlier.file})`, severity: 'error' });
      else first.set(k, doc);
    }
  };
  seen('id', (d) => d.id);
  seen('label', (d) => d.label.trim().toLowerCase());
  return problems;
}

/**
 * `related` ids that do not exist or point at the document itself. `alsoExisting` are ids of
 * documents that exist but failed validation (already reported).
 *
 * @example
 * checkRelated([{ ...doc, related: ['nope'] }]); // [{ field: 'related[0]', problem: 'no document has id "nope"', … }]
 */
export function checkRelated(docs: readonly KnowledgeDoc[], alsoExisting: readonly string[] = []): Problem[] {
  const ids = new Set([...docs.map((d) => d.id), ...alsoExisting]);
  const problems: Problem[] = [];
  for (const doc of docs) {
    doc.related.forEach((id, i) => {
      const field = `related[${i}]`;
      if (id === doc.id) problems.push({ file: doc.file, field, problem: 'a document cannot be related to itself', severity: 'error' });
      else if (!ids.has(id)) problems.push({ file: doc.file, field, problem: `no document has id "${id}"`, severity: 'error' });
    });
  }
  return problems;
}

/**
 * The same question in two documents makes retrieval ambiguous. Identical after normalising
 * case, punctuation and money → error; identical after stemming, synonyms and stop words
 * (so only nearly the same words) → warning, because the search cannot tell them apart either.
 *
 * @example
 * checkDuplicateQuestions(docs, analyzer);
 */
export function checkDuplicateQuestions(docs: readonly KnowledgeDoc[], analyzer: Analyzer): Problem[] {
  const problems: Problem[] = [];
  const exact = new Map<string, { doc: KnowledgeDoc; i: number }>();
  const near = new Map<string, { doc: KnowledgeDoc; i: number }>();
  for (const doc of docs) {
    doc.questions.forEach((q, i) => {
      const field = `questions[${i}]`;
      const exactKey = tokenize(normalizeText(q)).join(' ');
      const nearKey = [...analyzer.terms(q)].sort().join(' ');
      const e = exact.get(exactKey);
      const n = near.get(nearKey);
      if (e) {
        const where = e.doc === doc ? `questions[${e.i}] of the same document` : `${e.doc.file} questions[${e.i}]`;
        problems.push({ file: doc.file, field, problem: `duplicate question "${q}" (also ${where})`, severity: e.doc === doc ? 'warning' : 'error' });
        return;
      }
      exact.set(exactKey, { doc, i });
      if (n && n.doc !== doc && nearKey.length > 0) {
        problems.push({ file: doc.file, field, problem: `nearly the same question as ${n.doc.file} questions[${n.i}] ("${n.doc.questions[n.i]}")`, severity: 'warning' });
      } else if (!n) {
        near.set(nearKey, { doc, i });
      }
    });
  }
  return problems;
}

/**
 * Documents reviewed more than {@link STALE_AFTER_DAYS} days before `today` (warning), or
 * "reviewed" more than a day in the future (warning: probably a typo).
 *
 * @example
 * checkStale([{ ...doc, reviewed: '2025-01-01' }], '2026-11-25');
 * // [{ field: 'reviewed', problem: 'last reviewed 2025-01-01, 693 days ago (more than 180)', severity: 'warning' }]
 */
export function checkStale(docs: readonly KnowledgeDoc[], today: string): Problem[] {
  const problems: Problem[] = [];
  for (const doc of docs) {
    const age = daysBetween(doc.reviewed, today);
    if (age > STALE_AFTER_DAYS) {
      problems.push({ file: doc.file, field: 'reviewed', problem: `last reviewed ${doc.reviewed}, ${age} days ago (more than ${STALE_AFTER_DAYS})`, severity: 'warning' });
    } else if (age < -1) {
      // One day of slack: an editor east of U.S. Eastern time may already be on the next day.
      problems.push({ file: doc.file, field: 'reviewed', problem: `${doc.reviewed} is after today (${today})`, severity: 'warning' });
    }
  }
  return problems;
}

/**
 * All checks across documents.
 *
 * @example
 * checkDocuments(docs, analyzer, '2026-11-25');
 */
export function checkDocuments(docs: readonly KnowledgeDoc[], analyzer: Analyzer, today: string, brokenIds: readonly string[] = []): Problem[] {
  return [...checkUnique(docs), ...checkRelated(docs, brokenIds), ...checkDuplicateQuestions(docs, analyzer), ...checkStale(docs, today)];
}

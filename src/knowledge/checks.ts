/**
 * Checks across documents: unique ids and labels, `related` ids that exist, the same or nearly
 * the same question in two documents, stale reviews. Pure functions over already-parsed documents.
 */
import { daysBetween } from '../dates';
import type { KnowledgeDoc, Problem } from './types';
import type { Analyzer } from './analyze';
import { normalizeText, tokenize } from './normalize';

/** Reviews older than this many days are flagged. */
export const STALE_AFTER_DAYS = 180;



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

/** Questions normalised for the exact-copy check, remembered: the checks run on every date served and on every reload. */
const copyKeys = new Map<string, string>();
const MAX_COPY_KEYS = 20_000;

/**
 * A question as the exact-copy check compares it: case, punctuation and money normalised.
 *
 * @example
 * copyKey('Is $800 still duty-free?'); // 'is usd800 still duty free'
 */
function copyKey(question: string): string {
  let key = copyKeys.get(question);
  if (key === undefined) {
    if (copyKeys.size >= MAX_COPY_KEYS) copyKeys.clear();
    key = tokenize(normalizeText(question)).join(' ');
    copyKeys.set(question, key);
  }
  return key;
}

/**
 * The same question in two documents makes retrieval ambiguous. Identical after normalising
 * case, punctuation and money → error; identical after stemming, synonyms and stop words
 * (so only nearly the same words) → warning when that leaves fewer than
 * {@link NEAR_DUPLICATE}.minTerms terms (short questions collide by chance); longer ones are
 * errors from {@link checkNearDuplicateQuestions}.
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
      const key = copyKey(q);
      const nearKey = [...analyzer.terms(q)].sort().join(' ');
      const e = exact.get(key);
      const n = near.get(nearKey);
      if (e) {
        const where = e.doc === doc ? `questions[${e.i}] of the same document` : `${e.doc.file} questions[${e.i}]`;
        problems.push({ file: doc.file, field, problem: `duplicate question "${q}" (also ${where})`, severity: e.doc === doc ? 'warning' : 'error' });
        return;
      }
      exact.set(key, { doc, i });
      if (n && n.doc !== doc && nearKey.length > 0 && new Set(analyzer.terms(q)).size < NEAR_DUPLICATE.minTerms) {
        problems.push({ file: doc.file, field, problem: `nearly the same question as ${n.doc.file} questions[${n.i}] ("${n.doc.questions[n.i]}")`, severity: 'warning' });
      } else if (!n) {
        near.set(nearKey, { doc, i });
      }
    });
  }
  return problems;
}

/**
 * When two questions of different documents count as near-copies: both have at least
 * `minTerms` distinct analysed terms (stemmed, synonyms rewritten, stop words dropped) and the
 * Jaccard similarity of the two term sets (shared terms ÷ all terms) is at least `minJaccard`.
 * With 0.8 that means the same terms, or one extra term on top of four or more shared ones:
 * "who pays duty on a postal parcel" vs "who pays the duty on postal parcels from China" fires
 * (4 of 5 terms); "fined for a fake designer bag" vs "fined for fake designer bags bought
 * online" does not (4 of 6). Three-term questions fire only when their terms are identical.
 * On the 81 documents of Nov 2026 the closest pairs of different documents scored 0.75 (three
 * shared terms of four) and asked different things, so nothing fired.
 */
export const NEAR_DUPLICATE = { minTerms: 3, minJaccard: 0.8 } as const;

/**
 * Shared terms ÷ all terms of two sets (0 when both are empty).
 *
 * @example
 * jaccard(new Set(['fine', 'fake', 'bag']), new Set(['fine', 'fake', 'bag', 'online'])); // 0.75
 */
export function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  let shared = 0;
  for (const t of a) if (b.has(t)) shared++;
  const union = a.size + b.size - shared;
  return union === 0 ? 0 : shared / union;
}

/**
 * Questions of different documents whose analysed terms are nearly the same (see
 * {@link NEAR_DUPLICATE}) → error naming both files and both questions. Such a pair is the
 * "magnet effect": one document's example question pulls the other document's askers, since
 * questions are boosted in search. Pairs already reported as exact duplicates are skipped.
 *
 * @example
 * checkNearDuplicateQuestions([fakesDoc, finesDoc], analyzer);
 * // [{ file: finesDoc.file, field: 'questions[0]', problem: 'near-duplicate of fakes.md questions[2] …', severity: 'error' }]
 */
export function checkNearDuplicateQuestions(docs: readonly KnowledgeDoc[], analyzer: Analyzer): Problem[] {
  const problems: Problem[] = [];
  const questions: { doc: KnowledgeDoc; i: number; q: string; terms: Set<string> }[] = [];
  for (const doc of docs) {
    doc.questions.forEach((q, i) => {
      const terms = new Set(analyzer.terms(q));
      if (terms.size >= NEAR_DUPLICATE.minTerms) questions.push({ doc, i, q, terms });
    });
  }
  // Prefix filtering (the all-pairs set-similarity join): with each question's terms in one
  // global order, rarest first, two questions with Jaccard ≥ t share a term among the first
  // |x| − ⌈t·|x|⌉ + 1 terms of each. Only those prefixes are indexed and probed, so the common
  // words ("duty", "mail") that almost every pair shares no longer make the check quadratic
  // (it was the largest part of loading the knowledge base).
  const frequency = new Map<string, number>();
  for (const { terms } of questions) for (const t of terms) frequency.set(t, (frequency.get(t) ?? 0) + 1);
  const byRarity = (a: string, b: string) => frequency.get(a)! - frequency.get(b)! || (a < b ? -1 : a > b ? 1 : 0);
  const postings = new Map<string, number[]>();
  questions.forEach((x, index) => {
    const ordered = [...x.terms].sort(byRarity);
    const prefix = ordered.slice(0, ordered.length - Math.ceil(NEAR_DUPLICATE.minJaccard * ordered.length) + 1);
    const sharing = new Set<number>();
    for (const t of prefix) for (const k of postings.get(t) ?? []) sharing.add(k);
    for (const k of [...sharing].sort((a, b) => a - b)) {
      const other = questions[k];
      if (other.doc === x.doc) continue;
      const similarity = jaccard(x.terms, other.terms);
      // Exact copies are reported by checkDuplicateQuestions.
      if (similarity < NEAR_DUPLICATE.minJaccard || copyKey(other.q) === copyKey(x.q)) continue;
      const shared = [...x.terms].filter((t) => other.terms.has(t)).join(' ');
      problems.push({
        file: x.doc.file,
        field: `questions[${x.i}]`,
        problem: `near-duplicate of ${other.doc.file} questions[${other.i}]: "${x.q}" and "${other.q}" share ${Math.round(similarity * 100)}% of their terms (${shared}); reword one so each document keeps its own askers`,
        severity: 'error',
      });
    }
    for (const t of prefix) {
      const list = postings.get(t);
      if (list) list.push(index);
      else postings.set(t, [index]);
    }
  });
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
  return [...checkUnique(docs), ...checkRelated(docs, brokenIds), ...checkDuplicateQuestions(docs, analyzer), ...checkNearDuplicateQuestions(docs, analyzer), ...checkStale(docs, today)];
}

/**
 * Checks of knowledge that changes with the calendar (see dated.ts), for `kb:check --date`:
 * - `family` must name an existing document that starts its own family;
 * - two versions of one topic must never be served on the same day;
 * - on the check's date, a topic whose last version has ended (`effective.to` passed) with no
 *   successor is an error, and so is a served document whose `review_by` has passed;
 * - within {@link REVIEW_WARNING_DAYS} days of either, a warning that says what to write and when;
 * - the checks across documents (checks.ts: unique labels, `related`, duplicate questions…)
 *   run on the set of documents served together, for the check's date and every later change,
 *   so a successor may reuse its predecessor's label and questions.
 */
import type { Analyzer } from './analyze';
import { checkDocuments } from './checks';
import { addDays, daysBetween, nextDay } from '../dates';
import { boundaries, families, familyOf, inForce, servedOn } from './dated';
import type { KnowledgeDoc, Problem } from './types';

/** Documents due for review (or ending) within this many days get a warning, and show in staff `stats`. */
export const REVIEW_WARNING_DAYS = 30;

function inDays(n: number): string {
  return n === 0 ? 'today' : n === 1 ? 'tomorrow' : `in ${n} days`;
}

/**
 * `family` names an existing document that is its own family, and no two versions of a topic
 * overlap in time.
 *
 * @example
 * checkFamilies([{ ...a, family: 'nope' }]); // [{ field: 'family', problem: 'no document has id "nope"', … }]
 */
export function checkFamilies(docs: readonly KnowledgeDoc[], alsoExisting: readonly string[] = []): Problem[] {
  const problems: Problem[] = [];
  const byId = new Map(docs.map((d) => [d.id, d]));
  for (const doc of docs) {
    if (!doc.family || doc.family === doc.id) continue;
    const root = byId.get(doc.family);
    if (!root) {
      if (!alsoExisting.includes(doc.family)) problems.push({ file: doc.file, field: 'family', problem: `no document has id "${doc.family}"`, severity: 'error' });
    } else if (root.family && root.family !== root.id) {
      problems.push({ file: doc.file, field: 'family', problem: `"${doc.family}" is itself a version of "${root.family}": name the first version, "${root.family}"`, severity: 'error' });
    }
  }
  for (const [family, versions] of families(docs)) {
    for (let i = 0; i < versions.length; i++) {
      for (let j = i + 1; j < versions.length; j++) {
        const a = versions[i];
        const b = versions[j];
        if (a.id === b.id) continue; // a duplicate id, reported by checkUnique
        const start = [a.effective?.from ?? '', b.effective?.from ?? ''].sort()[1];
        const ends = [a.effective?.to, b.effective?.to].filter((t): t is string => Boolean(t)).sort();
        if (ends.length === 0 || start <= ends[0]) {
          problems.push({
            file: b.file,
            field: 'effective',
            problem: `served on the same days as ${a.file} (both versions of "${family}"): end one (effective.to) the day before the other starts (effective.from)`,
            severity: 'error',
          });
        }
      }
    }
  }
  return problems;
}

/**
 * Ended topics without a successor, and passed or coming `review_by` dates, as they stand on
 * `date` (YYYY-MM-DD). Errors: a topic whose last version ended before `date`; a served document
 * whose `review_by` is before `date`. Warnings: either within {@link REVIEW_WARNING_DAYS} days.
 *
 * @example
 * checkSchedule(docs, '2027-07-15');
 * // [{ field: 'effective.to', problem: 'ended 30 Jun 2027 and no version of "x" is in force on 2027-07-15: write a successor …', severity: 'error' }]
 */
export function checkSchedule(docs: readonly KnowledgeDoc[], date: string): Problem[] {
  const problems: Problem[] = [];
  const horizon = addDays(date, REVIEW_WARNING_DAYS);
  for (const [family, versions] of families(docs)) {
    const served = versions.find((d) => inForce(d, date));
    if (!served) {
      // Not served today: an error only if the topic has ended (nothing in force now or later).
      const later = versions.some((d) => (d.effective?.from ?? '') > date);
      const last = versions[versions.length - 1];
      if (!later && last.effective?.to && last.effective.to < date) {
        problems.push({
          file: last.file,
          field: 'effective.to',
          problem: `ended ${last.effective.to} and no version of "${family}" is in force on ${date}: write a successor (family: ${family}, effective.from: ${nextDay(last.effective.to)}) or delete the document`,
          severity: 'error',
        });
      }
      continue;
    }
    const to = served.effective?.to;
    if (to && to <= horizon) {
      const successor = versions.find((d) => inForce(d, nextDay(to)));
      if (!successor) {
        problems.push({
          file: served.file,
          field: 'effective.to',
          problem: `ends ${to} (${inDays(daysBetween(date, to))}) with no successor: write one with family: ${family} and effective.from: ${nextDay(to)}`,
          severity: 'warning',
        });
      }
    }
    if (served.review_by) {
      const successor = to ? versions.find((d) => inForce(d, nextDay(to))) : undefined;
      const covered = successor && to && to < served.review_by;
      if (!covered && served.review_by < date) {
        problems.push({
          file: served.file,
          field: 'review_by',
          problem: `review was due ${served.review_by} and the document is still served on ${date}: re-check the text and move review_by, or end it (effective.to) and write a successor (family: ${family})`,
          severity: 'error',
        });
      } else if (!covered && served.review_by <= horizon) {
        problems.push({
          file: served.file,
          field: 'review_by',
          problem: `due for review by ${served.review_by} (${inDays(daysBetween(date, served.review_by))}): re-check the text and move review_by, or end it (effective.to) and write a successor (family: ${family})`,
          severity: 'warning',
        });
      }
    }
  }
  return problems;
}

/**
 * The dates to check the set of served documents on: `date`, and every later boundary.
 *
 * @example
 * checkDates(docs, '2026-12-02'); // ['2026-12-02', '2027-01-01', '2027-07-01']
 */
export function checkDates(docs: readonly KnowledgeDoc[], date: string): string[] {
  return [date, ...boundaries(docs).filter((d) => d > date)];
}

/**
 * The checks across documents (checks.ts) on each set of documents served together from
 * `date` on. `related` ids are read through families: a link to any version of a topic reaches
 * the version in force; a link to a topic with no version in force is an error from that day
 * (a warning within {@link REVIEW_WARNING_DAYS} days before).
 * Problems found on several dates are reported once.
 *
 * @example
 * checkServedDocuments(docs, analyzer, '2026-12-02');
 */
export function checkServedDocuments(docs: readonly KnowledgeDoc[], analyzer: Analyzer, date: string, brokenIds: readonly string[] = []): Problem[] {
  const seen = new Set<string>();
  const problems: Problem[] = [];
  const add = (p: Problem) => {
    const key = `${p.severity}|${p.file}|${p.field}|${p.problem}`;
    if (!seen.has(key)) {
      seen.add(key);
      problems.push(p);
    }
  };
  const allIds = [...docs.map((d) => d.id), ...brokenIds];
  const familyById = new Map(docs.map((d) => [d.id, familyOf(d)]));
  // The same questions are checked once per date: analyse each text once (the bot's start-up
  // and every reload run these checks).
  const known = new Map<string, string[]>();
  const remembering: Analyzer = {
    ...analyzer,
    terms: (text) => {
      let terms = known.get(text);
      if (!terms) known.set(text, (terms = analyzer.terms(text)));
      return terms;
    },
  };
  for (const day of checkDates(docs, date)) {
    const served = servedOn(docs, day);
    const servedByFamily = new Map(served.map((d) => [familyOf(d), d.id]));
    const resolved = served.map((doc) => ({
      ...doc,
      related: doc.related.map((id, i) => {
        if (servedByFamily.has(id) && !familyById.has(id)) return servedByFamily.get(id)!;
        const family = familyById.get(id);
        if (family === undefined) return id; // unknown: checkRelated reports it
        const current = servedByFamily.get(family);
        if (current) return current;
        // Like an ended topic: an error once the day has come, a warning within 30 days.
        if (day === date) add({ file: doc.file, field: `related[${i}]`, problem: `"${id}" has no version in force on ${day}: link to its successor or remove the link`, severity: 'error' });
        else if (day <= addDays(date, REVIEW_WARNING_DAYS)) add({ file: doc.file, field: `related[${i}]`, problem: `"${id}" has no version in force from ${day}: link to its successor or remove the link`, severity: 'warning' });
        return id;
      }),
    }));
    for (const p of checkDocuments(resolved, remembering, date, allIds)) add(p);
  }
  return problems;
}

/** A served document that needs an editor soon: its review date or its end is near. */
export interface DueDocument {
  doc: KnowledgeDoc;
  /** YYYY-MM-DD. */
  due: string;
  reason: 'review_by' | 'ends';
  /** For `ends`: whether a successor is already written. */
  successor?: string;
}

/**
 * Served documents whose `review_by` or `effective.to` falls within `days` of `date`, soonest
 * first; `versions` gives each document's topic versions (see dated.ts `versionsOf`).
 *
 * @example
 * dueForReview(kb.documents, '2027-06-10', versionsOf); // [{ doc, due: '2027-06-30', reason: 'ends', successor: 'de-minimis-ended' }]
 */
export function dueForReview(
  docs: readonly KnowledgeDoc[],
  date: string,
  versions: (doc: KnowledgeDoc) => readonly KnowledgeDoc[] = (d) => [d],
  days = REVIEW_WARNING_DAYS,
): DueDocument[] {
  const horizon = addDays(date, days);
  const due: DueDocument[] = [];
  for (const doc of docs) {
    if (doc.review_by && doc.review_by <= horizon) due.push({ doc, due: doc.review_by, reason: 'review_by' });
    const to = doc.effective?.to;
    if (to && to >= date && to <= horizon) {
      const successor = versions(doc).find((d) => d !== doc && inForce(d, nextDay(to)));
      due.push({ doc, due: to, reason: 'ends', ...(successor ? { successor: successor.id } : {}) });
    }
  }
  return due.sort((a, b) => a.due.localeCompare(b.due) || a.doc.id.localeCompare(b.doc.id));
}

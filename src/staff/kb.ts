/**
 * The staff `kb <id or words>` command: one knowledge document as staff need to check it — its
 * id, topic, audience, the questions it answers, the answer itself, its sources and the date it
 * was last reviewed; for a topic with several versions (see src/knowledge/dated.ts), every
 * version with its dates, and the date its text is due for review.
 */
import path from 'node:path';
import { displayDate } from '../dates';
import { catalog, fill } from '../messages';
import { escapeMarkdownText, quoteUserText, type Reply } from '../replies';
import { versionsOf } from '../knowledge/dated';
import type { KnowledgeDoc } from '../knowledge/types';

const MAX_QUESTIONS = 8;

const { staff: words } = catalog();

/**
 * The `kb` reply for the document found for `query` (or a "no document matches" reply).
 * Sources and the reviewed date go in the reply's own fields, so every channel shows them as
 * its usual citation line.
 *
 * @example
 * kbReport(kb.lookup('gift exemption'), 'gift exemption');
 * // { kind: 'info', title: 'Do gifts get duty-free entry?', markdown: '**Id:** gift-exemption · **Topic:** …', sources: [...], reviewed: '2026-11-25' }
 * kbReport(undefined, 'zzz'); // { kind: 'info', title: 'No document found', markdown: 'No document matches “zzz”. …' }
 */
export function kbReport(doc: KnowledgeDoc | undefined, query: string): Reply {
  const asked = query.trim();
  if (!asked) {
    return {
      kind: 'info',
      title: words.kbAskTitle,
      markdown: words.kbAsk,
    };
  }
  if (!doc) {
    return {
      kind: 'info',
      title: words.kbNotFoundTitle,
      markdown: fill(words.kbNotFound, { query: quoteUserText(asked.slice(0, 200)) }),
      suggestions: [{ label: words.labels.unanswered, value: 'unanswered' }],
    };
  }
  const details = [
    fill(words.kbIds, { id: quoteUserText(doc.id), topic: quoteUserText(doc.topic), audience: doc.audience.map(quoteUserText).join(', ') || words.kbAudienceNotSet }),
    [
      fill(words.kbReviewed, { date: displayDate(doc.reviewed) }),
      doc.effective?.from || doc.effective?.to ? fill(words.kbApplies, { effective: effectiveText(doc.effective) }) : '',
      doc.review_by ? fill(words.kbReviewBy, { date: displayDate(doc.review_by) }) : '',
      doc.uncertain ? words.kbUncertain : '',
    ].join(''),
    fill(words.kbFile, { file: quoteUserText(displayPath(doc.file)) }),
  ];
  const questions = doc.questions.slice(0, MAX_QUESTIONS).map((q) => `- ${quoteUserText(q)}`);
  if (doc.questions.length > MAX_QUESTIONS) questions.push(fill(words.andMore, { count: doc.questions.length - MAX_QUESTIONS }));
  const sections = [
    details.join('\n'),
    questions.length > 0 ? [words.kbQuestions, ...questions].join('\n') : words.kbNoQuestions,
    [words.kbAnswer, doc.body.trim()].join('\n\n'),
  ];
  const versions = versionsOf(doc);
  if (versions.length > 1) {
    const lines = versions.map(
      (v) =>
        fill(words.kbVersion, { id: escapeMarkdownText(quoteUserText(v.id)), effective: effectiveText(v.effective) || words.kbVersionAlways }) +
        (v.review_by ? fill(words.kbVersionReviewBy, { date: displayDate(v.review_by) }) : '') +
        (v === doc || v.id === doc.id ? words.kbVersionInForce : ''),
    );
    sections.push([fill(words.kbVersions, { count: versions.length }), ...lines].join('\n'));
  }
  if (doc.related.length > 0) sections.push(fill(words.kbRelated, { ids: doc.related.map((id) => escapeMarkdownText(quoteUserText(id))).join(', ') }));
  return { kind: 'info', title: doc.title, markdown: sections.join('\n\n'), sources: doc.sources, reviewed: doc.reviewed };
}

/**
 * Security (issue 13): a path as shown to people (staff replies, /readyz) — relative to the
 * working directory, never the machine's absolute layout; a path outside it shows only its
 * last two parts.
 *
 * @example
 * displayPath('/app/knowledge/gifts/gift-exemption.md', '/app'); // 'knowledge/gifts/gift-exemption.md'
 * displayPath('/srv/data/outbox/sent', '/app'); // '…/outbox/sent'
 */
export function displayPath(file: string, cwd = process.cwd()): string {
  if (!path.isAbsolute(file)) return file;
  const relative = path.relative(cwd, file);
  if (relative === '') return '.';
  if (!relative.startsWith('..') && !path.isAbsolute(relative)) return relative;
  return `…/${file.split(/[\\/]+/).filter(Boolean).slice(-2).join('/')}`;
}

/** Every absolute path inside `text` shown with `displayPath`. */
export function displayPathsIn(text: string, cwd = process.cwd()): string {
  return text.replace(/(^|[\s"'(=])(\/(?!\/)[^\s"')]+)/g, (_m, before: string, p: string) => before + displayPath(p, cwd));
}

function effectiveText(effective: KnowledgeDoc['effective']): string {
  const from = effective?.from ? fill(words.effectiveFrom, { date: displayDate(effective.from) }) : '';
  const to = effective?.to ? fill(words.effectiveUntil, { date: displayDate(effective.to) }) : '';
  return [from, to].filter(Boolean).join(' ');
}

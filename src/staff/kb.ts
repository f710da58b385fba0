/**
 * The staff `kb <id or words>` command: one knowledge document as staff need to check it — its
 * id, topic, audience, the questions it answers, the answer itself, its sources and the date it
 * was last reviewed; for a topic with several versions (see src/knowledge/dated.ts), every
 * version with its dates, and the date its text is due for review.
 */
import path from 'node:path';
import { displayDate } from '../clock';
import { escapeMarkdownText, quoteUserText, type Reply } from '../channels/reply';
import { versionsOf } from '../knowledge/dated';
import type { KnowledgeDoc } from '../knowledge/types';

const MAX_QUESTIONS = 8;

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
      title: 'Look up a knowledge document',
      markdown: 'Type **kb** followed by a document id or a few words, for example: kb gift exemption',
    };
  }
  if (!doc) {
    return {
      kind: 'info',
      title: 'No document found',
      markdown: `No document matches “${quoteUserText(asked.slice(0, 200))}”. Try a document id or other words.`,
      suggestions: [{ label: 'Unanswered questions', value: 'unanswered' }],
    };
  }
  const details = [
    `**Id:** ${quoteUserText(doc.id)} · **Topic:** ${quoteUserText(doc.topic)} · **Audience:** ${doc.audience.map(quoteUserText).join(', ') || 'not set'}`,
    `**Reviewed:** ${displayDate(doc.reviewed)}${doc.effective?.from || doc.effective?.to ? ` · **Applies:** ${effectiveText(doc.effective)}` : ''}${doc.review_by ? ` · **Review by:** ${displayDate(doc.review_by)}` : ''}${doc.uncertain ? ' · **Marked uncertain**' : ''}`,
    `**File:** ${quoteUserText(displayPath(doc.file))}`,
  ];
  const questions = doc.questions.slice(0, MAX_QUESTIONS).map((q) => `- ${quoteUserText(q)}`);
  if (doc.questions.length > MAX_QUESTIONS) questions.push(`- … and ${doc.questions.length - MAX_QUESTIONS} more`);
  const sections = [
    details.join('\n'),
    questions.length > 0 ? ['**Questions it answers:**', ...questions].join('\n') : '**Questions it answers:** none listed',
    ['**Answer:**', doc.body.trim()].join('\n\n'),
  ];
  const versions = versionsOf(doc);
  if (versions.length > 1) {
    const lines = versions.map((v) => `- ${escapeMarkdownText(quoteUserText(v.id))}: ${effectiveText(v.effective) || 'always'}${v.review_by ? `, review by ${displayDate(v.review_by)}` : ''}${v === doc || v.id === doc.id ? ' (this one, in force)' : ''}`);
    sections.push([`**Versions of this topic (${versions.length}):**`, ...lines].join('\n'));
  }
  if (doc.related.length > 0) sections.push(`**Related:** ${doc.related.map((id) => escapeMarkdownText(quoteUserText(id))).join(', ')}`);
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
  const from = effective?.from ? `from ${displayDate(effective.from)}` : '';
  const to = effective?.to ? `until ${displayDate(effective.to)}` : '';
  return [from, to].filter(Boolean).join(' ');
}

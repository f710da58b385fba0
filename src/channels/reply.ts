/**
 * The citation line the channels add under an answer. The reply model itself is the neutral
 * `src/replies.ts` (re-exported here for the channel renderers).
 */
import { displayDate } from '../dates';
import { catalog, fill } from '../messages';
import { escapeMarkdownText, type Reply } from '../replies';

export { escapeMarkdownText, quoteUserText, type Reply, type Source, type Suggestion } from '../replies';

/**
 * The citation line under an answer, in markdown or plain text.
 *
 * @example
 * sourceLine({ kind: 'answer', markdown: '…', sources: [{ title: 'CBP FAQ', url: 'https://cbp.gov/faq' }], reviewed: '2026-11-25' });
 * // 'Source: [CBP FAQ](https://cbp.gov/faq) · Reviewed 25 Nov 2026'
 */
export function sourceLine(reply: Reply, style: 'markdown' | 'plain' = 'markdown'): string | undefined {
  const { answers } = catalog();
  const sources = reply.sources ?? [];
  if (sources.length === 0 && !reply.reviewed) return undefined;
  const links = sources.map((s) => (style === 'markdown' ? `[${escapeMarkdownText(s.title)}](${s.url})` : `${s.title} (${s.url})`));
  const parts: string[] = [];
  if (links.length > 0) parts.push(fill(links.length > 1 ? answers.sources : answers.source, { links: links.join(style === 'markdown' ? ' · ' : '; ') }));
  if (reply.reviewed) parts.push(fill(answers.reviewed, { date: displayDate(reply.reviewed) }));
  return parts.join(' · ');
}

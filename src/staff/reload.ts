/**
 * The staff `reload` command's reply. The reload itself (re-reading knowledge and rules, and
 * keeping the old index when the new one is invalid) is the knowledge base's job; this only
 * reports the outcome.
 */
import { catalog, fill, plural } from '../messages';
import { quoteUserText, type Reply } from '../replies';

const { staff: words } = catalog();

export type ReloadResult = { ok: true; documents: number; warnings?: string[] } | { ok: false; problems: string[] };

const MAX_LISTED = 20;

function listed(lines: readonly string[]): string {
  const shown = lines.slice(0, MAX_LISTED).map((line) => `- ${quoteUserText(line)}`);
  if (lines.length > MAX_LISTED) shown.push(fill(words.andMore, { count: lines.length - MAX_LISTED }));
  return shown.join('\n');
}

/**
 * The `reload` reply: the number of documents now in use, or the problems found and the fact
 * that the previous knowledge stays in use.
 *
 * @example
 * reloadReport({ ok: true, documents: 42 }); // { kind: 'info', title: 'Reloaded', markdown: 'The bot now uses the new knowledge and rules: 42 documents.' }
 * reloadReport({ ok: false, problems: ['section-321/x.md: reviewed: not a date'] });
 * // { kind: 'info', title: 'Reload failed', markdown: 'Nothing changed: …\n\n- section-321/x.md: reviewed: not a date' }
 */
export function reloadReport(result: ReloadResult): Reply {
  if (result.ok) {
    const parts = [fill(words.reloaded, { documents: plural(words.documents, result.documents) })];
    if (result.warnings && result.warnings.length > 0) parts.push(fill(words.reloadWarnings, { list: listed(result.warnings) }));
    return { kind: 'info', title: words.reloadedTitle, markdown: parts.join('\n\n') };
  }
  const count = result.problems.length;
  return {
    kind: 'info',
    title: words.reloadFailedTitle,
    markdown: [
      fill(words.reloadFailed, { problems: plural(words.reloadProblems, count) }),
      count > 0 ? listed(result.problems) : words.reloadNoDetails,
    ].join('\n\n'),
  };
}

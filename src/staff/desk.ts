/**
 * Runs a staff command against the live records, outbox and content. The reports themselves
 * are pure (stats.ts, unanswered.ts, kb.ts, reload.ts); this module only fetches their inputs.
 */
import type { Reply } from '../channels/reply';
import type { KnowledgeBase, KnowledgeDoc } from '../knowledge';
import type { RecordStore } from '../records';
import type { StaffCommand } from './commands';
import { kbReport } from './kb';
import { reloadReport, ReloadResult } from './reload';
import { OutboxCounts, statsReport } from './stats';
import { unansweredReport } from './unanswered';

export interface StaffDeskDeps {
  records: RecordStore;
  outboxCounts(): Promise<OutboxCounts>;
  knowledge(): KnowledgeBase;
  /** Re-reads knowledge and rules; keeps the old ones and reports problems when invalid. */
  reload(): ReloadResult;
  clock: () => Date;
}

/** Enough history for every report: the 7-day stats and the longest `unanswered N`. */
const HISTORY_DAYS = 366;

/**
 * @example
 * const reply = await runStaffCommand({ command: 'stats' }, deps);
 */
export async function runStaffCommand(command: StaffCommand, deps: StaffDeskDeps): Promise<Reply> {
  const now = deps.clock();
  const since = new Date(now.getTime() - HISTORY_DAYS * 24 * 3600 * 1000).toISOString();
  switch (command.command) {
    case 'stats':
      return statsReport(await deps.records.list(since), await deps.outboxCounts(), now);
    case 'unanswered': {
      const days = command.arg ? Number(command.arg) : undefined;
      return unansweredReport(await deps.records.list(since), now, { days: Number.isFinite(days) ? days : undefined });
    }
    case 'kb': {
      const query = command.arg ?? '';
      return kbReport(query ? findDocument(deps.knowledge(), query) : undefined, query);
    }
    case 'reload':
      return reloadReport(deps.reload());
  }
}

/**
 * The document for `kb <id or words>`: the one with that id, else the one the bot itself would
 * answer with (or offer as "did you mean"). Not `KnowledgeBase.lookup`'s best hit "however
 * weak": for an unknown id such as `kb no-such-document` that is an unrelated document sharing
 * one word, shown to staff as if it were the match.
 *
 * @example
 * findDocument(kb, 'gift-duty-free')?.id;  // 'gift-duty-free'
 * findDocument(kb, 'no-such-document');    // undefined
 */
export function findDocument(kb: KnowledgeBase, query: string): KnowledgeDoc | undefined {
  const trimmed = query.trim();
  const byId = kb.get(trimmed) ?? kb.get(trimmed.toLowerCase());
  if (byId) return byId;
  const result = kb.answer(trimmed);
  return result.kind === 'answer' || result.kind === 'did-you-mean' ? result.best : undefined;
}

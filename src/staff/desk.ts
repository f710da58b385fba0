/**
 * Runs a staff command against the live records, outbox and content. The reports themselves
 * are pure (stats.ts, unanswered.ts, kb.ts, reload.ts); this module only fetches their inputs.
 */
import { catalog, fill } from '../messages';
import type { Reply } from '../replies';
import { exactKey, OUT_OF_SCOPE, type KnowledgeBase, type KnowledgeDoc, type Taught, type TaughtStore } from '../knowledge';
import { MAX_TAUGHT_CHARS } from '../knowledge/taught';
import { easternDate } from '../dates';
import { versionsOf } from '../knowledge/dated';
import { dueForReview } from '../knowledge/dateChecks';
import { scanRecords, type RecordStore } from '../records';
import type { StaffCommand } from './commands';
import { kbReport } from './kb';
import { reloadReport, ReloadResult } from './reload';
import { OutboxCounts, statsReportScanned } from './stats';
import { teachProblemReport, teachReport } from './teach';
import { unansweredListReply, unansweredListScanned } from './unanswered';

export interface StaffDeskDeps {
  records: RecordStore;
  outboxCounts(): Promise<OutboxCounts>;
  knowledge(): KnowledgeBase;
  /** Re-reads knowledge, rules and taught questions; keeps the old ones and reports problems when invalid. */
  reload(): ReloadResult | Promise<ReloadResult>;
  clock: () => Date;
  /** Where `teach` saves what staff taught (taught.yaml, or shared storage); without it `teach` is unavailable. */
  taught?: TaughtStore;
}

/**
 * What a staff conversation remembers between commands, in its conversation state (bot.ts).
 *
 * `teach N` must mean the question shown as N, even when people keep asking (and the records
 * change) between `unanswered` and `teach`. Recomputing the list from the records would renumber
 * it as soon as a new question arrived or the Eastern day changed; so `unanswered` keeps the
 * texts it numbered, and `teach` reads them back. The list is small (at most 10 questions) and
 * belongs to the conversation it was shown in — on any instance, since conversation state is
 * shared when scaled out.
 */
export interface StaffSession {
  /** The questions of the last `unanswered` reply: [0] is number 1. */
  unanswered?: string[];
}

/** Enough history for every report: the 7-day stats and the longest `unanswered N`. */
const HISTORY_DAYS = 366;

/**
 * @example
 * const reply = await runStaffCommand({ command: 'stats' }, deps);
 */
export async function runStaffCommand(command: StaffCommand, deps: StaffDeskDeps, session: StaffSession = {}): Promise<Reply> {
  const now = deps.clock();
  const since = new Date(now.getTime() - HISTORY_DAYS * 24 * 3600 * 1000).toISOString();
  switch (command.command) {
    case 'stats':
      // Counted as the records are read, a chunk at a time with pauses in between: nobody waits
      // on staff, and the records are never all in memory at once.
      return statsReportScanned((visit) => scanRecords(deps.records, since, visit), () => deps.outboxCounts(), now, dueForReview(deps.knowledge().documents, easternDate(now), versionsOf));
    case 'unanswered': {
      const days = command.arg ? Number(command.arg) : undefined;
      const taught = await readTaught(deps);
      const wanted = Number.isFinite(days) ? days : undefined;
      // Only the records the window can hold (a day of margin for the Eastern offset), read as a
      // stream keeping only the latest gap questions, then grouped in slices.
      const windowDays = Math.max(1, Math.min(HISTORY_DAYS, Math.floor(wanted ?? 14)));
      const from = new Date(now.getTime() - (windowDays + 1) * 24 * 3600 * 1000).toISOString();
      const list = await unansweredListScanned((visit) => scanRecords(deps.records, from, visit), now, { days: wanted, isTaught: isTaughtIn(taught) });
      session.unanswered = list.shown.map((g) => g.text);
      return unansweredListReply(list);
    }
    case 'teach':
      return teach(command, deps, session);
    case 'kb': {
      const query = command.arg ?? '';
      return kbReport(query ? findDocument(deps.knowledge(), query) : undefined, query);
    }
    case 'reload':
      return reloadReport(await deps.reload());
  }
}

/** Everything taught so far; nothing when there is no store or it cannot be read (then `teach` reports why). */
async function readTaught(deps: StaffDeskDeps): Promise<Taught> {
  try {
    return deps.taught ? await deps.taught.read() : {};
  } catch {
    return {};
  }
}

function isTaughtIn(taught: Taught): ((text: string) => boolean) | undefined {
  const keys = new Set(Object.values(taught).flat().map(exactKey));
  return keys.size > 0 ? (text) => keys.has(exactKey(text)) : undefined;
}

/** `teach N <id|none>`: question N of this conversation's last `unanswered` list, saved for the next reload. */
async function teach(command: StaffCommand, deps: StaffDeskDeps, session: StaffSession): Promise<Reply> {
  if (!deps.taught) return teachProblemReport({ problem: 'unavailable' });
  const listed = session.unanswered ?? [];
  if (listed.length === 0) return teachProblemReport({ problem: 'no-list' });
  const number = command.number ?? 0;
  const text = listed[number - 1];
  if (text === undefined) return teachProblemReport({ problem: 'no-such-number', number, listed: listed.length });
  const target = command.target ?? '';
  let doc: KnowledgeDoc | undefined;
  if (target !== OUT_OF_SCOPE) {
    doc = deps.knowledge().get(target);
    if (!doc) return teachProblemReport({ problem: 'no-such-document', id: target });
  }
  const { staff: words } = catalog();
  if (text.length > MAX_TAUGHT_CHARS) return teachProblemReport({ problem: 'not-teachable', text: `${text.slice(0, 80)}…`, reason: fill(words.teachTooLong, { max: MAX_TAUGHT_CHARS }) });
  if (!exactKey(text)) return teachProblemReport({ problem: 'not-teachable', text, reason: words.teachNoWords });
  try {
    const saved = await deps.taught.add(target, text);
    return teachReport({ text, ...(doc ? { doc } : {}), ...saved });
  } catch (err) {
    return teachProblemReport({ problem: 'not-saved', detail: err instanceof Error ? err.message : String(err) });
  }
}

/** A document id as staff type one: lower-case words joined by hyphens, no spaces. */
const LOOKS_LIKE_AN_ID = /^[a-z0-9]+(?:-[a-z0-9]+)+$/;

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
  // "no-such-document" is an id that does not exist, not words to search for.
  if (LOOKS_LIKE_AN_ID.test(trimmed)) return undefined;
  const result = kb.answer(trimmed);
  return result.kind === 'answer' || result.kind === 'did-you-mean' ? result.best : undefined;
}

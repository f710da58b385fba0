/**
 * The staff `unanswered` command: the questions the bot could not answer, or answered only
 * unsure, in the last days — the knowledge gaps to fill. Questions are grouped by their
 * normalised text with simple near-duplicate folding (grouping.ts), most frequent first.
 */
import { displayDate } from '../dates';
import { catalog, fill, formatNumber, plural } from '../messages';
import { quoteUserText, type Reply } from '../replies';
import type { QuestionRecord, UsageRecord } from '../records';
import { easternDayOf, lastDays, windowLabel, type DateWindow } from './dates';
import { gapKind, groupingSteps, MAX_GROUPED_QUESTIONS, questionKey, type GapKind, type GroupingCounters, type QuestionGroup } from './grouping';
import { runSliced, runToEnd, sortSteps, windowTest, type Steps } from './slices';

const MAX_QUOTED_CHARS = 160;

const { staff: words } = catalog();

function quoted(text: string): string {
  const short = text.length > MAX_QUOTED_CHARS ? `${text.slice(0, MAX_QUOTED_CHARS - 1).trimEnd()}…` : text;
  return fill(words.quoted, { text: quoteUserText(short.replace(/\s+/g, ' ')) });
}

function groupLine(group: QuestionGroup, n: number): string {
  const kinds = (['unsure', 'no answer', 'low confidence'] as GapKind[])
    .filter((k) => group.kinds[k])
    .map((k) => fill(words.gapKind, { count: group.kinds[k]!, kind: words.gapKinds[k] ?? k }))
    .join(', ');
  const lastDay = easternDayOf(group.lastSeen);
  const closest = group.closestDocId ? fill(words.closestDocument, { id: quoteUserText(group.closestDocId) }) : '';
  return fill(words.unansweredGroup, {
    n,
    question: quoted(group.text),
    times: plural(words.timesAsked, group.count),
    date: lastDay ? displayDate(lastDay) : words.unknownDate,
    kinds,
    closest,
  });
}

export interface UnansweredOptions {
  /** How many Eastern calendar days back, including today (default 14). */
  days?: number;
  /** How many groups to list (default 10). */
  max?: number;
  /**
   * Whether a question was already taught with `teach` (to a document or as out of scope):
   * such questions are left out, so the list holds only what is still to do.
   */
  isTaught?: (text: string) => boolean;
}

/** What `unanswered` lists: the numbered groups are `shown[0]` = 1, `shown[1]` = 2, … */
export interface UnansweredList {
  days: number;
  window: DateWindow;
  /** Every group in the window, most frequent first. */
  groups: QuestionGroup[];
  /** The groups listed (the first `max`). */
  shown: QuestionGroup[];
  otherCbp: number;
  taught: number;
  /** Questions in the window left out of the grouping: older than the latest {@link MAX_GROUPED_QUESTIONS}. */
  notGrouped: number;
}

/** A kept question and its arrival number (later wins among equal times). */
interface Kept {
  record: QuestionRecord;
  seq: number;
}

const older = (a: Kept, b: Kept) => a.record.at < b.record.at || (a.record.at === b.record.at && a.seq < b.seq);

/**
 * Takes the records one at a time (from an array or as the store reads them) and keeps only what
 * `unanswered` needs: the counts, and the latest {@link MAX_GROUPED_QUESTIONS} gap questions of
 * the window, in a heap ordered by time (the oldest kept is dropped when a newer one comes) — so
 * the records need not arrive in order, and at most 20,000 of them are held, however many are read.
 */
export class GapCollector {
  readonly days: number;
  readonly max: number;
  readonly window: DateWindow;
  otherCbp = 0;
  taught = 0;
  notGrouped = 0;
  private readonly within: (isoInstant: string) => boolean;
  private readonly heap: Kept[] = [];
  private seq = 0;

  constructor(
    now: Date,
    private readonly options: UnansweredOptions = {},
  ) {
    this.days = Math.max(1, Math.min(366, Math.floor(options.days ?? 14)));
    this.max = Math.max(1, Math.floor(options.max ?? 10));
    this.window = lastDays(now, this.days);
    this.within = windowTest(this.window);
  }

  add(r: UsageRecord): void {
    if (r.type !== 'question' || !this.within(r.at)) return;
    if (r.outcome === 'other-cbp') this.otherCbp++;
    if (!r.text || !gapKind(r)) return;
    if (this.options.isTaught && this.options.isTaught(r.text)) {
      if (questionKey(r.text)) this.taught++;
      return;
    }
    const item: Kept = { record: r, seq: this.seq++ };
    const heap = this.heap;
    if (heap.length < MAX_GROUPED_QUESTIONS) {
      // Sift up: the oldest kept question stays at the top.
      let i = heap.push(item) - 1;
      while (i > 0) {
        const parent = (i - 1) >> 1;
        if (!older(item, heap[parent])) break;
        heap[i] = heap[parent];
        i = parent;
      }
      heap[i] = item;
      return;
    }
    this.notGrouped++;
    if (older(item, heap[0])) return; // older than everything kept: left out
    // Replace the oldest kept and sift down.
    let i = 0;
    for (;;) {
      const left = 2 * i + 1;
      if (left >= heap.length) break;
      const child = left + 1 < heap.length && older(heap[left + 1], heap[left]) ? left + 1 : left;
      if (!older(heap[child], item)) break;
      heap[i] = heap[child];
      i = child;
    }
    heap[i] = item;
  }

  /** Groups what was kept, as steps (see slices.ts). */
  *listSteps(counters?: GroupingCounters): Steps<UnansweredList> {
    const kept = yield* sortSteps(this.heap, (a, b) => (older(a, b) ? -1 : older(b, a) ? 1 : 0));
    this.heap.length = 0;
    const groups = yield* groupingSteps(kept.map((k) => k.record), counters);
    const { days, window, otherCbp, taught, notGrouped } = this;
    return { days, window, groups, shown: groups.slice(0, this.max), otherCbp, taught, notGrouped };
  }
}

/**
 * The report as steps (see slices.ts): groups at most the latest {@link MAX_GROUPED_QUESTIONS}
 * gap questions of the window.
 */
export function* unansweredSteps(records: readonly UsageRecord[], now: Date, options: UnansweredOptions = {}, counters?: GroupingCounters): Steps<UnansweredList> {
  const collector = new GapCollector(now, options);
  for (const r of records) {
    yield;
    collector.add(r);
  }
  return yield* collector.listSteps(counters);
}

/**
 * What the bot runs: the records are collected as `scan` hands them over (see `scanRecords`),
 * keeping only the latest gap questions, then grouped in slices.
 *
 * @example
 * const list = await unansweredListScanned((visit) => scanRecords(store, since, visit), new Date());
 */
export async function unansweredListScanned(scan: (visit: (record: UsageRecord) => void) => Promise<unknown>, now: Date, options: UnansweredOptions = {}, counters?: GroupingCounters): Promise<UnansweredList> {
  const collector = new GapCollector(now, options);
  await scan((record) => collector.add(record));
  return runSliced(collector.listSteps(counters));
}

/**
 * The groups `unanswered` lists, in the order it numbers them. Deterministic: the same records,
 * time and options give the same list. In one go; the bot uses {@link unansweredListSliced}.
 *
 * @example
 * unansweredList(records, new Date()).shown.map((g) => g.text); // ['do you sell kayaks', 'Seller?']
 */
export function unansweredList(records: readonly UsageRecord[], now: Date, options: UnansweredOptions = {}, counters?: GroupingCounters): UnansweredList {
  return runToEnd(unansweredSteps(records, now, options, counters));
}

/**
 * {@link unansweredList} in slices of a few milliseconds, pausing in between so every other
 * conversation, `/healthz` and shutdown go on while it works.
 *
 * @example
 * const list = await unansweredListSliced(await store.list(since), new Date());
 */
export function unansweredListSliced(records: readonly UsageRecord[], now: Date, options: UnansweredOptions = {}, counters?: GroupingCounters): Promise<UnansweredList> {
  return runSliced(unansweredSteps(records, now, options, counters));
}

/** How staff act on the list (see desk.ts and teach.ts). */
export const TEACH_HINT = words.teachHint;

/**
 * The `unanswered` reply: recent unanswered and unsure questions, grouped, most frequent first,
 * each with its count and the date it was last asked. User text is escaped.
 *
 * @example
 * unansweredReport(await store.list(), new Date(), { days: 14, max: 10 });
 * // { kind: 'info', title: 'Unanswered questions, last 14 days', markdown: '1. “can i ship vapes” — 4 times, last 24 Nov 2026 (4 no answer)\n…' }
 */
export function unansweredReport(records: readonly UsageRecord[], now: Date, options: UnansweredOptions = {}): Reply {
  return unansweredListReply(unansweredList(records, now, options));
}

/** The reply for a list from {@link unansweredList}. */
export function unansweredListReply(list: UnansweredList): Reply {
  const { days, window, groups, shown, otherCbp, taught, notGrouped } = list;
  const lastDaysText = plural(words.days, days);
  const title = fill(words.unansweredTitle, { days: lastDaysText });
  const footer: string[] = [fill(words.unansweredWindow, { window: windowLabel(window) })];
  if (otherCbp > 0) footer.push(fill(words.unansweredOtherCbp, { count: otherCbp }));
  if (taught > 0) footer.push(fill(words.unansweredTaught, { count: taught }));
  if (notGrouped > 0) footer.push(fill(words.unansweredNotGrouped, { count: notGrouped, max: formatNumber(MAX_GROUPED_QUESTIONS) }));
  if (groups.length === 0) {
    return { kind: 'info', title, markdown: [fill(words.unansweredNone, { days: lastDaysText }), footer.join(' ')].join('\n\n') };
  }
  const total = groups.reduce((sum, g) => sum + g.count, 0);
  const summary = fill(words.unansweredSummary, {
    questions: plural(words.questions, total),
    groups: plural(words.groups, groups.length),
    mostFrequent: shown.length < groups.length ? fill(words.mostFrequent, { count: shown.length }) : '',
  });
  return {
    kind: 'info',
    title,
    markdown: [summary, shown.map((g, i) => groupLine(g, i + 1)).join('\n'), footer.join(' '), TEACH_HINT].join('\n\n'),
    suggestions: [{ label: words.labels.stats, value: 'stats' }],
  };
}

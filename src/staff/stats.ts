/**
 * The staff `stats` command: how the bot is used, for today and the last 7 days (U.S. Eastern
 * calendar dates), and the state of the escalation outbox. Pure: records and counts in, a
 * channel-neutral `Reply` out.
 */
import { catalog, fill, plural } from '../messages';
import type { Reply } from '../replies';
import { displayDate } from '../dates';
import type { DueDocument } from '../knowledge/dateChecks';
import type { UsageRecord } from '../records';
import { DateWindow, lastDays, windowLabel } from './dates';
import { runSliced, runToEnd, windowTest, type Steps } from './slices';

/** The outbox's health counts (from src/escalation), as of now. */
export interface OutboxCounts {
  pending: number;
  sent: number;
  failed: number;
  /** The global email cap (issue 13): when it tripped, emails beyond it wait and go out later. */
  emailCap?: { tripped: boolean; queued: number; trips: number; lastTrippedAt: string | null; limit: number; windowMinutes: number };
}

/** The figures of one window. */
export interface UsageFigures {
  questions: number;
  answered: number;
  didYouMean: number;
  outOfScope: number;
  otherCbp: number;
  helpful: number;
  notHelpful: number;
  /** Most asked topics first (ties by name); only questions with a topic count. */
  topics: { topic: string; count: number }[];
}

/**
 * Counts records into the figures of several windows, one record at a time: nothing is kept but
 * the counters, so `stats` can count records as they are read instead of holding them all.
 *
 * @example
 * const counter = new FiguresCounter([lastDays(now, 1), lastDays(now, 7)]);
 * await scanRecords(store, since, (r) => counter.add(r));
 * const [today, week] = counter.figures();
 */
export class FiguresCounter {
  /** Records counted (in a window or not). */
  records = 0;
  private readonly all: { figures: UsageFigures; topics: Map<string, number> }[];
  private readonly tests: ((isoInstant: string) => boolean)[];

  constructor(windows: readonly DateWindow[]) {
    this.all = windows.map(() => ({ figures: { questions: 0, answered: 0, didYouMean: 0, outOfScope: 0, otherCbp: 0, helpful: 0, notHelpful: 0, topics: [] }, topics: new Map<string, number>() }));
    this.tests = windows.map(windowTest);
  }

  add(record: UsageRecord): void {
    this.records++;
    for (let w = 0; w < this.all.length; w++) {
      if (!this.tests[w](record.at)) continue;
      const { figures, topics } = this.all[w];
      if (record.type === 'feedback') {
        if (record.helpful) figures.helpful++;
        else figures.notHelpful++;
        continue;
      }
      figures.questions++;
      if (record.outcome === 'answer') figures.answered++;
      else if (record.outcome === 'did-you-mean') figures.didYouMean++;
      else if (record.outcome === 'out-of-scope') figures.outOfScope++;
      else if (record.outcome === 'other-cbp') figures.otherCbp++;
      if (record.topic) topics.set(record.topic, (topics.get(record.topic) ?? 0) + 1);
    }
  }

  /** The figures of each window, in the order the windows were given. */
  figures(): UsageFigures[] {
    return this.all.map(({ figures, topics }) => ({
      ...figures,
      topics: [...topics.entries()].map(([topic, count]) => ({ topic, count })).sort((a, b) => b.count - a.count || a.topic.localeCompare(b.topic)),
    }));
  }
}

/** Counting for several windows in one pass, as steps (see slices.ts). */
function* figuresSteps(records: readonly UsageRecord[], windows: readonly DateWindow[]): Steps<UsageFigures[]> {
  const counter = new FiguresCounter(windows);
  for (const record of records) {
    yield;
    counter.add(record);
  }
  return counter.figures();
}

/**
 * Counts the records whose time falls on a date inside `window`.
 *
 * @example
 * usageFigures(records, { from: '2026-11-25', to: '2026-11-25' });
 * // { questions: 10, answered: 7, didYouMean: 2, outOfScope: 1, otherCbp: 0, helpful: 3, notHelpful: 1, topics: [...] }
 */
export function usageFigures(records: readonly UsageRecord[], window: DateWindow): UsageFigures {
  return runToEnd(figuresSteps(records, [window]))[0];
}

/**
 * A share as a whole percentage, or undefined when there is nothing to divide.
 *
 * @example
 * percent(7, 10); // '70%'
 */
export function percent(part: number, whole: number): string | undefined {
  return whole > 0 ? `${Math.round((part / whole) * 100)}%` : undefined;
}

const TOP_TOPICS = 5;

const { staff: words } = catalog();

function figureLines(f: UsageFigures): string[] {
  const share = percent(f.answered, f.questions);
  const topics = f.topics.slice(0, TOP_TOPICS).map((t) => fill(words.statsTopic, { topic: t.topic, count: t.count })).join(', ');
  return [
    share ? fill(words.statsQuestionsAnswered, { questions: f.questions, answered: f.answered, share }) : fill(words.statsQuestions, { questions: f.questions }),
    fill(words.statsNotAnswered, { didYouMean: f.didYouMean, outOfScope: f.outOfScope, otherCbp: f.otherCbp }),
    fill(words.statsFeedback, { helpful: f.helpful, notHelpful: f.notHelpful }),
    fill(words.statsTopTopics, { topics: topics || words.statsNoTopics }),
  ];
}

/** Whether the global email cap has tripped since start; nothing when it never did. */
function capLines(cap: OutboxCounts['emailCap']): string[] {
  if (!cap || cap.trips === 0) return [];
  const state = cap.tripped ? fill(words.statsCapTripped, { queued: cap.queued }) : words.statsCapClear;
  return [fill(words.statsEmailCap, { limit: cap.limit, minutes: cap.windowMinutes, state, trips: plural(words.statsTimes, cap.trips), last: String(cap.lastTrippedAt) })];
}

/** The `stats` report as steps: one pass over the records for both windows. */
function* statsSteps(records: readonly UsageRecord[], outbox: OutboxCounts, now: Date, due: readonly DueDocument[]): Steps<Reply> {
  const today = lastDays(now, 1);
  const week = lastDays(now, 7);
  const [todayFigures, weekFigures] = yield* figuresSteps(records, [today, week]);
  return statsReply([today, week], [todayFigures, weekFigures], records.length, outbox, due);
}

function statsReply([today, week]: DateWindow[], [todayFigures, weekFigures]: UsageFigures[], read: number, outbox: OutboxCounts, due: readonly DueDocument[]): Reply {
  const failedNote = outbox.failed > 0 ? words.statsFailedNote : '';
  const markdown = [
    [fill(words.statsToday, { window: windowLabel(today) }), ...figureLines(todayFigures)].join('\n'),
    [fill(words.statsLast7Days, { window: windowLabel(week) }), ...figureLines(weekFigures)].join('\n'),
    [
      words.statsEmails,
      fill(words.statsEmailCounts, { pending: outbox.pending, sent: outbox.sent, failed: outbox.failed }) + failedNote,
      ...capLines(outbox.emailCap),
    ].join('\n'),
    ...(due.length > 0 ? [dueLines(due)] : []),
    fill(words.statsFooter, { records: plural(words.statsRecords, read) }),
  ].join('\n\n');
  return {
    kind: 'info',
    title: words.statsTitle,
    markdown,
    suggestions: [{ label: words.labels.unanswered, value: 'unanswered' }],
  };
}

/**
 * The `stats` reply, counting the records as `scan` hands them over (see `scanRecords`): only
 * the counters are kept, never the records, and the store pauses between chunks. This is what
 * the bot runs; the outbox counts are asked for once the records are counted.
 *
 * @example
 * const reply = await statsReportScanned((visit) => scanRecords(store, since, visit), outboxCounts, new Date());
 */
export async function statsReportScanned(scan: (visit: (record: UsageRecord) => void) => Promise<unknown>, outbox: () => Promise<OutboxCounts>, now: Date, due: readonly DueDocument[] = []): Promise<Reply> {
  const windows = [lastDays(now, 1), lastDays(now, 7)];
  const counter = new FiguresCounter(windows);
  await scan((record) => counter.add(record));
  return statsReply(windows, counter.figures(), counter.records, await outbox(), due);
}

/**
 * The `stats` reply: questions, answered share, unanswered kinds, feedback and top topics for
 * today and the last 7 days, then the outbox (pending, sent, failed) as it is now. In one go;
 * the bot uses {@link statsReportSliced}.
 *
 * @example
 * statsReport(await store.list(), { pending: 2, sent: 15, failed: 1 }, new Date());
 * // { kind: 'info', title: 'Usage statistics', markdown: '**Today, 25 Nov 2026**\n- Questions: 10, answered 7 (70%)\n…' }
 */
export function statsReport(records: readonly UsageRecord[], outbox: OutboxCounts, now: Date, due: readonly DueDocument[] = []): Reply {
  return runToEnd(statsSteps(records, outbox, now, due));
}

/**
 * {@link statsReport} in slices of a few milliseconds, pausing in between so the bot keeps
 * answering everyone while it counts.
 *
 * @example
 * const reply = await statsReportSliced(await store.list(since), await outboxCounts(), new Date());
 */
export function statsReportSliced(records: readonly UsageRecord[], outbox: OutboxCounts, now: Date, due: readonly DueDocument[] = []): Promise<Reply> {
  return runSliced(statsSteps(records, outbox, now, due));
}

/**
 * Knowledge documents due for review (`review_by`) or ending (`effective.to`) in the next 30
 * days, as `stats` lists them.
 *
 * @example
 * dueLines([{ doc, due: '2027-06-30', reason: 'ends', successor: 'de-minimis-ended' }]);
 * // '**Knowledge due in the next 30 days**\n- de-minimis-suspended: ends 30 Jun 2027; de-minimis-ended takes over'
 */
export function dueLines(due: readonly DueDocument[]): string {
  const line = (d: DueDocument) =>
    d.reason === 'review_by'
      ? fill(words.dueReview, { id: d.doc.id, date: displayDate(d.due) })
      : fill(words.dueEnds, { id: d.doc.id, date: displayDate(d.due), successor: d.successor ? fill(words.dueSuccessor, { id: d.successor }) : words.dueNoSuccessor });
  return [words.dueHeading, ...due.map(line)].join('\n');
}

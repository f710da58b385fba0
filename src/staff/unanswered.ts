/**
 * The staff `unanswered` command: the questions the bot could not answer, or answered only
 * unsure, in the last days — the knowledge gaps to fill. Questions are grouped by their
 * normalised text with simple near-duplicate folding, most frequent first.
 */
import { displayDate } from '../dates';
import { catalog, fill, formatNumber, plural } from '../messages';
import { quoteUserText, type Reply } from '../replies';
import type { QuestionOutcome, QuestionRecord, UsageRecord } from '../records';
import { questionKey as foldedQuestion } from '../text/normalize';
import { easternDayOf, lastDays, windowLabel, type DateWindow } from './dates';
import { runSliced, runToEnd, sortSteps, windowTest, type Steps } from './slices';

/** Below this confidence an answered question still counts as a gap, when its text was kept. */
export const LOW_CONFIDENCE = 0.5;

const MAX_KEY_CHARS_FOR_ROWS = 300;

/** Two rows reused by every edit distance (grown as needed): no garbage per comparison. */
let rows: [Int32Array, Int32Array] = [new Int32Array(MAX_KEY_CHARS_FOR_ROWS + 1), new Int32Array(MAX_KEY_CHARS_FOR_ROWS + 1)];

/** Edit distance, giving up (returning limit + 1) once it must exceed `limit`; only a band of width 2 × limit + 1 is computed. */
function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  const far = limit + 1;
  if (rows[0].length < b.length + 1) rows = [new Int32Array(b.length + 1), new Int32Array(b.length + 1)];
  let [previous, current] = rows;
  for (let j = 0; j <= b.length; j++) previous[j] = j <= limit ? j : far;
  for (let i = 1; i <= a.length; i++) {
    const from = Math.max(1, i - limit);
    const to = Math.min(b.length, i + limit);
    current[0] = i <= limit ? i : far;
    if (from > 1) current[from - 1] = far;
    let rowMin = from === 1 ? current[0] : far;
    for (let j = from; j <= to; j++) {
      const cost = previous[j - 1] + (a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1);
      const v = Math.min(previous[j] + 1, current[j - 1] + 1, cost, far);
      current[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (to < b.length) current[to + 1] = far;
    if (rowMin > limit) return limit + 1;
    [previous, current] = [current, previous];
  }
  return Math.min(previous[b.length], far);
}

const sortedWords = (s: string) => s.split(' ').sort().join(' ');

/**
 * Whether two normalised questions are the same question: the same words in another order, or
 * a few typos apart (about one edit per ten characters; short texts must match exactly).
 *
 * @example
 * nearDuplicates('is de minimis still available', 'is de minimus still available'); // true
 * nearDuplicates('duty on gifts', 'duty on shoes'); // false
 */
export function nearDuplicates(a: string, b: string): boolean {
  if (a === b) return true;
  if (sortedWords(a) === sortedWords(b)) return true;
  const longest = Math.max(a.length, b.length);
  if (longest < 12) return false;
  const limit = Math.floor(longest / 10);
  return editDistance(a, b, limit) <= limit;
}

/** How the bot handled a question that shows up in this report. */
export type GapKind = 'unsure' | 'no answer' | 'low confidence';

/** One group of similar questions. */
export interface QuestionGroup {
  /** The most frequent wording (the latest one on a tie), as typed. */
  text: string;
  count: number;
  /** ISO time of the latest question in the group. */
  lastSeen: string;
  kinds: Partial<Record<GapKind, number>>;
  /** The document the bot guessed most often, if any. */
  closestDocId?: string;
}

function gapKind(record: QuestionRecord): GapKind | undefined {
  const kinds: Partial<Record<QuestionOutcome, GapKind>> = { 'did-you-mean': 'unsure', 'out-of-scope': 'no answer' };
  if (kinds[record.outcome]) return kinds[record.outcome];
  if (record.outcome === 'answer' && record.confidence < LOW_CONFIDENCE) return 'low confidence';
  return undefined; // other-cbp: answered with the CBP Info Center, not a gap in this bot's knowledge
}

function mostFrequent<T>(values: T[]): T | undefined {
  const counts = new Map<T, number>();
  let best: T | undefined;
  let bestCount = 0;
  // Later values win ties, so the latest wording/document represents the group.
  for (const v of values) {
    const n = (counts.get(v) ?? 0) + 1;
    counts.set(v, n);
    if (n >= bestCount) {
      best = v;
      bestCount = n;
    }
  }
  return best;
}

/** The longest normalised text compared (characters); longer questions are grouped by their start. */
const MAX_KEY_CHARS = 300;
/** Most questions `unanswered` groups: the latest ones in the window (older ones are counted, not grouped). */
export const MAX_GROUPED_QUESTIONS = 20_000;
/** Most existing groups one wording is compared with (typo check), the oldest/largest first. */
export const MAX_CANDIDATES_PER_WORDING = 16;
/** Most groups remembered per shared key; a key many groups share (e.g. "can i ship …") says little. */
const MAX_PER_BUCKET = 32;
/** Most typo checks in one report; past it, wordings still group by their words, in any order. */
export const MAX_COMPARISONS = 100_000;

/** What grouping did, for tests and benchmarks. */
export interface GroupingCounters {
  /** Calls of {@link nearDuplicates}. */
  comparisons: number;
}

/** Two cheap 32-bit hashes of a word (FNV-1a with two offsets). */
function wordHashes(word: string): [number, number] {
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193 ^ word.length;
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193);
    h2 = Math.imul(h2 ^ c, 0x5bd1e995) ^ (h2 >>> 13);
  }
  return [h1 >>> 0, h2 >>> 0];
}

/**
 * The keys under which a wording meets its likely near duplicates, so it is compared with a few
 * groups instead of all of them: its words without any one of them (a typo or a changed word:
 * a hash of the word multiset, so word order does not matter), and its text without spaces (a
 * word split or joined).
 */
function meetingKeys(key: string): string[] {
  const words = key.split(' ');
  const hashes = words.map(wordHashes);
  let sum1 = 0;
  let sum2 = 0;
  for (const [h1, h2] of hashes) {
    sum1 = (sum1 + h1) >>> 0;
    sum2 = (sum2 + h2) >>> 0;
  }
  const keys = new Set<string>();
  for (const [h1, h2] of hashes) keys.add(`d${(sum1 - h1) >>> 0}:${(sum2 - h2) >>> 0}`);
  keys.add(`s${key.replace(/ /g, '')}`);
  return [...keys];
}

/** The grouping key of a gap question's text ('' when it has no words). */
function questionKey(text: string): string {
  return foldedQuestion(text.slice(0, MAX_KEY_CHARS * 4)).slice(0, MAX_KEY_CHARS).trim();
}

const byTime = (a: QuestionRecord, b: QuestionRecord) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0);
const collator = new Intl.Collator();

/**
 * The grouping, as steps (see slices.ts): yields between records and between groups, so a
 * large report can pause and let the bot answer others.
 *
 * Near-linear: exact normalised matches share a map entry; then each wording, the largest
 * first, joins the first (largest) group it is a near duplicate of — but is compared only with
 * the groups it shares a meeting key with (same words in any order, one word different, or the
 * same letters spaced differently), at most {@link MAX_CANDIDATES_PER_WORDING} of them, and at
 * most {@link MAX_COMPARISONS} in all. Two wordings that differ in two words are no longer
 * compared (they were, slowly, before).
 */
export function* groupingSteps(records: readonly QuestionRecord[], counters: GroupingCounters = { comparisons: 0 }): Generator<void, QuestionGroup[], void> {
  const exact = new Map<string, QuestionRecord[]>();
  for (const r of records) {
    yield;
    if (!r.text || !gapKind(r)) continue;
    const key = questionKey(r.text);
    if (!key) continue;
    const group = exact.get(key);
    if (group) group.push(r);
    else exact.set(key, [r]);
  }
  // Fold the smaller groups into the larger ones, so a typo joins the common wording.
  const clusters: { key: string; records: QuestionRecord[] }[] = [];
  const bySortedWords = new Map<string, number>();
  const buckets = new Map<string, number[]>();
  const bySize = yield* sortSteps([...exact.entries()], (a, b) => b[1].length - a[1].length || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  for (const [key, group] of bySize) {
    yield;
    const sorted = sortedWords(key);
    const sameWords = bySortedWords.get(sorted) ?? Infinity;
    const keys = meetingKeys(key);
    let home: number | undefined;
    if (counters.comparisons < MAX_COMPARISONS) {
      const candidates = new Set<number>();
      for (const k of keys) for (const c of buckets.get(k) ?? []) if (c < sameWords) candidates.add(c);
      const ordered = [...candidates].sort((x, y) => x - y).slice(0, MAX_CANDIDATES_PER_WORDING);
      for (const c of ordered) {
        if (counters.comparisons >= MAX_COMPARISONS) break;
        counters.comparisons++;
        if (nearDuplicates(clusters[c].key, key)) {
          home = c;
          break;
        }
      }
    }
    if (home === undefined && sameWords !== Infinity) home = sameWords;
    if (home !== undefined) {
      clusters[home].records.push(...group);
      continue;
    }
    const index = clusters.push({ key, records: [...group] }) - 1;
    if (!bySortedWords.has(sorted)) bySortedWords.set(sorted, index);
    for (const k of keys) {
      const bucket = buckets.get(k);
      if (!bucket) buckets.set(k, [index]);
      else if (bucket.length < MAX_PER_BUCKET) bucket.push(index);
    }
  }
  const groups: QuestionGroup[] = [];
  for (const { records: group } of clusters) {
    yield;
    group.sort(byTime);
    const kinds: Partial<Record<GapKind, number>> = {};
    for (const r of group) {
      const kind = gapKind(r)!;
      kinds[kind] = (kinds[kind] ?? 0) + 1;
    }
    const closestDocId = mostFrequent(group.map((r) => r.docId).filter((d): d is string => Boolean(d)));
    groups.push({
      text: mostFrequent(group.map((r) => r.text!.trim()))!,
      count: group.length,
      lastSeen: group[group.length - 1].at,
      kinds,
      ...(closestDocId ? { closestDocId } : {}),
    });
  }
  return yield* sortSteps(groups, (a, b) => b.count - a.count || (a.lastSeen < b.lastSeen ? 1 : a.lastSeen > b.lastSeen ? -1 : 0) || collator.compare(a.text, b.text));
}

/**
 * Groups gap questions (records must be oldest first, as `RecordStore.list` returns them):
 * exact normalised matches first, then near duplicates folded into the larger group. Most
 * frequent first, then most recent, then alphabetical. In one go; `unanswered` itself runs
 * {@link groupingSteps} in slices.
 *
 * @example
 * groupQuestions(records).map((g) => [g.text, g.count]); // [['is de minimis still available?', 5], …]
 */
export function groupQuestions(records: readonly QuestionRecord[], counters?: GroupingCounters): QuestionGroup[] {
  return runToEnd(groupingSteps(records, counters));
}

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

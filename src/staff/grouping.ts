/**
 * Grouping the questions of the staff `unanswered` report: the same question typed in other
 * words order or with a few typos is one group, in near-linear time and in slices (see
 * slices.ts), so a report over many records never holds the bot up.
 */
import type { QuestionOutcome, QuestionRecord } from '../records';
import { editDistance } from '../text/editDistance';
import { questionKey as foldedQuestion } from '../text/normalize';
import { runToEnd, sortSteps } from './slices';

/** Below this confidence an answered question still counts as a gap, when its text was kept. */
export const LOW_CONFIDENCE = 0.5;

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

/** How the bot handled a question, when it is a gap this report lists. */
export function gapKind(record: QuestionRecord): GapKind | undefined {
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
export function questionKey(text: string): string {
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

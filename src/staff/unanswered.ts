/**
 * The staff `unanswered` command: the questions the bot could not answer, or answered only
 * unsure, in the last days — the knowledge gaps to fill. Questions are grouped by their
 * normalised text with simple near-duplicate folding, most frequent first.
 */
import { displayDate } from '../clock';
import { quoteUserText, type Reply } from '../channels/reply';
import type { QuestionOutcome, QuestionRecord, UsageRecord } from '../records';
import { easternDayOf, inWindow, lastDays, windowLabel, type DateWindow } from './dates';

/** Below this confidence an answered question still counts as a gap, when its text was kept. */
export const LOW_CONFIDENCE = 0.5;

/**
 * A question reduced to what matters for grouping: lower case, no accents, no punctuation,
 * single spaces.
 *
 * @example
 * normaliseQuestion('  Is the $800 limit   STILL valid?? '); // 'is the 800 limit still valid'
 */
export function normaliseQuestion(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’‘`]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Edit distance, giving up (returning limit + 1) once it must exceed `limit`. */
function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      rowMin = Math.min(rowMin, current[j]);
    }
    if (rowMin > limit) return limit + 1;
    previous = current;
  }
  return previous[b.length];
}

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
  const sortedWords = (s: string) => s.split(' ').sort().join(' ');
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

/**
 * Groups gap questions (records must be oldest first, as `RecordStore.list` returns them):
 * exact normalised matches first, then near duplicates folded into the larger group. Most
 * frequent first, then most recent, then alphabetical.
 *
 * @example
 * groupQuestions(records).map((g) => [g.text, g.count]); // [['is de minimis still available?', 5], …]
 */
export function groupQuestions(records: readonly QuestionRecord[]): QuestionGroup[] {
  const exact = new Map<string, QuestionRecord[]>();
  for (const r of records) {
    if (!r.text || !gapKind(r)) continue;
    const key = normaliseQuestion(r.text).slice(0, 300);
    if (!key) continue;
    exact.set(key, [...(exact.get(key) ?? []), r]);
  }
  // Fold the smaller groups into the larger ones, so a typo joins the common wording.
  const clusters: { key: string; records: QuestionRecord[] }[] = [];
  const bySize = [...exact.entries()].sort((a, b) => b[1].length - a[1].length || a[0].localeCompare(b[0]));
  for (const [key, group] of bySize) {
    const home = clusters.find((c) => nearDuplicates(c.key, key));
    if (home) home.records.push(...group);
    else clusters.push({ key, records: [...group] });
  }
  return clusters
    .map(({ records: group }) => {
      group.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
      const kinds: Partial<Record<GapKind, number>> = {};
      for (const r of group) {
        const kind = gapKind(r)!;
        kinds[kind] = (kinds[kind] ?? 0) + 1;
      }
      const closestDocId = mostFrequent(group.map((r) => r.docId).filter((d): d is string => Boolean(d)));
      return {
        text: mostFrequent(group.map((r) => r.text!.trim()))!,
        count: group.length,
        lastSeen: group[group.length - 1].at,
        kinds,
        ...(closestDocId ? { closestDocId } : {}),
      };
    })
    .sort((a, b) => b.count - a.count || (a.lastSeen < b.lastSeen ? 1 : a.lastSeen > b.lastSeen ? -1 : 0) || a.text.localeCompare(b.text));
}

const MAX_QUOTED_CHARS = 160;

function quoted(text: string): string {
  const short = text.length > MAX_QUOTED_CHARS ? `${text.slice(0, MAX_QUOTED_CHARS - 1).trimEnd()}…` : text;
  return `“${quoteUserText(short.replace(/\s+/g, ' '))}”`;
}

function groupLine(group: QuestionGroup, n: number): string {
  const kinds = (['unsure', 'no answer', 'low confidence'] as GapKind[])
    .filter((k) => group.kinds[k])
    .map((k) => `${group.kinds[k]} ${k}`)
    .join(', ');
  const lastDay = easternDayOf(group.lastSeen);
  const closest = group.closestDocId ? ` · closest: ${quoteUserText(group.closestDocId)}` : '';
  const times = group.count === 1 ? 'once' : `${group.count} times`;
  return `${n}. ${quoted(group.text)} — ${times}, last ${lastDay ? displayDate(lastDay) : 'unknown'} (${kinds})${closest}`;
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
}

/**
 * The groups `unanswered` lists, in the order it numbers them. Deterministic: the same records,
 * time and options give the same list.
 *
 * @example
 * unansweredList(records, new Date()).shown.map((g) => g.text); // ['do you sell kayaks', 'Seller?']
 */
export function unansweredList(records: readonly UsageRecord[], now: Date, options: UnansweredOptions = {}): UnansweredList {
  const days = Math.max(1, Math.min(366, Math.floor(options.days ?? 14)));
  const max = Math.max(1, Math.floor(options.max ?? 10));
  const window = lastDays(now, days);
  const recent = records.filter((r): r is QuestionRecord => r.type === 'question' && inWindow(r.at, window));
  const isTaught = options.isTaught;
  const untaught = isTaught ? recent.filter((r) => !(r.text && gapKind(r) && isTaught(r.text))) : recent;
  const groups = groupQuestions(untaught);
  return {
    days,
    window,
    groups,
    shown: groups.slice(0, max),
    otherCbp: recent.filter((r) => r.outcome === 'other-cbp').length,
    taught: groupQuestions(recent).reduce((sum, g) => sum + g.count, 0) - groups.reduce((sum, g) => sum + g.count, 0),
  };
}

/** How staff act on the list (see desk.ts and teach.ts). */
export const TEACH_HINT = 'To teach the bot, type **teach** and the number, then a document id (the question becomes one of its questions) or **none** (out of scope).';

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
  const { days, window, groups, shown, otherCbp, taught } = list;
  const title = `Unanswered questions, last ${days === 1 ? 'day' : `${days} days`}`;
  const footer: string[] = [`${windowLabel(window)}, U.S. Eastern dates.`];
  if (otherCbp > 0) footer.push(`Not listed: ${otherCbp} about other CBP matters (sent to the CBP Info Center).`);
  if (taught > 0) footer.push(`Not listed: ${taught} already taught.`);
  if (groups.length === 0) {
    return { kind: 'info', title, markdown: [`No unanswered or unsure questions in the last ${days === 1 ? 'day' : `${days} days`}.`, footer.join(' ')].join('\n\n') };
  }
  const total = groups.reduce((sum, g) => sum + g.count, 0);
  const summary = `${total} ${total === 1 ? 'question' : 'questions'} in ${groups.length} ${groups.length === 1 ? 'group' : 'groups'}${shown.length < groups.length ? `; the ${shown.length} most frequent` : ''}:`;
  return {
    kind: 'info',
    title,
    markdown: [summary, shown.map((g, i) => groupLine(g, i + 1)).join('\n'), footer.join(' '), TEACH_HINT].join('\n\n'),
    suggestions: [{ label: 'Usage statistics', value: 'stats' }],
  };
}

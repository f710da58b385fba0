/**
 * Issue 13, finding 1: staff reports over many records must not freeze the bot. `unanswered`
 * once compared every distinct question with every group on the event loop (10,000 distinct
 * questions froze everyone for minutes); `stats` counted half a million records in one go.
 */
import type { KnowledgeBase } from '../knowledge';
import { MemoryRecordStore, type QuestionRecord, type UsageRecord } from '../records';
import { runStaffCommand, type StaffDeskDeps } from './desk';
import { statsReport, statsReportSliced } from './stats';
import { groupQuestions, MAX_CANDIDATES_PER_WORDING, MAX_COMPARISONS, MAX_GROUPED_QUESTIONS, type GroupingCounters } from './grouping';
import { unansweredList, unansweredListSliced } from './unanswered';
import { loopTicks } from '../../test/helpers/loopTicks';

// Noon on 25 Nov 2026 in New York.
const now = new Date('2026-11-25T17:00:00Z');

const WORDS = 'ship vapes duty gift canada limit parcel seller amazon refund tariff bond broker fee mexico shoes phone battery knife food wine watch bag toys'.split(' ');

/** `n` questions with distinct words (a counter spelled as letters), newest last, over the last 10 days. */
function distinctQuestions(n: number): QuestionRecord[] {
  let seed = 7;
  const random = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
  const spelled = (i: number) => i.toString(26).replace(/./g, (c) => String.fromCharCode(97 + parseInt(c, 26)));
  return Array.from({ length: n }, (_, i) => ({
    type: 'question',
    at: new Date(now.getTime() - (n - i) * ((10 * 24 * 3600 * 1000) / n)).toISOString(),
    channelId: 'webchat',
    outcome: i % 3 === 0 ? 'did-you-mean' : 'out-of-scope',
    confidence: 0.2,
    text: `${Array.from({ length: 3 + Math.floor(random() * 5) }, () => WORDS[Math.floor(random() * WORDS.length)]).join(' ')} ${spelled(i)}`,
  }));
}

function desk(records: UsageRecord[]): StaffDeskDeps {
  const store = new MemoryRecordStore();
  store.records.push(...records);
  return {
    records: store,
    knowledge: () => ({ documents: [] }) as unknown as KnowledgeBase,
    clock: () => now,
    outboxCounts: async () => ({ pending: 0, sent: 0, failed: 0 }),
    reload: () => ({ ok: true, documents: 0 }),
  };
}

describe('grouping work is bounded', () => {
  it('compares each distinct wording with a few groups only, not with every group', () => {
    const records = distinctQuestions(20_000);
    const counters: GroupingCounters = { comparisons: 0 };
    const groups = groupQuestions(records, counters);
    expect(groups.length).toBeGreaterThan(1000);
    // Before: every wording against every group, ~n²/2 = 200 million comparisons.
    expect(counters.comparisons).toBeLessThanOrEqual(Math.min(MAX_COMPARISONS, MAX_CANDIDATES_PER_WORDING * records.length));
    expect(groups.reduce((sum, g) => sum + g.count, 0)).toBe(20_000);
  });

  it('groups only the latest questions of the window, and says how many older ones it left out', () => {
    const records = distinctQuestions(MAX_GROUPED_QUESTIONS + 500);
    const list = unansweredList(records, now);
    expect(list.groups.reduce((sum, g) => sum + g.count, 0)).toBe(MAX_GROUPED_QUESTIONS);
    expect(list.notGrouped).toBe(500);
    // The oldest records are the ones left out.
    const grouped = new Set(list.groups.map((g) => g.lastSeen));
    expect(grouped.has(records[0].at)).toBe(false);
  });

  it('the sliced run gives the same list as the run in one go', async () => {
    const records = distinctQuestions(3000);
    const sliced = await unansweredListSliced(records, now);
    expect(sliced).toEqual(unansweredList(records, now));
    expect(await statsReportSliced(records, { pending: 0, sent: 0, failed: 0 }, now)).toEqual(statsReport(records, { pending: 0, sent: 0, failed: 0 }, now));
  });
});

describe('the event loop keeps turning while staff reports run', () => {
  const records = distinctQuestions(20_000);

  it('unanswered over 20,000 records lets other work run in between', async () => {
    const ticks = loopTicks();
    // Stopped even when the command throws: a ticking loop would keep jest running forever.
    const reply = await runStaffCommand({ command: 'unanswered' }, desk(records), {}).finally(() => ticks.stop());
    const count = ticks.stop();
    expect(reply.title).toBe('Unanswered questions, last 14 days');
    // In one go the loop would not turn at all until the reply was ready.
    expect(count).toBeGreaterThan(20);
  });

  it('stats over 20,000 records lets other work run in between', async () => {
    const ticks = loopTicks();
    const reply = await runStaffCommand({ command: 'stats' }, desk(records), {}).finally(() => ticks.stop());
    const count = ticks.stop();
    expect(reply.markdown).toContain('20000 records read');
    expect(count).toBeGreaterThan(20);
  });
});

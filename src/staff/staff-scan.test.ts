/**
 * Issue 13, finding 1: `stats` and `unanswered` once held every record of the window at once
 * (`list`), and the garbage collection of 100,000 parsed records paused the bot for 15–30 ms at
 * a time. Now they read the records through `scan`, keeping only counters (`stats`) or the
 * latest gap questions (`unanswered`, at most MAX_GROUPED_QUESTIONS).
 */
import type { KnowledgeBase } from '../knowledge';
import { MemoryRecordStore, type QuestionRecord, type RecordStore, type UsageRecord } from '../records';
import { runStaffCommand, type StaffDeskDeps } from './desk';
import { statsReport } from './stats';
import { MAX_GROUPED_QUESTIONS } from './grouping';
import { GapCollector, unansweredList } from './unanswered';
import { runToEnd } from './slices';

// Noon on 25 Nov 2026 in New York.
const now = new Date('2026-11-25T17:00:00Z');

const gap = (i: number, n: number): QuestionRecord => ({
  type: 'question',
  at: new Date(now.getTime() - (n - i) * 30_000).toISOString(),
  channelId: 'webchat',
  outcome: 'out-of-scope',
  confidence: 0.1,
  text: `question number ${i.toString(36)} about ${i % 7 === 0 ? 'kayaks' : 'weather'}`,
});

/** A store that only scans: `list` would hold every record, so it fails the test. */
function scanOnly(records: readonly UsageRecord[]): RecordStore {
  return {
    append: async () => undefined,
    list: () => Promise.reject(new Error('list() holds every record at once; staff reports must scan')),
    scan: async (since, visit) => {
      let n = 0;
      for (const r of records) if (!since || r.at >= since) (n++, visit(r));
      return n;
    },
  };
}

function deps(records: RecordStore): StaffDeskDeps {
  return {
    records,
    knowledge: () => ({ documents: [] }) as unknown as KnowledgeBase,
    clock: () => now,
    outboxCounts: async () => ({ pending: 0, sent: 0, failed: 0 }),
    reload: () => ({ ok: true, documents: 0 }),
  };
}

describe('staff reports read the records as a stream', () => {
  const records: UsageRecord[] = [
    ...Array.from({ length: 300 }, (_, i) => gap(i, 300)),
    { type: 'feedback', at: now.toISOString(), channelId: 'webchat', docId: 'gift-duty-free', helpful: true },
  ];

  it('stats and unanswered never ask for the whole list, and give the same replies as from it', async () => {
    const memory = new MemoryRecordStore();
    memory.records.push(...records);
    const stats = await runStaffCommand({ command: 'stats' }, deps(scanOnly(records)));
    expect(stats).toEqual(statsReport(records, { pending: 0, sent: 0, failed: 0 }, now));
    const unanswered = await runStaffCommand({ command: 'unanswered' }, deps(scanOnly(records)));
    expect(unanswered).toEqual(await runStaffCommand({ command: 'unanswered' }, deps(memory)));
    expect(unanswered.markdown).toContain('300 questions in');
  });

  it('unanswered keeps at most the latest MAX_GROUPED_QUESTIONS gap questions, whatever the order they arrive in', () => {
    const n = MAX_GROUPED_QUESTIONS + 2_000;
    const inOrder = Array.from({ length: n }, (_, i) => gap(i, n));
    // Storage order is not time order when several writers append (shared storage): shuffle.
    let seed = 3;
    const random = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
    const shuffled = inOrder.slice();
    for (let i = shuffled.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [shuffled[i], shuffled[j]] = [shuffled[j], shuffled[i]];
    }
    const collector = new GapCollector(now);
    for (const r of shuffled) collector.add(r);
    const list = runToEnd(collector.listSteps());
    expect(list.notGrouped).toBe(2_000);
    expect(list).toEqual(unansweredList(inOrder, now));
    const oldestKept = list.groups.flatMap((g) => g.lastSeen).sort()[0];
    expect(oldestKept >= inOrder[2_000].at).toBe(true);
  });
});

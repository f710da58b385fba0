/**
 * Issue 13, finding 1 (second part): staff reports read the records as a stream and visit each
 * one without keeping them all (`scan`), pausing so the event loop keeps turning.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { countingRecordStore } from '../metrics';
import { JsonlRecordStore, MemoryRecordStore, scanRecords, type UsageRecord } from './index';
import { loopTicks } from '../../test/helpers/loopTicks';

const feedback = (at: string): UsageRecord => ({ type: 'feedback', at, channelId: 'webchat', docId: 'gift-duty-free', helpful: true });

describe('scan: every record visited once, none kept', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'records-scan-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('the file store visits what list returns, from the month of `since`, card numbers removed', async () => {
    const lines = [
      feedback('2026-10-30T10:00:00.000Z'),
      { type: 'question', at: '2026-11-01T10:00:00.000Z', channelId: 'webchat', outcome: 'out-of-scope', confidence: 0, text: 'card 4111 1111 1111 1111' },
      feedback('2026-11-03T10:00:00.000Z'),
    ];
    fs.writeFileSync(path.join(dir, 'usage-2026-10.jsonl'), `${JSON.stringify(lines[0])}\n`);
    fs.writeFileSync(path.join(dir, 'usage-2026-11.jsonl'), `${lines.slice(1).map((l) => JSON.stringify(l)).join('\n')}\n{"type":"feedb`);
    const store = new JsonlRecordStore(dir);
    const seen: UsageRecord[] = [];
    expect(await store.scan('2026-11-01T00:00:00.000Z', (r) => seen.push(r))).toBe(2);
    expect(seen).toEqual(await store.list('2026-11-01T00:00:00.000Z'));
    expect(seen[0]).toMatchObject({ text: 'card [card number removed]' });
    expect(await store.scan(undefined, () => undefined)).toBe(3);
    expect(await new JsonlRecordStore(path.join(dir, 'none')).scan(undefined, () => undefined)).toBe(0);
  });

  test('the file store pauses between chunks of a large file', async () => {
    const at = '2026-11-02T10:00:00.000Z';
    fs.writeFileSync(path.join(dir, 'usage-2026-11.jsonl'), `${Array.from({ length: 20_000 }, () => JSON.stringify(feedback(at))).join('\n')}\n`);
    const ticks = loopTicks();
    let visited = 0;
    let count: number;
    try {
      await new JsonlRecordStore(dir).scan(undefined, () => visited++);
    } finally {
      count = ticks.stop();
    }
    expect(visited).toBe(20_000);
    // About 1.5 MB in 64 KiB chunks, a pause after each.
    expect(count).toBeGreaterThan(15);
  });

  test('the memory store and the metrics wrapper scan too; a store without scan falls back to list', async () => {
    const memory = new MemoryRecordStore();
    for (let i = 0; i < 5_000; i++) memory.records.push(feedback(`2026-11-${i < 1000 ? '01' : '02'}T10:00:00.000Z`));
    const counted = countingRecordStore(memory, { recordUsage: () => undefined });
    const ticks = loopTicks();
    let visited = 0;
    let scanned: number;
    let count: number;
    try {
      scanned = await scanRecords(counted, '2026-11-02T00:00:00.000Z', () => visited++);
    } finally {
      count = ticks.stop();
    }
    expect(scanned).toBe(4_000);
    expect(visited).toBe(4_000);
    expect(count).toBeGreaterThan(5);
    const listOnly = { append: async () => undefined, list: async () => memory.records.slice(0, 3) };
    expect(await scanRecords(listOnly, undefined, () => undefined)).toBe(3);
  });
});

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { JsonlRecordStore } from './index';

describe('JsonlRecordStore', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'records-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('keeps records across store instances, split by month, filtered by date', async () => {
    const a = new JsonlRecordStore(dir);
    await a.append({ type: 'question', at: '2026-10-31T23:00:00.000Z', channelId: 'webchat', outcome: 'out-of-scope', confidence: 0, text: 'do you sell kayaks' });
    await a.append({ type: 'feedback', at: '2026-11-02T10:00:00.000Z', channelId: 'msteams', docId: 'gift-exemption', helpful: false });
    const b = new JsonlRecordStore(dir);
    expect((await b.list()).map((r) => r.type)).toEqual(['question', 'feedback']);
    expect(await b.list('2026-11-01T00:00:00.000Z')).toHaveLength(1);
    expect(fs.readdirSync(dir).sort()).toEqual(['usage-2026-10.jsonl', 'usage-2026-11.jsonl']);
  });

  test('skips a torn line left by a crash', async () => {
    const store = new JsonlRecordStore(dir);
    await store.append({ type: 'feedback', at: '2026-11-02T10:00:00.000Z', channelId: 'webchat', docId: 'x', helpful: true });
    fs.appendFileSync(path.join(dir, 'usage-2026-11.jsonl'), '{"type":"feedb');
    expect(await store.list()).toHaveLength(1);
  });

  test('an empty or missing folder has no records', async () => {
    expect(await new JsonlRecordStore(path.join(dir, 'none')).list()).toEqual([]);
  });
});

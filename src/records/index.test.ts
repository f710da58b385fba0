import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { JsonlRecordStore, MemoryRecordStore, redactRecord, type QuestionRecord } from './index';

const question = (text: string): QuestionRecord => ({ type: 'question', at: '2026-11-02T10:00:00.000Z', channelId: 'webchat', outcome: 'out-of-scope', confidence: 0, text });

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

  test('a question with a card number is stored without it, in a file only the bot can read (issue 13)', async () => {
    const store = new JsonlRecordStore(dir);
    await store.append(question('my card 4111 1111 1111 1111 was charged twice'));
    await store.append(question('or was it ４１１１.１１１１.１１１１.１１１１'));
    const file = path.join(dir, 'usage-2026-11.jsonl');
    const onDisk = fs.readFileSync(file, 'utf8');
    expect(onDisk).toContain('my card [card number removed] was charged twice');
    expect(onDisk.normalize('NFKC')).not.toMatch(/4111|1111/);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect((await store.list()).map((r) => (r as QuestionRecord).text)).toEqual(['my card [card number removed] was charged twice', 'or was it [card number removed]']);
  });

  test('a file written before: tightened to 0600 at the next append, card numbers removed when read', async () => {
    const file = path.join(dir, 'usage-2026-11.jsonl');
    fs.writeFileSync(file, `${JSON.stringify(question('card 5500 0055 5555 5559'))}\n`, { mode: 0o644 });
    fs.chmodSync(file, 0o644);
    const store = new JsonlRecordStore(dir);
    expect(((await store.list())[0] as QuestionRecord).text).toBe('card [card number removed]');
    await store.append(question('kayaks'));
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
  });

  test('the memory store keeps records redacted too; redactRecord leaves other records as they are', async () => {
    const memory = new MemoryRecordStore();
    await memory.append(question('card 4111111111111111'));
    expect((memory.records[0] as QuestionRecord).text).toBe('card [card number removed]');
    const clean = question('do you sell kayaks');
    expect(redactRecord(clean)).toBe(clean);
  });

  test('a question written as an email is kept without its greeting and signature (name, phone)', async () => {
    const memory = new MemoryRecordStore();
    await memory.append(question('Dear Sir or Madam,\n\ndo you sell kayaks\n\nKind regards,\nJohn Smith\n12 Elm Street, Dayton OH\nTel. 555-0134'));
    expect((memory.records[0] as QuestionRecord).text).toBe('do you sell kayaks');
  });

  test('appends go through one open file per month: 1,000 concurrent appends all land, whole lines, in order; the next month rotates', async () => {
    const store = new JsonlRecordStore(dir);
    const opened = jest.spyOn(fs, 'openSync');
    try {
      const at = (i: number) => `2026-11-02T10:${String(Math.floor(i / 60)).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}.000Z`;
      await Promise.all(Array.from({ length: 1000 }, (_, i) => store.append({ type: 'feedback', at: at(i), channelId: 'webchat', docId: `d${i}`, helpful: true })));
      await store.append({ type: 'feedback', at: '2026-12-01T00:00:00.000Z', channelId: 'webchat', docId: 'december', helpful: true });
      expect(opened.mock.calls.filter(([file]) => String(file).startsWith(dir)).map(([file]) => path.basename(String(file)))).toEqual(['usage-2026-11.jsonl', 'usage-2026-12.jsonl']);
    } finally {
      opened.mockRestore();
    }
    await store.close();
    const lines = fs.readFileSync(path.join(dir, 'usage-2026-11.jsonl'), 'utf8').split('\n');
    expect(lines.pop()).toBe('');
    expect(lines.map((l) => (JSON.parse(l) as { docId: string }).docId)).toEqual(Array.from({ length: 1000 }, (_, i) => `d${i}`));
    expect((await store.list('2026-12-01T00:00:00.000Z')).map((r) => (r as { docId: string }).docId)).toEqual(['december']);
    expect(fs.statSync(path.join(dir, 'usage-2026-12.jsonl')).mode & 0o777).toBe(0o600);
  });

  test('a file moved away while open (log rotation by hand) is created again at the next append; close() then append reopens', async () => {
    const store = new JsonlRecordStore(dir);
    const file = path.join(dir, 'usage-2026-11.jsonl');
    await store.append(question('first'));
    fs.renameSync(file, path.join(dir, 'moved.jsonl'));
    await store.append(question('second'));
    await store.close();
    await store.append(question('third'));
    await store.close();
    expect(fs.readFileSync(file, 'utf8').trim().split('\n').map((l) => (JSON.parse(l) as QuestionRecord).text)).toEqual(['second', 'third']);
    expect(fs.readFileSync(path.join(dir, 'moved.jsonl'), 'utf8')).toContain('"first"');
  });

  test('an empty or missing folder has no records', async () => {
    expect(await new JsonlRecordStore(path.join(dir, 'none')).list()).toEqual([]);
  });
});

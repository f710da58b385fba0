import { startAzurite, type AzuriteServer } from '../../test/helpers/azurite';
import { containerClient, downloadBlob } from '../azure/blob';
import { BlobRecordStore } from './blobRecordStore';
import type { UsageRecord } from './index';

let azurite: AzuriteServer;
beforeAll(async () => {
  azurite = await startAzurite();
});
afterAll(async () => {
  await azurite?.stop();
});

let n = 0;
const freshContainer = () => `records-${process.pid}-${++n}`;

const feedback = (at: string, docId = 'gift-exemption'): UsageRecord => ({ type: 'feedback', at, channelId: 'webchat', docId, helpful: true });

async function blobNames(container: string): Promise<string[]> {
  const names: string[] = [];
  for await (const item of containerClient(azurite.connectionString, container).listBlobsFlat({ prefix: 'usage/' })) names.push(item.name);
  return names.sort();
}

describe('BlobRecordStore', () => {
  it('keeps records across store instances, split by month, filtered by date', async () => {
    const container = freshContainer();
    const a = BlobRecordStore.fromConnectionString(azurite.connectionString, container, { writerId: 'host-1' });
    expect(await a.list()).toEqual([]);
    await a.append({ type: 'question', at: '2026-10-31T23:00:00.000Z', channelId: 'webchat', outcome: 'out-of-scope', confidence: 0, text: 'do you sell kayaks' });
    await a.append(feedback('2026-11-02T10:00:00.000Z'));
    const b = BlobRecordStore.fromConnectionString(azurite.connectionString, container);
    expect((await b.list()).map((r) => r.type)).toEqual(['question', 'feedback']);
    expect(await b.list('2026-11-01T00:00:00.000Z')).toHaveLength(1);
    expect(await blobNames(container)).toEqual(['usage/2026-10/host-1-000.jsonl', 'usage/2026-11/host-1-000.jsonl']);
  });

  it('stores a question without its card number (issue 13)', async () => {
    const container = freshContainer();
    const store = BlobRecordStore.fromConnectionString(azurite.connectionString, container, { writerId: 'w1' });
    await store.append({ type: 'question', at: '2026-11-02T10:00:00.000Z', channelId: 'webchat', outcome: 'out-of-scope', confidence: 0, text: 'my card 4111_1111_1111_1111 was charged twice' });
    const body = (await downloadBlob(containerClient(azurite.connectionString, container), 'usage/2026-11/w1-000.jsonl'))!.body.toString('utf8');
    expect(body).toContain('my card [card number removed] was charged twice');
    expect(body).not.toMatch(/4111|1111/);
  });

  it('refuses a record without a usable instant', async () => {
    const store = BlobRecordStore.fromConnectionString(azurite.connectionString, freshContainer());
    await expect(store.append(feedback('yesterday'))).rejects.toThrow(/valid "at"/);
  });

  it('batches concurrent appends into few blocks, each append resolving once stored', async () => {
    const container = freshContainer();
    const store = BlobRecordStore.fromConnectionString(azurite.connectionString, container, { writerId: 'busy' });
    await Promise.all(Array.from({ length: 200 }, (_, i) => store.append(feedback(`2026-11-02T10:00:${String(i % 60).padStart(2, '0')}.000Z`, `d${i}`))));
    const properties = await containerClient(azurite.connectionString, container).getAppendBlobClient('usage/2026-11/busy-000.jsonl').getProperties();
    expect(properties.blobCommittedBlockCount).toBeLessThan(20);
    expect(await store.list()).toHaveLength(200);
    await store.drain();
  });

  it('an append whose earlier try already landed is not stored twice', async () => {
    const container = freshContainer();
    const store = BlobRecordStore.fromConnectionString(azurite.connectionString, container, { writerId: 'w1' });
    await store.append(feedback('2026-11-02T10:00:00.000Z', 'one'));
    // As if the first try of the next append reached the service but its answer was lost:
    const two = feedback('2026-11-02T10:00:01.000Z', 'two');
    const line = `${JSON.stringify(two)}\n`;
    await containerClient(azurite.connectionString, container).getAppendBlobClient('usage/2026-11/w1-000.jsonl').appendBlock(line, Buffer.byteLength(line));
    await store.append(two);
    expect((await store.list()).map((r) => (r as { docId: string }).docId)).toEqual(['one', 'two']);
  });

  it('if something else writes into its blob, the writer moves to a fresh one and loses nothing', async () => {
    const container = freshContainer();
    const store = BlobRecordStore.fromConnectionString(azurite.connectionString, container, { writerId: 'w1' });
    await store.append(feedback('2026-11-02T10:00:00.000Z', 'one'));
    await containerClient(azurite.connectionString, container).getAppendBlobClient('usage/2026-11/w1-000.jsonl').appendBlock('not json\n', 9);
    await store.append(feedback('2026-11-02T10:00:01.000Z', 'two'));
    expect((await store.list()).map((r) => (r as { docId: string }).docId)).toEqual(['one', 'two']);
    expect(await blobNames(container)).toEqual(['usage/2026-11/w1-000.jsonl', 'usage/2026-11/w1-001.jsonl']);
  });

  it('rolls over to the next blob before the block limit', async () => {
    const container = freshContainer();
    const store = BlobRecordStore.fromConnectionString(azurite.connectionString, container, { writerId: 'w1', maxBlocksPerBlob: 2 });
    for (let i = 0; i < 5; i++) await store.append(feedback(`2026-11-02T10:00:0${i}.000Z`, `d${i}`));
    expect(await blobNames(container)).toEqual(['usage/2026-11/w1-000.jsonl', 'usage/2026-11/w1-001.jsonl', 'usage/2026-11/w1-002.jsonl']);
    expect(await store.list()).toHaveLength(5);
    // A restarted writer with the same id picks up after what is there.
    const again = BlobRecordStore.fromConnectionString(azurite.connectionString, container, { writerId: 'w1', maxBlocksPerBlob: 2 });
    await again.append(feedback('2026-11-02T10:00:09.000Z', 'd9'));
    expect((await again.list()).map((r) => (r as { docId: string }).docId)).toEqual(['d0', 'd1', 'd2', 'd3', 'd4', 'd9']);
  });
});

import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { FileOutboxStore } from './fileStore/FileOutboxStore';
import { hashIdempotencyKey, Outbox } from './outbox';
import { EscalationValidationError } from './sanitize';
import type { EscalationRequest } from './types';

let dir: string;
beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'outbox-'));
});
afterEach(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

const clock = () => new Date('2026-03-02T15:00:00.000Z');

function request(overrides: Partial<EscalationRequest> = {}): EscalationRequest {
  return {
    idempotencyKey: 'conv-1:act-1',
    question: 'Do I owe duty on a $30 gift?',
    channelId: 'webchat',
    conversationId: 'conv-1',
    createdAt: '2026-03-02T14:59:00.000Z',
    ...overrides,
  };
}

async function pendingFiles(): Promise<string[]> {
  return (await fs.readdir(path.join(dir, 'pending'))).sort();
}

describe('Outbox.enqueue', () => {
  it('stores one JSON file and returns a reference for this year', async () => {
    const woken: string[] = [];
    const outbox = new Outbox({ store: new FileOutboxStore(dir), clock, onEnqueued: (r) => woken.push(r) });
    expect(await outbox.enqueue(request())).toEqual({ reference: 'ECOM-2026-000001', duplicate: false });
    expect(await outbox.enqueue(request({ idempotencyKey: 'conv-1:act-2' }))).toEqual({ reference: 'ECOM-2026-000002', duplicate: false });
    expect(await pendingFiles()).toEqual(['ECOM-2026-000001.json', 'ECOM-2026-000002.json']);
    expect(woken).toEqual(['ECOM-2026-000001', 'ECOM-2026-000002']);
    const stored = JSON.parse(await fs.readFile(path.join(dir, 'pending', 'ECOM-2026-000001.json'), 'utf8'));
    expect(stored).toEqual({
      version: 1,
      reference: 'ECOM-2026-000001',
      idempotencyKeyHash: hashIdempotencyKey('conv-1:act-1'),
      enqueuedAt: '2026-03-02T15:00:00.000Z',
      escalation: { question: 'Do I owe duty on a $30 gift?', channelId: 'webchat', conversationId: 'conv-1', createdAt: '2026-03-02T14:59:00.000Z' },
    });
  });

  it('is idempotent: same key, same reference, nothing new written — also after a restart', async () => {
    const outbox = new Outbox({ store: new FileOutboxStore(dir), clock });
    const first = await outbox.enqueue(request());
    expect(await outbox.enqueue(request())).toEqual({ reference: first.reference, duplicate: true });
    const restarted = new Outbox({ store: new FileOutboxStore(dir), clock });
    expect(await restarted.enqueue(request({ question: 'edited on retry' }))).toEqual({ reference: first.reference, duplicate: true });
    expect(await pendingFiles()).toEqual([`${first.reference}.json`]);
  });

  it('two Outbox instances racing on one key agree on one reference and keep one message', async () => {
    const a = new Outbox({ store: new FileOutboxStore(dir), clock });
    const b = new Outbox({ store: new FileOutboxStore(dir), clock });
    const results = await Promise.all([a.enqueue(request()), b.enqueue(request()), a.enqueue(request()), b.enqueue(request())]);
    expect(new Set(results.map((r) => r.reference)).size).toBe(1);
    expect(results.filter((r) => !r.duplicate).length).toBeLessThanOrEqual(1);
    expect(await pendingFiles()).toEqual([`${results[0]!.reference}.json`]);
  });

  it('sanitises before storing: no card number reaches the disk', async () => {
    const outbox = new Outbox({ store: new FileOutboxStore(dir), clock });
    await outbox.enqueue(request({ question: 'My card 4111-1111-1111-1111 was charged twice' }));
    const text = await fs.readFile(path.join(dir, 'pending', 'ECOM-2026-000001.json'), 'utf8');
    expect(text).not.toMatch(/4111/);
    expect(text).toContain('[card number removed]');
  });

  it('rejects an invalid reply-to and writes nothing', async () => {
    const outbox = new Outbox({ store: new FileOutboxStore(dir), clock });
    await expect(outbox.enqueue(request({ replyTo: 'x@y.com\r\nBcc: evil@z.com' }))).rejects.toThrow(EscalationValidationError);
    await expect(fs.readdir(path.join(dir, 'pending'))).rejects.toThrow(); // not even the folder
  });

  it('ignores a throwing onEnqueued callback', async () => {
    const outbox = new Outbox({
      store: new FileOutboxStore(dir),
      clock,
      onEnqueued: () => {
        throw new Error('mailer not started');
      },
    });
    await expect(outbox.enqueue(request())).resolves.toEqual({ reference: 'ECOM-2026-000001', duplicate: false });
  });
});

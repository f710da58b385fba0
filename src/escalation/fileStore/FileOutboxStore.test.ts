import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type { OutboxRecord } from '../types';
import { claimFileName, parseClaimFileName, safeOwner } from './claimNames';
import { FileOutboxStore } from './FileOutboxStore';

const run = promisify(execFile);
const ROOT = path.resolve(__dirname, '../../..');

let dir: string;
beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'outbox-store-'));
});
afterEach(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

function record(reference: string, keyHash = reference.slice(-1).repeat(64).replace(/[^0-9a-f]/g, 'a')): OutboxRecord {
  return {
    version: 1,
    reference,
    idempotencyKeyHash: keyHash,
    enqueuedAt: '2026-03-02T15:00:00.000Z',
    escalation: { question: 'Q?', channelId: 'webchat', conversationId: 'c1', createdAt: '2026-03-02T15:00:00.000Z' },
  };
}

const t0 = new Date('2026-03-02T15:00:00.000Z');
const at = (ms: number) => new Date(t0.getTime() + ms);

describe('claim file names', () => {
  it('round-trips and refuses foreign names', () => {
    const name = claimFileName({ reference: 'ECOM-2026-000001', owner: 'host/1~x', untilMs: 12345 });
    expect(name).toBe('ECOM-2026-000001~host_1_x~12345.json');
    expect(parseClaimFileName(name)).toEqual({ reference: 'ECOM-2026-000001', owner: 'host_1_x', untilMs: 12345 });
    expect(parseClaimFileName('ECOM-2026-000001.json')).toBeUndefined();
    expect(parseClaimFileName('../x~y~1.json')).toBeUndefined();
    expect(() => safeOwner('..')).toThrow();
  });
});

describe('FileOutboxStore sequence', () => {
  it('counts up per year and survives a restart', async () => {
    const store = new FileOutboxStore(dir);
    expect([await store.allocateSequence(2026), await store.allocateSequence(2026), await store.allocateSequence(2027)]).toEqual([1, 2, 1]);
    const restarted = new FileOutboxStore(dir);
    expect(await restarted.allocateSequence(2026)).toBe(3);
  });

  it('does not reuse the number of an existing message even if seq/ was cleaned out', async () => {
    const store = new FileOutboxStore(dir);
    await store.addPending(record('ECOM-2026-000041'));
    await fs.mkdir(path.join(dir, 'sent'), { recursive: true });
    await fs.writeFile(path.join(dir, 'sent', 'ECOM-2026-000042.eml'), '');
    expect(await new FileOutboxStore(dir).allocateSequence(2026)).toBe(43);
    expect(await new FileOutboxStore(dir).allocateSequence(2027)).toBe(1);
  });

  it('never hands out a number twice to two stores on the same folder', async () => {
    const a = new FileOutboxStore(dir);
    const b = new FileOutboxStore(dir);
    const numbers = await Promise.all(Array.from({ length: 40 }, (_, i) => (i % 2 ? a : b).allocateSequence(2026)));
    expect(new Set(numbers).size).toBe(40);
    expect(Math.max(...numbers)).toBe(40);
  });

  it('never hands out a number twice to two processes on the same folder', async () => {
    const script = `
      const { FileOutboxStore } = require('./src/escalation/fileStore/FileOutboxStore');
      (async () => {
        const store = new FileOutboxStore(process.argv[1]);
        const got = [];
        for (let i = 0; i < 25; i++) got.push(await store.allocateSequence(2026));
        process.stdout.write(JSON.stringify(got));
      })();`;
    const child = () => run(process.execPath, ['-r', 'tsx/cjs', '-e', script, dir], { cwd: ROOT });
    const [x, y] = await Promise.all([child(), child()]);
    const all = [...(JSON.parse(x.stdout) as number[]), ...(JSON.parse(y.stdout) as number[])];
    expect(new Set(all).size).toBe(50);
  });
});

describe('FileOutboxStore keys and messages', () => {
  it('binds a key once; later binds get the first reference', async () => {
    const store = new FileOutboxStore(dir);
    const hash = 'b'.repeat(64);
    expect(await store.findReferenceByKey(hash)).toBeUndefined();
    const results = await Promise.all([store.bindKey(hash, 'ECOM-2026-000001'), new FileOutboxStore(dir).bindKey(hash, 'ECOM-2026-000002')]);
    expect(results[0]).toBe(results[1]);
    expect(await store.findReferenceByKey(hash)).toBe(results[0]);
    await expect(store.bindKey('not-a-hash', 'ECOM-2026-000001')).rejects.toThrow(/hex/);
  });

  it('stores a pending message as readable JSON, once', async () => {
    const store = new FileOutboxStore(dir);
    await store.addPending(record('ECOM-2026-000001'));
    await expect(store.addPending(record('ECOM-2026-000001'))).rejects.toThrow(/already exists/);
    const onDisk = JSON.parse(await fs.readFile(path.join(dir, 'pending', 'ECOM-2026-000001.json'), 'utf8'));
    expect(onDisk.escalation.question).toBe('Q?');
    const [entry] = await store.list('pending');
    expect(entry).toEqual({ status: 'pending', record: record('ECOM-2026-000001'), state: { attempts: 0, nextAttemptAt: '2026-03-02T15:00:00.000Z' } });
    expect(await store.count('pending')).toBe(1);
    expect((await store.get('ECOM-2026-000001'))?.status).toBe('pending');
    expect(await store.get('ECOM-2026-000999')).toBeUndefined();
    // No temporary files are left behind.
    expect((await fs.readdir(path.join(dir, 'pending'))).filter((n) => n.startsWith('.'))).toEqual([]);
  });

  it('skips unreadable files in listings', async () => {
    const store = new FileOutboxStore(dir);
    await store.addPending(record('ECOM-2026-000001'));
    await fs.writeFile(path.join(dir, 'pending', 'ECOM-2026-000002.json'), '{"half":');
    await fs.writeFile(path.join(dir, 'pending', 'notes.txt'), 'hello');
    expect((await store.list('pending')).map((e) => e.record.reference)).toEqual(['ECOM-2026-000001']);
  });
});

describe('FileOutboxStore claims', () => {
  const lease = { leaseMs: 1000 };

  it('lets exactly one of two concurrent claimers win', async () => {
    const a = new FileOutboxStore(dir);
    const b = new FileOutboxStore(dir);
    await a.addPending(record('ECOM-2026-000001'));
    const claims = await Promise.all([
      a.claim('ECOM-2026-000001', { owner: 'a', now: t0, ...lease }),
      b.claim('ECOM-2026-000001', { owner: 'b', now: t0, ...lease }),
    ]);
    expect(claims.filter(Boolean)).toHaveLength(1);
    const [sending] = await a.list('sending');
    expect(sending?.claim?.until).toBe(at(1000).toISOString());
  });

  it('takes over an expired claim, and the old holder can no longer finish', async () => {
    const store = new FileOutboxStore(dir);
    await store.addPending(record('ECOM-2026-000001'));
    const first = await store.claim('ECOM-2026-000001', { owner: 'dead', now: t0, ...lease });
    expect(first?.resumed).toBe(false);
    expect(await store.claim('ECOM-2026-000001', { owner: 'other', now: at(999), ...lease })).toBeUndefined();
    const second = await store.claim('ECOM-2026-000001', { owner: 'other', now: at(1000), ...lease });
    expect(second?.resumed).toBe(true);
    expect(await store.markSent(first!, { attempts: 1, nextAttemptAt: t0.toISOString() })).toBe(false);
    expect(await store.markSent(second!, { attempts: 1, nextAttemptAt: t0.toISOString(), sentAt: at(1001).toISOString() })).toBe(true);
    const sent = await store.get('ECOM-2026-000001');
    expect(sent?.status).toBe('sent');
    expect(sent?.state.sentAt).toBe(at(1001).toISOString());
    expect(await store.count('sending')).toBe(0);
  });

  it('reschedules back to pending with the new state', async () => {
    const store = new FileOutboxStore(dir);
    await store.addPending(record('ECOM-2026-000001'));
    const claim = await store.claim('ECOM-2026-000001', { owner: 'm', now: t0, ...lease });
    const state = { attempts: 1, nextAttemptAt: at(60_000).toISOString(), lastError: 'connection refused' };
    expect(await store.reschedule(claim!, state)).toBe(true);
    expect((await store.get('ECOM-2026-000001'))?.state).toEqual(state);
    expect((await store.get('ECOM-2026-000001'))?.status).toBe('pending');
  });

  it('moves to failed, and retryFailed brings it back with attempts reset', async () => {
    const store = new FileOutboxStore(dir);
    await store.addPending(record('ECOM-2026-000001'));
    const claim = await store.claim('ECOM-2026-000001', { owner: 'm', now: t0, ...lease });
    await store.markFailed(claim!, { attempts: 8, nextAttemptAt: t0.toISOString(), lastError: '550 no', failedAt: t0.toISOString() });
    expect(await store.count('failed')).toBe(1);
    expect(await store.retryFailed('ECOM-2026-000001', at(5000))).toBe(true);
    expect(await store.retryFailed('ECOM-2026-000001', at(5000))).toBe(false);
    const entry = await store.get('ECOM-2026-000001');
    expect(entry?.status).toBe('pending');
    expect(entry?.state).toEqual({ attempts: 0, nextAttemptAt: at(5000).toISOString(), lastError: '550 no' });
  });

  it('discards a claimed duplicate', async () => {
    const store = new FileOutboxStore(dir);
    await store.addPending(record('ECOM-2026-000001'));
    const claim = await store.claim('ECOM-2026-000001', { owner: 'm', now: t0, ...lease });
    expect(await store.discard(claim!)).toBe(true);
    expect(await store.get('ECOM-2026-000001')).toBeUndefined();
  });

  it('parks an unreadable claimed message in failed instead of retrying it forever', async () => {
    const store = new FileOutboxStore(dir);
    await fs.mkdir(path.join(dir, 'pending'), { recursive: true });
    await fs.writeFile(path.join(dir, 'pending', 'ECOM-2026-000001.json'), 'garbage');
    expect(await store.claim('ECOM-2026-000001', { owner: 'm', now: t0, ...lease })).toBeUndefined();
    expect(await fs.readdir(path.join(dir, 'failed'))).toEqual(['ECOM-2026-000001.json']);
  });

  it('housekeeping removes old temporary files only', async () => {
    const store = new FileOutboxStore(dir);
    await store.addPending(record('ECOM-2026-000001'));
    const old = path.join(dir, 'pending', '.tmp-1-old');
    const fresh = path.join(dir, 'pending', '.tmp-1-fresh');
    await fs.writeFile(old, 'x');
    await fs.writeFile(fresh, 'x');
    const twoHoursAgo = new Date(Date.now() - 2 * 60 * 60 * 1000);
    await fs.utimes(old, twoHoursAgo, twoHoursAgo);
    await store.housekeeping(new Date());
    expect((await fs.readdir(path.join(dir, 'pending'))).sort()).toEqual(['.tmp-1-fresh', 'ECOM-2026-000001.json']);
  });
});

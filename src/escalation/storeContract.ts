/**
 * The behaviour every `OutboxStore` must show, as a jest suite any implementation can run:
 * the file store (src/escalation/storeContract.test.ts) and the Azure Blob store
 * (test/storage-azurite.test.ts) run the same cases, so the Outbox and the Mailer can rely on
 * them whichever store is configured.
 *
 * Only for tests: it calls jest's `describe`/`it`/`expect`.
 *
 * @example
 * describeOutboxStoreContract('FileOutboxStore', async () => {
 *   const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'outbox-'));
 *   return {
 *     store: new FileOutboxStore(dir),
 *     another: () => new FileOutboxStore(dir),
 *     writeUnreadablePending: (reference) => fs.writeFile(path.join(dir, 'pending', `${reference}.json`), 'garbage'),
 *     cleanup: () => fs.rm(dir, { recursive: true, force: true }),
 *   };
 * });
 */
import type { OutboxStore } from './store';
import type { OutboxRecord } from './types';

export interface OutboxStoreHarness {
  /** A store on fresh, empty storage. */
  store: OutboxStore;
  /** Another store object on the same storage: a second instance, or the same one restarted. */
  another(): OutboxStore;
  /** Puts an unreadable message (not JSON) into pending under this reference, behind the store's back. */
  writeUnreadablePending(reference: string): Promise<void>;
  /** Removes the storage. */
  cleanup(): Promise<void>;
}

const t0 = new Date('2026-03-02T15:00:00.000Z');
const at = (ms: number) => new Date(t0.getTime() + ms);
const lease = { leaseMs: 1000 };

/** A valid stored record; the key hash defaults to one derived from the reference. */
export function contractRecord(reference: string, keyHash = reference.slice(-1).repeat(64).replace(/[^0-9a-f]/g, 'a')): OutboxRecord {
  return {
    version: 1,
    reference,
    idempotencyKeyHash: keyHash,
    enqueuedAt: '2026-03-02T15:00:00.000Z',
    escalation: { question: 'Q?', channelId: 'webchat', conversationId: 'c1', createdAt: '2026-03-02T15:00:00.000Z' },
  };
}

/**
 * Registers the contract cases for one store implementation.
 *
 * @param name shown in the test names
 * @param makeHarness called before each case; gives a store on fresh storage
 */
export function describeOutboxStoreContract(name: string, makeHarness: () => Promise<OutboxStoreHarness>): void {
  describe(`OutboxStore contract: ${name}`, () => {
    let h: OutboxStoreHarness;
    beforeEach(async () => {
      h = await makeHarness();
    });
    afterEach(async () => {
      await h.cleanup();
    });

    describe('sequence', () => {
      it('counts up per year and survives a restart', async () => {
        const { store } = h;
        expect([await store.allocateSequence(2026), await store.allocateSequence(2026), await store.allocateSequence(2027)]).toEqual([1, 2, 1]);
        expect(await h.another().allocateSequence(2026)).toBe(3);
      });

      it('does not reuse the number of an existing message', async () => {
        await h.store.addPending(contractRecord('ECOM-2026-000041'));
        expect(await h.another().allocateSequence(2026)).toBe(42);
        expect(await h.another().allocateSequence(2027)).toBe(1);
      });

      it('never hands out a number twice to two stores on the same storage', async () => {
        const a = h.store;
        const b = h.another();
        const numbers = await Promise.all(Array.from({ length: 40 }, (_, i) => (i % 2 ? a : b).allocateSequence(2026)));
        expect(new Set(numbers).size).toBe(40);
        expect(Math.min(...numbers)).toBe(1);
      });
    });

    describe('keys and messages', () => {
      it('binds a key once; later binds get the first reference', async () => {
        const hash = 'b'.repeat(64);
        expect(await h.store.findReferenceByKey(hash)).toBeUndefined();
        const results = await Promise.all([h.store.bindKey(hash, 'ECOM-2026-000001'), h.another().bindKey(hash, 'ECOM-2026-000002')]);
        expect(results[0]).toBe(results[1]);
        expect(await h.store.findReferenceByKey(hash)).toBe(results[0]);
        expect(await h.store.bindKey(hash, 'ECOM-2026-000003')).toBe(results[0]);
        await expect(h.store.bindKey('not-a-hash', 'ECOM-2026-000001')).rejects.toThrow(/hex/);
      });

      it('stores a pending message once and reads it back', async () => {
        const { store } = h;
        await store.addPending(contractRecord('ECOM-2026-000001'));
        await expect(store.addPending(contractRecord('ECOM-2026-000001'))).rejects.toThrow(/already exists/);
        const [entry] = await store.list('pending');
        expect(entry).toEqual({ status: 'pending', record: contractRecord('ECOM-2026-000001'), state: { attempts: 0, nextAttemptAt: '2026-03-02T15:00:00.000Z' } });
        expect(await store.count('pending')).toBe(1);
        expect((await store.get('ECOM-2026-000001'))?.status).toBe('pending');
        expect(await store.get('ECOM-2026-000999')).toBeUndefined();
        expect(await store.get('../../etc/passwd')).toBeUndefined();
        expect(await h.another().count('pending')).toBe(1);
      });

      it('lists oldest first', async () => {
        const later = { ...contractRecord('ECOM-2026-000001'), enqueuedAt: '2026-03-02T16:00:00.000Z' };
        await h.store.addPending(later);
        await h.store.addPending(contractRecord('ECOM-2026-000002'));
        expect((await h.store.list('pending')).map((e) => e.record.reference)).toEqual(['ECOM-2026-000002', 'ECOM-2026-000001']);
      });

      it('skips unreadable messages in listings', async () => {
        await h.store.addPending(contractRecord('ECOM-2026-000001'));
        await h.writeUnreadablePending('ECOM-2026-000002');
        expect((await h.store.list('pending')).map((e) => e.record.reference)).toEqual(['ECOM-2026-000001']);
      });
    });

    describe('claims', () => {
      it('lets exactly one of two concurrent claimers win', async () => {
        const a = h.store;
        const b = h.another();
        await a.addPending(contractRecord('ECOM-2026-000001'));
        const claims = await Promise.all([
          a.claim('ECOM-2026-000001', { owner: 'a', now: t0, ...lease }),
          b.claim('ECOM-2026-000001', { owner: 'b', now: t0, ...lease }),
        ]);
        expect(claims.filter(Boolean)).toHaveLength(1);
        const [sending] = await a.list('sending');
        expect(sending?.claim?.until).toBe(at(1000).toISOString());
        expect(sending?.claim?.owner).toBe(claims.find(Boolean)!.owner);
        expect(await a.count('pending')).toBe(0);
        expect(await a.count('sending')).toBe(1);
      });

      it('lets exactly one of many concurrent claimers on several stores win', async () => {
        await h.store.addPending(contractRecord('ECOM-2026-000001'));
        const stores = [h.store, h.another(), h.another(), h.another()];
        const claims = await Promise.all(stores.flatMap((s, i) => [0, 1].map((j) => s.claim('ECOM-2026-000001', { owner: `m${i}-${j}`, now: t0, ...lease }))));
        expect(claims.filter(Boolean)).toHaveLength(1);
      });

      it('does not claim what is unknown, sent or failed', async () => {
        const { store } = h;
        expect(await store.claim('ECOM-2026-000404', { owner: 'm', now: t0, ...lease })).toBeUndefined();
        expect(await store.claim('not a reference', { owner: 'm', now: t0, ...lease })).toBeUndefined();
        await store.addPending(contractRecord('ECOM-2026-000001'));
        await store.addPending(contractRecord('ECOM-2026-000002'));
        const one = await store.claim('ECOM-2026-000001', { owner: 'm', now: t0, ...lease });
        const two = await store.claim('ECOM-2026-000002', { owner: 'm', now: t0, ...lease });
        await store.markSent(one!, { attempts: 1, nextAttemptAt: t0.toISOString(), sentAt: t0.toISOString() });
        await store.markFailed(two!, { attempts: 8, nextAttemptAt: t0.toISOString(), failedAt: t0.toISOString() });
        expect(await store.claim('ECOM-2026-000001', { owner: 'x', now: at(10_000), ...lease })).toBeUndefined();
        expect(await store.claim('ECOM-2026-000002', { owner: 'x', now: at(10_000), ...lease })).toBeUndefined();
      });

      it('takes over an expired claim, and the old holder can no longer finish', async () => {
        const { store } = h;
        await store.addPending(contractRecord('ECOM-2026-000001'));
        const first = await store.claim('ECOM-2026-000001', { owner: 'dead', now: t0, ...lease });
        expect(first?.resumed).toBe(false);
        expect(first?.leaseUntil).toBe(at(1000).toISOString());
        expect(await store.claim('ECOM-2026-000001', { owner: 'other', now: at(999), ...lease })).toBeUndefined();
        const second = await h.another().claim('ECOM-2026-000001', { owner: 'other', now: at(1000), ...lease });
        expect(second?.resumed).toBe(true);
        const anyState = { attempts: 1, nextAttemptAt: t0.toISOString() };
        expect(await store.markSent(first!, anyState)).toBe(false);
        expect(await store.reschedule(first!, anyState)).toBe(false);
        expect(await store.markFailed(first!, anyState)).toBe(false);
        expect(await store.discard(first!)).toBe(false);
        const stillSending = await store.get('ECOM-2026-000001');
        expect(stillSending?.status).toBe('sending');
        expect(stillSending?.claim?.owner).toBe('other');
        expect(await store.markSent(second!, { attempts: 1, nextAttemptAt: t0.toISOString(), sentAt: at(1001).toISOString() })).toBe(true);
        const sent = await store.get('ECOM-2026-000001');
        expect(sent?.status).toBe('sent');
        expect(sent?.state.sentAt).toBe(at(1001).toISOString());
        expect(await store.count('sending')).toBe(0);
        expect(await store.count('sent')).toBe(1);
        expect((await store.list('sent')).map((e) => e.record.reference)).toEqual(['ECOM-2026-000001']);
      });

      it('reschedules back to pending with the new state', async () => {
        const { store } = h;
        await store.addPending(contractRecord('ECOM-2026-000001'));
        const claim = await store.claim('ECOM-2026-000001', { owner: 'm', now: t0, ...lease });
        const state = { attempts: 1, nextAttemptAt: at(60_000).toISOString(), lastError: 'connection refused' };
        expect(await store.reschedule(claim!, state)).toBe(true);
        expect((await store.get('ECOM-2026-000001'))?.state).toEqual(state);
        expect((await store.get('ECOM-2026-000001'))?.status).toBe('pending');
        const again = await h.another().claim('ECOM-2026-000001', { owner: 'n', now: at(60_000), ...lease });
        expect(again?.resumed).toBe(false);
        expect(again?.state).toEqual(state);
      });

      it('moves to failed, and retryFailed brings it back with attempts reset', async () => {
        const { store } = h;
        await store.addPending(contractRecord('ECOM-2026-000001'));
        const claim = await store.claim('ECOM-2026-000001', { owner: 'm', now: t0, ...lease });
        expect(await store.markFailed(claim!, { attempts: 8, nextAttemptAt: t0.toISOString(), lastError: '550 no', failedAt: t0.toISOString() })).toBe(true);
        expect(await store.count('failed')).toBe(1);
        expect((await store.list('failed'))[0]?.state.failedAt).toBe(t0.toISOString());
        expect(await store.retryFailed('ECOM-2026-000001', at(5000))).toBe(true);
        expect(await store.retryFailed('ECOM-2026-000001', at(5000))).toBe(false);
        expect(await store.retryFailed('ECOM-2026-000404', at(5000))).toBe(false);
        const entry = await store.get('ECOM-2026-000001');
        expect(entry?.status).toBe('pending');
        expect(entry?.state).toEqual({ attempts: 0, nextAttemptAt: at(5000).toISOString(), lastError: '550 no' });
      });

      it('discards a claimed duplicate', async () => {
        const { store } = h;
        await store.addPending(contractRecord('ECOM-2026-000001'));
        const claim = await store.claim('ECOM-2026-000001', { owner: 'm', now: t0, ...lease });
        expect(await store.discard(claim!)).toBe(true);
        expect(await store.get('ECOM-2026-000001')).toBeUndefined();
        expect(await store.count('sending')).toBe(0);
      });

      it('parks an unreadable claimed message in failed instead of retrying it forever', async () => {
        const { store } = h;
        await h.writeUnreadablePending('ECOM-2026-000001');
        expect(await store.claim('ECOM-2026-000001', { owner: 'm', now: t0, ...lease })).toBeUndefined();
        expect(await store.count('failed')).toBe(1);
        expect(await store.count('pending')).toBe(0);
        expect(await store.claim('ECOM-2026-000001', { owner: 'm', now: at(10_000), ...lease })).toBeUndefined();
      });

      it('housekeeping keeps messages intact', async () => {
        const { store } = h;
        await store.addPending(contractRecord('ECOM-2026-000001'));
        await store.housekeeping(at(0));
        expect(await store.count('pending')).toBe(1);
      });
    });
  });
}

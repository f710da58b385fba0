import { ConversationState, MemoryStorage, TurnContext } from 'botbuilder';
import type { Clock } from '../clock';
import { createSharedStores } from '../composition/sharedStores';
import { createStateStorage } from './index';
import { ExpiringMemoryStorage } from './expiringMemory';
import { ConflictCheckedStorage, StateConflictError } from './stateStorage';
import { testTurn } from '../../test/helpers/turnContext';

const MINUTE = 60_000;

/** A clock the test moves by hand. */
function manualClock(start = Date.parse('2026-11-25T17:00:00Z')): Clock & { advance(ms: number): void } {
  let now = start;
  const clock = (() => new Date(now)) as Clock & { advance(ms: number): void };
  clock.advance = (ms) => {
    now += ms;
  };
  return clock;
}

function store(options: { ttlMs?: number; maxItems?: number; clock?: Clock } = {}): ExpiringMemoryStorage {
  return new ExpiringMemoryStorage({ ttlMs: options.ttlMs ?? 60 * MINUTE, maxItems: options.maxItems ?? 100, sweepIntervalMs: 0, ...(options.clock ? { clock: options.clock } : {}) });
}

const turn = testTurn;

describe('ExpiringMemoryStorage', () => {
  it('what MemoryStorage does: keeps every conversation for ever, and delete leaves the key behind', async () => {
    const memory: Record<string, string> = {};
    const storage = new MemoryStorage(memory);
    for (let i = 0; i < 50; i++) await storage.write({ [`c${i}`]: { n: i } });
    await storage.delete(['c0']);
    expect(Object.keys(memory)).toHaveLength(50);
  });

  it('reads and writes like MemoryStorage: copies, fresh eTags, unknown keys give nothing', async () => {
    const storage = store();
    await storage.write({ a: { n: 1 } });
    const first = await storage.read(['a', 'missing']);
    expect(Object.keys(first)).toEqual(['a']);
    expect(first.a).toEqual({ n: 1, eTag: expect.any(String) });
    first.a.n = 99; // a private copy
    expect((await storage.read(['a'])).a.n).toBe(1);
    await storage.write({ a: { n: 2, eTag: first.a.eTag } });
    const second = await storage.read(['a']);
    expect(second.a.eTag).not.toBe(first.a.eTag);
    await storage.delete(['a']);
    expect(await storage.read(['a'])).toEqual({});
    expect(storage.size).toBe(0);
  });

  it('forgets an item idle for longer than the TTL (injected clock), and reading it gives nothing', async () => {
    const clock = manualClock();
    const storage = store({ ttlMs: 60 * MINUTE, clock });
    await storage.write({ idle: { n: 1 }, busy: { n: 1 } });
    clock.advance(40 * MINUTE);
    await storage.read(['busy']); // a read counts as activity
    clock.advance(20 * MINUTE);
    expect(Object.keys(await storage.read(['idle', 'busy']))).toEqual(['idle', 'busy']); // exactly 60 min: still there
    clock.advance(60 * MINUTE + 1);
    await storage.write({ busy: { n: 2 } });
    expect(await storage.read(['idle'])).toEqual({});
    expect((await storage.read(['busy'])).busy.n).toBe(2);
  });

  it('the sweep frees idle items without any traffic', async () => {
    const clock = manualClock();
    const storage = store({ ttlMs: 10 * MINUTE, maxItems: 5000, clock });
    for (let i = 0; i < 1000; i++) await storage.write({ [`c${i}`]: { n: i } });
    clock.advance(5 * MINUTE);
    await storage.write({ late: { n: 0 } });
    clock.advance(5 * MINUTE + 1);
    expect(storage.sweep()).toBe(1000);
    expect(storage.size).toBe(1);
    expect(storage.dropped.expired).toBe(1000);
  });

  it('at the cap, writing one more drops the least recently used; reading the evicted key gives nothing', async () => {
    const storage = store({ maxItems: 3 });
    await storage.write({ a: { n: 1 } });
    await storage.write({ b: { n: 1 } });
    await storage.write({ c: { n: 1 } });
    await storage.read(['a']); // a is now more recent than b
    await storage.write({ d: { n: 1 } });
    expect(storage.size).toBe(3);
    expect(await storage.read(['b'])).toEqual({});
    expect(Object.keys(await storage.read(['a', 'c', 'd'])).sort()).toEqual(['a', 'c', 'd']);
    expect(storage.dropped.evicted).toBe(1);
  });

  it('eTag conflicts as before: a stale eTag is refused and changes nothing; "*" and none overwrite', async () => {
    const storage = store();
    await storage.write({ a: { n: 1 } });
    const read = await storage.read(['a']);
    await storage.write({ a: { n: 2, eTag: read.a.eTag } });
    await expect(storage.write({ a: { n: 3, eTag: read.a.eTag }, b: { n: 1 } })).rejects.toThrow('Storage: error writing "a" due to eTag conflict.');
    expect((await storage.read(['a'])).a.n).toBe(2);
    expect(await storage.read(['b'])).toEqual({});
    await storage.write({ a: { n: 4, eTag: '*' } });
    await storage.write({ a: { n: 5 } });
    expect((await storage.read(['a'])).a.n).toBe(5);
  });

  it('under ConflictCheckedStorage, a turn that saves over a newer save still fails with StateConflictError', async () => {
    const state = new ConversationState(new ConflictCheckedStorage(store()));
    const dialog = state.createProperty('dialog');
    const first = turn('c1');
    await dialog.set(first, { step: 0 });
    await state.saveChanges(first);
    const slow = turn('c1');
    const quick = turn('c1');
    await state.load(slow);
    await state.load(quick);
    await dialog.set(quick, { step: 1 });
    await state.saveChanges(quick);
    await dialog.set(slow, { step: 'stale' });
    await expect(state.saveChanges(slow)).rejects.toBeInstanceOf(StateConflictError);
    expect(await dialog.get(turn('c1'))).toEqual({ step: 1 });
  });

  it('an expired conversation comes back empty: the turn starts fresh and saves without a conflict', async () => {
    const clock = manualClock();
    const state = new ConversationState(new ConflictCheckedStorage(store({ ttlMs: MINUTE, clock })));
    const dialog = state.createProperty('dialog');
    const before = turn('c1');
    await dialog.set(before, { step: 3 });
    await state.saveChanges(before);
    clock.advance(MINUTE + 1);
    const after = turn('c1');
    expect(await dialog.get(after)).toBeUndefined();
    await dialog.set(after, { step: 0 });
    await state.saveChanges(after);
    expect(await dialog.get(turn('c1'))).toEqual({ step: 0 });
  });

  it('refuses unusable bounds', () => {
    expect(() => new ExpiringMemoryStorage({ ttlMs: 0, maxItems: 10, sweepIntervalMs: 0 })).toThrow(/ttlMs/);
    expect(() => new ExpiringMemoryStorage({ ttlMs: 1000, maxItems: 0, sweepIntervalMs: 0 })).toThrow(/maxItems/);
  });
});

describe('the memory stores are bounded', () => {
  it('createSharedStores and createStateStorage use the TTL and the cap (defaults 60 min, 10,000)', async () => {
    const clock = manualClock();
    const shared = createSharedStores({ kind: 'memory', ttlMs: MINUTE, maxConversations: 2, clock });
    expect(shared.description).toMatch(/after 1 min, at most 2/);
    const inner = (shared.state as ConflictCheckedStorage).inner as ExpiringMemoryStorage;
    inner.close();
    expect(inner.options).toMatchObject({ ttlMs: MINUTE, maxItems: 2 });
    await shared.state.write({ a: { n: 1 }, b: { n: 1 }, c: { n: 1 } });
    expect(Object.keys(await shared.state.read(['a', 'b', 'c']))).toEqual(['b', 'c']);
    clock.advance(MINUTE + 1);
    expect(await shared.state.read(['b', 'c'])).toEqual({});

    const defaults = (createStateStorage({ kind: 'memory' }) as ConflictCheckedStorage).inner as ExpiringMemoryStorage;
    defaults.close();
    expect(defaults.options).toMatchObject({ ttlMs: 60 * MINUTE, maxItems: 10_000 });
    expect(() => createStateStorage({ kind: 'memory', maxConversations: 0 })).toThrow(/STATE_MAX_CONVERSATIONS/);
  });
});

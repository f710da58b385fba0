/**
 * Conversation state in process memory that does not grow without end (issue 13, finding 5).
 *
 * botbuilder's MemoryStorage keeps every conversation it ever saw for the life of the process
 * (about 2.3 KB for a conversation that only said hello, 17 KB for a chatty one, and `delete`
 * leaves the key behind), so a single instance's memory only grows. This store has the same
 * semantics for reads, writes and eTags, plus two bounds:
 *
 * - **TTL**: an item not read or written for `ttlMs` is gone. Expired items are dropped lazily
 *   (a read of one returns nothing), from the least recently used end at every write, and by a
 *   periodic sweep (`sweepIntervalMs`, an unref'd timer) so an idle process frees memory too.
 * - **LRU cap**: at most `maxItems` items; writing one more drops the least recently used.
 *
 * An expired or evicted conversation that comes back simply starts fresh: no dialog in progress,
 * no transcript; its message is answered as the first of a new conversation.
 *
 * Time comes from the injected `Clock` (src/clock.ts), never the wall clock, so tests move it.
 * Items are kept as JSON strings, like MemoryStorage: each read hands out a private copy. The eTag
 * is kept beside the JSON, not in it, and the JSON is the one `OnceSerialisedConversationState`
 * made for its change check (serialisedState.ts): one serialisation per turn, not two.
 */
import type { Storage, StoreItem, StoreItems } from 'botbuilder';
import { systemClock, type Clock } from '../clock';
import { rememberReadJson, stateJson, takeWriteJson } from './serialisedState';

export interface ExpiringMemoryOptions {
  /** An item idle (not read or written) for longer than this is dropped. */
  ttlMs: number;
  /** At most this many items; the least recently used goes first. */
  maxItems: number;
  /** Defaults to the system clock. */
  clock?: Clock;
  /** How often the idle sweep runs; 0 = no timer (call `sweep()` yourself). Default: a quarter of the TTL, from 1 s to 60 s. */
  sweepIntervalMs?: number;
}

interface Entry {
  /** The item without its eTag. */
  json: string;
  eTag: string;
  touchedAt: number;
}

/**
 * @example
 * const storage = new ConflictCheckedStorage(new ExpiringMemoryStorage({ ttlMs: 60 * 60_000, maxItems: 10_000 }));
 * const conversationState = new ConversationState(storage);
 */
export class ExpiringMemoryStorage implements Storage {
  /** Map order is recency order: every touch re-inserts, so the first entry is the least recently used. */
  private readonly entries = new Map<string, Entry>();
  private nextETag = 1;
  private readonly clock: Clock;
  private readonly timer: ReturnType<typeof setInterval> | undefined;
  /** Items dropped so far, by cause (for logs and tests). */
  readonly dropped = { expired: 0, evicted: 0 };

  constructor(readonly options: ExpiringMemoryOptions) {
    if (!(options.ttlMs > 0)) throw new RangeError(`ttlMs must be positive (got ${options.ttlMs})`);
    if (!Number.isInteger(options.maxItems) || options.maxItems < 1) throw new RangeError(`maxItems must be a whole number of at least 1 (got ${options.maxItems})`);
    this.clock = options.clock ?? systemClock;
    const every = options.sweepIntervalMs ?? Math.min(60_000, Math.max(1_000, Math.floor(options.ttlMs / 4)));
    if (every > 0) {
      this.timer = setInterval(() => this.sweep(), every);
      this.timer.unref();
    }
  }

  /** How many items are held now (expired ones not yet swept included). */
  get size(): number {
    return this.entries.size;
  }

  async read(keys: string[]): Promise<StoreItems> {
    if (!keys) throw new ReferenceError('Keys are required when reading.');
    const now = this.now();
    const items: StoreItems = {};
    for (const key of keys) {
      const entry = this.entries.get(key);
      if (!entry) continue;
      if (this.isExpired(entry, now)) {
        this.drop(key, 'expired');
        continue;
      }
      this.touch(key, entry, now);
      const item = JSON.parse(entry.json) as StoreItem;
      item.eTag = entry.eTag;
      rememberReadJson(item, entry.json);
      items[key] = item;
    }
    return items;
  }

  async write(changes: StoreItems): Promise<void> {
    if (!changes) throw new ReferenceError('Changes are required when writing.');
    const now = this.now();
    // Check every eTag first, so a conflicting batch changes nothing.
    for (const [key, item] of Object.entries(changes)) {
      const old = this.entries.get(key);
      const eTag: unknown = item?.eTag;
      if (!old || this.isExpired(old, now) || eTag === '*' || !eTag) continue;
      if (eTag !== old.eTag) throw new Error(`Storage: error writing "${key}" due to eTag conflict.`);
    }
    for (const [key, item] of Object.entries(changes)) {
      const eTag = String(this.nextETag++);
      this.entries.delete(key);
      this.entries.set(key, { json: takeWriteJson(item) ?? stateJson(item ?? {}), eTag, touchedAt: now });
    }
    this.expireOldest(now);
    while (this.entries.size > this.options.maxItems) {
      this.drop(this.entries.keys().next().value as string, 'evicted');
    }
  }

  async delete(keys: string[]): Promise<void> {
    for (const key of keys) this.entries.delete(key);
  }

  /** Drops every item idle for longer than the TTL; returns how many. */
  sweep(): number {
    return this.expireOldest(this.now());
  }

  /** Stops the sweep timer (the store keeps working, expiring lazily). */
  close(): void {
    if (this.timer) clearInterval(this.timer);
  }

  private now(): number {
    return this.clock().getTime();
  }

  private isExpired(entry: Entry, now: number): boolean {
    return now - entry.touchedAt > this.options.ttlMs;
  }

  private touch(key: string, entry: Entry, now: number): void {
    entry.touchedAt = now;
    this.entries.delete(key);
    this.entries.set(key, entry);
  }

  /** From the least recently used end, while expired: amortised O(1) per item. */
  private expireOldest(now: number): number {
    let count = 0;
    for (const [key, entry] of this.entries) {
      if (!this.isExpired(entry, now)) break;
      this.drop(key, 'expired');
      count++;
    }
    return count;
  }

  private drop(key: string, cause: 'expired' | 'evicted'): void {
    this.entries.delete(key);
    this.dropped[cause]++;
  }

  toJSON(): { name: string; size: number; ttlMs: number; maxItems: number } {
    return { name: 'ExpiringMemoryStorage', size: this.entries.size, ttlMs: this.options.ttlMs, maxItems: this.options.maxItems };
  }
}

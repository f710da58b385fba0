/**
 * Conversation state storage that does not silently lose updates when several bot instances
 * (or concurrent turns in one instance) work on the same conversation.
 *
 * What botbuilder does on its own: `BotState.saveChanges` sets `eTag = '*'` on the state
 * object before every write, and both MemoryStorage and BlobsStorage treat `'*'` as "overwrite
 * whatever is there" (BlobsStorage then sends no If-Match at all). So two turns of one
 * conversation processed at the same time — on two instances, or a slow turn on A while the
 * person carries on through B — end with whichever wrote last; the other turn's progress is
 * gone, and a slow stale turn can roll a dialog back several steps without anyone noticing.
 *
 * `ConflictCheckedStorage` restores optimistic concurrency under botbuilder: it remembers the
 * ETag each state object had when it was read, and when that same object comes back to be
 * written with `'*'`, it writes it with the ETag it was read with instead. If another turn
 * saved in between, the write fails (BlobsStorage: HTTP 412 → "eTag conflict") and this turn's
 * changes are not saved; the other turn's state stays intact and consistent, and the failure
 * surfaces as `StateConflictError` for the bot's error handler (see `isStateConflict`).
 *
 * Limits, by design: state created by this turn (a new conversation, or after `clear()`) has
 * no ETag and is written unconditionally, as before; after a successful write the object is
 * forgotten, so a second save of it in the same turn is unconditional (BlobsStorage does not
 * return the new ETag). Explicit ETags other than `'*'` pass through untouched.
 */
import type { BlobsStorage } from 'botbuilder-azure-blobs';
import type { Storage, StoreItems } from 'botbuilder';
import { passWriteJson } from './serialisedState';
import { blobPipelineOptions, StorageUnavailableError } from '../azure/blob';

const CONFLICT = /error writing "(.*)" due to eTag conflict/;

/**
 * A turn's state changes were not saved because another turn saved the same conversation
 * first. The stored state is the other turn's, intact.
 */
export class StateConflictError extends Error {
  readonly code = 'STATE_CONFLICT';
  constructor(readonly key: string | undefined, cause?: unknown) {
    super(`state "${key ?? '?'}" was saved by another turn since this turn read it (eTag conflict); this turn's changes were not saved`, { cause });
    this.name = 'StateConflictError';
  }
}

/**
 * Whether an error means "another turn saved this conversation first" — from this module or
 * straight from MemoryStorage / BlobsStorage. The bot's `onTurnError` should then keep the
 * stored state (it is the other turn's, and valid) instead of deleting it, and ask the person
 * to send their last message again.
 *
 * @example
 * adapter.onTurnError = async (context, err) => {
 *   if (isStateConflict(err)) return context.sendActivity('I received two messages at once. Please send your last message again.');
 *   …
 * };
 */
export function isStateConflict(err: unknown): boolean {
  if (err instanceof StateConflictError) return true;
  const message = (err as { message?: unknown } | undefined)?.message;
  return typeof message === 'string' && CONFLICT.test(message);
}

/**
 * Wraps any botbuilder Storage that reports ETags on read and honours them on write
 * (MemoryStorage, BlobsStorage) so that botbuilder's `'*'` writes become conditional.
 *
 * @example
 * const conversationState = new ConversationState(new ConflictCheckedStorage(new MemoryStorage()));
 */
export class ConflictCheckedStorage implements Storage {
  /** The ETag each state object had when read, keyed by the object itself (per turn, exact). */
  private readonly readETags = new WeakMap<object, string>();

  constructor(readonly inner: Storage) {}

  async read(keys: string[]): Promise<StoreItems> {
    const items = await this.inner.read(keys);
    for (const item of Object.values(items)) {
      if (item && typeof item === 'object' && typeof item.eTag === 'string' && item.eTag !== '' && item.eTag !== '*') {
        this.readETags.set(item, item.eTag);
      }
    }
    return items;
  }

  async write(changes: StoreItems): Promise<void> {
    const out: StoreItems = {};
    const checked: object[] = [];
    for (const [key, item] of Object.entries(changes)) {
      const readETag = item && typeof item === 'object' ? this.readETags.get(item) : undefined;
      const eTag: unknown = item?.eTag;
      if (readETag !== undefined && (eTag === '*' || eTag === undefined || eTag === '')) {
        out[key] = { ...item, eTag: readETag };
        passWriteJson(item, out[key]!); // the JSON the conversation state made for this write (serialisedState.ts)
        checked.push(item);
      } else {
        out[key] = item;
      }
    }
    try {
      await this.inner.write(out);
    } catch (err) {
      if (isStateConflict(err) && !(err instanceof StateConflictError)) {
        throw new StateConflictError(CONFLICT.exec((err as Error).message)?.[1], err);
      }
      throw err;
    }
    // The stored ETag has changed and BlobsStorage does not report the new one.
    for (const item of checked) this.readETags.delete(item);
  }

  delete(keys: string[]): Promise<void> {
    return this.inner.delete(keys);
  }
}

export interface BlobStateStorageOptions {
  requestTimeoutMs?: number;
}

/**
 * BlobsStorage (botbuilder-azure-blobs) with two repairs:
 * - BlobsStorage creates its container lazily on first use and remembers the outcome, so one
 *   failure (storage unreachable while the app starts) would fail every later turn until a
 *   restart. Here a failed operation replaces the BlobsStorage object, so the next turn tries
 *   again.
 * - Requests have a timeout and bounded retries (`blobPipelineOptions`).
 *
 * The blobs are BlobsStorage's own: one JSON blob per state key, named by the URI-encoded key
 * (`msteams%2Fconversations%2F…`), so the data stays readable by any BlobsStorage.
 *
 * @example
 * const storage = new BlobStateStorage(connectionString, 'bot-state');
 * await storage.ready(); // creates the container; rejects with a readable StorageUnavailableError
 */
export class BlobStateStorage implements Storage {
  private inner: BlobsStorage;

  constructor(
    private readonly connectionString: string,
    readonly container: string,
    private readonly options: BlobStateStorageOptions = {},
  ) {
    this.inner = this.create();
  }

  /** Creates the container if missing and checks the credentials. */
  async ready(): Promise<void> {
    try {
      await this.run((storage) => storage.read([]));
    } catch (err) {
      throw new StorageUnavailableError(`could not open the state container "${this.container}"`, err);
    }
  }

  read(keys: string[]): Promise<StoreItems> {
    return this.run((storage) => storage.read(keys));
  }

  write(changes: StoreItems): Promise<void> {
    return this.run((storage) => storage.write(changes));
  }

  delete(keys: string[]): Promise<void> {
    return this.run((storage) => storage.delete(keys));
  }

  private create(): BlobsStorage {
    // Loaded here, not at start: an instance with its state in memory never needs it (issue 15).
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { BlobsStorage } = require('botbuilder-azure-blobs') as typeof import('botbuilder-azure-blobs');
    return new BlobsStorage(this.connectionString, this.container, { storagePipelineOptions: blobPipelineOptions(this.options.requestTimeoutMs) });
  }

  private async run<T>(operation: (storage: BlobsStorage) => Promise<T>): Promise<T> {
    const storage = this.inner;
    try {
      return await operation(storage);
    } catch (err) {
      // A conflict is an answer, not a failure; anything else may be a remembered failed start.
      if (!isStateConflict(err) && this.inner === storage) this.inner = this.create();
      throw err;
    }
  }

  // Protects against JSON.stringify cycles and never shows the connection string.
  toJSON(): { name: string; container: string } {
    return { name: 'BlobStateStorage', container: this.container };
  }
}

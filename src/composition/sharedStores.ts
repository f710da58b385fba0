/**
 * Shared state for scale-out (issue 8), wired in the composition root: one switch,
 * `STATE_STORAGE`, decides where everything an instance must not keep to itself lives.
 *
 * - `memory` (default): conversation state in process memory, bounded (`ttlMs`, `maxConversations`:
 *   idle conversations expire, the least recently active go first at the cap); the outbox and usage
 *   records stay on local files (the app's defaults). One instance only.
 * - `blob`: Azure Blob Storage (`AZURE_STORAGE_CONNECTION_STRING`) for conversation state
 *   (BlobsStorage from botbuilder-azure-blobs, container `STATE_CONTAINER`), the escalation
 *   outbox (`OUTBOX_CONTAINER`), usage records (`RECORDS_CONTAINER`) and what staff taught.
 *   Instances are then stateless and any number can run behind one address.
 *
 * It lives here, not in src/storage, because it builds stores of several layers (escalation,
 * records, staff) and only the composition root may depend on all of them (ARCHITECTURE.md).
 */
import type { Storage } from 'botbuilder';
import type { Logger } from 'pino';
import { StorageUnavailableError } from '../azure/blob';
import { BlobOutboxStore } from '../escalation/blobStore/BlobOutboxStore';
import type { OutboxStore } from '../escalation/store';
import type { TaughtStore } from '../knowledge/taught';
import type { RecordStore } from '../records';
import { BlobRecordStore } from '../records/blobRecordStore';
import { BlobTaughtStore } from '../staff/blobTaughtStore';
import { createStateStorage } from '../storage';
import { BlobStateStorage, ConflictCheckedStorage } from '../storage/stateStorage';
import { resolveStorageSettings, type SharedStoresSettings, type StorageKind } from '../storage/settings';

export interface SharedStoresOptions {
  /** For the outbox store's warnings (unreadable messages and the like). */
  logger?: Pick<Logger, 'warn' | 'error'>;
}

/** What the app wires in one call. */
export interface SharedStores {
  kind: StorageKind;
  /** Conversation (and user) state for `ConversationState` / `UserState`. */
  state: Storage;
  /** Only for blob: pass as `createEscalationService(…, { store: outboxStore })`. Undefined → the file outbox. */
  outboxStore?: OutboxStore;
  /** Only for blob: pass as `createBotCore(…, { records })`. Undefined → the JSONL files. */
  records?: RecordStore;
  /** Only for blob: what staff taught (`teach`), blob `knowledge/taught.yaml` in the records container. Undefined → the knowledge folder's taught.yaml. */
  taught?: TaughtStore;
  /**
   * Creates the containers if missing and checks the credentials; call once at start, before
   * accepting traffic. Rejects with a readable `StorageUnavailableError`. Resolves at once for memory.
   */
  ready(): Promise<void>;
  /** For the start-up log line; never contains a key. */
  description: string;
}

/**
 * Everything shared between instances, from one settings object.
 *
 * @example
 * const shared = createSharedStores({
 *   kind: config.STATE_STORAGE,
 *   connectionString: config.AZURE_STORAGE_CONNECTION_STRING,
 *   container: config.STATE_CONTAINER,
 *   outboxContainer: config.OUTBOX_CONTAINER,
 *   recordsContainer: config.RECORDS_CONTAINER,
 * }, { logger });
 * await shared.ready();
 * logger.info(`state: ${shared.description}`);
 * const core = createBotCore(config, { logger, storage: shared.state, records: shared.records });
 * // …and in createBotCore: createEscalationService(settings, logger, { store: shared.outboxStore })
 */
export function createSharedStores(settings: SharedStoresSettings, options: SharedStoresOptions = {}): SharedStores {
  const resolved = resolveStorageSettings(settings);
  if (resolved.kind === 'memory') {
    return {
      kind: 'memory',
      state: createStateStorage(settings),
      ready: async () => undefined,
      description: `memory (conversation state in this process, idle conversations forgotten after ${resolved.ttlMs / 60_000} min, at most ${resolved.maxConversations}; outbox and records on local files)`,
    };
  }
  const { connectionString, containers, requestTimeoutMs } = resolved;
  const stateStorage = new BlobStateStorage(connectionString, containers.state, { requestTimeoutMs });
  const outboxStore = BlobOutboxStore.fromConnectionString(connectionString, containers.outbox, { requestTimeoutMs, ...(options.logger ? { logger: options.logger } : {}) });
  const records = BlobRecordStore.fromConnectionString(connectionString, containers.records, { requestTimeoutMs });
  return {
    kind: 'blob',
    state: new ConflictCheckedStorage(stateStorage),
    outboxStore,
    records,
    taught: BlobTaughtStore.fromConnectionString(connectionString, containers.records, { requestTimeoutMs }),
    ready: async () => {
      // One after another: the first failure is the clearest message (usually credentials).
      await stateStorage.ready();
      for (const [what, store] of [['outbox', outboxStore], ['records', records]] as const) {
        try {
          await store.ready();
        } catch (err) {
          if (err instanceof StorageUnavailableError) throw err;
          throw new StorageUnavailableError(`could not open the ${what} container`, err);
        }
      }
    },
    description: `Azure Blob Storage at ${resolved.endpoint} (containers ${containers.state}, ${containers.outbox}, ${containers.records})`,
  };
}

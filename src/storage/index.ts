/**
 * Conversation state storage (issue 8): `STATE_STORAGE` decides where it lives.
 *
 * - `memory` (default): in process memory, bounded (`ttlMs`, `maxConversations`: idle
 *   conversations expire, the least recently active go first at the cap). One instance only.
 * - `blob`: Azure Blob Storage (`AZURE_STORAGE_CONNECTION_STRING`, BlobsStorage from
 *   botbuilder-azure-blobs, container `STATE_CONTAINER`); instances are then stateless.
 *
 * In both cases conversation state is written with optimistic concurrency (see
 * stateStorage.ts): a turn that saves over another turn's newer state fails with
 * `StateConflictError` instead of silently undoing it.
 *
 * The outbox, usage records and taught questions on blob storage are built with the state by
 * `createSharedStores` in the composition root (src/composition/sharedStores.ts): this module
 * depends on no other layer's stores.
 */
import type { Storage } from 'botbuilder';
import { ExpiringMemoryStorage } from './expiringMemory';
import { resolveStorageSettings, type ResolvedStorageSettings, type StateStorageSettings } from './settings';
import { BlobStateStorage, ConflictCheckedStorage } from './stateStorage';

/**
 * The botbuilder `Storage` for conversation state.
 *
 * - memory → ExpiringMemoryStorage (idle conversations expire, LRU cap); blob → BlobsStorage on `container` (default bot-state). BlobsStorage
 *   creates its container itself on first use (createIfNotExists); `BlobStateStorage.ready()`
 *   does it at start, and a failed start is retried on the next turn instead of sticking.
 * - Either way wrapped in `ConflictCheckedStorage`, so botbuilder's eTag '*' writes do not
 *   overwrite a newer save by another turn or instance.
 * Throws `StorageSettingsError` (readable lines naming the variables) for unusable settings.
 *
 * @example
 * const storage = createStateStorage({ kind: config.STATE_STORAGE, connectionString: config.AZURE_STORAGE_CONNECTION_STRING, container: config.STATE_CONTAINER });
 * const conversationState = new ConversationState(storage);
 */
export function createStateStorage(settings: StateStorageSettings): Storage {
  const resolved = resolveStorageSettings(settings);
  if (resolved.kind === 'memory') return new ConflictCheckedStorage(memoryState(resolved));
  return new ConflictCheckedStorage(new BlobStateStorage(resolved.connectionString, resolved.containers.state, { requestTimeoutMs: resolved.requestTimeoutMs }));
}

/** Conversation state in this process, bounded: idle ones expire, the least recently active go first at the cap. */
function memoryState(resolved: Extract<ResolvedStorageSettings, { kind: 'memory' }>): ExpiringMemoryStorage {
  return new ExpiringMemoryStorage({ ttlMs: resolved.ttlMs, maxItems: resolved.maxConversations, ...(resolved.clock ? { clock: resolved.clock } : {}) });
}

export { BlobStateStorage, ConflictCheckedStorage, StateConflictError, isStateConflict } from './stateStorage';
export { ExpiringMemoryStorage, type ExpiringMemoryOptions } from './expiringMemory';
export { StorageUnavailableError, describeStorageError } from '../azure/blob';
export {
  DEFAULT_CONTAINERS,
  DEFAULT_MEMORY_BOUNDS,
  StorageSettingsError,
  isValidContainerName,
  parseConnectionString,
  resolveStorageSettings,
  type ResolvedStorageSettings,
  type SharedStoresSettings,
  type StateStorageSettings,
  type StorageKind,
} from './settings';

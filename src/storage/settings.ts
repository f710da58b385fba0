/**
 * The storage switch and its settings, checked before anything connects: a wrong value stops
 * the start with one readable line per problem, naming the environment variable (the same
 * style as src/config.ts). The account key never appears in a message.
 */
import type { Clock } from '../clock';

export type StorageKind = 'memory' | 'blob';

/** Default container names; they may all be the same container (the stores use distinct prefixes). */
/** Bounds of conversation state in memory (`STATE_TTL_MINUTES`, `STATE_MAX_CONVERSATIONS`). */
export const DEFAULT_MEMORY_BOUNDS = { ttlMs: 60 * 60_000, maxConversations: 10_000 } as const;

export const DEFAULT_CONTAINERS = {
  /** `STATE_CONTAINER`: conversation (and user) state, one blob per conversation. */
  state: 'bot-state',
  /** `OUTBOX_CONTAINER`: the escalation outbox. */
  outbox: 'bot-outbox',
  /** `RECORDS_CONTAINER`: usage records (questions, feedback). */
  records: 'bot-records',
} as const;

export interface StateStorageSettings {
  /** `STATE_STORAGE`: memory (default, one instance) or blob (Azure Blob Storage, several instances). */
  kind: StorageKind;
  /** `AZURE_STORAGE_CONNECTION_STRING`; required for blob. */
  connectionString?: string;
  /** `STATE_CONTAINER`; default bot-state. */
  container?: string;
  /** Per-request timeout before a retry; default 15 s. */
  requestTimeoutMs?: number;
  /** Memory only (`STATE_TTL_MINUTES`): a conversation idle this long is forgotten; default 60 minutes. */
  ttlMs?: number;
  /** Memory only (`STATE_MAX_CONVERSATIONS`): at most this many conversations, least recently active dropped first; default 10,000. */
  maxConversations?: number;
  /** Memory only: the clock idle time is measured with (tests); default the system clock. */
  clock?: Clock;
}

export interface SharedStoresSettings extends StateStorageSettings {
  /** `OUTBOX_CONTAINER`; default bot-outbox. */
  outboxContainer?: string;
  /** `RECORDS_CONTAINER`; default bot-records. */
  recordsContainer?: string;
}

/** Settings after validation, with defaults filled in. */
export type ResolvedStorageSettings =
  | { kind: 'memory'; ttlMs: number; maxConversations: number; clock: Clock | undefined }
  | {
      kind: 'blob';
      connectionString: string;
      containers: { state: string; outbox: string; records: string };
      requestTimeoutMs: number | undefined;
      /** The blob endpoint, for logs (no credentials). */
      endpoint: string;
    };

/** Thrown for unusable storage settings; `problems` holds one line per variable. */
export class StorageSettingsError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid storage configuration:\n${problems.map((p) => `  ${p}`).join('\n')}`);
    this.name = 'StorageSettingsError';
  }
}

/** 3–63 characters: lowercase letters, digits and single hyphens, starting and ending with a letter or digit. */
const CONTAINER_NAME = /^(?=.{3,63}$)[a-z0-9]+(-[a-z0-9]+)*$/;

/**
 * Whether a string is a valid Azure Blob container name.
 *
 * @example
 * isValidContainerName('bot-state'); // true
 * isValidContainerName('Bot_State'); // false
 */
export function isValidContainerName(name: string): boolean {
  return CONTAINER_NAME.test(name);
}

/**
 * Reads an Azure Storage connection string into its parts (keys compared case-insensitively);
 * throws a readable error when it cannot work for blobs. Never echoes the key.
 *
 * @example
 * parseConnectionString('UseDevelopmentStorage=true').blobEndpoint; // 'http://127.0.0.1:10000/devstoreaccount1'
 */
export function parseConnectionString(connectionString: string): { blobEndpoint: string; accountName?: string } {
  const parts = new Map<string, string>();
  for (const piece of connectionString.split(';')) {
    const trimmed = piece.trim();
    if (!trimmed) continue;
    const eq = trimmed.indexOf('=');
    if (eq <= 0) throw new Error('is not a connection string (expected Name=value pairs separated by ";")');
    parts.set(trimmed.slice(0, eq).trim().toLowerCase(), trimmed.slice(eq + 1).trim());
  }
  if (parts.get('usedevelopmentstorage')?.toLowerCase() === 'true') {
    return { blobEndpoint: 'http://127.0.0.1:10000/devstoreaccount1', accountName: 'devstoreaccount1' };
  }
  const accountName = parts.get('accountname');
  const hasKey = Boolean(parts.get('accountkey'));
  const hasSas = Boolean(parts.get('sharedaccesssignature'));
  let blobEndpoint = parts.get('blobendpoint');
  if (!hasKey && !hasSas) throw new Error('needs AccountKey (or SharedAccessSignature), or UseDevelopmentStorage=true');
  if (hasKey && !accountName) throw new Error('has AccountKey but no AccountName');
  if (!blobEndpoint) {
    if (!accountName) throw new Error('needs AccountName or BlobEndpoint');
    const protocol = parts.get('defaultendpointsprotocol') ?? 'https';
    const suffix = parts.get('endpointsuffix') ?? 'core.windows.net';
    blobEndpoint = `${protocol}://${accountName}.blob.${suffix}`;
  }
  try {
    const url = new URL(blobEndpoint);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error('bad protocol');
  } catch {
    throw new Error('has a BlobEndpoint that is not an http(s) URL');
  }
  return { blobEndpoint, ...(accountName ? { accountName } : {}) };
}

/**
 * Validates the settings and fills in defaults; throws StorageSettingsError listing every problem.
 *
 * @example
 * resolveStorageSettings({ kind: 'blob' });
 * // throws: "AZURE_STORAGE_CONNECTION_STRING is required when STATE_STORAGE=blob"
 */
export function resolveStorageSettings(settings: SharedStoresSettings): ResolvedStorageSettings {
  const problems: string[] = [];
  const kind = settings.kind as string;
  if (kind !== 'memory' && kind !== 'blob') {
    throw new StorageSettingsError([`STATE_STORAGE must be one of memory, blob (got "${kind}")`]);
  }
  if (kind === 'memory') {
    const ttlMs = settings.ttlMs ?? DEFAULT_MEMORY_BOUNDS.ttlMs;
    const maxConversations = settings.maxConversations ?? DEFAULT_MEMORY_BOUNDS.maxConversations;
    if (!(ttlMs > 0)) problems.push(`STATE_TTL_MINUTES must be more than 0 (got ${ttlMs / 60_000})`);
    if (!Number.isInteger(maxConversations) || maxConversations < 1) problems.push(`STATE_MAX_CONVERSATIONS must be a whole number of at least 1 (got ${maxConversations})`);
    if (problems.length > 0) throw new StorageSettingsError(problems);
    return { kind: 'memory', ttlMs, maxConversations, clock: settings.clock };
  }

  const connectionString = settings.connectionString?.trim();
  let endpoint = '';
  if (!connectionString) {
    problems.push('AZURE_STORAGE_CONNECTION_STRING is required when STATE_STORAGE=blob');
  } else {
    try {
      endpoint = parseConnectionString(connectionString).blobEndpoint;
    } catch (err) {
      problems.push(`AZURE_STORAGE_CONNECTION_STRING ${(err as Error).message}`);
    }
  }
  const containers = {
    state: settings.container?.trim() || DEFAULT_CONTAINERS.state,
    outbox: settings.outboxContainer?.trim() || DEFAULT_CONTAINERS.outbox,
    records: settings.recordsContainer?.trim() || DEFAULT_CONTAINERS.records,
  };
  const variables = { state: 'STATE_CONTAINER', outbox: 'OUTBOX_CONTAINER', records: 'RECORDS_CONTAINER' } as const;
  for (const key of ['state', 'outbox', 'records'] as const) {
    if (!isValidContainerName(containers[key])) {
      problems.push(
        `${variables[key]} must be 3 to 63 lowercase letters, digits and single hyphens, starting and ending with a letter or digit (got "${containers[key]}")`,
      );
    }
  }
  const timeout = settings.requestTimeoutMs;
  if (timeout !== undefined && (!Number.isInteger(timeout) || timeout < 100 || timeout > 600_000)) {
    problems.push(`requestTimeoutMs must be a whole number of milliseconds from 100 to 600000 (got ${timeout})`);
  }
  if (problems.length > 0) throw new StorageSettingsError(problems);
  return { kind: 'blob', connectionString: connectionString!, containers, requestTimeoutMs: timeout, endpoint };
}

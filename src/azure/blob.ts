/**
 * Small helpers over `@azure/storage-blob` shared by the blob-backed stores (conversation
 * state in src/storage, the escalation outbox, usage records, taught questions). A neutral
 * module: it imports no project code, so every layer's store may use it (see ARCHITECTURE.md).
 * One set of client options with bounded retries and
 * a per-request timeout, container creation at start that can be retried after a failure, and
 * readable errors.
 *
 * `@azure/storage-blob` comes with `botbuilder-azure-blobs`; the stores use it directly for the
 * conditional requests (If-Match, If-None-Match, append position) that BlobsStorage does not
 * expose.
 */
import { buffer } from 'node:stream/consumers';
import type { ContainerClient, RestError, StoragePipelineOptions } from '@azure/storage-blob';

let sdk: typeof import('@azure/storage-blob') | undefined;

/**
 * `@azure/storage-blob`, loaded at the first blob client rather than at start (issue 15: about 120
 * modules and several MB that an instance keeping its state in memory never needs).
 *
 * @example
 * new (storageBlob().ContainerClient)(connectionString, 'bot-outbox');
 */
export function storageBlob(): typeof import('@azure/storage-blob') {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (sdk ??= require('@azure/storage-blob') as typeof import('@azure/storage-blob'));
}

/** How long one storage request may take before it is retried, by default. */
export const DEFAULT_REQUEST_TIMEOUT_MS = 15_000;

/**
 * Client options for every blob client the bot makes: a few quick retries, and a timeout per
 * try so a hung connection can never hold a turn (or the mailer) forever. The SDK's own default
 * has no per-try timeout.
 *
 * @example
 * new ContainerClient(connectionString, 'bot-outbox', blobPipelineOptions(10_000));
 */
export function blobPipelineOptions(requestTimeoutMs = DEFAULT_REQUEST_TIMEOUT_MS): StoragePipelineOptions {
  return {
    retryOptions: { maxTries: 3, tryTimeoutInMs: requestTimeoutMs, retryDelayInMs: 200, maxRetryDelayInMs: 2_000 },
    keepAliveOptions: { enable: true },
  };
}

/**
 * A container client from a connection string, with the bot's client options.
 *
 * @example
 * const container = containerClient(process.env.AZURE_STORAGE_CONNECTION_STRING!, 'bot-outbox');
 */
export function containerClient(connectionString: string, container: string, requestTimeoutMs?: number): ContainerClient {
  return new (storageBlob().ContainerClient)(connectionString, container, blobPipelineOptions(requestTimeoutMs));
}

/**
 * Creates the container once if it is missing. Unlike BlobsStorage's own lazy creation, a
 * failure (storage unreachable at start) is not remembered: the next call tries again.
 *
 * @example
 * const ready = containerCreator(container);
 * await ready(); // every store method starts with this
 */
export function containerCreator(container: ContainerClient): () => Promise<void> {
  let created: Promise<void> | undefined;
  return () => {
    created ??= container.createIfNotExists().then(
      () => undefined,
      (err: unknown) => {
        created = undefined;
        throw new StorageUnavailableError(`could not create or open the blob container "${container.containerName}"`, err);
      },
    );
    return created;
  };
}

/**
 * What every store on one blob container shares: the container, created once when first
 * needed ({@link containerCreator}), and `ready()` for start-up and readiness checks.
 *
 * @example
 * class NotesStore extends ContainerStore { async add(n: string) { await this.ensureContainer(); … } }
 */
export abstract class ContainerStore {
  protected readonly ensureContainer: () => Promise<void>;

  constructor(readonly container: ContainerClient) {
    this.ensureContainer = containerCreator(container);
  }

  /** Creates the container if it is missing; rejects with a readable error when storage is unusable. */
  ready(): Promise<void> {
    return this.ensureContainer();
  }
}

/** The HTTP status of a storage error, if it has one. */
export function statusOf(err: unknown): number | undefined {
  const status = (err as { statusCode?: unknown } | undefined)?.statusCode;
  return typeof status === 'number' ? status : undefined;
}

/** The storage error code (`BlobAlreadyExists`, `ConditionNotMet`, `ECONNREFUSED`, …), if any. */
export function errorCodeOf(err: unknown): string | undefined {
  const e = err as { code?: unknown; details?: { errorCode?: unknown } } | undefined;
  const code = e?.details?.errorCode ?? e?.code;
  return typeof code === 'string' ? code : undefined;
}

/** True for "the blob is not there" (404). */
export function isNotFound(err: unknown): boolean {
  return statusOf(err) === 404;
}

/** True when a create-if-absent (If-None-Match: *) found the blob already there. */
export function isAlreadyExists(err: unknown): boolean {
  const status = statusOf(err);
  return status === 409 || status === 412;
}

/** True when an If-Match (or append position) condition failed: someone else changed the blob. */
export function isConditionFailed(err: unknown): boolean {
  return statusOf(err) === 412;
}

/**
 * One line describing a storage error, for logs and start-up messages; never the account key.
 *
 * @example
 * describeStorageError(err); // 'HTTP 403 AuthenticationFailed: Server failed to authenticate the request…'
 */
export function describeStorageError(err: unknown): string {
  if (err instanceof StorageUnavailableError) return err.message;
  const status = statusOf(err);
  const code = errorCodeOf(err);
  const raw = err instanceof Error ? err.message : String(err);
  const message = raw.split('\n')[0]!.replace(/AccountKey=[^;]*/gi, 'AccountKey=…').slice(0, 300);
  const prefix = [status !== undefined ? `HTTP ${status}` : undefined, code].filter(Boolean).join(' ');
  return prefix ? `${prefix}: ${message}` : message;
}

/** Storage could not be reached or refused the request; `cause` holds the SDK error. */
export class StorageUnavailableError extends Error {
  constructor(what: string, cause: unknown) {
    super(`Azure Blob Storage: ${what}: ${describeStorageError(cause)}${hint(cause)}`, { cause });
    this.name = 'StorageUnavailableError';
  }
}

function hint(err: unknown): string {
  const status = statusOf(err);
  const code = errorCodeOf(err);
  if (status === 403) return ' (check the account name and key in AZURE_STORAGE_CONNECTION_STRING)';
  if (code === 'ECONNREFUSED' || code === 'ENOTFOUND' || code === 'EAI_AGAIN') return ' (check the endpoint in AZURE_STORAGE_CONNECTION_STRING, and that the storage account or emulator is running)';
  return '';
}

/**
 * Downloads a whole blob with its ETag and metadata (one request, one consistent snapshot);
 * `undefined` when it does not exist.
 *
 * @example
 * const blob = await downloadBlob(container, 'keys/ab12….json');
 * if (blob) JSON.parse(blob.body.toString('utf8'));
 */
export async function downloadBlob(
  container: ContainerClient,
  name: string,
): Promise<{ body: Buffer; etag: string; metadata: Record<string, string> } | undefined> {
  try {
    const response = await container.getBlobClient(name).download();
    const body = response.readableStreamBody ? await buffer(response.readableStreamBody as NodeJS.ReadableStream & AsyncIterable<Buffer>) : Buffer.alloc(0);
    return { body, etag: response.etag ?? '', metadata: response.metadata ?? {} };
  } catch (err) {
    if (isNotFound(err)) return undefined;
    throw err;
  }
}

/**
 * Lists blob names (and metadata) under a prefix, all pages.
 *
 * @example
 * for (const blob of await listBlobs(container, 'active/', true)) console.log(blob.name, blob.metadata.status);
 */
export async function listBlobs(
  container: ContainerClient,
  prefix: string,
  includeMetadata = false,
): Promise<{ name: string; metadata: Record<string, string>; contentLength: number }[]> {
  const blobs: { name: string; metadata: Record<string, string>; contentLength: number }[] = [];
  for await (const item of container.listBlobsFlat({ prefix, includeMetadata })) {
    blobs.push({ name: item.name, metadata: item.metadata ?? {}, contentLength: item.properties.contentLength ?? 0 });
  }
  return blobs;
}

/**
 * Runs `task` over `items` with at most `limit` at a time, keeping the order of results.
 *
 * @example
 * const bodies = await mapLimited(names, 8, (name) => downloadBlob(container, name));
 */
export async function mapLimited<T, R>(items: readonly T[], limit: number, task: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await task(items[index]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

export type { ContainerClient, RestError };

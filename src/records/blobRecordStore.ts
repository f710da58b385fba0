/**
 * Usage records on Azure Blob Storage, shared by every bot instance: JSON lines in append
 * blobs, one set per month and per writer —
 *
 *   usage/2026-11/<writer>-000.jsonl   (writer = host, process id and a random suffix)
 *
 * Why this layout:
 * - Correct under concurrent instances without any coordination: each process appends only
 *   to its own blobs, and every append is one Append Block request, which Azure applies
 *   atomically — a line is never torn or interleaved.
 * - Exactly once despite retries: each append states the position it expects the blob to end
 *   at (append-position condition). A retry whose first try already landed fails that
 *   condition, and the store then sees from the blob's length that its lines are there.
 * - `list` is fast: a month is a handful of blobs (one per process that ran that month),
 *   read whole — not one request per record, as one-blob-per-record would need.
 * - Concurrent `append` calls in one process are batched into one Append Block (a group
 *   commit), so a busy instance makes one request at a time per month, not one per turn; each
 *   `append` still resolves only once its line is stored.
 * - An append blob holds at most 50,000 blocks; a writer moves on to `-001`, `-002`, … before
 *   that.
 * - Card numbers are removed from a question's text before it is appended, and the letter around it (`recordToAppend`).
 */
import { randomBytes } from 'node:crypto';
import os from 'node:os';
import {
  containerClient,
  ContainerStore,
  downloadBlob,
  errorCodeOf,
  isAlreadyExists,
  isConditionFailed,
  listBlobs,
  mapLimited,
  type ContainerClient,
} from '../azure/blob';
import { recordToAppend, redactRecord, type RecordStore, type UsageRecord } from './index';
import { pacer } from './pace';

const MONTH = /^\d{4}-\d{2}$/;
const BLOB_NAME = /^usage\/(\d{4}-\d{2})\/[A-Za-z0-9._-]+\.jsonl$/;
/** Stay well below the service limit of 50,000 blocks per append blob. */
const MAX_BLOCKS_PER_BLOB = 45_000;
/** One Append Block carries at most 4 MiB; batches stay well below. */
const MAX_BATCH_BYTES = 1024 * 1024;
const READ_CONCURRENCY = 8;

interface Waiting {
  line: Buffer;
  resolve: () => void;
  reject: (err: unknown) => void;
}

/** What one writer knows about its current blob for a month. */
interface MonthWriter {
  month: string;
  segment: number;
  /** Length of the blob after our last append; undefined when unknown (create or re-read first). */
  position: number | undefined;
  blocks: number;
  created: boolean;
  queue: Waiting[];
  /** The flush loop in progress, if any. */
  flushing: Promise<void> | undefined;
}

export interface BlobRecordStoreOptions {
  /** Names this process's blobs; default host-pid-random. Letters, digits, '.', '_' and '-'. */
  writerId?: string;
  /** Blocks per append blob before moving on to the next; default 45,000 (the service allows 50,000). */
  maxBlocksPerBlob?: number;
}

/**
 * A `RecordStore` over one Azure Blob container (`RECORDS_CONTAINER`, default bot-records).
 *
 * @example
 * const records = BlobRecordStore.fromConnectionString(process.env.AZURE_STORAGE_CONNECTION_STRING!, 'bot-records');
 * await records.append({ type: 'feedback', at: new Date().toISOString(), channelId: 'webchat', docId: 'gift-exemption', helpful: true });
 * const lastWeek = await records.list(new Date(Date.now() - 7 * 864e5).toISOString());
 */
export class BlobRecordStore extends ContainerStore implements RecordStore {
  readonly writerId: string;
  private readonly maxBlocks: number;
  private readonly writers = new Map<string, MonthWriter>();

  constructor(
    container: ContainerClient,
    options: BlobRecordStoreOptions = {},
  ) {
    super(container);
    const fallback = `${os.hostname()}-${process.pid}-${randomBytes(4).toString('hex')}`;
    this.writerId = (options.writerId ?? fallback).replace(/[^A-Za-z0-9._-]/g, '_').slice(0, 100);
    this.maxBlocks = Math.min(Math.max(1, options.maxBlocksPerBlob ?? MAX_BLOCKS_PER_BLOB), MAX_BLOCKS_PER_BLOB);
  }

  /**
   * A store on a container named in a connection string's account.
   *
   * @example
   * const records = BlobRecordStore.fromConnectionString(azurite.connectionString, 'bot-records');
   */
  static fromConnectionString(connectionString: string, containerName: string, options: BlobRecordStoreOptions & { requestTimeoutMs?: number } = {}): BlobRecordStore {
    return new BlobRecordStore(containerClient(connectionString, containerName, options.requestTimeoutMs), options);
  }

  append(record: UsageRecord): Promise<void> {
    const month = typeof record.at === 'string' ? record.at.slice(0, 7) : '';
    if (!MONTH.test(month) || Number.isNaN(Date.parse(record.at))) {
      return Promise.reject(new Error(`usage record has no valid "at" instant: ${String(record.at)}`));
    }
    const line = Buffer.from(`${JSON.stringify(recordToAppend(record))}\n`, 'utf8');
    let writer = this.writers.get(month);
    if (!writer) {
      writer = { month, segment: 0, position: undefined, blocks: 0, created: false, queue: [], flushing: undefined };
      this.writers.set(month, writer);
    }
    const done = new Promise<void>((resolve, reject) => writer.queue.push({ line, resolve, reject }));
    writer.flushing ??= this.flush(writer);
    return done;
  }

  /** Resolves once every append made so far is stored (or has failed). */
  async drain(): Promise<void> {
    for (;;) {
      const running = [...this.writers.values()].map((w) => w.flushing).filter((p): p is Promise<void> => p !== undefined);
      if (running.length === 0) return;
      await Promise.all(running);
    }
  }

  async list(sinceIso?: string): Promise<UsageRecord[]> {
    const records: UsageRecord[] = [];
    await this.scan(sinceIso, (record) => records.push(record));
    return records.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
  }

  /** Each month's blobs are downloaded whole (a few per month), then parsed and visited in slices. */
  async scan(sinceIso: string | undefined, visit: (record: UsageRecord) => void): Promise<number> {
    await this.ensureContainer();
    const firstMonth = sinceIso?.slice(0, 7);
    const names = (await listBlobs(this.container, 'usage/'))
      .map((b) => b.name)
      .filter((name) => {
        const month = BLOB_NAME.exec(name)?.[1];
        return month !== undefined && (!firstMonth || month >= firstMonth);
      })
      .sort();
    const bodies = await mapLimited(names, READ_CONCURRENCY, async (name) => (await downloadBlob(this.container, name))?.body);
    const pace = pacer();
    let visited = 0;
    for (let b = 0; b < bodies.length; b++) {
      const body = bodies[b];
      if (!body) continue;
      const lines = body.toString('utf8').split('\n');
      bodies[b] = undefined; // the text is split: let the buffer go
      for (const line of lines) {
        const paused = pace.step();
        if (paused) await paused;
        if (!line.trim()) continue;
        let record: UsageRecord;
        try {
          record = JSON.parse(line) as UsageRecord;
        } catch {
          continue; // Appends are atomic, so only a hand-edited blob has a bad line; skip it.
        }
        if (!record || typeof record.at !== 'string') continue;
        if (sinceIso && !(record.at >= sinceIso)) continue;
        visited++;
        visit(redactRecord(record));
      }
    }
    return visited;
  }

  /** Writes queued lines, one Append Block per batch, until the queue is empty. */
  private async flush(writer: MonthWriter): Promise<void> {
    await Promise.resolve(); // let appends made in the same tick join the first batch
    try {
      while (writer.queue.length > 0) {
        const batch: Waiting[] = [];
        let bytes = 0;
        while (writer.queue.length > 0 && (batch.length === 0 || bytes + writer.queue[0]!.line.length <= MAX_BATCH_BYTES)) {
          const next = writer.queue.shift()!;
          batch.push(next);
          bytes += next.line.length;
        }
        try {
          await this.appendBatch(writer, Buffer.concat(batch.map((w) => w.line)));
          for (const w of batch) w.resolve();
        } catch (err) {
          for (const w of batch) w.reject(err);
        }
      }
    } finally {
      writer.flushing = undefined;
    }
  }

  private async appendBatch(writer: MonthWriter, body: Buffer): Promise<void> {
    await this.ensureContainer();
    for (let attempt = 0; attempt < 100; attempt++) {
      if (writer.blocks >= this.maxBlocks) this.nextSegment(writer);
      const blob = this.container.getAppendBlobClient(this.blobName(writer));
      if (!writer.created) {
        try {
          await blob.create({ conditions: { ifNoneMatch: '*' }, blobHTTPHeaders: { blobContentType: 'application/x-ndjson; charset=utf-8' } });
          writer.position = 0;
          writer.blocks = 0;
        } catch (err) {
          if (!isAlreadyExists(err)) throw err;
          writer.position = undefined; // ours from an earlier try, or a reused writer id: read it
        }
        writer.created = true;
      }
      if (writer.position === undefined) {
        const properties = await blob.getProperties();
        writer.position = properties.contentLength ?? 0;
        writer.blocks = properties.blobCommittedBlockCount ?? 0;
        if (writer.blocks >= this.maxBlocks) {
          this.nextSegment(writer);
          continue;
        }
      }
      const position = writer.position;
      try {
        const response = await blob.appendBlock(body, body.length, { conditions: { appendPosition: position } });
        writer.position = position + body.length;
        writer.blocks = response.blobCommittedBlockCount ?? writer.blocks + 1;
        return;
      } catch (err) {
        if (errorCodeOf(err) === 'BlockCountExceedsLimit') {
          this.nextSegment(writer);
          continue;
        }
        if (!isConditionFailed(err)) {
          writer.position = undefined; // the append may or may not have landed: re-read before the next one
          throw err;
        }
        // The blob is not where we left it: either an earlier try of this append landed (its
        // answer was lost), or someone else wrote to our blob.
        const properties = await blob.getProperties();
        if (properties.contentLength === position + body.length && (await this.endsWith(blob.name, body, position))) {
          writer.position = position + body.length;
          writer.blocks = properties.blobCommittedBlockCount ?? writer.blocks + 1;
          return;
        }
        this.nextSegment(writer); // leave that blob alone and start a fresh one
      }
    }
    throw new Error(`could not append usage records for ${writer.month}`);
  }

  /** Whether the blob holds exactly `body` from `offset` on. */
  private async endsWith(name: string, body: Buffer, offset: number): Promise<boolean> {
    const response = await this.container.getBlobClient(name).download(offset, body.length);
    const chunks: Buffer[] = [];
    for await (const chunk of response.readableStreamBody as AsyncIterable<Buffer>) chunks.push(Buffer.from(chunk));
    return Buffer.concat(chunks).equals(body);
  }

  private nextSegment(writer: MonthWriter): void {
    writer.segment++;
    writer.created = false;
    writer.position = undefined;
    writer.blocks = 0;
  }

  private blobName(writer: MonthWriter): string {
    return `usage/${writer.month}/${this.writerId}-${String(writer.segment).padStart(3, '0')}.jsonl`;
  }
}

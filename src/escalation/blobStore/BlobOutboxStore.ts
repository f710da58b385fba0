/**
 * The escalation outbox on Azure Blob Storage, shared by every bot instance (issue 8). One class
 * of about 500 lines on purpose: it is one implementation of the OutboxStore contract whose
 * methods share one conditional-write protocol (below); split across files, the reader would
 * have to hold that protocol in their head across them. Layout
 * in its container (`OUTBOX_CONTAINER`, default bot-outbox):
 *
 *   active/ECOM-2026-000001.json   a message while pending, sending or failed: the record, its
 *                                  delivery state and the current claim, in one JSON blob, with
 *                                  blob metadata `status=pending|sending|failed|sent`
 *   sent/ECOM-2026-000001.json     delivered (moved here after the decisive write, see markSent)
 *   keys/<sha256 of key>.json      which reference an idempotency key produced (permanent)
 *   seq/2026/000001                reference numbers handed out (permanent)
 *
 * Every decision that matters is one conditional request, so any number of instances can share
 * the container:
 * - sequence numbers and key bindings are blobs created with If-None-Match: * — of all
 *   instances trying the same name, exactly one succeeds;
 * - a message's status lives in one blob that is only ever replaced with If-Match: <the ETag it
 *   was read with>. Claiming is such a replace (pending → sending, with owner and expiry); of
 *   two mailers claiming at once, one gets HTTP 412 and backs off. The claim's token is the
 *   ETag the claim wrote, so `markSent`/`reschedule`/`markFailed`/`discard` succeed only while
 *   nobody has touched the message since — a mailer whose claim was taken over after expiring
 *   gets `false` and changes nothing.
 * - An expired claim (`until` ≤ now, by the claimer's clock) is taken over the same way.
 *
 * Claims use ETags plus an expiry rather than blob leases: blob leases last at most 60 s or
 * forever, while a claim must outlive the longest SMTP send (10 minutes by default) without a
 * renewal loop, and the expiry must follow the store's injected clock in tests.
 *
 * Retried requests: the SDK retries a request whose answer was lost. Each replace carries a
 * fresh `rev`, so a retry that finds "condition failed" checks whether the blob now holds its
 * own `rev` (the first try landed) before reporting that it lost; creates compare the stored
 * body the same way.
 */
import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import {
  containerClient,
  ContainerStore,
  describeStorageError,
  downloadBlob,
  isAlreadyExists,
  isConditionFailed,
  isNotFound,
  listBlobs,
  mapLimited,
  type ContainerClient,
} from '../../azure/blob';
import { safeOwner } from '../fileStore/claimNames';
import { assertReference, isReference, parseReference } from '../reference';
import { initialDeliveryState, parseDeliveryState, parseOutboxRecord } from '../recordSchema';
import type { ClaimOptions, DeliveryClaim, OutboxStore } from '../store';
import type { DeliveryState, OutboxEntry, OutboxRecord, OutboxStatus } from '../types';
import { systemClock, type Clock } from '../../clock';

type StoreLogger = Pick<Logger, 'warn' | 'error'>;

const STATUSES: readonly OutboxStatus[] = ['pending', 'sending', 'sent', 'failed'];
const KEY_HASH = /^[0-9a-f]{64}$/;
const ACTIVE_NAME = /^active\/(ECOM-\d{4}-\d{6,})\.json$/;
const SENT_NAME = /^sent\/(ECOM-\d{4}-\d{6,})\.json$/;
/** How many blobs are read at once when listing. */
const READ_CONCURRENCY = 8;

/** The JSON kept in `active/<reference>.json` and `sent/<reference>.json`. */
interface MessageDocument {
  version: 1;
  /** Mirrors the blob metadata, for people reading the blob; the metadata decides. */
  status: OutboxStatus;
  record: OutboxRecord;
  state: DeliveryState;
  claim?: { owner: string; until: string; id: string };
  /** Unique per write: lets a retried request recognise its own earlier success. */
  rev: string;
}

interface StoredMessage {
  status: OutboxStatus;
  etag: string;
  document: MessageDocument;
}

export interface BlobOutboxStoreOptions {
  logger?: StoreLogger;
  /** For the bookkeeping times written with keys and sequence numbers; the system clock by default. */
  clock?: Clock;
}

const activeName = (reference: string) => `active/${reference}.json`;
const sentName = (reference: string) => `sent/${reference}.json`;
const sequenceName = (year: number, sequence: number) => `seq/${year}/${String(sequence).padStart(6, '0')}`;

function keyName(keyHash: string): string {
  if (!KEY_HASH.test(keyHash)) throw new Error('idempotency key hash must be 64 lowercase hex digits');
  return `keys/${keyHash}.json`;
}

function asStatus(value: unknown): OutboxStatus | undefined {
  return typeof value === 'string' && (STATUSES as readonly string[]).includes(value) ? (value as OutboxStatus) : undefined;
}

function errorText(err: unknown): string {
  return describeStorageError(err);
}

/**
 * An `OutboxStore` over one Azure Blob container, safe to share between instances.
 *
 * @example
 * const store = BlobOutboxStore.fromConnectionString(process.env.AZURE_STORAGE_CONNECTION_STRING!, 'bot-outbox', { logger });
 * await store.ready();
 * const escalation = createEscalationService(settings, logger, { store });
 */
export class BlobOutboxStore extends ContainerStore implements OutboxStore {
  private readonly logger?: StoreLogger;
  private readonly clock: Clock;
  /** Next sequence number to try, per year; a hint only, the If-None-Match create decides. */
  private readonly nextSequence = new Map<number, number>();
  /** Allocations in this process run one at a time, so they do not race each other. */
  private sequenceChain: Promise<unknown> = Promise.resolve();

  constructor(
    container: ContainerClient,
    options: BlobOutboxStoreOptions = {},
  ) {
    super(container);
    this.logger = options.logger;
    this.clock = options.clock ?? systemClock;
  }

  /**
   * A store on a container named in a connection string's account.
   *
   * @example
   * const store = BlobOutboxStore.fromConnectionString(azurite.connectionString, 'bot-outbox');
   */
  static fromConnectionString(connectionString: string, containerName: string, options: BlobOutboxStoreOptions & { requestTimeoutMs?: number } = {}): BlobOutboxStore {
    return new BlobOutboxStore(containerClient(connectionString, containerName, options.requestTimeoutMs), options);
  }

  allocateSequence(year: number): Promise<number> {
    if (!Number.isInteger(year) || year < 1000 || year > 9999) return Promise.reject(new RangeError(`not a four-digit year: ${year}`));
    const next = this.sequenceChain.then(() => this.allocate(year));
    this.sequenceChain = next.catch(() => undefined);
    return next;
  }

  async findReferenceByKey(keyHash: string): Promise<string | undefined> {
    const name = keyName(keyHash);
    await this.ensureContainer();
    const blob = await downloadBlob(this.container, name);
    return blob === undefined ? undefined : this.referenceFromKeyBlob(blob.body, keyHash);
  }

  async bindKey(keyHash: string, reference: string): Promise<string> {
    const name = keyName(keyHash);
    assertReference(reference);
    await this.ensureContainer();
    const body = `${JSON.stringify({ reference, boundAt: this.clock().toISOString(), nonce: randomUUID() })}\n`;
    if (await this.createExclusively(name, body)) return reference;
    const existing = await downloadBlob(this.container, name);
    if (!existing) throw new Error(`key ${keyHash} could not be bound: it exists but cannot be read`);
    return this.referenceFromKeyBlob(existing.body, keyHash);
  }

  async addPending(record: OutboxRecord): Promise<void> {
    assertReference(record.reference);
    await this.ensureContainer();
    const document: MessageDocument = { version: 1, status: 'pending', record, state: initialDeliveryState(record), rev: randomUUID() };
    if (!(await this.createExclusively(activeName(record.reference), serialize(document), metadataFor('pending', record.reference)))) {
      throw new Error(`${record.reference} already exists in the outbox`);
    }
  }

  async list(status: OutboxStatus): Promise<OutboxEntry[]> {
    await this.ensureContainer();
    const names = await this.namesWithStatus(status);
    const entries = await mapLimited(names, READ_CONCURRENCY, (name) => this.readEntry(name, status));
    return entries
      .filter((e): e is OutboxEntry => e !== undefined)
      .sort((a, b) => a.record.enqueuedAt.localeCompare(b.record.enqueuedAt) || a.record.reference.localeCompare(b.record.reference));
  }

  async count(status: OutboxStatus): Promise<number> {
    await this.ensureContainer();
    return (await this.namesWithStatus(status)).length;
  }

  async get(reference: string): Promise<OutboxEntry | undefined> {
    if (!isReference(reference)) return undefined;
    await this.ensureContainer();
    // Active first: a message being archived is copied to sent/ before it leaves active/.
    const active = await this.readMessage(activeName(reference));
    if (active !== undefined) return active === 'unreadable' ? undefined : toEntry(active);
    const sent = await this.readMessage(sentName(reference));
    return sent === undefined || sent === 'unreadable' ? undefined : toEntry({ ...sent, status: 'sent' });
  }

  async claim(reference: string, options: ClaimOptions): Promise<DeliveryClaim | undefined> {
    if (!isReference(reference)) return undefined;
    const owner = safeOwner(options.owner);
    await this.ensureContainer();
    const name = activeName(reference);
    const blob = await downloadBlob(this.container, name);
    if (!blob) return undefined;
    const status = asStatus(blob.metadata.status);
    if (status !== 'pending' && status !== 'sending') return undefined;

    let document: MessageDocument;
    try {
      document = this.parseDocument(blob.body, reference);
    } catch (err) {
      // An unreadable message must not block the queue or be retried forever: park it in failed.
      this.logger?.error({ reference, err: errorText(err) }, 'outbox message unreadable; moved to failed');
      await this.container
        .getBlobClient(name)
        .setMetadata({ ...metadataFor('failed', reference), unreadable: 'true' }, { conditions: { ifMatch: blob.etag } })
        .catch((parkErr: unknown) => {
          if (!isConditionFailed(parkErr) && !isNotFound(parkErr)) throw parkErr;
        });
      return undefined;
    }

    let resumed = false;
    if (status === 'sending') {
      const until = Date.parse(document.claim?.until ?? '');
      if (Number.isFinite(until) && until > options.now.getTime()) return undefined;
      resumed = true;
    }
    const untilMs = options.now.getTime() + options.leaseMs;
    const leaseUntil = new Date(untilMs).toISOString();
    const etag = await this.replace(name, blob.etag, {
      version: 1,
      status: 'sending',
      record: document.record,
      state: document.state,
      claim: { owner, until: leaseUntil, id: randomUUID() },
      rev: randomUUID(),
    });
    if (etag === undefined) return undefined;
    return { reference, record: document.record, state: document.state, owner: options.owner, leaseUntil, resumed, token: etag };
  }

  async markSent(claim: DeliveryClaim, state: DeliveryState): Promise<boolean> {
    const document: MessageDocument = { version: 1, status: 'sent', record: claim.record, state, rev: randomUUID() };
    // The decisive step: once this lands, no mailer can claim the message again.
    const etag = await this.replace(activeName(claim.reference), claim.token, document);
    if (etag === undefined) return false;
    try {
      await this.archive(claim.reference, document, etag);
    } catch (err) {
      // Still recorded as sent in active/; housekeeping finishes the move.
      this.logger?.warn({ reference: claim.reference, err: errorText(err) }, 'sent escalation not yet moved to sent/; housekeeping will finish it');
    }
    return true;
  }

  async reschedule(claim: DeliveryClaim, state: DeliveryState): Promise<boolean> {
    const document: MessageDocument = { version: 1, status: 'pending', record: claim.record, state, rev: randomUUID() };
    return (await this.replace(activeName(claim.reference), claim.token, document)) !== undefined;
  }

  async markFailed(claim: DeliveryClaim, state: DeliveryState): Promise<boolean> {
    const document: MessageDocument = { version: 1, status: 'failed', record: claim.record, state, rev: randomUUID() };
    return (await this.replace(activeName(claim.reference), claim.token, document)) !== undefined;
  }

  async discard(claim: DeliveryClaim): Promise<boolean> {
    try {
      await this.container.getBlobClient(activeName(claim.reference)).delete({ conditions: { ifMatch: claim.token } });
      return true;
    } catch (err) {
      if (isConditionFailed(err) || isNotFound(err)) return false;
      throw err;
    }
  }

  async retryFailed(reference: string, now: Date): Promise<boolean> {
    if (!isReference(reference)) return false;
    await this.ensureContainer();
    const name = activeName(reference);
    const blob = await downloadBlob(this.container, name);
    if (!blob || asStatus(blob.metadata.status) !== 'failed') return false;
    let document: MessageDocument;
    try {
      document = this.parseDocument(blob.body, reference);
    } catch {
      return false;
    }
    const state: DeliveryState = { attempts: 0, nextAttemptAt: now.toISOString() };
    if (document.state.lastError) state.lastError = document.state.lastError;
    if (document.state.lastAttemptAt) state.lastAttemptAt = document.state.lastAttemptAt;
    const etag = await this.replace(name, blob.etag, { version: 1, status: 'pending', record: document.record, state, rev: randomUUID() });
    return etag !== undefined;
  }

  /** Finishes moves to sent/ that a crash (or a storage error) interrupted. */
  async housekeeping(_now: Date): Promise<void> {
    await this.ensureContainer();
    for (const blob of await listBlobs(this.container, 'active/', true)) {
      const reference = ACTIVE_NAME.exec(blob.name)?.[1];
      if (!reference || asStatus(blob.metadata.status) !== 'sent') continue;
      const stored = await this.readMessage(blob.name);
      if (stored === undefined || stored === 'unreadable' || stored.status !== 'sent') continue;
      try {
        await this.archive(reference, stored.document, stored.etag);
      } catch (err) {
        this.logger?.warn({ reference, err: errorText(err) }, 'could not move a sent escalation to sent/');
      }
    }
  }

  // ---------------------------------------------------------------------------------------------

  private async allocate(year: number): Promise<number> {
    await this.ensureContainer();
    let candidate = this.nextSequence.get(year) ?? (await this.highestSequence(year)) + 1;
    for (let attempt = 1; attempt <= 10_000; attempt++) {
      const body = `${JSON.stringify({ allocatedAt: this.clock().toISOString(), nonce: randomUUID() })}\n`;
      if (await this.createExclusively(sequenceName(year, candidate), body)) {
        this.nextSequence.set(year, candidate + 1);
        return candidate;
      }
      // Another instance took it. Usually the next number is free; if we keep colliding, we are
      // far behind: look up the highest number in use and jump past it.
      candidate = attempt % 4 === 0 ? Math.max(candidate + 1, (await this.highestSequence(year)) + 1) : candidate + 1;
    }
    throw new Error(`could not allocate a reference number for ${year}`);
  }

  /**
   * The highest number used so far this year: from the sequence blobs and — in case someone
   * cleaned out seq/ — from the messages themselves, so a reference is never reused.
   */
  private async highestSequence(year: number): Promise<number> {
    let highest = 0;
    const [numbers, active, sent] = await Promise.all([
      listBlobs(this.container, `seq/${year}/`),
      listBlobs(this.container, `active/ECOM-${year}-`),
      listBlobs(this.container, `sent/ECOM-${year}-`),
    ]);
    for (const { name } of numbers) {
      const digits = name.slice(`seq/${year}/`.length);
      if (/^\d+$/.test(digits)) highest = Math.max(highest, Number(digits));
    }
    for (const { name } of [...active, ...sent]) {
      const reference = ACTIVE_NAME.exec(name)?.[1] ?? SENT_NAME.exec(name)?.[1];
      const sequence = reference ? parseReference(reference)?.sequence : undefined;
      if (sequence !== undefined) highest = Math.max(highest, sequence);
    }
    return highest;
  }

  /**
   * Creates a blob only if no blob has that name (If-None-Match: *). True when this call
   * created it — also when an earlier try of this same request did and its answer was lost.
   */
  private async createExclusively(name: string, body: string, metadata?: Record<string, string>): Promise<boolean> {
    try {
      await this.container.getBlockBlobClient(name).upload(body, Buffer.byteLength(body), {
        conditions: { ifNoneMatch: '*' },
        blobHTTPHeaders: { blobContentType: 'application/json' },
        ...(metadata ? { metadata } : {}),
      });
      return true;
    } catch (err) {
      if (!isAlreadyExists(err)) throw err;
      const existing = await downloadBlob(this.container, name);
      return existing !== undefined && existing.body.toString('utf8') === body;
    }
  }

  /**
   * Replaces a message blob if it still has `etag`; resolves to the new ETag, or `undefined`
   * when someone else changed (or removed) it first.
   */
  private async replace(name: string, etag: string, document: MessageDocument): Promise<string | undefined> {
    const body = serialize(document);
    try {
      const response = await this.container.getBlockBlobClient(name).upload(body, Buffer.byteLength(body), {
        conditions: { ifMatch: etag },
        metadata: metadataFor(document.status, document.record.reference),
        blobHTTPHeaders: { blobContentType: 'application/json' },
      });
      return response.etag;
    } catch (err) {
      if (!isConditionFailed(err) && !isNotFound(err)) throw err;
      // Did an earlier try of this very request land before its answer was lost?
      const now = await downloadBlob(this.container, name);
      if (now && revOf(now.body) === document.rev) return now.etag;
      return undefined;
    }
  }

  /** Copies a sent message to sent/, then removes it from active/ if nobody changed it since. */
  private async archive(reference: string, document: MessageDocument, etag: string): Promise<void> {
    const body = serialize({ ...document, status: 'sent' });
    await this.container.getBlockBlobClient(sentName(reference)).upload(body, Buffer.byteLength(body), {
      metadata: metadataFor('sent', reference),
      blobHTTPHeaders: { blobContentType: 'application/json' },
    });
    try {
      await this.container.getBlobClient(activeName(reference)).delete({ conditions: { ifMatch: etag } });
    } catch (err) {
      if (!isConditionFailed(err) && !isNotFound(err)) throw err;
    }
  }

  /** Blob names of the messages in one state, from listings only (no downloads). */
  private async namesWithStatus(status: OutboxStatus): Promise<string[]> {
    const active = (await listBlobs(this.container, 'active/', true)).filter((b) => ACTIVE_NAME.test(b.name) && asStatus(b.metadata.status) === status);
    if (status !== 'sent') return active.map((b) => b.name);
    // Listed after active/: a message moving meanwhile is seen in at least one of the two.
    const archived = (await listBlobs(this.container, 'sent/')).filter((b) => SENT_NAME.test(b.name));
    const archivedReferences = new Set(archived.map((b) => SENT_NAME.exec(b.name)![1]));
    return [...archived.map((b) => b.name), ...active.filter((b) => !archivedReferences.has(ACTIVE_NAME.exec(b.name)![1])).map((b) => b.name)];
  }

  private async readEntry(name: string, status: OutboxStatus): Promise<OutboxEntry | undefined> {
    const stored = await this.readMessage(name);
    if (stored === undefined || stored === 'unreadable') return undefined;
    const fromSent = SENT_NAME.test(name);
    if (!fromSent && stored.status !== status) return undefined; // moved on since the listing
    return toEntry(fromSent ? { ...stored, status: 'sent' } : stored);
  }

  /** One message blob; `undefined` when absent, 'unreadable' (logged) when it cannot be parsed. */
  private async readMessage(name: string): Promise<StoredMessage | 'unreadable' | undefined> {
    const blob = await downloadBlob(this.container, name);
    if (!blob) return undefined;
    const reference = ACTIVE_NAME.exec(name)?.[1] ?? SENT_NAME.exec(name)?.[1] ?? name;
    try {
      const document = this.parseDocument(blob.body, reference);
      const status = asStatus(blob.metadata.status) ?? document.status;
      return { status, etag: blob.etag, document };
    } catch (err) {
      this.logger?.warn({ reference, err: errorText(err) }, 'outbox message unreadable; skipped');
      return 'unreadable';
    }
  }

  /** Parses a message blob; throws when the record is unusable (the delivery state may be reset). */
  private parseDocument(body: Buffer, reference: string): MessageDocument {
    const raw = JSON.parse(body.toString('utf8')) as Partial<Record<keyof MessageDocument, unknown>>;
    if (!raw || typeof raw !== 'object') throw new Error('not a JSON object');
    const record = parseOutboxRecord(JSON.stringify(raw.record));
    if (record.reference !== reference) throw new Error(`holds ${record.reference}, not ${reference}`);
    let state: DeliveryState;
    try {
      state = parseDeliveryState(JSON.stringify(raw.state));
    } catch (err) {
      this.logger?.warn({ reference, err: errorText(err) }, 'outbox delivery state unreadable; starting over');
      state = initialDeliveryState(record);
    }
    const document: MessageDocument = { version: 1, status: asStatus(raw.status) ?? 'pending', record, state, rev: typeof raw.rev === 'string' ? raw.rev : '' };
    const claim = raw.claim as { owner?: unknown; until?: unknown; id?: unknown } | undefined;
    if (claim && typeof claim.owner === 'string' && typeof claim.until === 'string') {
      document.claim = { owner: claim.owner, until: claim.until, id: typeof claim.id === 'string' ? claim.id : '' };
    }
    return document;
  }

  private referenceFromKeyBlob(body: Buffer, keyHash: string): string {
    const reference = (JSON.parse(body.toString('utf8')) as { reference?: unknown }).reference;
    if (typeof reference !== 'string' || !isReference(reference)) throw new Error(`key blob ${keyHash}.json holds no reference`);
    return reference;
  }
}

function serialize(document: MessageDocument): string {
  return `${JSON.stringify(document, null, 2)}\n`;
}

function metadataFor(status: OutboxStatus, reference: string): Record<string, string> {
  return { status, reference };
}

function revOf(body: Buffer): string | undefined {
  try {
    const rev = (JSON.parse(body.toString('utf8')) as { rev?: unknown }).rev;
    return typeof rev === 'string' ? rev : undefined;
  } catch {
    return undefined;
  }
}

function toEntry(stored: StoredMessage): OutboxEntry {
  const entry: OutboxEntry = { status: stored.status, record: stored.document.record, state: stored.document.state };
  if (stored.status === 'sending') {
    // A claim without a readable expiry (a hand-edited blob) counts as expired, as in claim().
    const claim = stored.document.claim;
    const until = claim && Number.isFinite(Date.parse(claim.until)) ? claim.until : new Date(0).toISOString();
    entry.claim = { owner: claim?.owner ?? 'unknown', until };
  }
  return entry;
}

/**
 * The outbox on local disk: a spool folder anyone can open and read.
 *
 *   <dir>/pending/ECOM-2026-000001.json   waiting to be delivered (the message, written once)
 *   <dir>/sending/ECOM-2026-000001~<owner>~<until>.json   claimed by a mailer (see claimNames.ts)
 *   <dir>/sent/ECOM-2026-000001.json      delivered (+ ECOM-2026-000001.eml without SMTP)
 *   <dir>/failed/ECOM-2026-000001.json    gave up after the maximum attempts; `npm run outbox retry`
 *   <dir>/state/ECOM-2026-000001.json     delivery state: attempts, next attempt, last error
 *   <dir>/keys/<sha256 of idempotency key>.json   which reference a key produced (permanent)
 *   <dir>/seq/2026/000001                 reference numbers handed out (permanent)
 *
 * The message file itself is only ever moved (renamed), never rewritten, so it exists in exactly
 * one folder at any instant; delivery state lives beside it so updating it never risks the
 * message. Several processes may share the folder: every decision that matters is one atomic
 * create-if-absent (link, O_EXCL) or one rename.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Logger } from 'pino';
import { assertReference, isReference, parseReference } from '../reference';
import { initialDeliveryState, parseDeliveryState, parseOutboxRecord } from '../recordSchema';
import type { ClaimOptions, DeliveryClaim, OutboxStore } from '../store';
import type { DeliveryState, OutboxEntry, OutboxRecord, OutboxStatus } from '../types';
import { claimFileName, parseClaimFileName } from './claimNames';
import {
  createFileExclusively,
  fsyncDirectory,
  isErrno,
  listNames,
  moveFile,
  readFileIfExists,
  sweepTemporaryFiles,
  writeFileAtomically,
} from './durableFs';
import { systemClock, type Clock } from '../../clock';

const FOLDERS = ['pending', 'sending', 'sent', 'failed', 'state', 'keys', 'seq'] as const;
type Folder = (typeof FOLDERS)[number];

const KEY_HASH = /^[0-9a-f]{64}$/;
const MESSAGE_FILE = /^(ECOM-\d{4}-\d{6,})\.json$/;
/** Temporary files younger than this may belong to a write in progress. */
const TEMP_FILE_MAX_AGE_MS = 60 * 60 * 1000;

type StoreLogger = Pick<Logger, 'warn' | 'error'>;

/**
 * An `OutboxStore` over a spool folder (`ESCALATION_DIR`, default `./var/outbox`).
 *
 * @example
 * const store = new FileOutboxStore('var/outbox');
 * const outbox = new Outbox({ store });
 * const mailer = new Mailer({ store, transport, addresses });
 */
export class FileOutboxStore implements OutboxStore {
  readonly dir: string;
  private readonly logger?: StoreLogger;
  private readonly clock: Clock;
  private layoutReady?: Promise<void>;
  /** Next sequence number to try, per year; a hint only, the O_EXCL create decides. */
  private readonly nextSequence = new Map<number, number>();

  /** `clock`: for the bookkeeping time written with a bound key; the system clock by default. */
  constructor(dir: string, options: { logger?: StoreLogger; clock?: Clock } = {}) {
    this.dir = path.resolve(dir);
    this.logger = options.logger;
    this.clock = options.clock ?? systemClock;
  }

  /** The absolute path of one of the spool's folders. */
  folder(name: Folder): string {
    return path.join(this.dir, name);
  }

  async allocateSequence(year: number): Promise<number> {
    await this.ensureLayout();
    const yearDir = path.join(this.folder('seq'), String(year));
    await fs.mkdir(yearDir, { recursive: true });
    let candidate = this.nextSequence.get(year) ?? (await this.highestSequence(year, yearDir)) + 1;
    for (;;) {
      try {
        // O_EXCL: of all processes trying this number, exactly one creates the file.
        const handle = await fs.open(path.join(yearDir, String(candidate).padStart(6, '0')), 'wx');
        await handle.close();
        // The claim must survive a crash, or the number could be handed out again after it.
        await fsyncDirectory(yearDir);
        this.nextSequence.set(year, candidate + 1);
        return candidate;
      } catch (err) {
        if (!isErrno(err, 'EEXIST')) throw err;
        candidate++;
      }
    }
  }

  async findReferenceByKey(keyHash: string): Promise<string | undefined> {
    await this.ensureLayout();
    const text = await readFileIfExists(this.keyFile(keyHash));
    return text === undefined ? undefined : this.referenceFromKeyFile(text, keyHash);
  }

  async bindKey(keyHash: string, reference: string): Promise<string> {
    await this.ensureLayout();
    assertReference(reference);
    const body = `${JSON.stringify({ reference, boundAt: this.clock().toISOString() })}\n`;
    if (await createFileExclusively(this.folder('keys'), path.basename(this.keyFile(keyHash)), body)) return reference;
    const existing = await fs.readFile(this.keyFile(keyHash), 'utf8');
    return this.referenceFromKeyFile(existing, keyHash);
  }

  async addPending(record: OutboxRecord): Promise<void> {
    await this.ensureLayout();
    assertReference(record.reference);
    const created = await createFileExclusively(this.folder('pending'), `${record.reference}.json`, `${JSON.stringify(record, null, 2)}\n`);
    if (!created) throw new Error(`${record.reference} already exists in pending`);
  }

  async list(status: OutboxStatus): Promise<OutboxEntry[]> {
    await this.ensureLayout();
    const dir = this.folder(status);
    const entries: OutboxEntry[] = [];
    for (const name of await listNames(dir)) {
      const claimName = status === 'sending' ? parseClaimFileName(name) : undefined;
      const reference = status === 'sending' ? claimName?.reference : MESSAGE_FILE.exec(name)?.[1];
      if (!reference) continue;
      const entry = await this.readEntry(status, path.join(dir, name), reference);
      if (!entry) continue;
      if (claimName) entry.claim = { owner: claimName.owner, until: new Date(claimName.untilMs).toISOString() };
      entries.push(entry);
    }
    return entries.sort((a, b) => a.record.enqueuedAt.localeCompare(b.record.enqueuedAt) || a.record.reference.localeCompare(b.record.reference));
  }

  async count(status: OutboxStatus): Promise<number> {
    await this.ensureLayout();
    const names = await listNames(this.folder(status));
    return names.filter((n) => (status === 'sending' ? parseClaimFileName(n) !== undefined : MESSAGE_FILE.test(n))).length;
  }

  async get(reference: string): Promise<OutboxEntry | undefined> {
    if (!isReference(reference)) return undefined;
    await this.ensureLayout();
    for (const status of ['pending', 'sent', 'failed'] as const) {
      const entry = await this.readEntry(status, path.join(this.folder(status), `${reference}.json`), reference);
      if (entry) return entry;
    }
    for (const name of await this.claimNamesFor(reference)) {
      const claimName = parseClaimFileName(name)!;
      const entry = await this.readEntry('sending', path.join(this.folder('sending'), name), reference);
      if (entry) return { ...entry, claim: { owner: claimName.owner, until: new Date(claimName.untilMs).toISOString() } };
    }
    return undefined;
  }

  async claim(reference: string, options: ClaimOptions): Promise<DeliveryClaim | undefined> {
    if (!isReference(reference)) return undefined;
    await this.ensureLayout();
    const untilMs = options.now.getTime() + options.leaseMs;
    const token = claimFileName({ reference, owner: options.owner, untilMs });
    const target = path.join(this.folder('sending'), token);

    let resumed = false;
    let won = await moveFile(path.join(this.folder('pending'), `${reference}.json`), target);
    if (!won) {
      for (const name of await this.claimNamesFor(reference)) {
        if (parseClaimFileName(name)!.untilMs > options.now.getTime()) continue;
        // Renaming the expired claim's own name: if another mailer takes it over first, this fails.
        if (await moveFile(path.join(this.folder('sending'), name), target)) {
          won = true;
          resumed = true;
          break;
        }
      }
    }
    if (!won) return undefined;

    let record: OutboxRecord;
    try {
      record = parseOutboxRecord(await fs.readFile(target, 'utf8'));
    } catch (err) {
      // An unreadable message must not block the queue or be retried forever: park it in failed/.
      this.logger?.error({ reference, err: errorText(err) }, 'outbox message unreadable; moved to failed');
      await writeFileAtomically(this.folder('state'), `${reference}.json`, stateJson({ attempts: 0, nextAttemptAt: options.now.toISOString(), lastError: 'stored message is unreadable', failedAt: options.now.toISOString() }));
      await moveFile(target, path.join(this.folder('failed'), `${reference}.json`));
      return undefined;
    }
    return {
      reference,
      record,
      state: await this.readState(record),
      owner: options.owner,
      leaseUntil: new Date(untilMs).toISOString(),
      resumed,
      token,
    };
  }

  async markSent(claim: DeliveryClaim, state: DeliveryState): Promise<boolean> {
    // Move first: once in sent/ the message is never picked up again, whatever happens next.
    if (!(await moveFile(this.claimPath(claim), path.join(this.folder('sent'), `${claim.reference}.json`)))) return false;
    await writeFileAtomically(this.folder('state'), `${claim.reference}.json`, stateJson(state));
    return true;
  }

  async reschedule(claim: DeliveryClaim, state: DeliveryState): Promise<boolean> {
    // State first: the moment the message is back in pending/ another mailer may read it.
    if (!(await this.stillClaimed(claim))) return false;
    await writeFileAtomically(this.folder('state'), `${claim.reference}.json`, stateJson(state));
    return moveFile(this.claimPath(claim), path.join(this.folder('pending'), `${claim.reference}.json`));
  }

  async markFailed(claim: DeliveryClaim, state: DeliveryState): Promise<boolean> {
    if (!(await this.stillClaimed(claim))) return false;
    await writeFileAtomically(this.folder('state'), `${claim.reference}.json`, stateJson(state));
    return moveFile(this.claimPath(claim), path.join(this.folder('failed'), `${claim.reference}.json`));
  }

  async discard(claim: DeliveryClaim): Promise<boolean> {
    try {
      await fs.unlink(this.claimPath(claim));
    } catch (err) {
      if (isErrno(err, 'ENOENT')) return false;
      throw err;
    }
    await fsyncDirectory(this.folder('sending'));
    await fs.rm(path.join(this.folder('state'), `${claim.reference}.json`), { force: true });
    return true;
  }

  async retryFailed(reference: string, now: Date): Promise<boolean> {
    if (!isReference(reference)) return false;
    await this.ensureLayout();
    const failedFile = path.join(this.folder('failed'), `${reference}.json`);
    const entry = await this.readEntry('failed', failedFile, reference);
    if (!entry) return false;
    const state: DeliveryState = { attempts: 0, nextAttemptAt: now.toISOString() };
    if (entry.state.lastError) state.lastError = entry.state.lastError;
    if (entry.state.lastAttemptAt) state.lastAttemptAt = entry.state.lastAttemptAt;
    await writeFileAtomically(this.folder('state'), `${reference}.json`, stateJson(state));
    return moveFile(failedFile, path.join(this.folder('pending'), `${reference}.json`));
  }

  async housekeeping(now: Date): Promise<void> {
    await this.ensureLayout();
    for (const folder of FOLDERS) {
      await sweepTemporaryFiles(this.folder(folder), TEMP_FILE_MAX_AGE_MS, now.getTime());
    }
  }

  private ensureLayout(): Promise<void> {
    this.layoutReady ??= (async () => {
      for (const folder of FOLDERS) await fs.mkdir(this.folder(folder), { recursive: true });
    })().catch((err: unknown) => {
      this.layoutReady = undefined; // let the next call try again (e.g. the disk was remounted)
      throw err;
    });
    return this.layoutReady;
  }

  private keyFile(keyHash: string): string {
    if (!KEY_HASH.test(keyHash)) throw new Error('idempotency key hash must be 64 lowercase hex digits');
    return path.join(this.folder('keys'), `${keyHash}.json`);
  }

  private referenceFromKeyFile(text: string, keyHash: string): string {
    const reference = (JSON.parse(text) as { reference?: unknown }).reference;
    if (typeof reference !== 'string' || !isReference(reference)) throw new Error(`key file ${keyHash}.json holds no reference`);
    return reference;
  }

  /**
   * The highest number used so far this year: from the sequence claims, and — in case someone
   * cleaned out seq/ — from the messages themselves, so a reference is never reused.
   */
  private async highestSequence(year: number, yearDir: string): Promise<number> {
    let highest = 0;
    for (const name of await listNames(yearDir)) {
      if (/^\d+$/.test(name)) highest = Math.max(highest, Number(name));
    }
    const prefix = `ECOM-${year}-`;
    for (const folder of ['pending', 'sending', 'sent', 'failed'] as const) {
      for (const name of await listNames(this.folder(folder))) {
        if (!name.startsWith(prefix)) continue;
        const sequence = parseReference(name.slice(0, name.search(/[~.]/)))?.sequence;
        if (sequence !== undefined) highest = Math.max(highest, sequence);
      }
    }
    return highest;
  }

  private async claimNamesFor(reference: string): Promise<string[]> {
    return (await listNames(this.folder('sending'))).filter((n) => parseClaimFileName(n)?.reference === reference);
  }

  private claimPath(claim: DeliveryClaim): string {
    return path.join(this.folder('sending'), claim.token);
  }

  private async stillClaimed(claim: DeliveryClaim): Promise<boolean> {
    try {
      await fs.access(this.claimPath(claim));
      return true;
    } catch {
      return false;
    }
  }

  private async readState(record: OutboxRecord): Promise<DeliveryState> {
    const text = await readFileIfExists(path.join(this.folder('state'), `${record.reference}.json`));
    if (text === undefined) return initialDeliveryState(record);
    try {
      return parseDeliveryState(text);
    } catch (err) {
      this.logger?.warn({ reference: record.reference, err: errorText(err) }, 'outbox delivery state unreadable; starting over');
      return initialDeliveryState(record);
    }
  }

  private async readEntry(status: OutboxStatus, file: string, reference: string): Promise<OutboxEntry | undefined> {
    const text = await readFileIfExists(file);
    if (text === undefined) return undefined; // moved by another mailer since the listing
    try {
      const record = parseOutboxRecord(text);
      return { status, record, state: await this.readState(record) };
    } catch (err) {
      this.logger?.warn({ reference, status, err: errorText(err) }, 'outbox message unreadable; skipped');
      return undefined;
    }
  }
}

function stateJson(state: DeliveryState): string {
  return `${JSON.stringify(state, null, 2)}\n`;
}

function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/**
 * The background worker that turns pending messages into delivered email. It resumes whatever
 * is pending when it starts (including messages claimed by a process that died mid-send, once
 * their claim expires), retries failures with exponential backoff, and after the last attempt
 * parks the message in failed/ and says so in the logs and in `health()`.
 *
 * Delivery is exactly once while processes behave, and at least once across a crash that falls
 * between the mail server accepting a message and the mailer recording it: no email protocol
 * can do better. Such a repeat carries the same Message-ID.
 *
 * A little over 400 lines on purpose: the claim, send, record and back-off loop is one piece
 * of state-machine logic; its pure parts (backoff.ts, compose.ts, the store) already live apart.
 */
import { randomBytes } from 'node:crypto';
import os from 'node:os';
import type { SendMailOptions } from 'nodemailer';
import pino, { type Logger } from 'pino';
import { backoffDelayMs, type BackoffOptions } from './backoff';
import { composeEscalationEmail, type EmailAddresses } from './compose';
import type { DeliveryClaim, OutboxStore } from './store';
import type { WindowLimit } from './rateLimiter';
import type { MailTransport } from './transport';
import type { DeliveryState, OutboxRecord } from './types';
import { systemClock } from '../clock';

export interface MailerOptions {
  store: OutboxStore;
  transport: MailTransport;
  addresses: EmailAddresses;
  logger?: Logger;
  /** Attempts before a message moves to failed/. Default 8. */
  maxAttempts?: number;
  /** Default: 1 minute doubling to 30 minutes, with jitter. */
  backoff?: BackoffOptions;
  /** How often to look for due messages (also those enqueued by other instances). Default 5 s. */
  pollIntervalMs?: number;
  /** How long a claim holds if this process dies mid-send. Default 10 minutes. */
  leaseMs?: number;
  /** `health()` reports a problem when a message has waited longer than this. Default 30 minutes. */
  stalePendingAfterMs?: number;
  clock?: () => Date;
  /** Unique id of this mailer in claim names; defaults to host, pid and a random suffix. */
  owner?: string;
  /**
   * At most this many emails sent per rolling window (the global escalation cap): beyond it,
   * due messages are held in the outbox and sent as the window frees up ("queued, sent later").
   * Per mailer, i.e. per instance. Default: no limit.
   */
  sendRate?: WindowLimit;
  /** Builds the email; defaults to `composeEscalationEmail`. */
  compose?: (record: OutboxRecord, addresses: EmailAddresses) => SendMailOptions;
}

export type DeliveryOutcome = 'sent' | 'retrying' | 'failed' | 'duplicate' | 'skipped' | 'error';

/** What one pass (or a flush) did. */
export interface DeliveryPassResult {
  /** Messages this mailer claimed and tried. */
  attempted: number;
  sent: number;
  retrying: number;
  failed: number;
  duplicates: number;
  /** Claimed by another mailer meanwhile, or gone. */
  skipped: number;
  /** Storage errors; the message is picked up again later. */
  errors: number;
}

/** For the readiness check and `npm run outbox`. */
export interface OutboxHealth {
  /** No failed messages and nothing waiting too long. */
  healthy: boolean;
  /** The background loop is started. */
  running: boolean;
  pending: number;
  /** Claimed by a mailer right now. */
  sending: number;
  sent: number;
  failed: number;
  /** Age of the oldest message not yet delivered (pending or sending), or null. */
  oldestPendingAgeSeconds: number | null;
  /**
   * Age of the oldest undelivered message that has had at least one failed attempt (delivery is
   * failing, not merely waiting for the email cap), or null: the readiness check's "mailer stuck".
   */
  oldestFailingAgeSeconds?: number | null;
  /** Human-readable, no message content. */
  problems: string[];
  transport: string;
  /** ISO 8601 instant these figures were read; null before the first check. */
  checkedAt: string | null;
}

export const DEFAULT_BACKOFF: BackoffOptions = { baseMs: 60_000, maxMs: 30 * 60_000, jitter: true };

function emptyResult(): DeliveryPassResult {
  return { attempted: 0, sent: 0, retrying: 0, failed: 0, duplicates: 0, skipped: 0, errors: 0 };
}

function tally(result: DeliveryPassResult, outcome: DeliveryOutcome): void {
  if (outcome !== 'skipped') result.attempted++;
  const field = ({ sent: 'sent', retrying: 'retrying', failed: 'failed', duplicate: 'duplicates', skipped: 'skipped', error: 'errors' } as const)[outcome];
  result[field]++;
}

/** One line, bounded, from any error: what goes into logs and the stored state. */
function describeError(err: unknown): string {
  const e = err as { message?: unknown; code?: unknown; responseCode?: unknown };
  const message = typeof e?.message === 'string' ? e.message : String(err);
  const code = typeof e?.responseCode === 'number' ? ` (SMTP ${e.responseCode})` : typeof e?.code === 'string' ? ` (${e.code})` : '';
  return `${message.replace(/\s+/g, ' ').trim().slice(0, 300)}${code}`;
}

/**
 * Delivers the outbox.
 *
 * @example
 * const mailer = new Mailer({ store, transport: new SmtpTransport(smtpUrl), addresses: { from: mailFrom, to: inbox }, logger });
 * mailer.start();                 // resumes what is pending, then polls
 * outbox = new Outbox({ store, onEnqueued: () => mailer.notify() });
 * // …on shutdown:
 * await mailer.stop();            // waits for a send in progress
 */
export class Mailer {
  readonly owner: string;
  private readonly store: OutboxStore;
  private readonly transport: MailTransport;
  private readonly addresses: EmailAddresses;
  private readonly logger: Logger;
  private readonly maxAttempts: number;
  private readonly backoff: BackoffOptions;
  private readonly pollIntervalMs: number;
  private readonly leaseMs: number;
  private readonly stalePendingAfterMs: number;
  private readonly clock: () => Date;
  private readonly compose: (record: OutboxRecord, addresses: EmailAddresses) => SendMailOptions;

  private running = false;
  private stopping = false;
  private timer: NodeJS.Timeout | undefined;
  /** Passes run one after another, never overlapping within this mailer. */
  private passChain: Promise<unknown> = Promise.resolve();
  private passInProgress = false;
  private wakeRequested = false;
  private nextDueAtMs: number | undefined;
  private housekeepingDone = false;
  private lastHealth: OutboxHealth | undefined;
  private readonly sendRate: WindowLimit | undefined;
  /** When this mailer sent, within the last `sendRate` window. */
  private sentTimes: number[] = [];

  constructor(options: MailerOptions) {
    this.store = options.store;
    this.transport = options.transport;
    this.addresses = options.addresses;
    this.logger = (options.logger ?? pino({ level: 'silent' })).child({ component: 'escalation-mailer' });
    this.maxAttempts = options.maxAttempts ?? 8;
    this.backoff = options.backoff ?? DEFAULT_BACKOFF;
    this.pollIntervalMs = options.pollIntervalMs ?? 5_000;
    this.leaseMs = options.leaseMs ?? 10 * 60_000;
    this.stalePendingAfterMs = options.stalePendingAfterMs ?? 30 * 60_000;
    this.clock = options.clock ?? systemClock;
    this.compose = options.compose ?? composeEscalationEmail;
    this.sendRate = options.sendRate;
    this.owner = options.owner ?? `mailer-${os.hostname()}-${process.pid}-${randomBytes(3).toString('hex')}`;
    if (this.maxAttempts < 1) throw new RangeError('maxAttempts must be at least 1');
  }

  /** Starts the background loop; the first pass runs at once and resumes whatever is pending. */
  start(): void {
    if (this.running) return;
    this.running = true;
    this.logger.info({ transport: this.transport.description, owner: this.owner }, 'escalation mailer started');
    this.schedule(0);
  }

  /** Stops the loop and waits for a send in progress to finish (and be recorded). */
  async stop(): Promise<void> {
    this.running = false;
    this.stopping = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    try {
      await this.passChain;
    } finally {
      this.stopping = false;
    }
  }

  /** Wakes the loop now, e.g. right after an enqueue, instead of at the next poll. */
  notify(): void {
    if (!this.running) return;
    if (this.passInProgress) this.wakeRequested = true;
    else this.schedule(0);
  }

  /** One pass: tries every message that is due now. Safe to call while the loop runs (passes queue). */
  deliverDue(): Promise<DeliveryPassResult> {
    const pass = this.passChain.then(() => this.runPass());
    this.passChain = pass.catch(() => undefined);
    return pass;
  }

  /**
   * Runs passes until one finds nothing due (at most `maxPasses`): for tests and shutdown.
   * Messages whose next attempt lies in the future stay pending.
   */
  async flush(maxPasses = 50): Promise<DeliveryPassResult> {
    const total = emptyResult();
    for (let i = 0; i < maxPasses; i++) {
      const pass = await this.deliverDue();
      for (const key of Object.keys(total) as (keyof DeliveryPassResult)[]) total[key] += pass[key];
      if (pass.attempted === 0) break;
    }
    return total;
  }

  /** Counts and problems for the readiness check; never includes message content. */
  async health(): Promise<OutboxHealth> {
    const [pending, sendingEntries, sent, failed] = await Promise.all([
      this.store.list('pending'),
      this.store.list('sending'),
      this.store.count('sent'),
      this.store.count('failed'),
    ]);
    const now = this.clock().getTime();
    const waiting = [...pending, ...sendingEntries].map((e) => Date.parse(e.record.enqueuedAt));
    const oldestPendingAgeSeconds = waiting.length ? Math.max(0, Math.round((now - Math.min(...waiting)) / 1000)) : null;
    const failing = [...pending, ...sendingEntries].filter((e) => e.state.attempts > 0).map((e) => Date.parse(e.record.enqueuedAt));
    const oldestFailingAgeSeconds = failing.length ? Math.max(0, Math.round((now - Math.min(...failing)) / 1000)) : null;
    const problems: string[] = [];
    if (failed > 0) problems.push(`${failed} escalation email(s) failed after ${this.maxAttempts} attempts; see "npm run outbox"`);
    if (oldestPendingAgeSeconds !== null && oldestPendingAgeSeconds * 1000 > this.stalePendingAfterMs) {
      problems.push(`the oldest undelivered escalation has waited ${Math.round(oldestPendingAgeSeconds / 60)} minutes`);
    }
    this.lastHealth = {
      healthy: problems.length === 0,
      running: this.running,
      pending: pending.length,
      sending: sendingEntries.length,
      sent,
      failed,
      oldestPendingAgeSeconds,
      oldestFailingAgeSeconds,
      problems,
      transport: this.transport.description,
      checkedAt: new Date(now).toISOString(),
    };
    return this.lastHealth;
  }

  /**
   * The figures of the last `health()` check, without touching storage: for a synchronous
   * readiness probe. The background loop refreshes them after every pass.
   *
   * @example
   * server.get('/readyz', (req, res) => res.send({ ready: true, outbox: mailer.lastKnownHealth() }));
   */
  lastKnownHealth(): OutboxHealth {
    const known = this.lastHealth;
    if (known) return { ...known, running: this.running };
    return {
      healthy: true,
      running: this.running,
      pending: 0,
      sending: 0,
      sent: 0,
      failed: 0,
      oldestPendingAgeSeconds: null,
      oldestFailingAgeSeconds: null,
      problems: [],
      transport: this.transport.description,
      checkedAt: null,
    };
  }

  private schedule(delayMs: number): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.tick(), Math.max(0, delayMs));
    // The loop alone must not keep a process (a CLI, a test) alive.
    this.timer.unref();
  }

  private async tick(): Promise<void> {
    this.timer = undefined;
    if (!this.running) return;
    this.passInProgress = true;
    try {
      await this.deliverDue();
      await this.health();
    } catch (err) {
      this.logger.error({ err: describeError(err) }, 'escalation delivery pass failed');
    } finally {
      this.passInProgress = false;
    }
    if (!this.running) return;
    const untilDue = this.nextDueAtMs === undefined ? this.pollIntervalMs : this.nextDueAtMs - this.clock().getTime();
    this.schedule(this.wakeRequested ? 0 : Math.min(this.pollIntervalMs, untilDue));
    this.wakeRequested = false;
  }

  private async runPass(): Promise<DeliveryPassResult> {
    const result = emptyResult();
    const now = this.clock();
    if (!this.housekeepingDone) {
      this.housekeepingDone = true;
      await this.store.housekeeping(now).catch((err: unknown) => this.logger.warn({ err: describeError(err) }, 'outbox housekeeping failed'));
    }
    const [pending, sending] = await Promise.all([this.store.list('pending'), this.store.list('sending')]);
    const due: string[] = [];
    let nextDue: number | undefined;
    const consider = (reference: string, dueAtMs: number) => {
      if (dueAtMs <= now.getTime()) due.push(reference);
      else nextDue = Math.min(nextDue ?? Infinity, dueAtMs);
    };
    for (const e of pending) consider(e.record.reference, Date.parse(e.state.nextAttemptAt));
    // Claimed by a mailer that may have died: due when the claim expires.
    for (const e of sending) consider(e.record.reference, Date.parse(e.claim!.until));
    this.nextDueAtMs = nextDue;

    for (const reference of due) {
      if (this.stopping) break;
      const freesAt = this.heldUntil(this.clock().getTime());
      if (freesAt !== undefined) {
        // Hold the rest: the cap is full; try again when the window frees up.
        this.nextDueAtMs = Math.min(this.nextDueAtMs ?? Infinity, freesAt);
        break;
      }
      const outcome = await this.deliverOne(reference);
      if (outcome === 'sent' && this.sendRate) this.sentTimes.push(this.clock().getTime());
      tally(result, outcome);
    }
    return result;
  }

  /** With the send rate reached at `now`, when the next send fits; otherwise undefined. */
  private heldUntil(now: number): number | undefined {
    if (!this.sendRate) return undefined;
    const { limit, windowMs } = this.sendRate;
    this.sentTimes = this.sentTimes.filter((t) => t > now - windowMs);
    return this.sentTimes.length < limit ? undefined : this.sentTimes[this.sentTimes.length - limit]! + windowMs;
  }

  private async deliverOne(reference: string): Promise<DeliveryOutcome> {
    let claim: DeliveryClaim | undefined;
    try {
      claim = await this.store.claim(reference, { owner: this.owner, leaseMs: this.leaseMs, now: this.clock() });
    } catch (err) {
      this.logger.error({ reference, err: describeError(err) }, 'could not claim escalation');
      return 'error';
    }
    if (!claim) return 'skipped';

    try {
      let state = claim.state;
      if (claim.resumed) {
        // The earlier claimer died during its attempt; count it, so a message that crashes the
        // mailer every time still ends in failed/ instead of looping forever.
        state = { ...state, attempts: state.attempts + 1, lastAttemptAt: this.clock().toISOString(), lastError: 'an earlier delivery attempt was interrupted' };
        this.logger.warn({ reference, attempts: state.attempts }, 'resuming escalation whose delivery was interrupted');
      }
      if (state.attempts >= this.maxAttempts) return await this.giveUp(claim, state);

      // A process that died between storing the message and binding its key leaves the binding
      // to us; a message whose key belongs to another reference is a copy and is not sent.
      const owner = await this.store.bindKey(claim.record.idempotencyKeyHash, reference);
      if (owner !== reference) {
        await this.store.discard(claim);
        this.logger.info({ reference, duplicateOf: owner }, 'duplicate escalation discarded');
        return 'duplicate';
      }

      let receipt;
      try {
        receipt = await this.transport.send(this.compose(claim.record, this.addresses), reference);
      } catch (err) {
        return await this.failedAttempt(claim, state, err);
      }

      const at = this.clock().toISOString();
      const sentState: DeliveryState = { ...state, attempts: state.attempts + 1, lastAttemptAt: at, sentAt: at };
      if (receipt.messageId) sentState.messageId = receipt.messageId;
      if (!(await this.store.markSent(claim, sentState))) {
        this.logger.warn({ reference }, 'escalation sent, but its claim had expired; another mailer may send it again');
      }
      this.logger.info({ reference, attempts: sentState.attempts, messageId: receipt.messageId }, 'escalation email sent');
      return 'sent';
    } catch (err) {
      // A storage error: the claim stays and expires, and the message is resumed then.
      this.logger.error({ reference, err: describeError(err) }, 'escalation delivery step failed');
      return 'error';
    }
  }

  private async failedAttempt(claim: DeliveryClaim, state: DeliveryState, err: unknown): Promise<DeliveryOutcome> {
    const now = this.clock();
    const attempts = state.attempts + 1;
    const failedState: DeliveryState = { ...state, attempts, lastAttemptAt: now.toISOString(), lastError: describeError(err) };
    if (attempts >= this.maxAttempts) return this.giveUp(claim, failedState);
    failedState.nextAttemptAt = new Date(now.getTime() + backoffDelayMs(attempts, this.backoff)).toISOString();
    await this.store.reschedule(claim, failedState);
    this.logger.warn(
      { reference: claim.reference, attempts, nextAttemptAt: failedState.nextAttemptAt, err: failedState.lastError },
      'escalation email not delivered; will retry',
    );
    return 'retrying';
  }

  private async giveUp(claim: DeliveryClaim, state: DeliveryState): Promise<DeliveryOutcome> {
    const failedState: DeliveryState = { ...state, failedAt: this.clock().toISOString() };
    await this.store.markFailed(claim, failedState);
    this.logger.error(
      { reference: claim.reference, attempts: state.attempts, err: state.lastError },
      'escalation email failed for good; moved to failed/ (retry with "npm run outbox retry")',
    );
    return 'failed';
  }
}

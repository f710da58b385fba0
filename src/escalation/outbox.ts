/**
 * The front door of the escalation core: the dialog calls `enqueue`, and once it resolves the
 * message is on disk (or in shared storage) and the person can be given the reference. Delivery
 * is the Mailer's job, in the background, so a slow or broken mail server never blocks a turn.
 */
import { createHash } from 'node:crypto';
import { formatReference } from './reference';
import { checkIdempotencyKey, sanitizeEscalationRequest } from './sanitize';
import type { OutboxStore } from './store';
import type { EnqueueResult, EscalationRequest, OutboxRecord } from './types';
import { systemClock } from '../clock';

/**
 * The stored form of an idempotency key: SHA-256, hex. Fixed length and file-name safe whatever
 * the channel's ids look like.
 *
 * @example
 * hashIdempotencyKey('conv-1:activity-9'); // '5b0d…' (64 hex digits)
 */
export function hashIdempotencyKey(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex');
}

export interface OutboxOptions {
  store: OutboxStore;
  /** Defaults to the system clock. The reference year is the UTC year of `clock()`. */
  clock?: () => Date;
  /** Called after a new message is stored, e.g. to wake the mailer. Errors are ignored. */
  onEnqueued?: (reference: string) => void;
}

/**
 * Accepts escalations durably and idempotently.
 *
 * @example
 * const outbox = new Outbox({ store: new FileOutboxStore('var/outbox'), onEnqueued: () => mailer.notify() });
 * const { reference, duplicate } = await outbox.enqueue({
 *   idempotencyKey: `${conversationId}:${activityId}`,
 *   question: 'Is $800 still duty free?',
 *   channelId: 'webchat', conversationId, createdAt: new Date().toISOString(),
 * });
 * // reference: 'ECOM-2026-000124'; duplicate: true when Direct Line retried the same activity
 */
export class Outbox {
  private readonly store: OutboxStore;
  private readonly clock: () => Date;
  private readonly onEnqueued?: (reference: string) => void;

  constructor(options: OutboxOptions) {
    this.store = options.store;
    this.clock = options.clock ?? systemClock;
    this.onEnqueued = options.onEnqueued;
  }

  /**
   * Sanitises and stores one escalation; resolves once it is durable. The same idempotency key
   * always yields the same reference and stores nothing new — after a restart, and from another
   * Outbox on the same store, too. Throws `EscalationValidationError` for unusable input.
   */
  async enqueue(request: EscalationRequest): Promise<EnqueueResult> {
    const keyHash = hashIdempotencyKey(checkIdempotencyKey(request.idempotencyKey));
    const escalation = sanitizeEscalationRequest(request, this.clock);

    const known = await this.store.findReferenceByKey(keyHash);
    if (known) return { reference: known, duplicate: true };

    const now = this.clock();
    const year = now.getUTCFullYear();
    const reference = formatReference(year, await this.store.allocateSequence(year));
    const record: OutboxRecord = { version: 1, reference, idempotencyKeyHash: keyHash, enqueuedAt: now.toISOString(), escalation };

    // The message is written before the key is bound: if the process dies in between, the
    // message is still there and the mailer binds the key when it delivers it. Binding first
    // would leave a key pointing at a message that was never written.
    await this.store.addPending(record);
    const bound = await this.store.bindKey(keyHash, reference);
    if (bound !== reference) {
      // Another enqueue of the same key won the race; ours is a copy. Withdraw it if no mailer
      // has picked it up yet — a mailer that has will see the key and discard it unsent.
      const claim = await this.store.claim(reference, { owner: 'outbox-withdraw', leaseMs: 60_000, now });
      if (claim) await this.store.discard(claim);
      return { reference: bound, duplicate: true };
    }

    try {
      this.onEnqueued?.(reference);
    } catch {
      // Waking the mailer early is an optimisation; its poll finds the message anyway.
    }
    return { reference, duplicate: false };
  }
}

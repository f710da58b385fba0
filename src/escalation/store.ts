/**
 * Where the outbox keeps messages. The Outbox and the Mailer talk only to this interface, so the
 * local spool folder (`FileOutboxStore`) can later be swapped for Azure Blob Storage shared by
 * several bot instances (issue 8) without touching them.
 *
 * What an implementation must guarantee:
 * - `allocateSequence` never hands out the same number twice, across restarts and processes
 *   (blob: create `seq/<year>/<n>` with If-None-Match: *).
 * - `bindKey` is create-if-absent: the first reference bound to a key wins forever
 *   (blob: If-None-Match: * on `keys/<hash>`).
 * - `addPending` is durable when it resolves.
 * - `claim` succeeds for at most one caller at a time; a claim whose lease expired can be taken
 *   over (blob: a blob lease on the message).
 * - `markSent`, `reschedule`, `markFailed` and `discard` resolve to false, and change nothing,
 *   when the caller no longer holds the claim.
 */
import type { DeliveryState, OutboxEntry, OutboxRecord, OutboxStatus } from './types';

export interface ClaimOptions {
  /** Who claims: a mailer id, unique per process. Letters, digits, '.', '_' and '-' only. */
  owner: string;
  /** How long the claim holds if the claimer dies; must exceed the longest send. */
  leaseMs: number;
  now: Date;
}

/** A message a mailer holds for delivery. */
export interface DeliveryClaim {
  reference: string;
  record: OutboxRecord;
  state: DeliveryState;
  owner: string;
  /** ISO 8601 instant the claim expires. */
  leaseUntil: string;
  /** True when taken over from an expired claim: its mailer died, maybe mid-send. */
  resumed: boolean;
  /** Store-specific handle (the file name, a blob lease id). */
  token: string;
}

/**
 * The storage behind the outbox.
 *
 * @example
 * const store: OutboxStore = new FileOutboxStore('var/outbox');
 * const claim = await store.claim('ECOM-2026-000001', { owner: 'mailer-1', leaseMs: 600_000, now: new Date() });
 * if (claim) await store.markSent(claim, { ...claim.state, attempts: 1, sentAt: new Date().toISOString() });
 */
export interface OutboxStore {
  /** Reserves the next reference sequence number for `year` (1, 2, 3, … with possible gaps). */
  allocateSequence(year: number): Promise<number>;
  /** The reference bound to an idempotency key hash, if any. */
  findReferenceByKey(keyHash: string): Promise<string | undefined>;
  /** Binds the key to `reference` unless already bound; resolves to the reference that holds the key. */
  bindKey(keyHash: string, reference: string): Promise<string>;
  /** Stores a new message as pending, durably. Rejects if the reference already exists. */
  addPending(record: OutboxRecord): Promise<void>;
  /** Messages in one state, oldest first. Unreadable entries are skipped (and logged). */
  list(status: OutboxStatus): Promise<OutboxEntry[]>;
  /** How many messages are in one state (cheaper than `list`). */
  count(status: OutboxStatus): Promise<number>;
  /** One message by reference, wherever it is. */
  get(reference: string): Promise<OutboxEntry | undefined>;
  /** Claims a pending message, or one whose earlier claim expired; `undefined` when someone else has it or it is gone. */
  claim(reference: string, options: ClaimOptions): Promise<DeliveryClaim | undefined>;
  /** Delivered: moves the message to sent with its final state. */
  markSent(claim: DeliveryClaim, state: DeliveryState): Promise<boolean>;
  /** Not delivered yet: back to pending with the new attempt count and next attempt time. */
  reschedule(claim: DeliveryClaim, state: DeliveryState): Promise<boolean>;
  /** Gave up: moves the message to failed, where `retryFailed` can bring it back. */
  markFailed(claim: DeliveryClaim, state: DeliveryState): Promise<boolean>;
  /** Removes a message that turned out to duplicate another one with the same idempotency key. */
  discard(claim: DeliveryClaim): Promise<boolean>;
  /** Moves a failed message back to pending with its attempts reset; false when it is not in failed. */
  retryFailed(reference: string, now: Date): Promise<boolean>;
  /** Periodic clean-up of leftovers from crashes (temporary files). */
  housekeeping(now: Date): Promise<void>;
}

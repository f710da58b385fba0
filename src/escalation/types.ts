/**
 * The shapes that flow through the escalation core: what the dialog hands over, what the
 * outbox stores, and how far delivery has got.
 */

/** One line of the conversation, included only when the person agreed to share it. */
export interface TranscriptEntry {
  from: 'user' | 'bot';
  text: string;
  /** ISO 8601 instant. */
  at: string;
}

/**
 * What the escalation dialog hands to `Outbox.enqueue`.
 *
 * @example
 * const request: EscalationRequest = {
 *   idempotencyKey: `${conversationId}:${activityId}`, // a retried turn gives the same key
 *   question: 'Do I owe duty on a $30 gift from Canada?',
 *   replyTo: 'person@example.com',
 *   channelId: 'webchat',
 *   locale: 'en-US',
 *   conversationId,
 *   guesses: ['Gifts sent from abroad'],
 *   createdAt: new Date().toISOString(),
 * };
 */
export interface EscalationRequest {
  /** Same value for a retried turn, e.g. conversationId + ':' + activityId. */
  idempotencyKey: string;
  question: string;
  /** The person's email address, when they want a personal answer. */
  replyTo?: string;
  channelId: string;
  locale?: string;
  conversationId: string;
  /** Titles of the bot's best-guess documents. */
  guesses?: string[];
  /** Only with the person's consent. */
  transcript?: TranscriptEntry[];
  /** A short topic for the subject line, e.g. "De minimis". */
  topic?: string;
  /** ISO 8601 instant the person asked. */
  createdAt: string;
}

/**
 * An escalation after sanitising: what is stored and what is sent. The same fields as the
 * request, less the idempotency key (kept apart, hashed); transcript times may be missing.
 */
export type SanitizedEscalation = Omit<EscalationRequest, 'idempotencyKey' | 'transcript'> & {
  transcript?: Array<Omit<TranscriptEntry, 'at'> & { at?: string }>;
};

/** The stored message: one JSON file (or blob) per escalation, written once and never edited. */
export interface OutboxRecord {
  version: 1;
  reference: string;
  /** SHA-256 of the idempotency key (the key itself is not needed once hashed). */
  idempotencyKeyHash: string;
  /** ISO 8601 instant the outbox accepted the message. */
  enqueuedAt: string;
  escalation: SanitizedEscalation;
}

/** Where a message is in its life. `sending` means a mailer holds a claim on it. */
export type OutboxStatus = 'pending' | 'sending' | 'sent' | 'failed';

/** How delivery is going; kept beside the record and updated by the mailer. */
export interface DeliveryState {
  /** Delivery attempts so far (since the last manual retry). */
  attempts: number;
  /** ISO 8601: not to be tried before this instant. */
  nextAttemptAt: string;
  lastAttemptAt?: string;
  /** Short error text of the last failed attempt (never the question). */
  lastError?: string;
  sentAt?: string;
  failedAt?: string;
  /** Message-ID of the delivered email. */
  messageId?: string;
}

/** A message as listed by a store. */
export interface OutboxEntry {
  status: OutboxStatus;
  record: OutboxRecord;
  state: DeliveryState;
  /** Present while `status` is `sending`: who holds the claim and until when. */
  claim?: { owner: string; until: string };
}

/** What `Outbox.enqueue` returns. */
export interface EnqueueResult {
  reference: string;
  /** True when this idempotency key was seen before: nothing new was written. */
  duplicate: boolean;
}

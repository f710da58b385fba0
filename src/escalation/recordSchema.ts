/**
 * Stored records are read back from disk (or a blob), where a person or a bug may have edited
 * them; they are checked with zod before the mailer trusts them.
 */
import { z } from 'zod';
import { REFERENCE_PATTERN } from './reference';
import type { DeliveryState, OutboxRecord } from './types';

const isoInstant = z.string().refine((v) => !Number.isNaN(Date.parse(v)), 'must be an ISO 8601 instant');

const escalationSchema = z.object({
  question: z.string().min(1),
  replyTo: z.string().optional(),
  channelId: z.string().min(1),
  locale: z.string().optional(),
  conversationId: z.string().min(1),
  guesses: z.array(z.string()).optional(),
  transcript: z.array(z.object({ from: z.enum(['user', 'bot']), text: z.string(), at: isoInstant.optional() })).optional(),
  topic: z.string().optional(),
  createdAt: isoInstant,
});

const recordSchema = z.object({
  version: z.literal(1),
  reference: z.string().regex(REFERENCE_PATTERN),
  idempotencyKeyHash: z.string().regex(/^[0-9a-f]{64}$/),
  enqueuedAt: isoInstant,
  escalation: escalationSchema,
});

const stateSchema = z.object({
  attempts: z.number().int().min(0),
  nextAttemptAt: isoInstant,
  lastAttemptAt: isoInstant.optional(),
  lastError: z.string().optional(),
  sentAt: isoInstant.optional(),
  failedAt: isoInstant.optional(),
  messageId: z.string().optional(),
});

/**
 * Parses a stored record; throws with a readable reason when it is not one.
 *
 * @example
 * const record = parseOutboxRecord(await fs.readFile(file, 'utf8'));
 */
export function parseOutboxRecord(json: string): OutboxRecord {
  return recordSchema.parse(JSON.parse(json)) as OutboxRecord;
}

/**
 * Parses stored delivery state; throws when it is not valid.
 *
 * @example
 * const state = parseDeliveryState('{"attempts":1,"nextAttemptAt":"2026-03-02T15:01:00.000Z"}');
 */
export function parseDeliveryState(json: string): DeliveryState {
  return stateSchema.parse(JSON.parse(json)) as DeliveryState;
}

/**
 * The state of a message nobody has tried to deliver yet.
 *
 * @example
 * initialDeliveryState(record); // { attempts: 0, nextAttemptAt: record.enqueuedAt }
 */
export function initialDeliveryState(record: Pick<OutboxRecord, 'enqueuedAt'>): DeliveryState {
  return { attempts: 0, nextAttemptAt: record.enqueuedAt };
}

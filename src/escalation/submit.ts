/**
 * The escalation rules in one core call, so the bot layer (today botbuilder dialogs, later the
 * Microsoft 365 Agents SDK) only collects the answers and says the result:
 *
 * - `check(subject)`: may this person start an email at all? (asked before any question, so
 *   nobody fills in a form that could not be sent);
 * - `submit(request, subject)`: the rate limits, the duplicate-send check and the enqueue, in
 *   that order. A retried "Send" (same idempotency key) of an email already stored gets the same
 *   reference, even once the limit is reached, and is never counted twice.
 *
 * Errors from the store (a full disk, a request that fails validation) are thrown: the caller
 * says "nothing was sent".
 */
import type { Outbox } from './outbox';
import { hashIdempotencyKey } from './outbox';
import type { EscalationRateLimiter, EscalationSubject, RateLimitDecision } from './rateLimiter';
import type { OutboxStore } from './store';
import type { EscalationRequest } from './types';

/** Refused by a rate limit: how long to wait, and which limit (the wording differs). */
export interface EscalationLimited {
  limited: true;
  retryAfterSeconds: number;
  scope: 'conversation' | 'client';
}

/** Stored in the outbox (or found there: `duplicate`); `queued` when the global cap holds it back. */
export interface EscalationStored {
  limited: false;
  reference: string;
  duplicate: boolean;
  queued?: { sendWithinSeconds: number };
}

export type EscalationSubmitResult = EscalationStored | EscalationLimited;

/** The two calls the bot layer makes; `createEscalationService` provides them. */
export interface EscalationSubmitter {
  /** Whether one more email is allowed for `subject` now; `undefined` when it is. */
  check(subject: EscalationSubject): EscalationLimited | undefined;
  /** Applies the limits, the duplicate check and the enqueue. */
  submit(request: EscalationRequest, subject: EscalationSubject): Promise<EscalationSubmitResult>;
}

/** What `createEscalationSubmitter` works with. */
export interface SubmitterParts {
  outbox: Pick<Outbox, 'enqueue'>;
  limiter: Pick<EscalationRateLimiter, 'check' | 'record'>;
  store: Pick<OutboxStore, 'findReferenceByKey'>;
}

function limited(decision: Extract<RateLimitDecision, { allowed: false }>): EscalationLimited {
  return { limited: true, retryAfterSeconds: decision.retryAfterSeconds, scope: decision.scope };
}

/**
 * The escalation rules over an outbox, a rate limiter and the outbox store.
 *
 * @example
 * const escalation = createEscalationSubmitter({ outbox, limiter, store });
 * const who = { conversationId: 'conv-1', client: 'user:webchat:dl_abc' };
 * const result = await escalation.submit(request, who);
 * if (result.limited) say(`try again in ${result.retryAfterSeconds} s`);
 * else say(`Sent. Your reference number is ${result.reference}.`);
 */
export function createEscalationSubmitter({ outbox, limiter, store }: SubmitterParts): EscalationSubmitter {
  return {
    check(subject) {
      const decision = limiter.check(subject);
      return decision.allowed ? undefined : limited(decision);
    },
    async submit(request, subject) {
      const decision = limiter.check(subject);
      if (!decision.allowed) {
        // A retried "Send" of an email that went out is not a new one, even at the limit.
        const known = await store.findReferenceByKey(hashIdempotencyKey(request.idempotencyKey));
        return known ? { limited: false, reference: known, duplicate: true } : limited(decision);
      }
      const { reference, duplicate } = await outbox.enqueue(request);
      if (duplicate) return { limited: false, reference, duplicate };
      const { queued } = limiter.record(subject);
      return queued ? { limited: false, reference, duplicate, queued } : { limited: false, reference, duplicate };
    },
  };
}

/**
 * Abuse limits for escalations: a person cannot flood the E-Commerce inbox from one
 * conversation, and a burst across all conversations (a script, a bad day) is capped too.
 * In memory and per instance on purpose: small, exact, and easy to test; each instance of a
 * scaled-out bot applies its own global cap.
 */
import { systemClock } from '../clock';

/** A rolling-window limit: at most `limit` events in any `windowMs`. */
export interface WindowLimit {
  limit: number;
  windowMs: number;
}

export interface EscalationRateLimits {
  /** Default: 3 per rolling hour. */
  perConversation: WindowLimit;
  /** Default: 60 per rolling 10 minutes. */
  global: WindowLimit;
}

export const DEFAULT_ESCALATION_RATE_LIMITS: EscalationRateLimits = {
  perConversation: { limit: 3, windowMs: 60 * 60 * 1000 },
  global: { limit: 60, windowMs: 10 * 60 * 1000 },
};

export type RateLimitDecision =
  | { allowed: true }
  | { allowed: false; retryAfterSeconds: number; scope: 'conversation' | 'global' };

/** Above this many tracked conversations, a sweep drops the ones with no recent escalation. */
const SWEEP_THRESHOLD = 10_000;

/**
 * Counts escalations in rolling windows. `check` only asks; `record` counts one that was sent
 * (call it when `enqueue` returned `duplicate: false`, so a retried turn is not counted twice);
 * `tryAcquire` does both.
 *
 * @example
 * const limiter = new EscalationRateLimiter();
 * const decision = limiter.check('conv-1', Date.now());
 * if (decision.allowed) {
 *   const { duplicate } = await outbox.enqueue(request);
 *   if (!duplicate) limiter.record('conv-1', Date.now());
 * } else {
 *   // "You have sent several messages already; please try again in about N minutes."
 * }
 */
export class EscalationRateLimiter {
  private readonly limits: EscalationRateLimits;
  private readonly clock: () => number;
  private readonly byConversation = new Map<string, number[]>();
  private global: number[] = [];

  constructor(options: { limits?: Partial<EscalationRateLimits>; clock?: () => number } = {}) {
    this.limits = { ...DEFAULT_ESCALATION_RATE_LIMITS, ...options.limits };
    this.clock = options.clock ?? (() => systemClock().getTime());
  }

  /** Whether one more escalation from this conversation is allowed at `now` (epoch ms). */
  check(conversationId: string, now: number = this.clock()): RateLimitDecision {
    const conversation = this.wait(this.recent(this.byConversation.get(conversationId) ?? [], this.limits.perConversation, now), this.limits.perConversation, now);
    const global = this.wait((this.global = this.recent(this.global, this.limits.global, now)), this.limits.global, now);
    if (conversation === 0 && global === 0) return { allowed: true };
    // When both are exhausted, the longer wait is the honest answer.
    return conversation >= global
      ? { allowed: false, retryAfterSeconds: conversation, scope: 'conversation' }
      : { allowed: false, retryAfterSeconds: global, scope: 'global' };
  }

  /** Counts one escalation from this conversation at `now` (epoch ms). */
  record(conversationId: string, now: number = this.clock()): void {
    const times = this.recent(this.byConversation.get(conversationId) ?? [], this.limits.perConversation, now);
    times.push(now);
    this.byConversation.set(conversationId, times);
    this.global = this.recent(this.global, this.limits.global, now);
    this.global.push(now);
    if (this.byConversation.size > SWEEP_THRESHOLD) this.sweep(now);
  }

  /** `check`, and `record` when allowed. */
  tryAcquire(conversationId: string, now: number = this.clock()): RateLimitDecision {
    const decision = this.check(conversationId, now);
    if (decision.allowed) this.record(conversationId, now);
    return decision;
  }

  /** Times still inside the window ending at `now`. */
  private recent(times: number[], window: WindowLimit, now: number): number[] {
    const from = now - window.windowMs;
    return times.filter((t) => t > from && t <= now);
  }

  /** Seconds until one more event fits (0 when it fits now). */
  private wait(recent: number[], window: WindowLimit, now: number): number {
    if (recent.length < window.limit) return 0;
    const freesAt = recent[recent.length - window.limit]! + window.windowMs;
    return Math.max(1, Math.ceil((freesAt - now) / 1000));
  }

  private sweep(now: number): void {
    for (const [id, times] of this.byConversation) {
      const recent = this.recent(times, this.limits.perConversation, now);
      if (recent.length === 0) this.byConversation.delete(id);
      else this.byConversation.set(id, recent);
    }
  }
}

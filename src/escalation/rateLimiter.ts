/**
 * Abuse limits for escalations (issue 13, finding 4):
 * - per conversation (3 an hour) and per client (5 an hour: one person, whichever conversation
 *   they write from — a new conversation is not a new allowance); beyond either, refused;
 * - a global cap (60 per 10 minutes) that never refuses: beyond it, messages are still accepted
 *   into the outbox (durable), and the mailer holds them and sends them at the capped rate
 *   ("queued, sent later"), so a flood cannot lock genuine people out. When it trips, `onTrip`
 *   fires once (the service logs a warning) and `status()` says so (staff `stats`, `/readyz`).
 * In memory and per instance on purpose: small, exact, and easy to test; each instance of a
 * scaled-out bot applies its own limits.
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
  /**
   * Default: 5 per rolling hour, per client: the Teams AAD object id, else the channel's user
   * id (Direct Line binds it to the token), else the conversation. A new conversation is free;
   * a new client is not (tokens are rate-limited per IP).
   */
  perClient: WindowLimit;
  /** Default: 60 per rolling 10 minutes; beyond it, accepted but held and sent at this rate. */
  global: WindowLimit;
}

export const DEFAULT_ESCALATION_RATE_LIMITS: EscalationRateLimits = {
  perConversation: { limit: 3, windowMs: 60 * 60 * 1000 },
  perClient: { limit: 5, windowMs: 60 * 60 * 1000 },
  global: { limit: 60, windowMs: 10 * 60 * 1000 },
};

/** Who asks: the conversation and, when the channel says, the client (person) behind it. */
export interface EscalationSubject {
  conversationId: string;
  /** A stable client key, e.g. `aad:<object id>` or `user:<channel>:<from.id>`. */
  client?: string;
}

export type RateLimitDecision =
  /** `queued`: over the global cap; the email will be held and sent within about that long. */
  | { allowed: true; queued?: { sendWithinSeconds: number } }
  | { allowed: false; retryAfterSeconds: number; scope: 'conversation' | 'client' };

/** The global cap, for staff and the readiness probe. No user data. */
export interface GlobalCapStatus {
  /** Accepted escalations are being held right now, waiting for a send slot. */
  tripped: boolean;
  /** The window ending now is full: the next escalation would be held. */
  full: boolean;
  /** Accepted but not yet due for sending (held by the mailer). */
  queued: number;
  /** How many times the cap tripped since start. */
  trips: number;
  /** ISO 8601, the last time it tripped. */
  lastTrippedAt: string | null;
  limit: number;
  windowMinutes: number;
}

/** Above this many tracked keys, a sweep drops the ones with no recent escalation. */
const SWEEP_THRESHOLD = 10_000;

/**
 * Counts escalations in rolling windows. `check` only asks; `record` counts one that was stored
 * (call it when `enqueue` returned `duplicate: false`, so a retried turn is not counted twice)
 * and returns whether it is queued behind the global cap; `tryAcquire` does both.
 *
 * @example
 * const limiter = new EscalationRateLimiter({ onTrip: (s) => logger.warn(s, 'global email cap reached') });
 * const who = { conversationId: 'conv-1', client: 'user:webchat:dl_abc' };
 * const decision = limiter.check(who);
 * if (decision.allowed) {
 *   const { duplicate } = await outbox.enqueue(request);
 *   const slot = duplicate ? { allowed: true } : limiter.record(who);
 *   // slot.queued → "it will be sent within about N minutes"
 * } else {
 *   // "You have sent several messages already; please try again in about N minutes."
 * }
 */
export class EscalationRateLimiter {
  private readonly limits: EscalationRateLimits;
  private readonly clock: () => number;
  private readonly onTrip?: (status: GlobalCapStatus) => void;
  private readonly byConversation = new Map<string, number[]>();
  private readonly byClient = new Map<string, number[]>();
  /** Send slots of accepted escalations, ascending; future ones are held. */
  private slots: number[] = [];
  private trips = 0;
  private lastTrippedAt: number | undefined;

  constructor(options: { limits?: Partial<EscalationRateLimits>; clock?: () => number; onTrip?: (status: GlobalCapStatus) => void } = {}) {
    this.limits = { ...DEFAULT_ESCALATION_RATE_LIMITS, ...options.limits };
    this.clock = options.clock ?? (() => systemClock().getTime());
    if (options.onTrip) this.onTrip = options.onTrip;
  }

  get config(): EscalationRateLimits {
    return this.limits;
  }

  /** Whether one more escalation is allowed at `now` (epoch ms), and whether it would be queued. */
  check(subject: string | EscalationSubject, now: number = this.clock()): RateLimitDecision {
    const { conversationId, client } = asSubject(subject);
    const conversation = this.wait(this.recent(this.byConversation.get(conversationId) ?? [], this.limits.perConversation, now), this.limits.perConversation, now);
    const perClient = client === undefined ? 0 : this.wait(this.recent(this.byClient.get(client) ?? [], this.limits.perClient, now), this.limits.perClient, now);
    if (conversation > 0 || perClient > 0) {
      // When both are exhausted, the longer wait is the honest answer.
      return conversation >= perClient
        ? { allowed: false, retryAfterSeconds: conversation, scope: 'conversation' }
        : { allowed: false, retryAfterSeconds: perClient, scope: 'client' };
    }
    const slot = this.nextSlot(now);
    return slot > now ? { allowed: true, queued: { sendWithinSeconds: Math.max(1, Math.ceil((slot - now) / 1000)) } } : { allowed: true };
  }

  /** Counts one escalation at `now` (epoch ms); says whether it is queued behind the global cap. */
  record(subject: string | EscalationSubject, now: number = this.clock()): Extract<RateLimitDecision, { allowed: true }> {
    const { conversationId, client } = asSubject(subject);
    this.push(this.byConversation, conversationId, this.limits.perConversation, now);
    if (client !== undefined) this.push(this.byClient, client, this.limits.perClient, now);
    const wasTripped = this.heldAfter(now) > 0;
    const slot = this.nextSlot(now);
    this.slots.push(slot);
    if (this.byConversation.size + this.byClient.size > SWEEP_THRESHOLD) this.sweep(now);
    if (slot <= now) return { allowed: true };
    if (!wasTripped) {
      this.trips += 1;
      this.lastTrippedAt = now;
      this.onTrip?.(this.status(now));
    }
    return { allowed: true, queued: { sendWithinSeconds: Math.max(1, Math.ceil((slot - now) / 1000)) } };
  }

  /** `check`, and `record` when allowed. */
  tryAcquire(subject: string | EscalationSubject, now: number = this.clock()): RateLimitDecision {
    const decision = this.check(subject, now);
    return decision.allowed ? this.record(subject, now) : decision;
  }

  /** The global cap as of `now`. */
  status(now: number = this.clock()): GlobalCapStatus {
    const queued = this.heldAfter(now);
    return {
      tripped: queued > 0,
      full: this.nextSlot(now) > now,
      queued,
      trips: this.trips,
      lastTrippedAt: this.lastTrippedAt === undefined ? null : new Date(this.lastTrippedAt).toISOString(),
      limit: this.limits.global.limit,
      windowMinutes: Math.round(this.limits.global.windowMs / 60_000),
    };
  }

  /** How many accepted escalations are not due for sending before `now`. */
  private heldAfter(now: number): number {
    return this.slots.filter((t) => t > now).length;
  }

  /**
   * The earliest send time at or after `now` that keeps every window within the global cap:
   * slots are ascending, so it is `now` unless the last `limit` slots fall within one window.
   */
  private nextSlot(now: number): number {
    const { limit, windowMs } = this.limits.global;
    this.slots = this.slots.filter((t) => t > now - windowMs);
    if (this.slots.length < limit) return now;
    return Math.max(now, this.slots[this.slots.length - limit]! + windowMs);
  }

  private push(map: Map<string, number[]>, key: string, window: WindowLimit, now: number): void {
    const times = this.recent(map.get(key) ?? [], window, now);
    times.push(now);
    map.set(key, times);
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
    for (const [map, window] of [
      [this.byConversation, this.limits.perConversation],
      [this.byClient, this.limits.perClient],
    ] as const) {
      for (const [id, times] of map) {
        const recent = this.recent(times, window, now);
        if (recent.length === 0) map.delete(id);
        else map.set(id, recent);
      }
    }
  }
}

function asSubject(subject: string | EscalationSubject): EscalationSubject {
  return typeof subject === 'string' ? { conversationId: subject } : subject;
}

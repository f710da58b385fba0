import { EscalationRateLimiter, type GlobalCapStatus } from './rateLimiter';

const MINUTE = 60_000;

describe('EscalationRateLimiter', () => {
  it('allows 3 per conversation per rolling hour, then says when to retry', () => {
    const limiter = new EscalationRateLimiter();
    const t0 = Date.parse('2026-03-02T15:00:00Z');
    for (const offset of [0, 10, 20]) expect(limiter.tryAcquire('c1', t0 + offset * MINUTE)).toEqual({ allowed: true });
    expect(limiter.check('c1', t0 + 30 * MINUTE)).toEqual({ allowed: false, scope: 'conversation', retryAfterSeconds: 30 * 60 });
    // Another conversation is not affected.
    expect(limiter.check('c2', t0 + 30 * MINUTE)).toEqual({ allowed: true });
    // The first one leaves the window after exactly one hour.
    expect(limiter.check('c1', t0 + 60 * MINUTE - 1).allowed).toBe(false);
    expect(limiter.check('c1', t0 + 60 * MINUTE)).toEqual({ allowed: true });
  });

  it('check does not count; record does', () => {
    const limiter = new EscalationRateLimiter();
    for (let i = 0; i < 10; i++) expect(limiter.check('c1', 1000).allowed).toBe(true);
    limiter.record('c1', 1000);
    limiter.record('c1', 1000);
    limiter.record('c1', 1000);
    expect(limiter.check('c1', 1000).allowed).toBe(false);
  });

  it('the global cap (default 60 per 10 minutes) never refuses: beyond it, escalations are queued with an honest wait', () => {
    const trips: GlobalCapStatus[] = [];
    const limiter = new EscalationRateLimiter({ onTrip: (s) => trips.push(s) });
    const t0 = 1_000_000;
    for (let i = 0; i < 60; i++) expect(limiter.tryAcquire({ conversationId: `c${i}`, client: `u${i}` }, t0 + i * 1000)).toEqual({ allowed: true });
    expect(limiter.status(t0 + 60_000)).toMatchObject({ tripped: false, full: true, queued: 0, trips: 0 });
    // Someone new at t0 + 60 s: accepted, sent when the first slot leaves the window (t0 + 10 min).
    expect(limiter.check({ conversationId: 'new', client: 'genuine' }, t0 + 60_000)).toEqual({ allowed: true, queued: { sendWithinSeconds: 540 } });
    expect(limiter.record({ conversationId: 'new', client: 'genuine' }, t0 + 60_000)).toEqual({ allowed: true, queued: { sendWithinSeconds: 540 } });
    // The next one takes the following slot; the alert fired once, not per message.
    expect(limiter.record({ conversationId: 'new2', client: 'genuine2' }, t0 + 60_000)).toEqual({ allowed: true, queued: { sendWithinSeconds: 541 } });
    expect(trips).toHaveLength(1);
    expect(trips[0]).toMatchObject({ tripped: true, queued: 1, trips: 1, lastTrippedAt: new Date(t0 + 60_000).toISOString(), limit: 60, windowMinutes: 10 });
    expect(limiter.status(t0 + 60_000)).toMatchObject({ tripped: true, queued: 2, trips: 1 });
    // Once the held ones are due and the window has room again, it is clear; a new flood trips it again.
    expect(limiter.status(t0 + 30 * MINUTE)).toMatchObject({ tripped: false, full: false, queued: 0, trips: 1 });
    expect(limiter.check('later', t0 + 30 * MINUTE)).toEqual({ allowed: true });
  });

  it('limits a client across conversations: a new conversation is not a new allowance (default 5 per hour)', () => {
    const limiter = new EscalationRateLimiter();
    const t0 = Date.parse('2026-03-02T15:00:00Z');
    for (let i = 0; i < 5; i++) expect(limiter.tryAcquire({ conversationId: `attack-${i}`, client: 'user:emulator:x' }, t0 + i * 1000)).toEqual({ allowed: true });
    expect(limiter.check({ conversationId: 'attack-5', client: 'user:emulator:x' }, t0 + 5000)).toEqual({ allowed: false, scope: 'client', retryAfterSeconds: 3600 - 5 });
    // Another client, and the same conversation ids without that client, are not affected.
    expect(limiter.check({ conversationId: 'attack-5', client: 'user:emulator:y' }, t0 + 5000)).toEqual({ allowed: true });
    expect(limiter.check('attack-5', t0 + 5000)).toEqual({ allowed: true });
    expect(limiter.check({ conversationId: 'attack-5', client: 'user:emulator:x' }, t0 + 60 * MINUTE)).toEqual({ allowed: true });
  });

  it('reports the longer wait when both limits are hit', () => {
    const limiter = new EscalationRateLimiter({ limits: { perClient: { limit: 3, windowMs: 10 * MINUTE } } });
    const who = { conversationId: 'c1', client: 'u1' };
    limiter.record(who, 0);
    limiter.record(who, 1000);
    limiter.record(who, 2000);
    expect(limiter.check(who, 3000)).toEqual({ allowed: false, scope: 'conversation', retryAfterSeconds: 3597 });
    const shortConversation = new EscalationRateLimiter({ limits: { perConversation: { limit: 3, windowMs: MINUTE }, perClient: { limit: 3, windowMs: 60 * MINUTE } } });
    for (const t of [0, 1000, 2000]) shortConversation.record(who, t);
    expect(shortConversation.check(who, 3000)).toEqual({ allowed: false, scope: 'client', retryAfterSeconds: 3597 });
  });

  it('uses the injected clock when no time is given', () => {
    let now = 0;
    const limiter = new EscalationRateLimiter({ clock: () => now, limits: { perConversation: { limit: 1, windowMs: 1000 } } });
    expect(limiter.tryAcquire('c1').allowed).toBe(true);
    expect(limiter.tryAcquire('c1')).toEqual({ allowed: false, scope: 'conversation', retryAfterSeconds: 1 });
    now = 1000;
    expect(limiter.tryAcquire('c1').allowed).toBe(true);
  });
});

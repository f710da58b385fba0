import { EscalationRateLimiter } from './rateLimiter';

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

  it('applies the global limit across conversations (default 60 per 10 minutes)', () => {
    const limiter = new EscalationRateLimiter();
    const t0 = 1_000_000;
    for (let i = 0; i < 60; i++) expect(limiter.tryAcquire(`c${i}`, t0 + i * 1000).allowed).toBe(true);
    const refused = limiter.check('someone-new', t0 + 60_000);
    expect(refused).toEqual({ allowed: false, scope: 'global', retryAfterSeconds: 540 });
    expect(limiter.check('someone-new', t0 + 10 * MINUTE + 1).allowed).toBe(true);
  });

  it('reports the longer wait when both limits are hit', () => {
    const limiter = new EscalationRateLimiter({ limits: { global: { limit: 3, windowMs: 10 * MINUTE } } });
    limiter.record('c1', 0);
    limiter.record('c1', 1000);
    limiter.record('c1', 2000);
    expect(limiter.check('c1', 3000)).toEqual({ allowed: false, scope: 'conversation', retryAfterSeconds: 3597 });
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

import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { FileOutboxStore } from './fileStore/FileOutboxStore';
import { Outbox } from './outbox';
import { EscalationRateLimiter, type EscalationRateLimits } from './rateLimiter';
import { createEscalationSubmitter } from './submit';
import type { EscalationRequest } from './types';

const HOUR = 3_600_000;
let dir: string;
let now: number;

beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'submit-'));
  now = Date.parse('2027-01-05T12:00:00.000Z');
});
afterEach(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

function parts(limits: Partial<EscalationRateLimits> = {}) {
  const store = new FileOutboxStore(dir);
  const outbox = new Outbox({ store, clock: () => new Date(now) });
  const limiter = new EscalationRateLimiter({ limits, clock: () => now });
  return { store, outbox, limiter, escalation: createEscalationSubmitter({ outbox, limiter, store }) };
}

const request = (key: string, conversationId = 'conv-1'): EscalationRequest => ({
  idempotencyKey: `${conversationId}:${key}`,
  question: 'Is a $30 gift from Canada duty free?',
  channelId: 'webchat',
  conversationId,
  createdAt: new Date(now).toISOString(),
});
const who = { conversationId: 'conv-1', client: 'user:webchat:u1' };

describe('escalation.submit', () => {
  it('stores the email and counts it against the limits', async () => {
    const { escalation, store, limiter } = parts();
    const result = await escalation.submit(request('send-1'), who);
    expect(result).toEqual({ limited: false, reference: 'ECOM-2027-000001', duplicate: false });
    expect(await store.count('pending')).toBe(1);
    expect(limiter.status().queued).toBe(0);
    // Counted: two more fit in the hour, the fourth is refused.
    await escalation.submit(request('send-2'), who);
    await escalation.submit(request('send-3'), who);
    expect(escalation.check(who)).toEqual({ limited: true, retryAfterSeconds: 3600, scope: 'conversation' });
  });

  it('a retried "Send" (same key) gets the same reference, stores nothing and is not counted again', async () => {
    const { escalation, store } = parts({ perConversation: { limit: 2, windowMs: HOUR } });
    const first = await escalation.submit(request('send-1'), who);
    const again = await escalation.submit(request('send-1'), who);
    expect(again).toEqual({ limited: false, reference: (first as { reference: string }).reference, duplicate: true });
    expect(await store.count('pending')).toBe(1);
    // Only one counted: another email still fits.
    expect(escalation.check(who)).toBeUndefined();
  });

  it('at the limit, refuses a new email with the wait and the scope, and stores nothing', async () => {
    const { escalation, store } = parts({ perConversation: { limit: 1, windowMs: HOUR } });
    await escalation.submit(request('send-1'), who);
    now += 10 * 60_000;
    expect(await escalation.submit(request('send-2'), who)).toEqual({ limited: true, retryAfterSeconds: 3000, scope: 'conversation' });
    expect(await store.count('pending')).toBe(1);
  });

  it('at the limit, a retried "Send" of an email already stored still gets its reference', async () => {
    const { escalation } = parts({ perConversation: { limit: 1, windowMs: HOUR } });
    const first = await escalation.submit(request('send-1'), who);
    expect(await escalation.submit(request('send-1'), who)).toEqual({ limited: false, reference: (first as { reference: string }).reference, duplicate: true });
  });

  it('the per-client limit holds across conversations', async () => {
    const { escalation } = parts({ perClient: { limit: 2, windowMs: HOUR } });
    await escalation.submit(request('a', 'conv-a'), { conversationId: 'conv-a', client: 'aad:p1' });
    await escalation.submit(request('b', 'conv-b'), { conversationId: 'conv-b', client: 'aad:p1' });
    expect(await escalation.submit(request('c', 'conv-c'), { conversationId: 'conv-c', client: 'aad:p1' })).toMatchObject({ limited: true, scope: 'client' });
    expect(escalation.check({ conversationId: 'conv-d', client: 'aad:p2' })).toBeUndefined();
  });

  it('beyond the global cap, accepts the email and says when it will be sent', async () => {
    const { escalation, store } = parts({ global: { limit: 1, windowMs: 10 * 60_000 } });
    await escalation.submit(request('a', 'conv-a'), { conversationId: 'conv-a' });
    const held = await escalation.submit(request('b', 'conv-b'), { conversationId: 'conv-b' });
    expect(held).toEqual({ limited: false, reference: 'ECOM-2027-000002', duplicate: false, queued: { sendWithinSeconds: 600 } });
    expect(await store.count('pending')).toBe(2);
  });

  it('a request the outbox refuses throws and is not counted', async () => {
    const { escalation } = parts({ perConversation: { limit: 1, windowMs: HOUR } });
    await expect(escalation.submit({ ...request('bad'), question: '' }, who)).rejects.toThrow();
    expect(escalation.check(who)).toBeUndefined();
  });
});

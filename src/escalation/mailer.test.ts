import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { SendMailOptions } from 'nodemailer';
import pino from 'pino';
import { FileOutboxStore } from './fileStore/FileOutboxStore';
import { Mailer, type MailerOptions } from './mailer';
import { Outbox } from './outbox';
import type { MailTransport } from './transport';

const SECRET_QUESTION = 'My very private question about a parcel';
const addresses = { from: 'bot@example.gov', to: 'ecommerce@cbp.dhs.gov' };

/** A transport that records what it was given and can be told to fail or to hang. */
class FakeTransport implements MailTransport {
  readonly description = 'fake';
  sent: { reference: string; mail: SendMailOptions }[] = [];
  failWith: Error | undefined;
  hold: Promise<void> | undefined;
  calls = 0;
  async send(mail: SendMailOptions, reference: string) {
    this.calls++;
    if (this.hold) await this.hold;
    if (this.failWith) throw this.failWith;
    this.sent.push({ reference, mail });
    return { messageId: `<${reference}@test>`, response: '250 OK' };
  }
  async close() {}
}

let dir: string;
let now: number;
const clock = () => new Date(now);
let logLines: string[];

beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'mailer-'));
  now = Date.parse('2026-03-02T15:00:00.000Z');
  logLines = [];
});
afterEach(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

function setup(options: Partial<MailerOptions> = {}) {
  const store = new FileOutboxStore(dir);
  const transport = new FakeTransport();
  const logger = pino({ level: 'info' }, { write: (line: string) => void logLines.push(line) });
  const mailer = new Mailer({
    store,
    transport,
    addresses,
    logger,
    clock,
    maxAttempts: 3,
    backoff: { baseMs: 1000, maxMs: 10_000, jitter: false },
    leaseMs: 5000,
    ...options,
  });
  const outbox = new Outbox({ store, clock, onEnqueued: () => mailer.notify() });
  let n = 0;
  const enqueue = () => outbox.enqueue({ idempotencyKey: `c:${++n}`, question: SECRET_QUESTION, channelId: 'webchat', conversationId: 'c', createdAt: clock().toISOString() });
  return { store, transport, mailer, outbox, enqueue };
}

describe('Mailer', () => {
  it('with a send rate (the global cap), holds what is beyond it in the outbox and sends it as the window frees up', async () => {
    const { store, transport, mailer, enqueue } = setup({ sendRate: { limit: 2, windowMs: 60_000 } });
    const references = [];
    for (let i = 0; i < 5; i++) references.push((await enqueue()).reference);
    expect(await mailer.flush()).toMatchObject({ sent: 2 });
    expect(transport.sent.map((s) => s.reference)).toEqual(references.slice(0, 2));
    expect(await store.count('pending')).toBe(3); // held, durable
    now += 59_999;
    expect(await mailer.flush()).toMatchObject({ sent: 0 });
    now += 1;
    expect(await mailer.flush()).toMatchObject({ sent: 2 });
    now += 60_000;
    expect(await mailer.flush()).toMatchObject({ sent: 1 });
    expect(transport.sent.map((s) => s.reference)).toEqual(references);
  });

  it('delivers what is pending and records it as sent', async () => {
    const { store, transport, mailer, enqueue } = setup();
    const { reference } = await enqueue();
    expect(await mailer.deliverDue()).toMatchObject({ attempted: 1, sent: 1 });
    expect(transport.sent.map((s) => s.reference)).toEqual([reference]);
    expect(transport.sent[0]!.mail.subject).toBe(`[${reference}] Question from the CBP E-Commerce Assistant`);
    const entry = await store.get(reference);
    expect(entry?.status).toBe('sent');
    expect(entry?.state).toMatchObject({ attempts: 1, sentAt: clock().toISOString(), messageId: `<${reference}@test>` });
    expect(await mailer.deliverDue()).toMatchObject({ attempted: 0 });
    expect(transport.sent).toHaveLength(1);
  });

  it('retries on the backoff schedule, then moves to failed and reports it', async () => {
    const { store, transport, mailer, enqueue } = setup();
    const { reference } = await enqueue();
    transport.failWith = Object.assign(new Error('Mailbox unavailable'), { responseCode: 550 });

    expect(await mailer.deliverDue()).toMatchObject({ retrying: 1 });
    expect((await store.get(reference))?.state).toMatchObject({ attempts: 1, nextAttemptAt: new Date(now + 1000).toISOString(), lastError: 'Mailbox unavailable (SMTP 550)' });
    now += 999;
    expect(await mailer.deliverDue()).toMatchObject({ attempted: 0 }); // not due yet
    now += 1;
    expect(await mailer.deliverDue()).toMatchObject({ retrying: 1 });
    expect((await store.get(reference))?.state.nextAttemptAt).toBe(new Date(now + 2000).toISOString());
    now += 2000;
    expect(await mailer.deliverDue()).toMatchObject({ failed: 1 });
    expect(transport.calls).toBe(3);

    const failed = await store.get(reference);
    expect(failed?.status).toBe('failed');
    expect(failed?.state).toMatchObject({ attempts: 3, failedAt: clock().toISOString() });
    const health = await mailer.health();
    expect(health).toMatchObject({ healthy: false, pending: 0, failed: 1, sent: 0 });
    expect(health.problems[0]).toMatch(/1 escalation email\(s\) failed/);

    const errorLine = logLines.map((l) => JSON.parse(l)).find((l) => l.level === 50);
    expect(errorLine).toMatchObject({ reference, attempts: 3 });
    expect(logLines.join('\n')).not.toContain(SECRET_QUESTION);

    // A retry brings it back, and it is delivered once the server is fixed.
    transport.failWith = undefined;
    expect(await store.retryFailed(reference, clock())).toBe(true);
    expect(await mailer.deliverDue()).toMatchObject({ sent: 1 });
    expect((await mailer.health()).healthy).toBe(true);
  });

  it('a failure in composing counts as a failed attempt', async () => {
    const { store, mailer, enqueue } = setup({
      compose: () => {
        throw new Error('bad template');
      },
    });
    const { reference } = await enqueue();
    await mailer.deliverDue();
    expect((await store.get(reference))?.state).toMatchObject({ attempts: 1, lastError: 'bad template' });
  });

  it('resumes a message whose mailer died mid-send once the claim expires, counting the attempt', async () => {
    const { store, transport, mailer, enqueue } = setup();
    const { reference } = await enqueue();
    await store.claim(reference, { owner: 'dead-process', leaseMs: 5000, now: clock() });
    expect(await mailer.deliverDue()).toMatchObject({ attempted: 0 });
    now += 5000;
    expect(await mailer.deliverDue()).toMatchObject({ sent: 1 });
    expect(transport.sent).toHaveLength(1);
    expect((await store.get(reference))?.state).toMatchObject({ attempts: 2, lastError: 'an earlier delivery attempt was interrupted' });
  });

  it('binds the key of a message whose enqueue died before binding it, and sends it', async () => {
    const { store, transport, mailer } = setup();
    await store.addPending({
      version: 1,
      reference: 'ECOM-2026-000007',
      idempotencyKeyHash: 'c'.repeat(64),
      enqueuedAt: clock().toISOString(),
      escalation: { question: 'Q', channelId: 'webchat', conversationId: 'c', createdAt: clock().toISOString() },
    });
    expect(await mailer.deliverDue()).toMatchObject({ sent: 1 });
    expect(await store.findReferenceByKey('c'.repeat(64))).toBe('ECOM-2026-000007');
    expect(transport.sent).toHaveLength(1);
  });

  it('discards, unsent, a copy whose key belongs to another reference', async () => {
    const { store, transport, mailer } = setup();
    await store.bindKey('d'.repeat(64), 'ECOM-2026-000001');
    await store.addPending({
      version: 1,
      reference: 'ECOM-2026-000002',
      idempotencyKeyHash: 'd'.repeat(64),
      enqueuedAt: clock().toISOString(),
      escalation: { question: 'Q', channelId: 'webchat', conversationId: 'c', createdAt: clock().toISOString() },
    });
    expect(await mailer.deliverDue()).toMatchObject({ duplicates: 1, sent: 0 });
    expect(transport.sent).toHaveLength(0);
    expect(await store.get('ECOM-2026-000002')).toBeUndefined();
  });

  it('two mailers on one store deliver each message once', async () => {
    const { store, enqueue } = setup();
    const references = [];
    for (let i = 0; i < 15; i++) references.push((await enqueue()).reference);
    const transport = new FakeTransport();
    const a = new Mailer({ store: new FileOutboxStore(dir), transport, addresses, clock, owner: 'a' });
    const b = new Mailer({ store, transport, addresses, clock, owner: 'b' });
    const [ra, rb] = await Promise.all([a.flush(), b.flush()]);
    expect(ra.sent + rb.sent).toBe(15);
    expect(transport.sent.map((s) => s.reference).sort()).toEqual(references.sort());
  });

  it('runs in the background from start(), delivers on notify, and stop() waits for the send in flight', async () => {
    const { store, transport, mailer, enqueue } = setup({ pollIntervalMs: 60_000 });
    let release!: () => void;
    transport.hold = new Promise<void>((resolve) => (release = resolve));
    mailer.start();
    const { reference } = await enqueue(); // notify() wakes the loop without waiting a poll interval
    for (let i = 0; i < 200 && transport.calls === 0; i++) await new Promise((r) => setTimeout(r, 5));
    expect(transport.calls).toBe(1);

    let stopped = false;
    const stopping = mailer.stop().then(() => (stopped = true));
    await new Promise((r) => setTimeout(r, 20));
    expect(stopped).toBe(false);
    release();
    await stopping;
    expect((await store.get(reference))?.status).toBe('sent');
    expect((await mailer.health()).running).toBe(false);
  });

  it('start() resumes what was pending before it started', async () => {
    const { transport, mailer, enqueue } = setup({ pollIntervalMs: 60_000 });
    await enqueue();
    await enqueue();
    mailer.start();
    for (let i = 0; i < 200 && transport.sent.length < 2; i++) await new Promise((r) => setTimeout(r, 5));
    await mailer.stop();
    expect(transport.sent).toHaveLength(2);
  });

  it('lastKnownHealth answers synchronously from the last check, refreshed by the loop', async () => {
    const { mailer, enqueue } = setup({ pollIntervalMs: 60_000 });
    expect(mailer.lastKnownHealth()).toMatchObject({ checkedAt: null, running: false, pending: 0 });
    await enqueue();
    expect((await mailer.health()).pending).toBe(1);
    expect(mailer.lastKnownHealth()).toMatchObject({ pending: 1, checkedAt: clock().toISOString() });
    mailer.start();
    for (let i = 0; i < 200 && mailer.lastKnownHealth().sent === 0; i++) await new Promise((r) => setTimeout(r, 5));
    expect(mailer.lastKnownHealth()).toMatchObject({ running: true, pending: 0, sent: 1 });
    await mailer.stop();
    expect(mailer.lastKnownHealth().running).toBe(false);
  });

  it('health reports the age of the oldest undelivered message', async () => {
    const { mailer, enqueue } = setup({ stalePendingAfterMs: 60_000 });
    await enqueue();
    now += 30_000;
    expect(await mailer.health()).toMatchObject({ healthy: true, pending: 1, oldestPendingAgeSeconds: 30 });
    now += 60_000;
    const health = await mailer.health();
    expect(health.healthy).toBe(false);
    expect(health.problems).toEqual(['the oldest undelivered escalation has waited 2 minutes']);
  });
});

/**
 * Shared state on a real Azure Storage emulator (Azurite, from node_modules, on loopback):
 * conversation state through botbuilder's ConversationState on two "instances", the outbox
 * contract and two mailers on one blob outbox, idempotent enqueues and reference numbers across
 * stores and processes, and usage records from two stores.
 */
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { BlobsStorage } from 'botbuilder-azure-blobs';
import { ConversationState, TestAdapter, TurnContext, type Storage } from 'botbuilder';
import type { SendMailOptions } from 'nodemailer';
import { BlobOutboxStore } from '../src/escalation/blobStore/BlobOutboxStore';
import { Mailer } from '../src/escalation/mailer';
import { Outbox } from '../src/escalation/outbox';
import { describeOutboxStoreContract } from '../src/escalation/storeContract';
import type { MailTransport } from '../src/escalation/transport';
import { BlobRecordStore } from '../src/records/blobRecordStore';
import type { UsageRecord } from '../src/records';
import { containerClient } from '../src/azure/blob';
import { createSharedStores } from '../src/composition/sharedStores';
import { createStateStorage, isStateConflict, StateConflictError, StorageUnavailableError } from '../src/storage';
import { freePort, startAzurite, type AzuriteServer } from './helpers/azurite';

const run = promisify(execFile);
const ROOT = path.resolve(__dirname, '..');

let azurite: AzuriteServer;
beforeAll(async () => {
  azurite = await startAzurite();
});
afterAll(async () => {
  await azurite?.stop();
});

let containerCount = 0;
/** A container name no other test uses. */
function freshContainer(prefix = 't'): string {
  return `${prefix}-${process.pid}-${++containerCount}-${Math.random().toString(36).slice(2, 8)}`;
}

async function dropContainer(name: string): Promise<void> {
  await containerClient(azurite.connectionString, name).deleteIfExists();
}

// ------------------------------------------------------------------------------------------
// Conversation state
// ------------------------------------------------------------------------------------------

const adapter = new TestAdapter();

function turn(conversationId: string, text = 'hi'): TurnContext {
  return new TurnContext(adapter, {
    type: 'message',
    channelId: 'webchat',
    conversation: { id: conversationId, isGroup: false, conversationType: 'personal', name: '' },
    from: { id: 'user-1', name: 'user' },
    recipient: { id: 'bot', name: 'bot' },
    text,
  });
}

/** One bot instance: its own storage object and ConversationState, like a separate process. */
function instance(container: string, storage: Storage = createStateStorage({ kind: 'blob', connectionString: azurite.connectionString, container })) {
  const state = new ConversationState(storage);
  const dialog = state.createProperty<Record<string, unknown>>('DialogState');
  return { state, dialog };
}

describe('conversation state on Azure Blob Storage (BlobsStorage)', () => {
  it('a conversation saved by instance A continues on instance B, and back', async () => {
    const container = freshContainer('state');
    const a = instance(container);
    const b = instance(container);
    const conversation = 'conv/with:odd chars?é';

    const first = turn(conversation);
    await a.dialog.set(first, { step: 'ask-value', answers: { origin: 'Canada', note: 'héllo 😀 — “quoted” <b>' } });
    await a.state.saveChanges(first);

    const second = turn(conversation);
    expect(await b.dialog.get(second)).toEqual({ step: 'ask-value', answers: { origin: 'Canada', note: 'héllo 😀 — “quoted” <b>' } });
    await b.dialog.set(second, { step: 'done', answers: { origin: 'Canada', value: 30 } });
    await b.state.saveChanges(second);

    const third = turn(conversation);
    expect(await a.dialog.get(third)).toEqual({ step: 'done', answers: { origin: 'Canada', value: 30 } });
    expect(await a.dialog.get(turn('another-conversation'))).toBeUndefined();

    await a.state.delete(turn(conversation));
    expect(await b.dialog.get(turn(conversation))).toBeUndefined();
    await dropContainer(container);
  });

  it('BlobsStorage alone: a stale save silently replaces a newer one (botbuilder writes eTag "*")', async () => {
    const container = freshContainer('state');
    const raw = () => new BlobsStorage(azurite.connectionString, container);
    const a = instance(container, raw());
    const b = instance(container, raw());
    const seed = turn('c1');
    await a.dialog.set(seed, { step: 1 });
    await a.state.saveChanges(seed);

    const slow = turn('c1');
    const quick = turn('c1');
    await a.state.load(slow);
    await b.state.load(quick);
    await b.dialog.set(quick, { step: 2 });
    await b.state.saveChanges(quick);
    await a.dialog.set(slow, { step: 'stale' });
    await a.state.saveChanges(slow); // no error
    expect(await b.dialog.get(turn('c1'))).toEqual({ step: 'stale' }); // step 2 is lost
    await dropContainer(container);
  });

  it('with createStateStorage the stale save fails with StateConflictError and the newer state stays', async () => {
    const container = freshContainer('state');
    const a = instance(container);
    const b = instance(container);
    const seed = turn('c1');
    await a.dialog.set(seed, { step: 1 });
    await a.state.saveChanges(seed);

    const slow = turn('c1');
    const quick = turn('c1');
    await a.state.load(slow);
    await b.state.load(quick);
    await b.dialog.set(quick, { step: 2 });
    await b.state.saveChanges(quick);
    await a.dialog.set(slow, { step: 'stale' });
    const failed = a.state.saveChanges(slow);
    await expect(failed).rejects.toBeInstanceOf(StateConflictError);
    await failed.catch((err: unknown) => expect(isStateConflict(err)).toBe(true));
    expect(await a.dialog.get(turn('c1'))).toEqual({ step: 2 });

    // The next turn on A reads the current state and saves normally.
    const next = turn('c1');
    const current = await a.dialog.get(next);
    await a.dialog.set(next, { ...current, step: 3 });
    await a.state.saveChanges(next);
    expect(await b.dialog.get(turn('c1'))).toEqual({ step: 3 });
    await dropContainer(container);
  });

  it('of many concurrent turns on two instances, each save either lands whole or fails as a conflict', async () => {
    const container = freshContainer('state');
    const a = instance(container);
    const b = instance(container);
    const seed = turn('busy');
    await a.dialog.set(seed, { count: 0, by: [] });
    await a.state.saveChanges(seed);

    const outcomes = await Promise.all(
      Array.from({ length: 12 }, async (_, i) => {
        const inst = i % 2 ? a : b;
        const context = turn('busy');
        const current = (await inst.dialog.get(context))!;
        await inst.dialog.set(context, { count: (current.count as number) + 1, by: [...(current.by as number[]), i] });
        try {
          await inst.state.saveChanges(context);
          return 'saved';
        } catch (err) {
          if (isStateConflict(err)) return 'conflict';
          throw err;
        }
      }),
    );
    const final = (await a.dialog.get(turn('busy')))!;
    // No lost update goes unnoticed: every save that reported success built on the one before
    // it, so the stored count is exactly the number of successful saves.
    expect(outcomes).toContain('saved');
    expect((final.by as number[]).length).toBe(final.count);
    expect(final.count).toBe(outcomes.filter((o) => o === 'saved').length);
    await dropContainer(container);
  });

  it('storage unreachable at start: turns fail readably, then work once storage is back (no restart)', async () => {
    const port = await freePort();
    const connectionString = azurite.connectionString.replace(/127\.0\.0\.1:\d+/, `127.0.0.1:${port}`);
    const container = freshContainer('late');
    const shared = createSharedStores({ kind: 'blob', connectionString, container, outboxContainer: container, recordsContainer: container });
    await expect(shared.ready()).rejects.toThrow(/^Azure Blob Storage: could not open the state container ".*": .*ECONNREFUSED.*check the endpoint/);
    await expect(shared.state.read(['webchat/conversations/x'])).rejects.toThrow();

    const late = await startAzurite({ blobPort: port });
    try {
      await shared.ready();
      const { state, dialog } = instance(container, shared.state);
      const context = turn('x');
      await dialog.set(context, { ok: true });
      await state.saveChanges(context);
      expect(await dialog.get(turn('x'))).toEqual({ ok: true });
      expect(await shared.outboxStore!.count('pending')).toBe(0);
    } finally {
      await late.stop();
    }
  });

  it('wrong account key: ready() says so without showing the key', async () => {
    const badKey = 'd3Jvbmcta2V5LXdyb25nLWtleS13cm9uZy1rZXk=';
    const connectionString = azurite.connectionString.replace(/AccountKey=[^;]+/, `AccountKey=${badKey}`);
    const shared = createSharedStores({ kind: 'blob', connectionString, container: freshContainer('auth') });
    const failure = await shared.ready().then(
      () => undefined,
      (err: unknown) => err,
    );
    expect(failure).toBeInstanceOf(StorageUnavailableError);
    expect(String((failure as Error).message)).toMatch(/HTTP 403/);
    expect(String((failure as Error).message)).toMatch(/check the account name and key/);
    expect(String((failure as Error).message)).not.toContain(badKey);
  });
});

// ------------------------------------------------------------------------------------------
// Outbox
// ------------------------------------------------------------------------------------------

describeOutboxStoreContract('BlobOutboxStore (Azurite)', async () => {
  const name = freshContainer('outbox');
  const make = () => BlobOutboxStore.fromConnectionString(azurite.connectionString, name);
  return {
    store: make(),
    another: make,
    writeUnreadablePending: async (reference) => {
      const container = containerClient(azurite.connectionString, name);
      await container.createIfNotExists();
      await container.getBlockBlobClient(`active/${reference}.json`).upload('garbage', 7, { metadata: { status: 'pending', reference } });
    },
    cleanup: () => dropContainer(name),
  };
});

/** Records what it was asked to send; a little random delay lets two mailers interleave. */
class RecordingTransport implements MailTransport {
  readonly description = 'recording';
  readonly sent: { reference: string; subject: string }[] = [];
  async send(mail: SendMailOptions, reference: string) {
    await new Promise((resolve) => setTimeout(resolve, Math.random() * 15));
    this.sent.push({ reference, subject: String(mail.subject) });
    return { messageId: `<${reference}@test>`, response: '250 OK' };
  }
  async close() {}
}

const addresses = { from: 'bot@example.gov', to: 'ecommerce@cbp.dhs.gov' };

function request(key: string, question = 'Do I owe duty on a $30 gift from Canada?') {
  return { idempotencyKey: key, question, channelId: 'webchat', conversationId: `conv-${key}`, createdAt: new Date().toISOString() };
}

describe('BlobOutboxStore shared by several instances', () => {
  it('two mailers on two stores over one container deliver every message exactly once', async () => {
    const name = freshContainer('mail');
    const storeA = BlobOutboxStore.fromConnectionString(azurite.connectionString, name);
    const storeB = BlobOutboxStore.fromConnectionString(azurite.connectionString, name);
    const transportA = new RecordingTransport();
    const transportB = new RecordingTransport();
    const mailerOptions = { addresses, pollIntervalMs: 25, leaseMs: 60_000, backoff: { baseMs: 50, maxMs: 100, jitter: false } };
    const mailerA = new Mailer({ store: storeA, transport: transportA, owner: 'mailer-a', ...mailerOptions });
    const mailerB = new Mailer({ store: storeB, transport: transportB, owner: 'mailer-b', ...mailerOptions });
    const outboxA = new Outbox({ store: storeA, onEnqueued: () => mailerA.notify() });
    const outboxB = new Outbox({ store: storeB, onEnqueued: () => mailerB.notify() });
    mailerA.start();
    mailerB.start();
    try {
      const results = await Promise.all(Array.from({ length: 24 }, (_, i) => (i % 2 ? outboxA : outboxB).enqueue(request(`k-${i}`))));
      const references = results.map((r) => r.reference);
      expect(new Set(references).size).toBe(24);

      const deadline = Date.now() + 20_000;
      while ((await storeA.count('sent')) < 24 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
      await Promise.all([mailerA.stop(), mailerB.stop()]);

      const delivered = [...transportA.sent, ...transportB.sent].map((s) => s.reference);
      expect(delivered.sort()).toEqual([...references].sort()); // each once, none missing
      expect(await storeA.count('sent')).toBe(24);
      expect(await storeB.count('pending')).toBe(0);
      expect(await storeB.count('sending')).toBe(0);
      expect((await storeB.get(references[0]!))?.state).toMatchObject({ attempts: 1, messageId: `<${references[0]}@test>` });
      // Both did some of the work (they share the queue rather than one doing everything).
      expect(transportA.sent.length + transportB.sent.length).toBe(24);
    } finally {
      await Promise.all([mailerA.stop(), mailerB.stop()]);
      await dropContainer(name);
    }
  });

  it('concurrent enqueues of one idempotency key from two stores give one message and one reference', async () => {
    const name = freshContainer('idem');
    const stores = [0, 1].map(() => BlobOutboxStore.fromConnectionString(azurite.connectionString, name));
    const outboxes = stores.map((store) => new Outbox({ store }));
    const results = await Promise.all(Array.from({ length: 8 }, (_, i) => outboxes[i % 2]!.enqueue(request('conv-9:activity-3'))));
    const references = new Set(results.map((r) => r.reference));
    expect(references.size).toBe(1);
    expect(results.filter((r) => !r.duplicate).length).toBe(1);
    const [reference] = [...references];
    const pending = await stores[0]!.list('pending');
    expect(pending.map((e) => e.record.reference)).toEqual([reference]);
    // A later retry of the same turn, on either instance, gets the same reference.
    expect(await outboxes[1]!.enqueue(request('conv-9:activity-3'))).toEqual({ reference, duplicate: true });
    await dropContainer(name);
  });

  it('reference numbers are unique across two stores and two processes under concurrency', async () => {
    const name = freshContainer('seq');
    const script = `
      const { BlobOutboxStore } = require('./src/escalation/blobStore/BlobOutboxStore');
      (async () => {
        const store = BlobOutboxStore.fromConnectionString(process.argv[1], process.argv[2]);
        const got = await Promise.all(Array.from({ length: 15 }, () => store.allocateSequence(2026)));
        process.stdout.write(JSON.stringify(got));
      })().catch((err) => { console.error(err); process.exit(1); });`;
    const child = () => run(process.execPath, ['-r', 'tsx/cjs', '-e', script, azurite.connectionString, name], { cwd: ROOT });
    const a = BlobOutboxStore.fromConnectionString(azurite.connectionString, name);
    const b = BlobOutboxStore.fromConnectionString(azurite.connectionString, name);
    const [x, y, ...inProcess] = await Promise.all([
      child(),
      child(),
      ...Array.from({ length: 30 }, (_, i) => (i % 2 ? a : b).allocateSequence(2026)),
    ]);
    const all = [...(JSON.parse(x.stdout) as number[]), ...(JSON.parse(y.stdout) as number[]), ...(inProcess as number[])];
    expect(all).toHaveLength(60);
    expect(new Set(all).size).toBe(60);
    expect(Math.max(...all)).toBeLessThan(70); // few gaps
    await dropContainer(name);
  });

  it('a message sent but not yet moved to sent/ (crash in between) counts as sent and is archived by housekeeping', async () => {
    const name = freshContainer('arch');
    const store = BlobOutboxStore.fromConnectionString(azurite.connectionString, name);
    const outbox = new Outbox({ store });
    const { reference } = await outbox.enqueue(request('crash-1'));
    const claim = await store.claim(reference, { owner: 'm', leaseMs: 60_000, now: new Date() });
    // What markSent's decisive write leaves behind if the process dies right after it:
    const container = containerClient(azurite.connectionString, name);
    const active = container.getBlockBlobClient(`active/${reference}.json`);
    const document = JSON.parse((await active.downloadToBuffer()).toString('utf8'));
    const body = JSON.stringify({ ...document, status: 'sent', claim: undefined, state: { attempts: 1, nextAttemptAt: document.state.nextAttemptAt, sentAt: new Date().toISOString() } });
    await active.upload(body, Buffer.byteLength(body), { metadata: { status: 'sent', reference }, conditions: { ifMatch: claim!.token } });

    expect((await store.get(reference))?.status).toBe('sent');
    expect(await store.count('sent')).toBe(1);
    expect(await store.claim(reference, { owner: 'n', leaseMs: 60_000, now: new Date(Date.now() + 3_600_000) })).toBeUndefined();
    await store.housekeeping(new Date());
    expect(await active.exists()).toBe(false);
    expect(await container.getBlockBlobClient(`sent/${reference}.json`).exists()).toBe(true);
    expect(await store.count('sent')).toBe(1);
    expect((await store.list('sent')).map((e) => e.record.reference)).toEqual([reference]);
    await dropContainer(name);
  });
});

// ------------------------------------------------------------------------------------------
// Usage records
// ------------------------------------------------------------------------------------------

describe('BlobRecordStore shared by several instances', () => {
  it('records appended concurrently by two stores are all listed once, oldest first', async () => {
    const name = freshContainer('rec');
    const a = BlobRecordStore.fromConnectionString(azurite.connectionString, name);
    const b = BlobRecordStore.fromConnectionString(azurite.connectionString, name);
    const make = (i: number): UsageRecord =>
      i % 3 === 0
        ? { type: 'feedback', at: new Date(Date.UTC(2026, i < 60 ? 9 : 10, 1 + (i % 27), 12, 0, i % 60)).toISOString(), channelId: 'webchat', docId: `doc-${i}`, helpful: i % 2 === 0 }
        : { type: 'question', at: new Date(Date.UTC(2026, i < 60 ? 9 : 10, 1 + (i % 27), 12, 0, i % 60)).toISOString(), channelId: 'msteams', outcome: 'out-of-scope', confidence: 0.1, text: `question ${i} ✓` };
    await Promise.all(Array.from({ length: 120 }, (_, i) => (i % 2 ? a : b).append(make(i))));

    const reader = BlobRecordStore.fromConnectionString(azurite.connectionString, name);
    const all = await reader.list();
    expect(all).toHaveLength(120);
    expect(new Set(all.map((r) => (r.type === 'feedback' ? r.docId : r.text))).size).toBe(120);
    expect(all.map((r) => r.at)).toEqual([...all.map((r) => r.at)].sort());
    const november = await reader.list('2026-11-01T00:00:00.000Z');
    expect(november.length).toBe(all.filter((r) => r.at >= '2026-11-01T00:00:00.000Z').length);
    expect(november.length).toBeGreaterThan(0);
    expect(november.length).toBeLessThan(120);

    // Batched: far fewer blocks than records; one blob per writer and month.
    const blobs: string[] = [];
    for await (const item of containerClient(azurite.connectionString, name).listBlobsFlat({ prefix: 'usage/' })) blobs.push(item.name);
    expect(blobs).toHaveLength(4);
    await dropContainer(name);
  });
});

/**
 * Issue 14: `/readyz` answers 503 with the failing check named when this instance cannot serve,
 * over real HTTP against the real service: knowledge not loaded, the outbox not writable, the
 * mailer stuck on failing emails, shared blob storage (Azurite) unreachable. `/healthz` stays
 * 200 throughout: it is the liveness probe.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseConfig } from '../src/config';
import { silentLogger } from '../src/logger';
import { startService, type RunningService } from '../src/service';
import { freePort, startAzurite, type AzuriteServer } from './helpers/azurite';
import { waitUntil } from './helpers/wait';

const MINUTE = 60_000;

interface ReadyBody {
  status: string;
  failing: string[];
  checks: Record<string, { ok: boolean; problem?: string; [detail: string]: unknown }>;
  knowledge: { documents: number };
  outbox: { pending: number };
}

async function readyz(url: string): Promise<{ status: number; body: ReadyBody }> {
  const res = await fetch(`${url}/readyz`);
  return { status: res.status, body: (await res.json()) as ReadyBody };
}

async function healthz(url: string): Promise<number> {
  return (await fetch(`${url}/healthz`)).status;
}

const dirs: string[] = [];
function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cbp-readyz-'));
  dirs.push(dir);
  return dir;
}
afterAll(() => {
  for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
});

function start(env: Record<string, string>, clock?: () => Date): Promise<RunningService> {
  const dir = tempDir();
  const config = parseConfig({ PORT: '0', HOST: '127.0.0.1', RECORDS_DIR: path.join(dir, 'records'), ESCALATION_DIR: path.join(dir, 'outbox'), ...env });
  return startService(config, { logger: silentLogger, ...(clock ? { clock } : {}) });
}

describe('/readyz on a local instance (file outbox, SMTP that refuses connections)', () => {
  let nowMs = Date.parse('2026-11-25T17:00:00Z');
  let service: RunningService;
  beforeAll(async () => {
    const closedPort = await freePort(); // nothing listens there: every delivery attempt fails
    service = await start({ SMTP_URL: `smtp://127.0.0.1:${closedPort}` }, () => new Date(nowMs));
  });
  afterAll(() => service.close());

  test('all well: 200, every check ok, with the earlier fields', async () => {
    const { status, body } = await readyz(service.url);
    expect(status).toBe(200);
    expect(body.status).toBe('ready');
    expect(body.failing).toEqual([]);
    expect(body.checks.knowledge).toMatchObject({ ok: true });
    expect(body.checks.knowledge!.documents).toBeGreaterThanOrEqual(60);
    expect(body.checks.storage).toEqual({ ok: true, kind: 'memory' });
    expect(body.checks.outbox).toMatchObject({ ok: true, kind: 'directory' });
    expect(body.checks.mailer).toMatchObject({ ok: true, running: true });
    expect(body.knowledge.documents).toBe(body.checks.knowledge!.documents);
  });

  test('knowledge not loaded: 503 naming knowledge; ready again once it is back', async () => {
    const spy = jest.spyOn(service.core.content, 'knowledge').mockImplementation(() => ({ documents: [] }) as never);
    try {
      const { status, body } = await readyz(service.url);
      expect(status).toBe(503);
      expect(body.status).toBe('not ready');
      expect(body.failing).toEqual(['knowledge']);
      expect(body.checks.knowledge).toMatchObject({ ok: false, problem: 'no knowledge document is in force today' });
      expect(await healthz(service.url)).toBe(200);
    } finally {
      spy.mockRestore();
    }
    expect((await readyz(service.url)).status).toBe(200);
  });

  test('mailer stuck: an escalation failing for more than 15 minutes makes it 503; failing for a minute does not', async () => {
    const escalation = service.core.services.escalation;
    await escalation.outbox.enqueue({
      idempotencyKey: 'readyz-test:1',
      question: 'Is my parcel duty free?',
      channelId: 'webchat',
      conversationId: 'readyz-test',
      createdAt: new Date(nowMs).toISOString(),
    });
    await escalation.mailer.deliverDue(); // connection refused: attempt 1 failed, retried later
    await escalation.mailer.health(); // what the background loop does after every pass
    nowMs += MINUTE;
    await escalation.mailer.health();
    const early = await readyz(service.url);
    expect(early.status).toBe(200);
    expect(early.body.checks.mailer).toMatchObject({ ok: true, pending: 1 });

    nowMs += 15 * MINUTE;
    await escalation.mailer.deliverDue(); // attempt 2 fails too
    await escalation.mailer.health();
    const { status, body } = await readyz(service.url);
    expect(status).toBe(503);
    expect(body.failing).toEqual(['mailer']);
    expect(body.checks.mailer!.problem).toMatch(/an escalation email has been failing to send for 16 minutes \(limit 15\)/);
    expect(body.outbox.pending).toBe(1);
    expect(await healthz(service.url)).toBe(200);
  });
});

describe('/readyz with an outbox that cannot be written', () => {
  let service: RunningService;
  beforeAll(async () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'disk'), 'a file where the outbox folder should be');
    service = await start({ ESCALATION_DIR: path.join(dir, 'disk', 'outbox') });
  });
  afterAll(() => service.close());

  test('503 naming the outbox, with the error; /healthz still 200', async () => {
    const { status, body } = await readyz(service.url);
    expect(status).toBe(503);
    expect(body.failing).toEqual(['outbox']);
    expect(body.checks.outbox).toMatchObject({ ok: false, kind: 'directory' });
    expect(body.checks.outbox!.problem).toMatch(/ENOTDIR|EEXIST/);
    expect(await healthz(service.url)).toBe(200);
  });
});

describe('/readyz with shared blob storage (Azurite)', () => {
  let azurite: AzuriteServer;
  let service: RunningService;
  beforeAll(async () => {
    azurite = await startAzurite();
    service = await start({ STATE_STORAGE: 'blob', AZURE_STORAGE_CONNECTION_STRING: azurite.connectionString });
  }, 60_000);
  afterAll(async () => {
    await service?.close();
    await azurite?.stop();
  });

  test('reachable: 200, storage and the blob outbox ok; the probe leaves no blob behind', async () => {
    const { status, body } = await readyz(service.url);
    expect(status).toBe(200);
    expect(body.checks.storage).toMatchObject({ ok: true, kind: 'blob' });
    expect(body.checks.outbox).toMatchObject({ ok: true, kind: 'blob' });
    const { ContainerClient } = await import('@azure/storage-blob');
    const left: string[] = [];
    for await (const blob of new ContainerClient(azurite.connectionString, 'bot-outbox').listBlobsFlat({ prefix: 'readyz/' })) left.push(blob.name);
    expect(left).toEqual([]);
  });

  test('the emulator stopped: 503 naming storage and the outbox within the probe cache time; /healthz still 200', async () => {
    await azurite.stop();
    let last: { status: number; body: ReadyBody } | undefined;
    // Each check keeps its result for the probe cache time, so the two may turn at different polls.
    await waitUntil(async () => {
      last = await readyz(service.url);
      return last.status === 503 && ['storage', 'outbox'].every((c) => last!.body.failing?.includes(c));
    }, '/readyz answers 503 naming storage and the outbox', 15_000);
    expect(last!.body.failing).toEqual(expect.arrayContaining(['storage', 'outbox']));
    expect(last!.body.failing).not.toContain('knowledge');
    expect(last!.body.checks.storage).toMatchObject({ ok: false, kind: 'blob' });
    expect(last!.body.checks.storage!.problem).toMatch(/bot-state/);
    expect(JSON.stringify(last!.body)).not.toContain('AccountKey');
    expect(await healthz(service.url)).toBe(200);
  }, 30_000);
});

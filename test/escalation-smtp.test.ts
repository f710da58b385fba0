/**
 * The escalation core against a real SMTP server (smtp-server on loopback), real files and real
 * child processes: what arrives, what survives a crash, what is never sent twice.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { simpleParser } from 'mailparser';
import pino from 'pino';
import {
  createEscalationService,
  EscalationValidationError,
  FileOutboxStore,
  Mailer,
  Outbox,
  SmtpTransport,
  type EscalationConfig,
  type EscalationRequest,
  type EscalationService,
} from '../src/escalation';
import { startSmtpTestServer, type SmtpTestServer } from './helpers/smtpServer';
import { sleep, waitUntil } from './helpers/wait';

const run = promisify(execFile);
const ROOT = path.resolve(__dirname, '..');
const INBOX = 'ecommerce@cbp.dhs.gov';
const silent = pino({ level: 'silent' });

let dir: string;
let server: SmtpTestServer;
const services: EscalationService[] = [];

beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'escalation-smtp-'));
  server = await startSmtpTestServer({ auth: { user: 'bot', pass: 's3cret' } });
});

afterEach(async () => {
  for (const service of services.splice(0)) await service.mailer.stop();
  await server.close();
  await fs.rm(dir, { recursive: true, force: true });
});

/** A service wired like the app's, with test timings: 5 ms backoff, no jitter, short timeouts. */
function service(settings: Partial<EscalationConfig> = {}): EscalationService {
  const s = createEscalationService(
    {
      escalationDir: dir,
      smtpUrl: server.url(),
      maxAttempts: 3,
      backoffBaseMs: 5,
      backoffMaxMs: 20,
      backoffJitter: false,
      pollIntervalMs: 20,
      smtpConnectTimeoutMs: 2000,
      smtpSocketTimeoutMs: 5000,
      leaseMs: 30_000,
      ...settings,
    },
    silent,
  );
  services.push(s);
  return s;
}

let keyCounter = 0;
function request(overrides: Partial<EscalationRequest> = {}): EscalationRequest {
  return {
    idempotencyKey: `conv-1:activity-${++keyCounter}`,
    question: 'I ordered a $30 shirt from Canada and was charged duty. Is $800 still duty free?',
    replyTo: 'person@example.com',
    channelId: 'webchat',
    locale: 'en-US',
    conversationId: 'conv-1',
    guesses: ['De minimis suspension', 'Duty on low-value packages'],
    topic: 'De minimis',
    createdAt: '2026-03-02T15:00:00.000Z',
    ...overrides,
  };
}


function referencesReceived(): string[] {
  return server.messages.map((m) => String(m.parsed.headers.get('x-escalation-reference')));
}

/** Runs the crash-test child (see test/helpers/smtpOutboxChild.ts); returns what it printed. */
async function runChild(...args: string[]): Promise<{ reference: string }> {
  try {
    await run(process.execPath, ['-r', 'tsx/cjs', 'test/helpers/smtpOutboxChild.ts', ...args], { cwd: ROOT });
  } catch (err) {
    const e = err as { signal?: string; stdout?: string; stderr?: string };
    if (e.signal !== 'SIGKILL') throw new Error(`child failed: ${e.stderr ?? String(err)}`);
    return JSON.parse(e.stdout!.trim()) as { reference: string };
  }
  throw new Error('the child was expected to die by SIGKILL');
}

describe('escalation email over real SMTP', () => {
  it('arrives with the right recipient, subject, Reply-To, reference header and both bodies', async () => {
    const { outbox, mailer } = service();
    const { reference, duplicate } = await outbox.enqueue(request());
    expect(duplicate).toBe(false);
    expect(reference).toMatch(/^ECOM-\d{4}-000001$/);
    await mailer.flush();

    const [mail] = await server.waitForMessages(1);
    expect(mail!.user).toBe('bot'); // SMTP_URL credentials were used
    expect(mail!.envelope).toEqual({ from: 'no-reply@ecommerce-assistant.local', to: [INBOX] });
    const parsed = mail!.parsed;
    expect(parsed.to).toMatchObject({ value: [{ address: INBOX }] });
    expect(parsed.from?.value).toEqual([{ name: 'CBP E-Commerce Assistant', address: 'no-reply@ecommerce-assistant.local' }]);
    expect(parsed.subject).toBe(`[${reference}] De minimis from the CBP E-Commerce Assistant`);
    expect(parsed.replyTo?.value.map((a) => a.address)).toEqual(['person@example.com']);
    expect(parsed.headers.get('x-escalation-reference')).toBe(reference);
    expect(parsed.messageId).toBe(`<${reference}@ecommerce-assistant.local>`);
    expect(parsed.text).toContain('Is $800 still duty free?');
    expect(parsed.text).toContain('Channel: webchat');
    expect(parsed.text).toContain('Language: en-US');
    expect(parsed.text).toContain('2026-03-02T15:00:00.000Z (March 2, 2026 at 10:00 AM EST)');
    expect(parsed.text).toContain('- De minimis suspension');
    expect(parsed.text).not.toContain('CONVERSATION'); // no transcript without consent
    expect(parsed.html).toContain('Is $800 still duty free?');
    expect(parsed.html).toContain('<li>Duty on low-value packages</li>');

    const stored = await new FileOutboxStore(dir).get(reference);
    expect(stored).toMatchObject({ status: 'sent', state: { attempts: 1 } });
  });

  it('SMTP down when the person sends: the reference is given, the message waits and arrives once the server is back', async () => {
    const { outbox, mailer, store } = service({ maxAttempts: 8 });
    const port = server.port;
    await server.down();

    const { reference } = await outbox.enqueue(request());
    expect(await mailer.deliverDue()).toMatchObject({ retrying: 1 });
    const waiting = await store.get(reference);
    expect(waiting).toMatchObject({ status: 'pending', state: { attempts: 1 } });
    expect(waiting?.state.lastError).toMatch(/ECONNREFUSED/);

    await server.up();
    expect(server.port).toBe(port);
    await sleep(15); // past the 10 ms second backoff step
    await mailer.flush();
    await server.waitForMessages(1);
    await sleep(50);
    await mailer.flush();
    expect(referencesReceived()).toEqual([reference]);
    expect(await store.get(reference)).toMatchObject({ status: 'sent', state: { attempts: 2 } });
  });

  it('the background loop delivers after an outage without being asked', async () => {
    const { outbox, mailer } = service({ maxAttempts: 8 });
    await server.down();
    mailer.start();
    const { reference } = await outbox.enqueue(request());
    // The loop tried once on its own and is waiting for the next attempt.
    await waitUntil(async () => (await new FileOutboxStore(dir).get(reference))?.state.attempts === 1, 'the first attempt is recorded', 5000);
    await server.up();
    await server.waitForMessages(1);
    await mailer.stop();
    expect(referencesReceived()).toEqual([reference]);
  });

  it('bot process killed with SIGKILL right after enqueue: a new mailer delivers the message, once', async () => {
    const { reference } = await runChild('enqueue-and-die', dir, 'conv-kill:activity-1');
    expect(reference).toMatch(/^ECOM-\d{4}-000001$/);
    expect(server.messages).toHaveLength(0);

    const { mailer, outbox } = service();
    mailer.start();
    await server.waitForMessages(1);
    await mailer.stop();
    await mailer.flush();
    expect(referencesReceived()).toEqual([reference]);
    // The retried turn after the restart gets the same reference and sends nothing new.
    expect(await outbox.enqueue(request({ idempotencyKey: 'conv-kill:activity-1' }))).toEqual({ reference, duplicate: true });
    await mailer.flush();
    expect(server.messages).toHaveLength(1);
  });

  it('bot process killed mid-send: once the claim expires another mailer delivers it, once', async () => {
    const { reference } = await runChild('claim-and-die', dir, 'conv-kill:activity-2', '1500');
    const store = new FileOutboxStore(dir);
    const [claimed] = await store.list('sending');
    expect(claimed?.record.reference).toBe(reference);
    const leaseEnds = Date.parse(claimed!.claim!.until);

    const { mailer } = service();
    if (Date.now() < leaseEnds - 100) {
      // Still claimed by the dead process (checked only when a slow machine left time to).
      expect(await mailer.deliverDue()).toMatchObject({ attempted: 0 });
    }
    await sleep(Math.max(0, leaseEnds - Date.now()) + 20);
    expect(await mailer.deliverDue()).toMatchObject({ sent: 1 });
    await mailer.flush();
    expect(referencesReceived()).toEqual([reference]);
    expect(await store.get(reference)).toMatchObject({ status: 'sent', state: { attempts: 2 } });
  });

  it('the same idempotency key twice, also from two Outbox instances, produces one email', async () => {
    const { outbox, mailer } = service();
    const other = new Outbox({ store: new FileOutboxStore(dir) });
    const same = request();
    const results = await Promise.all([outbox.enqueue(same), other.enqueue(same), outbox.enqueue(same)]);
    results.push(await other.enqueue(same));
    expect(new Set(results.map((r) => r.reference)).size).toBe(1);
    await mailer.flush();
    await server.waitForMessages(1);
    await sleep(50);
    await mailer.flush();
    expect(server.messages).toHaveLength(1);
  });

  it('header injection in question, topic and reply-to adds no header and no recipient', async () => {
    const { outbox, mailer } = service();
    await expect(outbox.enqueue(request({ replyTo: 'x@y.com\r\nBcc: evil@z.com' }))).rejects.toThrow(EscalationValidationError);
    await expect(outbox.enqueue(request({ replyTo: 'x@y.com\nBcc: evil@z.com' }))).rejects.toThrow(/replyTo/);
    await expect(outbox.enqueue(request({ replyTo: 'x@y.com, evil@z.com' }))).rejects.toThrow(/replyTo/);

    const { reference } = await outbox.enqueue(
      request({
        question: 'Hello\r\nBcc: evil@z.com\r\nX-Injected: 1\r\n\r\nbody',
        topic: 'Duty\r\nBcc: evil@z.com\r\nX-Injected: yes',
        guesses: ['Title\r\nCc: evil@z.com'],
      }),
    );
    await mailer.flush();
    const [mail] = await server.waitForMessages(1);
    expect(mail!.envelope.to).toEqual([INBOX]);
    const parsed = mail!.parsed;
    expect(parsed.bcc).toBeUndefined();
    expect(parsed.cc).toBeUndefined();
    expect(parsed.headers.has('x-injected')).toBe(false);
    expect(parsed.to).toMatchObject({ value: [{ address: INBOX }] });
    expect(parsed.subject).toBe(`[${reference}] Duty Bcc: evil@z.com X-Injected: yes from the CBP E-Commerce Assistant`);
    const headerBlock = mail!.raw.toString('utf8').split('\r\n\r\n')[0]!;
    expect(headerBlock).not.toMatch(/^(bcc|cc|x-injected):/im);
    expect(parsed.text).toContain('Hello\nBcc: evil@z.com\nX-Injected: 1\n\nbody'); // harmless, in the body
  });

  it('a card number in the question is removed from what is stored and what is sent', async () => {
    const { outbox, mailer } = service();
    const { reference } = await outbox.enqueue(request({ question: 'I was charged twice on 4111 1111 1111 1111, please help' }));
    const storedText = await fs.readFile(path.join(dir, 'pending', `${reference}.json`), 'utf8');
    expect(storedText).not.toMatch(/4111/);
    await mailer.flush();
    const [mail] = await server.waitForMessages(1);
    expect(mail!.raw.toString('utf8')).not.toMatch(/4111/);
    expect(mail!.parsed.text).toContain('I was charged twice on [card number removed], please help');
    expect(mail!.parsed.html).toContain('[card number removed]');
  });

  it('after N refused attempts the message is in failed/ and health says so; retry brings it back and it is delivered', async () => {
    const { outbox, mailer } = service({ maxAttempts: 3 });
    server.refuse({ code: 550, message: '5.1.1 Mailbox unavailable' });
    const { reference } = await outbox.enqueue(request());
    await mailer.deliverDue();
    for (let i = 0; i < 20 && (await mailer.health()).failed === 0; i++) {
      await sleep(25);
      await mailer.deliverDue();
    }
    expect(await fs.readdir(path.join(dir, 'failed'))).toEqual([`${reference}.json`]);
    const health = await mailer.health();
    expect(health).toMatchObject({ healthy: false, pending: 0, failed: 1 });
    expect(health.problems.join(' ')).toMatch(/failed after 3 attempts/);
    const state = JSON.parse(await fs.readFile(path.join(dir, 'state', `${reference}.json`), 'utf8'));
    expect(state).toMatchObject({ attempts: 3 });
    expect(state.lastError).toMatch(/550/);
    expect(server.messages).toHaveLength(0);

    const listing = await run(process.execPath, ['-r', 'tsx/cjs', 'src/cli/outbox.ts', 'list', '--dir', dir], { cwd: ROOT });
    expect(listing.stdout).toMatch(new RegExp(`FAILED \\(1\\)\\n  ${reference} .*attempts 3 .*"De minimis".*last error: .*550`));
    expect(listing.stdout).not.toContain('duty free?'); // no question text without --show

    server.accept();
    const retried = await run(process.execPath, ['-r', 'tsx/cjs', 'src/cli/outbox.ts', 'retry', reference, '--dir', dir], { cwd: ROOT });
    expect(retried.stdout).toContain(`${reference}: back in pending`);
    await mailer.flush();
    await server.waitForMessages(1);
    expect(referencesReceived()).toEqual([reference]);
    expect(await mailer.health()).toMatchObject({ healthy: true, failed: 0, sent: 1 });
  });

  it('without SMTP_URL, writes a parseable .eml into sent/', async () => {
    const { outbox, mailer } = service({ smtpUrl: undefined });
    const { reference } = await outbox.enqueue(request());
    await mailer.flush();
    const names = (await fs.readdir(path.join(dir, 'sent'))).sort();
    expect(names).toEqual([`${reference}.eml`, `${reference}.json`]);
    const raw = await fs.readFile(path.join(dir, 'sent', `${reference}.eml`));
    expect(raw.toString('latin1')).toMatch(/\r\n\r\n/); // CRLF line ends, as RFC 5322 asks
    const parsed = await simpleParser(raw);
    expect(parsed.subject).toBe(`[${reference}] De minimis from the CBP E-Commerce Assistant`);
    expect(parsed.to).toMatchObject({ value: [{ address: INBOX }] });
    expect(parsed.replyTo?.value.map((a) => a.address)).toEqual(['person@example.com']);
    expect(parsed.headers.get('x-escalation-reference')).toBe(reference);
    expect(parsed.text).toContain('Is $800 still duty free?');
    expect(parsed.html).toContain('Is $800 still duty free?');
    expect(server.messages).toHaveLength(0);
  });

  it('two mailers on the same folder deliver each message once', async () => {
    const first = service();
    const second = createEscalationService(
      { escalationDir: dir, smtpUrl: server.url(), backoffBaseMs: 5, backoffJitter: false, pollIntervalMs: 10, smtpConnectTimeoutMs: 2000, smtpSocketTimeoutMs: 5000, leaseMs: 30_000 },
      silent,
    );
    services.push(second);
    const references: string[] = [];
    for (let i = 0; i < 12; i++) references.push((await (i % 2 ? first : second).outbox.enqueue(request())).reference);
    first.mailer.start();
    second.mailer.start();
    await server.waitForMessages(12);
    await sleep(100);
    await Promise.all([first.mailer.stop(), second.mailer.stop()]);
    expect(referencesReceived().sort()).toEqual(references.sort());
    expect(new Set(references).size).toBe(12);
  });

  it('two mailers in two processes on the same folder deliver each message once', async () => {
    const { outbox, mailer } = service({ pollIntervalMs: 5 });
    const references: string[] = [];
    for (let i = 0; i < 20; i++) references.push((await outbox.enqueue(request())).reference);
    server.setDelay(30); // a slow server, so that the two mailers overlap
    const child = run(process.execPath, ['-r', 'tsx/cjs', 'test/helpers/smtpOutboxChild.ts', 'deliver', dir, server.url(), '8000'], { cwd: ROOT });
    await server.waitForMessages(1, 10_000); // the other process is delivering…
    mailer.start(); // …and this one joins in
    await server.waitForMessages(20, 10_000);
    const { sent: sentByChild } = JSON.parse((await child).stdout.trim()) as { sent: number };
    await mailer.stop();
    await mailer.flush();
    expect(referencesReceived().sort()).toEqual(references.sort());
    expect(sentByChild).toBeGreaterThanOrEqual(1);
    expect(sentByChild).toBeLessThan(20); // this process took part too
  });

  it('a direct SmtpTransport reports a rejected recipient as an error', async () => {
    const transport = new SmtpTransport(server.url(), { connectMs: 2000, socketMs: 5000 });
    server.refuse({ code: 550 });
    await expect(transport.send({ from: 'bot@example.gov', to: INBOX, subject: 's', text: 't' })).rejects.toThrow();
    await transport.close();
    expect(transport.description).not.toContain('s3cret');
  });
});

describe('a Mailer built by hand', () => {
  it('needs only the store interface and a transport', async () => {
    const server2 = await startSmtpTestServer();
    try {
      const store = new FileOutboxStore(dir);
      const mailer = new Mailer({ store, transport: new SmtpTransport(server2.url()), addresses: { from: 'bot@example.gov', to: INBOX } });
      const { reference } = await new Outbox({ store }).enqueue(request({ replyTo: undefined }));
      await mailer.flush();
      const [mail] = await server2.waitForMessages(1);
      expect(mail!.parsed.replyTo).toBeUndefined();
      expect(mail!.parsed.text).toContain('cannot be answered personally');
      expect(mail!.parsed.headers.get('x-escalation-reference')).toBe(reference);
    } finally {
      await server2.close();
    }
  });
});

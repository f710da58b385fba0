/**
 * A real SMTP server for tests, in-process on loopback: the `smtp-server` package receives, and
 * `mailparser` parses what arrived. Reusable for HTTP-level tests: start it, point SMTP_URL at
 * `server.url()`, read `server.messages`.
 *
 * @example
 * const server = await startSmtpTestServer({ auth: { user: 'bot', pass: 'secret' } });
 * // …SMTP_URL = server.url()…
 * const [mail] = await server.waitForMessages(1);
 * expect(mail.envelope.to).toEqual(['ecommerce@cbp.dhs.gov']);
 * server.refuse({ code: 550 });   // every recipient refused with 550
 * await server.down();            // connection refused …
 * await server.up();              // … and back, on the same port
 * await server.close();
 */
import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer, type SMTPServerOptions } from 'smtp-server';

/** One message the server accepted. */
export interface ReceivedMail {
  /** The SMTP envelope: MAIL FROM and every RCPT TO the server accepted. */
  envelope: { from: string | undefined; to: string[] };
  /** The user that authenticated, if any. */
  user: string | undefined;
  raw: Buffer;
  parsed: ParsedMail;
}

export interface SmtpTestServer {
  readonly host: string;
  /** The port, fixed for the server's life (`up()` reuses it). */
  readonly port: number;
  /** Everything accepted so far, in order. */
  readonly messages: ReceivedMail[];
  /** `smtp://user:pass@127.0.0.1:port` with the configured credentials (or none). */
  url(): string;
  /** Resolves once at least `count` messages arrived; rejects after `timeoutMs`. */
  waitForMessages(count: number, timeoutMs?: number): Promise<ReceivedMail[]>;
  /** Wait this long before accepting each message (a slow server), 0 to stop. */
  setDelay(ms: number): void;
  /** Refuse every recipient with this reply (default 550 5.1.1), until `accept()`. */
  refuse(reply?: { code?: number; message?: string }): void;
  accept(): void;
  /** Stop listening and drop connections: clients get "connection refused". */
  down(): Promise<void>;
  /** Listen again on the same port. */
  up(): Promise<void>;
  /** Stop for good. Safe to call twice. */
  close(): Promise<void>;
}

export interface SmtpTestServerOptions {
  /** 0 (default) picks a free port. */
  port?: number;
  /** Require AUTH PLAIN/LOGIN with these credentials. Without, AUTH is not offered. */
  auth?: { user: string; pass: string };
}

function smtpError(code: number, message: string): Error {
  return Object.assign(new Error(message), { responseCode: code });
}

/**
 * Starts a loopback SMTP server.
 *
 * @example
 * const server = await startSmtpTestServer();
 * afterAll(() => server.close());
 */
export async function startSmtpTestServer(options: SmtpTestServerOptions = {}): Promise<SmtpTestServer> {
  const host = '127.0.0.1';
  const messages: ReceivedMail[] = [];
  const waiters = new Set<() => void>();
  let refusal: { code: number; message: string } | undefined;
  let delayMs = 0;
  let current: SMTPServer | undefined;
  let port = options.port ?? 0;

  const serverOptions: SMTPServerOptions = {
    secure: false,
    // No STARTTLS: loopback only, and the client would reject the self-signed certificate.
    disabledCommands: options.auth ? ['STARTTLS'] : ['STARTTLS', 'AUTH'],
    authOptional: !options.auth,
    allowInsecureAuth: true,
    logger: false,
    closeTimeout: 50,
    onAuth(auth, _session, callback) {
      if (options.auth && auth.username === options.auth.user && auth.password === options.auth.pass) {
        callback(null, { user: auth.username });
      } else {
        callback(smtpError(535, 'Authentication failed'));
      }
    },
    onRcptTo(_address, _session, callback) {
      callback(refusal ? smtpError(refusal.code, refusal.message) : null);
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks);
        new Promise((resolve) => setTimeout(resolve, delayMs))
          .then(() => simpleParser(raw))
          .then((parsed) => {
            messages.push({
              envelope: {
                from: session.envelope.mailFrom ? session.envelope.mailFrom.address : undefined,
                to: session.envelope.rcptTo.map((r) => r.address),
              },
              user: typeof session.user === 'string' ? session.user : undefined,
              raw,
              parsed,
            });
            for (const wake of waiters) wake();
            callback();
          })
          .catch((err: Error) => callback(err));
      });
    },
  };

  async function up(): Promise<void> {
    if (current) return;
    const server = new SMTPServer(serverOptions);
    // Client-side hang-ups surface as 'error' events; they must not crash the test run.
    server.on('error', () => undefined);
    await new Promise<void>((resolve, reject) => {
      server.server.once('error', reject);
      server.listen(port, host, () => {
        server.server.off('error', reject);
        resolve();
      });
    });
    port = (server.server.address() as AddressInfo).port;
    current = server;
  }

  async function down(): Promise<void> {
    const server = current;
    current = undefined;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  await up();

  return {
    host,
    get port() {
      return port;
    },
    messages,
    url() {
      const credentials = options.auth ? `${encodeURIComponent(options.auth.user)}:${encodeURIComponent(options.auth.pass)}@` : '';
      return `smtp://${credentials}${host}:${port}`;
    },
    waitForMessages(count, timeoutMs = 5000) {
      if (messages.length >= count) return Promise.resolve(messages.slice());
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`expected ${count} message(s), got ${messages.length} within ${timeoutMs} ms`));
        }, timeoutMs);
        const check = () => {
          if (messages.length < count) return;
          clearTimeout(timer);
          waiters.delete(check);
          resolve(messages.slice());
        };
        waiters.add(check);
      });
    },
    setDelay(ms) {
      delayMs = ms;
    },
    refuse(reply = {}) {
      refusal = { code: reply.code ?? 550, message: reply.message ?? '5.1.1 Mailbox unavailable' };
    },
    accept() {
      refusal = undefined;
    },
    down,
    up,
    close: down,
  };
}

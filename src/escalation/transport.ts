/**
 * How a composed email leaves the bot. With `SMTP_URL` set it goes to that SMTP server; with
 * none (the embedded default) it is written as an `.eml` file a newcomer can open in any mail
 * program. Both build the RFC 822 message with nodemailer — never by hand.
 */
import fs from 'node:fs/promises';
import type { SendMailOptions, Transporter } from 'nodemailer';
import { writeFileAtomically } from './fileStore/durableFs';
import { isReference } from './reference';

/** What a transport reports for a delivered message. */
export interface DeliveryReceipt {
  messageId?: string;
  /** The server's reply, or where the file was written. */
  response?: string;
}

/**
 * Something that delivers a composed email. Implementations throw when delivery failed; the
 * mailer then retries later.
 *
 * @example
 * const transport: MailTransport = { description: 'test', async send() { return {}; }, async close() {} };
 */
export interface MailTransport {
  /** For logs: "smtp://mail.example.gov:587" (never the password) or "eml files in var/outbox/sent". */
  readonly description: string;
  send(mail: SendMailOptions, reference: string): Promise<DeliveryReceipt>;
  close(): Promise<void>;
}

export interface SmtpTimeouts {
  /** Connecting, and waiting for the greeting. Default 15 s. */
  connectMs?: number;
  /** Any single command or the upload staying silent. Default 60 s. */
  socketMs?: number;
}

/**
 * nodemailer, loaded when the first email is sent, not at start (issue 15: most instances send
 * few or none, and its 40 modules cost start-up time and memory).
 */
function createTransport(options: object): Transporter {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const nodemailer = require('nodemailer') as typeof import('nodemailer');
  return (nodemailer.createTransport as (options: object) => Transporter)(options);
}

/** The SMTP URL with any password removed, for logs. */
function redactUrl(smtpUrl: string): string {
  try {
    const url = new URL(smtpUrl);
    url.username = '';
    url.password = '';
    return url.toString();
  } catch {
    return 'smtp (unparseable URL)';
  }
}

/**
 * Delivers through an SMTP server given as a URL, e.g. `smtp://user:pass@mail.example.gov:587`
 * (STARTTLS when offered) or `smtps://…:465`.
 *
 * The timeouts bound how long one send can take, which must stay well below the mailer's claim
 * lease; otherwise a hung connection could let a second mailer take the message over.
 *
 * @example
 * const transport = new SmtpTransport(process.env.SMTP_URL!);
 * await transport.send(composeEscalationEmail(record, addresses), record.reference);
 */
export class SmtpTransport implements MailTransport {
  readonly description: string;
  private transporter: Transporter | undefined;

  constructor(
    private readonly smtpUrl: string,
    private readonly timeouts: SmtpTimeouts = {},
  ) {
    this.description = redactUrl(smtpUrl);
  }

  /** Made at the first send. */
  private smtp(): Transporter {
    const connectMs = this.timeouts.connectMs ?? 15_000;
    return (this.transporter ??= createTransport({
      url: this.smtpUrl,
      connectionTimeout: connectMs,
      greetingTimeout: connectMs,
      socketTimeout: this.timeouts.socketMs ?? 60_000,
    }));
  }

  async send(mail: SendMailOptions): Promise<DeliveryReceipt> {
    const info = await this.smtp().sendMail(mail);
    // One recipient by construction; a rejected one means it was not delivered.
    if (info.rejected && info.rejected.length > 0) throw new Error(`recipient rejected: ${info.response ?? ''}`.trim());
    return { messageId: info.messageId, response: info.response };
  }

  async close(): Promise<void> {
    this.transporter?.close();
  }
}

/**
 * Writes each email as `<reference>.eml` into a folder (by default `<ESCALATION_DIR>/sent/`),
 * built by nodemailer's stream transport with CRLF line ends as RFC 5322 asks. Re-delivering a
 * message overwrites its file, so a repeat after a crash leaves one file, not two.
 *
 * @example
 * const transport = new EmlFileTransport('var/outbox/sent');
 * await transport.send(mail, 'ECOM-2026-000001'); // writes var/outbox/sent/ECOM-2026-000001.eml
 */
export class EmlFileTransport implements MailTransport {
  readonly description: string;
  private transporter: Transporter | undefined;

  constructor(private readonly dir: string) {
    this.description = `eml files in ${dir}`;
  }

  async send(mail: SendMailOptions, reference: string): Promise<DeliveryReceipt> {
    if (!isReference(reference)) throw new Error(`not a reference: ${reference}`);
    this.transporter ??= createTransport({ streamTransport: true, buffer: true, newline: 'windows' });
    const info = await this.transporter.sendMail(mail);
    const message = (info as { message?: unknown }).message;
    if (!Buffer.isBuffer(message)) throw new Error('stream transport did not return a buffer');
    await fs.mkdir(this.dir, { recursive: true });
    await writeFileAtomically(this.dir, `${reference}.eml`, message);
    return { messageId: info.messageId, response: `written to ${reference}.eml` };
  }

  async close(): Promise<void> {
    this.transporter?.close();
  }
}

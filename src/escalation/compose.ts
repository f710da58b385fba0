/**
 * Builds the email for one escalation as nodemailer message options. Pure: no I/O, no clock.
 * Every header goes through nodemailer's fields (`subject`, `replyTo`, `headers`), which encode
 * values and refuse line breaks; on top of that the only user text in a header is the short,
 * already single-line topic, and the SMTP envelope names exactly the inbox.
 */
import type { SendMailOptions } from 'nodemailer';
import addressparser from 'nodemailer/lib/addressparser';
import { escapeHtml } from '../text/html';
import { cleanSingleLine, isValidEmailAddress } from './sanitize';
import type { OutboxRecord } from './types';

/** The header that carries the reference, for filters and ticketing rules on the inbox side. */
export const REFERENCE_HEADER = 'X-Escalation-Reference';

const SUBJECT_TOPIC_MAX = 60;

export interface EmailAddresses {
  /** Sender, e.g. `"CBP E-Commerce Assistant" <no-reply@ecommerce-assistant.local>`. */
  from: string;
  /** The E-Commerce inbox, a bare address. */
  to: string;
}

/**
 * The bare address inside a From value such as `"Name" <a@b.example>`; throws when there is not
 * exactly one valid address (a configuration error, caught at start-up).
 *
 * @example
 * mailboxAddress('"CBP E-Commerce Assistant" <no-reply@ecommerce-assistant.local>'); // 'no-reply@ecommerce-assistant.local'
 */
export function mailboxAddress(from: string): string {
  const parsed = addressparser(from, { flatten: true });
  const address = parsed.length === 1 ? parsed[0]!.address : undefined;
  if (!address || !isValidEmailAddress(address)) throw new Error(`not a single valid email address: ${from}`);
  return address;
}

/**
 * The subject line: reference, topic (or "Question") and where it came from.
 *
 * @example
 * escalationSubject({ reference: 'ECOM-2026-000123', escalation: { topic: 'De minimis' } });
 * // '[ECOM-2026-000123] De minimis from the CBP E-Commerce Assistant'
 */
export function escalationSubject(record: { reference: string; escalation: { topic?: string } }): string {
  // Cleaned again here: a record edited by hand must not be able to smuggle a line break in.
  const topic = record.escalation.topic ? cleanSingleLine(record.escalation.topic, SUBJECT_TOPIC_MAX) : '';
  return `[${record.reference}] ${topic || 'Question'} from the CBP E-Commerce Assistant`;
}

const easternFormat = new Intl.DateTimeFormat('en-US', {
  timeZone: 'America/New_York',
  year: 'numeric',
  month: 'long',
  day: 'numeric',
  hour: 'numeric',
  minute: '2-digit',
  timeZoneName: 'short',
});

/**
 * An instant in U.S. Eastern time as staff read it.
 *
 * @example
 * easternTime('2026-03-02T15:00:00.000Z'); // 'March 2, 2026 at 10:00 AM EST'
 * easternTime('2026-07-02T15:00:00.000Z'); // 'July 2, 2026 at 11:00 AM EDT'
 */
export function easternTime(iso: string): string {
  // Newer ICU puts a narrow no-break space before AM/PM; plain text mail reads better without.
  return easternFormat.format(new Date(iso)).replace(/[\u202F\u00A0]/g, ' ');
}

/** The facts the text and HTML bodies both show, in order. */
function detailLines(record: OutboxRecord): [string, string][] {
  const e = record.escalation;
  return [
    ['Reference', record.reference],
    ['Asked', `${e.createdAt} (${easternTime(e.createdAt)})`],
    ['Channel', e.channelId],
    ['Language', e.locale ?? 'not given'],
  ];
}

const REPLY_NOTE = 'Reply to this email to answer the person directly.';
const NO_REPLY_NOTE = 'The person did not give an email address, so they cannot be answered personally.';
const FOOTER = 'Sent automatically by the CBP E-Commerce Assistant. Anything that looked like a payment card number was removed before sending.';

function speaker(from: 'user' | 'bot'): string {
  return from === 'user' ? 'Person' : 'Assistant';
}

function textBody(record: OutboxRecord): string {
  const e = record.escalation;
  const parts: string[] = [
    'A question for the E-Commerce team, forwarded by the CBP E-Commerce Assistant because it could not answer it.',
    `QUESTION\n${e.question}`,
    e.replyTo ? `REPLY TO\n${e.replyTo}\n${REPLY_NOTE}` : `REPLY TO\n${NO_REPLY_NOTE}`,
    `DETAILS\n${detailLines(record).map(([k, v]) => `${k}: ${v}`).join('\n')}`,
  ];
  if (e.guesses?.length) {
    parts.push(`THE ASSISTANT'S BEST GUESSES\n${e.guesses.map((g) => `- ${g}`).join('\n')}`);
  }
  if (e.transcript?.length) {
    const lines = e.transcript.map((t) => `${t.at ? `[${t.at}] ` : ''}${speaker(t.from)}: ${t.text}`);
    parts.push(`CONVERSATION (shared with the person's consent)\n${lines.join('\n')}`);
  }
  parts.push(`-- \n${FOOTER}`);
  return `${parts.join('\n\n')}\n`;
}

/** Escaped text with line breaks kept visible. */
function htmlText(text: string): string {
  return escapeHtml(text).replace(/\n/g, '<br>\n');
}

function htmlBody(record: OutboxRecord): string {
  const e = record.escalation;
  const section = (title: string, body: string) => `<h2 style="font-size:1.05em;margin:1.2em 0 0.3em">${escapeHtml(title)}</h2>\n${body}`;
  const parts: string[] = [
    `<p>A question for the E-Commerce team, forwarded by the CBP E-Commerce Assistant because it could not answer it.</p>`,
    section('Question', `<blockquote style="margin:0;padding:0.5em 1em;border-left:4px solid #005ea2">${htmlText(e.question)}</blockquote>`),
    section(
      'Reply to',
      e.replyTo ? `<p>${escapeHtml(e.replyTo)}<br>\n${escapeHtml(REPLY_NOTE)}</p>` : `<p>${escapeHtml(NO_REPLY_NOTE)}</p>`,
    ),
    section(
      'Details',
      `<table>\n${detailLines(record)
        .map(([k, v]) => `<tr><th align="left" style="padding-right:1em">${escapeHtml(k)}</th><td>${escapeHtml(v)}</td></tr>`)
        .join('\n')}\n</table>`,
    ),
  ];
  if (e.guesses?.length) {
    parts.push(section("The assistant's best guesses", `<ul>\n${e.guesses.map((g) => `<li>${escapeHtml(g)}</li>`).join('\n')}\n</ul>`));
  }
  if (e.transcript?.length) {
    const rows = e.transcript.map(
      (t) => `<p>${t.at ? `<small>${escapeHtml(t.at)}</small> ` : ''}<strong>${speaker(t.from)}:</strong> ${htmlText(t.text)}</p>`,
    );
    parts.push(section("Conversation (shared with the person's consent)", rows.join('\n')));
  }
  parts.push(`<hr>\n<p><small>${escapeHtml(FOOTER)}</small></p>`);
  return `<!DOCTYPE html>\n<html lang="en">\n<head><meta charset="utf-8"><title>${escapeHtml(escalationSubject(record))}</title></head>\n<body>\n${parts.join('\n')}\n</body>\n</html>\n`;
}

/**
 * The email for one stored escalation, as nodemailer message options.
 *
 * The Message-ID is derived from the reference, so if a crash ever makes the mailer send a
 * message a second time, the copies carry the same Message-ID and mail clients fold them.
 *
 * @example
 * const mail = composeEscalationEmail(record, { from: '"CBP E-Commerce Assistant" <no-reply@ecommerce-assistant.local>', to: 'ecommerce@cbp.dhs.gov' });
 * mail.subject; // '[ECOM-2026-000123] Question from the CBP E-Commerce Assistant'
 * mail.replyTo; // the person's address, when given
 * await transporter.sendMail(mail);
 */
export function composeEscalationEmail(record: OutboxRecord, addresses: EmailAddresses): SendMailOptions {
  const fromAddress = mailboxAddress(addresses.from);
  if (!isValidEmailAddress(addresses.to)) throw new Error(`not a valid inbox address: ${addresses.to}`);
  const replyTo = record.escalation.replyTo;
  const mail: SendMailOptions = {
    from: addresses.from,
    to: addresses.to,
    subject: escalationSubject(record),
    text: textBody(record),
    html: htmlBody(record),
    messageId: `<${record.reference}@${fromAddress.slice(fromAddress.lastIndexOf('@') + 1)}>`,
    date: new Date(record.enqueuedAt),
    headers: { [REFERENCE_HEADER]: record.reference },
    // The envelope is explicit so that no header, whatever it said, can add a recipient.
    envelope: { from: fromAddress, to: [addresses.to] },
  };
  // Checked again here: the stored record is data read back from disk, not trusted input.
  if (replyTo && isValidEmailAddress(replyTo)) mail.replyTo = replyTo;
  return mail;
}

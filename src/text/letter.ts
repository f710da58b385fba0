/**
 * What a person wrote, without the letter around it. People write to the assistant as they
 * write an email: "Dear Sir or Madam," before the question, "Kind regards, John Smith, Smith
 * Trading LLC, Tel. …" or "Sent from my iPhone" after it, a forwarded message with its From: and
 * Date: lines. Those words are not the question: wrapped in such a letter, the tuning halves'
 * messages lost between 3 and 10 points of right answers (bench/.wrap-style check in the README).
 *
 * Maintained packages do the email parts: `email-forward-parser` finds a forwarded message (its
 * body and the writer's own note), `email-reply-parser` finds signatures ("--", "Sent from my…",
 * a closing with a name under it). What is left is ours: a greeting line at the top, a closing
 * ("Thanks, Bev", "Regards," and a few short lines) at the bottom, and a "Subject:" line.
 */
import EmailForwardParser from 'email-forward-parser';
import EmailReplyParser from 'email-reply-parser';

/**
 * A greeting on its own line: "Hello,", "Dear Sir or Madam,", "To whom it may concern:", "Hi
 * there". A line that goes on into the message ("Hi, my parcel is stuck.") is not one.
 */
const GREETING =
  /^\s*(?:(?:dear|hello|hi|hey|hiya|greetings|good (?:morning|afternoon|evening|day)|to whom it may concern|attn\.?|attention)\b[^\n?.]{0,40}[,:!]|(?:hello|hi|hey|hiya|greetings|good (?:morning|afternoon|evening|day))(?: there| all| team| everyone)?)[ \t]*(?:\n|$)/i;

/** The words of a closing: "Thanks", "Thank you in advance", "Kind regards", "Best", "Cheers". */
const CLOSING =
  /^(?:many thanks|thanks|thank you|thx|ty|regards|kind regards|best regards|warm regards|warmest regards|best wishes|all the best|best|cheers|sincerely|yours(?: truly| sincerely| faithfully)?|respectfully|cordially|take care|appreciate it)(?: (?:so much|very much|a lot|again|in advance|for (?:your|any|the) (?:help|time|reply|answer|advice)))*[ \t]*[,.!]*/i;

/** A name after a closing on its line ("Thanks, Bev", "Cheers, Tom O."): up to three capitalised words. */
const SIGNED = /^[A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*){0,2}$/;

/** Whether a line is a closing alone or with the writer's name: "Regards,", "Thanks, Bev". */
function isClosing(line: string): boolean {
  const m = CLOSING.exec(line.trim());
  if (!m) return false;
  const rest = line.trim().slice(m[0].length).trim().replace(/[,.!]+$/, '');
  return rest === '' || SIGNED.test(rest);
}

/** Lines after a closing that still belong to it: a name, a title, a company, a phone number. */
const MAX_SIGNATURE_LINES = 4;
const MAX_SIGNATURE_LINE = 60;

/** "Subject: …", "Re: …", "Fwd: …" at the start of the first line. */
const SUBJECT = /^\s*(?:subject|subj|re|fwd?|tr)\s*:\s*(?:(?:re|fwd?)\s*:\s*)*/i;

/** Header lines the forward parser leaves at the top of a forwarded body when it has only a few. */
const HEADER_LINES = /^(?:[ \t]*(?:from|to|cc|date|sent|subject)[ \t]*:[^\n]*\n)+/i;

/** A whole first line that is a subject ("Fwd: customs question"). */
const SUBJECT_LINE = new RegExp(`${SUBJECT.source}[^\\n]*(?:\\n|$)`, 'i');

const replies = new EmailReplyParser();
const forwards = new EmailForwardParser();

/** The text without signature blocks; quoted lines (a pasted notice, "> Duties due $23") stay, unquoted. */
function withoutSignature(text: string): string {
  return replies
    .read(text)
    .getFragments()
    .filter((f) => !f.isSignature())
    .map((f) => (f.isQuoted() ? f.getContent().replace(/^[ \t]*>+[ \t]?/gm, '') : f.getContent()))
    .join('\n')
    .trim();
}

/** The text without a closing and the few short lines under it. */
function withoutClosing(text: string): string {
  const lines = text.split('\n');
  for (let i = lines.length - 1; i >= Math.max(0, lines.length - 1 - MAX_SIGNATURE_LINES); i--) {
    if (!isClosing(lines[i])) continue;
    const under = lines.slice(i + 1).filter((l) => l.trim() !== '');
    if (under.every((l) => l.trim().length <= MAX_SIGNATURE_LINE && !l.includes('?')) && i > 0) return lines.slice(0, i).join('\n').trim();
  }
  return text;
}

/**
 * The person's own words: forwarded message unwrapped (the writer's note after the forwarded
 * text it is about), greeting, subject line, closing and signature taken off. A message with
 * none of these comes back as it was (trimmed).
 *
 * @example
 * letterBody('Dear Sir or Madam,\n\nDo I owe duty on a $45 scarf from the UK?\n\nKind regards,\nJohn Smith');
 * // 'Do I owe duty on a $45 scarf from the UK?'
 * letterBody('Subject: DHL charges on order 4471\n\nWhy was I billed?'); // 'Why was I billed?'
 */
export function letterBody(text: string): string {
  let body = text.replace(/\r\n?/g, '\n').trim();
  const forwarded = forwards.read(body);
  if (forwarded.forwarded && forwarded.email.body) {
    // The forwarded text is what it is about; the writer's note follows it, without a "Fwd:" line.
    const note = (forwarded.message ?? '').replace(SUBJECT_LINE, '').trim();
    body = [forwarded.email.body.replace(HEADER_LINES, ''), note].join('\n\n').trim();
  }
  const cleaned = withoutClosing(withoutSignature(withoutSubject(body).replace(GREETING, '').trim()));
  // Never leave nothing: a message that is only a greeting ("Hello!") is answered as written.
  return cleaned.trim() || text.trim();
}

/**
 * The text without a first line "Subject: …", "Re: …" or "Fwd: …". The body of an email says
 * what it asks; a subject such as "Question about my parcel" only added words that are not the
 * question (wrapped in one, the tuning halves lost 24 right answers). A message that is only a
 * subject keeps it.
 */
function withoutSubject(text: string): string {
  const subject = SUBJECT.exec(text);
  if (!subject) return text;
  const end = text.indexOf('\n', subject[0].length);
  const rest = end < 0 ? '' : text.slice(end + 1).trim();
  return rest || text.slice(subject[0].length).trim();
}

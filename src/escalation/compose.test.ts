import { simpleParser } from 'mailparser';
import MailComposer from 'nodemailer/lib/mail-composer';
import { composeEscalationEmail, easternTime, escalationSubject, mailboxAddress, REFERENCE_HEADER } from './compose';
import type { OutboxRecord } from './types';

const addresses = { from: '"CBP E-Commerce Assistant" <no-reply@ecommerce-assistant.local>', to: 'ecommerce@cbp.dhs.gov' };

function record(escalation: Partial<OutboxRecord['escalation']> = {}): OutboxRecord {
  return {
    version: 1,
    reference: 'ECOM-2026-000123',
    idempotencyKeyHash: 'a'.repeat(64),
    enqueuedAt: '2026-03-02T15:00:01.000Z',
    escalation: {
      question: 'Is <b>$800</b> still "duty free" & what about gifts?\nSecond line',
      channelId: 'webchat',
      conversationId: 'conv-1',
      createdAt: '2026-03-02T15:00:00.000Z',
      ...escalation,
    },
  };
}

async function build(mail: ReturnType<typeof composeEscalationEmail>): Promise<Buffer> {
  return new MailComposer(mail).compile().build();
}

describe('easternTime', () => {
  it('gives U.S. Eastern time with the right zone abbreviation', () => {
    expect(easternTime('2026-03-02T15:00:00.000Z')).toBe('March 2, 2026 at 10:00 AM EST');
    expect(easternTime('2026-07-02T15:00:00.000Z')).toBe('July 2, 2026 at 11:00 AM EDT');
  });
});

describe('escalationSubject', () => {
  it('has the reference and the topic, or "Question"', () => {
    expect(escalationSubject(record({ topic: 'De minimis' }))).toBe('[ECOM-2026-000123] De minimis from the CBP E-Commerce Assistant');
    expect(escalationSubject(record())).toBe('[ECOM-2026-000123] Question from the CBP E-Commerce Assistant');
  });

  it('never carries a line break, even from a hand-edited record', () => {
    const subject = escalationSubject(record({ topic: 'Hi\r\nBcc: evil@z.com' }));
    expect(subject).not.toMatch(/[\r\n]/);
  });
});

describe('mailboxAddress', () => {
  it('extracts the bare address and rejects unusable values', () => {
    expect(mailboxAddress(addresses.from)).toBe('no-reply@ecommerce-assistant.local');
    expect(mailboxAddress('bot@example.gov')).toBe('bot@example.gov');
    expect(() => mailboxAddress('a@example.gov, b@example.gov')).toThrow();
    expect(() => mailboxAddress('nobody')).toThrow();
  });
});

describe('composeEscalationEmail', () => {
  it('sets sender, inbox, subject, reference header, Message-ID and an envelope of exactly the inbox', () => {
    const mail = composeEscalationEmail(record({ replyTo: 'person@example.com' }), addresses);
    expect(mail.from).toBe(addresses.from);
    expect(mail.to).toBe('ecommerce@cbp.dhs.gov');
    expect(mail.replyTo).toBe('person@example.com');
    expect(mail.subject).toBe('[ECOM-2026-000123] Question from the CBP E-Commerce Assistant');
    expect(mail.headers).toEqual({ [REFERENCE_HEADER]: 'ECOM-2026-000123' });
    expect(mail.messageId).toBe('<ECOM-2026-000123@ecommerce-assistant.local>');
    expect(mail.envelope).toEqual({ from: 'no-reply@ecommerce-assistant.local', to: ['ecommerce@cbp.dhs.gov'] });
    expect(mail.cc).toBeUndefined();
    expect(mail.bcc).toBeUndefined();
  });

  it('puts question, channel, locale and both times in the text body', () => {
    const text = String(composeEscalationEmail(record({ locale: 'es-US' }), addresses).text);
    expect(text).toContain('Is <b>$800</b> still "duty free" & what about gifts?\nSecond line');
    expect(text).toContain('Channel: webchat');
    expect(text).toContain('Language: es-US');
    expect(text).toContain('Asked: 2026-03-02T15:00:00.000Z (March 2, 2026 at 10:00 AM EST)');
    expect(text).toContain('cannot be answered personally');
    expect(text).not.toContain('BEST GUESSES');
    expect(text).not.toContain('CONVERSATION');
  });

  it('escapes everything in the HTML body', () => {
    const html = String(
      composeEscalationEmail(
        record({ guesses: ['<img src=x onerror=alert(1)>'], transcript: [{ from: 'user', text: '<script>x</script>', at: '2026-03-02T14:59:00.000Z' }] }),
        addresses,
      ).html,
    );
    expect(html).toContain('Is &lt;b&gt;$800&lt;/b&gt; still &quot;duty free&quot; &amp; what about gifts?<br>');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).toContain('&lt;script&gt;x&lt;/script&gt;');
    expect(html).not.toMatch(/<script|<img|<b>/);
  });

  it('includes guesses and the transcript only when present', () => {
    const text = String(
      composeEscalationEmail(
        record({
          guesses: ['Gifts from abroad', 'De minimis'],
          transcript: [
            { from: 'user', text: 'hello', at: '2026-03-02T14:58:00.000Z' },
            { from: 'bot', text: 'Hi! Ask me about customs.' },
          ],
        }),
        addresses,
      ).text,
    );
    expect(text).toContain("THE ASSISTANT'S BEST GUESSES\n- Gifts from abroad\n- De minimis");
    expect(text).toContain("CONVERSATION (shared with the person's consent)\n[2026-03-02T14:58:00.000Z] Person: hello\nAssistant: Hi! Ask me about customs.");
  });

  it('drops a reply-to that is not a plain address (a hand-edited record)', () => {
    const mail = composeEscalationEmail(record({ replyTo: 'x@y.com\r\nBcc: evil@z.com' }), addresses);
    expect(mail.replyTo).toBeUndefined();
  });

  it('builds an RFC 822 message whose headers are exactly what was intended', async () => {
    const raw = await build(composeEscalationEmail(record({ replyTo: 'person@example.com', topic: 'Hi\r\nBcc: evil@z.com' }), addresses));
    const parsed = await simpleParser(raw);
    expect(parsed.subject).toBe('[ECOM-2026-000123] Hi Bcc: evil@z.com from the CBP E-Commerce Assistant');
    expect(parsed.bcc).toBeUndefined();
    expect(parsed.cc).toBeUndefined();
    expect(parsed.headers.get('x-escalation-reference')).toBe('ECOM-2026-000123');
    expect(parsed.replyTo?.value.map((a) => a.address)).toEqual(['person@example.com']);
    expect(parsed.text).toContain('still "duty free"');
    expect(parsed.html).toContain('&lt;b&gt;$800&lt;/b&gt;');
  });
});

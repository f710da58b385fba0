/**
 * The Azure Bot Service Email channel as the bot sees it, for HTTP tests: a message activity with
 * `channelId: 'email'`, the sender's address as `from`, the bot's mailbox as `recipient`, the
 * email's plain body as `text` (the channel strips the quoted earlier messages of a reply, not
 * the signature), and the subject and HTML body in `channelData`.
 *
 * @example
 * const replies = await emailChat.send('Is the $800 limit still available?');
 * replies[0].channelData.htmlBody; // '<html><body …'
 */
import { randomUUID } from 'node:crypto';
import { channelActivity, post, type ReceivedActivity, type TestChannel } from './channel';

export const BOT_MAILBOX = { id: 'cbp-assistant@ecommerce-bot.example', name: 'CBP E-Commerce Assistant' } as const;
export const SENDER = { id: 'dana.rivera@example.com', name: 'Dana Rivera' } as const;

/** What the bot puts in `channelData` for the Email channel. */
export interface EmailReplyChannelData {
  htmlBody?: string;
  subject?: string;
  importance?: string;
}

const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** An email to the bot, as the channel delivers it. */
export function emailActivity(serviceUrl: string, conversationId: string, body: string, options: { subject?: string; from?: { id: string; name: string } } = {}): Record<string, unknown> {
  return channelActivity(serviceUrl, conversationId, {
    channelId: 'email',
    id: `email-${randomUUID()}`,
    from: options.from ?? SENDER,
    recipient: BOT_MAILBOX,
    conversation: { id: conversationId, isGroup: false },
    text: body,
    textFormat: 'plain',
    channelData: {
      subject: options.subject ?? 'Question about my package',
      htmlBody: `<html><body>${body.split(/\n{2,}/).map((p) => `<p>${escape(p).replace(/\n/g, '<br>')}</p>`).join('')}</body></html>`,
    },
  });
}

/** One email thread with the bot over HTTP. */
export class EmailChat {
  readonly conversationId = `email-thread-${randomUUID()}`;

  constructor(
    private readonly botUrl: string,
    private readonly channel: TestChannel,
    private readonly subject = 'Question about my package',
  ) {}

  /** Sends an email; returns the bot's reply messages in this thread and the id of the email sent. */
  async sendWithId(body: string): Promise<{ id: string; replies: ReceivedActivity[] }> {
    const activity = emailActivity(this.channel.serviceUrl, this.conversationId, body, { subject: this.subject });
    const before = this.channel.received.length;
    const result = await post(`${this.botUrl}/api/messages`, activity);
    if (result.status !== 200) throw new Error(`bot answered HTTP ${result.status}: ${result.body}`);
    const replies = this.channel.received.slice(before).filter((a) => a.conversation?.id === this.conversationId && a.type === 'message');
    return { id: activity.id as string, replies };
  }

  async send(body: string): Promise<ReceivedActivity[]> {
    return (await this.sendWithId(body)).replies;
  }
}

/** The HTML body the bot sent with a reply. */
export function htmlBodyOf(reply: ReceivedActivity): string {
  const html = (reply.channelData as EmailReplyChannelData | undefined)?.htmlBody;
  if (typeof html !== 'string') throw new Error(`no channelData.htmlBody in ${JSON.stringify(reply)}`);
  return html;
}

/**
 * A Bot Framework adapter that runs the bot inside this process, without HTTP: the terminal
 * chat and `npm run ask` use it. The same bot, dialogs and middleware run as for
 * /api/messages; replies are handed to a callback instead of being POSTed to a channel.
 */
import { randomUUID } from 'node:crypto';
import { systemClock, type Clock } from '../clock';
import {
  Activity,
  ActivityTypes,
  BotAdapter,
  ConversationReference,
  ResourceResponse,
  TurnContext,
} from 'botbuilder';

export type ReplyListener = (activity: Partial<Activity>) => void;

export class InProcessAdapter extends BotAdapter {
  private nextId = 1;
  private readonly conversationId: string;

  constructor(
    private readonly onReply: ReplyListener,
    private readonly channelId = 'terminal',
    conversationId?: string,
    private readonly clock: Clock = systemClock,
  ) {
    super();
    this.conversationId = conversationId ?? `terminal-${process.pid}-${randomUUID().slice(0, 8)}`;
  }

  async sendActivities(_context: TurnContext, activities: Partial<Activity>[]): Promise<ResourceResponse[]> {
    return activities.map((activity) => {
      if (activity.type === 'delay') return { id: '' };
      this.onReply(activity);
      return { id: String(this.nextId++) };
    });
  }

  async updateActivity(_context: TurnContext, activity: Partial<Activity>): Promise<void> {
    this.onReply(activity);
  }

  async deleteActivity(): Promise<void> {
    // Nothing to delete in a terminal: what was printed stays printed.
  }

  async continueConversation(reference: Partial<ConversationReference>, logic: (context: TurnContext) => Promise<void>): Promise<void> {
    const activity = TurnContext.applyConversationReference({ type: ActivityTypes.Event, name: 'continueConversation' }, reference, true);
    await this.runMiddleware(new TurnContext(this, activity), logic);
  }

  /**
   * Sends one activity from the person to the bot and waits until the bot's turn is over.
   *
   * @example
   * await adapter.receive({ type: 'message', text: 'hello' }, (context) => bot.run(context));
   */
  async receive(partial: Partial<Activity>, logic: (context: TurnContext) => Promise<void>): Promise<void> {
    const activity = {
      id: `in-${this.nextId++}`,
      timestamp: this.clock(),
      channelId: this.channelId,
      serviceUrl: 'http://localhost/terminal',
      conversation: { id: this.conversationId, isGroup: false, conversationType: 'personal', name: 'terminal' },
      from: { id: 'user', name: 'You', role: 'user' },
      recipient: { id: 'bot', name: 'CBP E-Commerce Assistant', role: 'bot' },
      locale: 'en-US',
      ...partial,
    } as Activity;
    await this.runMiddleware(new TurnContext(this, activity), logic);
  }
}

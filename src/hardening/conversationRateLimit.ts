/**
 * Per-conversation rate limit for message activities, as bot middleware, so it applies the same
 * way to /api/messages and to the local Direct Line, and only to requests that passed
 * authentication (an unauthenticated caller cannot spend a real conversation's budget).
 *
 * Why a polite reply and HTTP 200 rather than 429: in production the caller is the Bot
 * Connector, which retries on 429 and 5xx — a 429 would make the same message come back again
 * and amplify the load we are trying to shed. The person is told once, and again at most every
 * `noticeEverySeconds` while they keep sending; messages over the limit are otherwise dropped
 * (200, no reply, the bot's dialogs do not run, conversation state is not touched).
 *
 * Only `message` activities count: conversationUpdate, typing, events and invokes are cheap or
 * need their own answer (an invoke must get its invoke response).
 */
import crypto from 'node:crypto';
import { ActivityTypes, type Middleware, type TurnContext } from 'botbuilder';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import { sendReply } from '../channels/render';
import { catalog } from '../messages';

export const RATE_LIMITED_TEXT = catalog().welcome.tooFast;

export interface ConversationRateLimitOptions {
  /** Messages per conversation per window. */
  points: number;
  /** Window length; default 60 s. */
  durationSeconds?: number;
  /** The polite notice is sent at most once per this many seconds per conversation. Default 10. */
  noticeEverySeconds?: number;
  /** Called for every message refused (metrics). */
  onLimited?: (context: TurnContext) => void;
  /** Called when the notice could not be sent. */
  onNoticeError?: (err: unknown) => void;
}

/** Conversation ids are client-chosen: hash long ones so the limiter's keys stay small. */
export function conversationKey(channelId: unknown, conversationId: unknown): string {
  const id = `${typeof channelId === 'string' ? channelId : ''}|${typeof conversationId === 'string' ? conversationId : ''}`;
  return id.length <= 256 ? id : `sha256:${crypto.createHash('sha256').update(id).digest('base64url')}`;
}

/**
 * @example
 * adapter.use(new ConversationRateLimitMiddleware({ points: 30 })); // 30 messages per minute
 */
export class ConversationRateLimitMiddleware implements Middleware {
  private readonly limiter: RateLimiterMemory;
  private readonly notices: RateLimiterMemory;

  constructor(private readonly options: ConversationRateLimitOptions) {
    if (!Number.isInteger(options.points) || options.points < 1) throw new Error('ConversationRateLimitMiddleware: points must be a whole number of at least 1');
    this.limiter = new RateLimiterMemory({ points: options.points, duration: options.durationSeconds ?? 60, keyPrefix: 'conversation' });
    this.notices = new RateLimiterMemory({ points: 1, duration: options.noticeEverySeconds ?? 10, keyPrefix: 'conversation-notice' });
  }

  async onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
    const activity = context.activity;
    if (activity.type !== ActivityTypes.Message) return next();
    const key = conversationKey(activity.channelId, activity.conversation?.id);
    try {
      await this.limiter.consume(key);
    } catch (rejection) {
      if (!(rejection instanceof RateLimiterRes)) throw rejection;
      this.options.onLimited?.(context);
      if (await this.mayNotify(key)) {
        await sendReply(context, { kind: 'info', markdown: RATE_LIMITED_TEXT }).catch((err: unknown) => this.options.onNoticeError?.(err));
      }
      return;
    }
    await next();
  }

  private async mayNotify(key: string): Promise<boolean> {
    try {
      await this.notices.consume(key);
      return true;
    } catch {
      return false;
    }
  }
}

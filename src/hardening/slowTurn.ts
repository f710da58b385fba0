/**
 * What a person sees when a turn is slow (a slow storage account, a stalled disk): after
 * `typingDelayMs` a typing indicator, repeated every `typingPeriodMs` while the turn runs; and if
 * the bot has still sent no message after `noticeMs`, one "This is taking longer than usual…"
 * message. The turn itself carries on: its real answer follows when it is ready.
 *
 * botbuilder's own ShowTypingMiddleware (delay, period) exists in 4.23, but it reports a failed
 * typing send through `adapter.onTurnError` — which here tells the person "something went wrong"
 * and clears the conversation — and it has no notice. This middleware does both, and a typing
 * or notice that cannot be delivered is only logged.
 *
 * Not for `deliveryMode: expectReplies` (the replies go back in the HTTP response, all at the
 * end, so neither would help) nor the email channel (a typing indicator means nothing there).
 * Typing and the notice go straight to the adapter, like ShowTypingMiddleware does: they do not
 * run the turn's send handlers (the transcript kept for emails), nor set `context.responded`.
 */
import { ActivityTypes, DeliveryModes, TurnContext, type Activity, type Middleware } from 'botbuilder';
import { renderReply } from '../channels/render';
import { catalog } from '../messages';

export const SLOW_TURN_TEXT = catalog().welcome.slowTurn;

export interface SlowTurnOptions {
  /** First typing indicator after this long; 0 = no typing indicator. */
  typingDelayMs: number;
  /** Then one every this long while the turn runs. Default 3 s (Teams shows one for ~3 s). */
  typingPeriodMs?: number;
  /** The notice after this long without a message from the bot; 0 = no notice. */
  noticeMs: number;
  /** Called when the notice is sent (metrics). */
  onNotice?: (context: TurnContext) => void;
  /** Called when a typing indicator or the notice could not be sent. */
  onSendError?: (err: unknown, what: 'typing' | 'notice') => void;
}

/**
 * @example
 * adapter.use(new SlowTurnMiddleware({ typingDelayMs: 1000, noticeMs: 10_000 }));
 */
export class SlowTurnMiddleware implements Middleware {
  private readonly typingPeriodMs: number;

  constructor(private readonly options: SlowTurnOptions) {
    this.typingPeriodMs = options.typingPeriodMs ?? 3000;
    if (options.typingDelayMs < 0 || options.noticeMs < 0 || this.typingPeriodMs <= 0) throw new Error('SlowTurnMiddleware: delays must not be negative');
  }

  async onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
    const activity = context.activity;
    const { typingDelayMs, noticeMs } = this.options;
    if (
      activity.type !== ActivityTypes.Message ||
      activity.deliveryMode === DeliveryModes.ExpectReplies ||
      activity.channelId === 'email' ||
      (typingDelayMs === 0 && noticeMs === 0)
    ) {
      return next();
    }

    let finished = false;
    let replied = false;
    const timers = new Set<NodeJS.Timeout>();
    const later = (ms: number, work: () => void) => {
      const timer = setTimeout(() => {
        timers.delete(timer);
        if (!finished) work();
      }, ms);
      timers.add(timer);
    };
    context.onSendActivities(async (_context, activities, sendNext) => {
      if (activities.some((a) => a.type === ActivityTypes.Message)) replied = true;
      return sendNext();
    });

    const sendTyping = () => {
      this.sendDirect(context, { type: ActivityTypes.Typing }).catch((err: unknown) => this.options.onSendError?.(err, 'typing'));
      later(this.typingPeriodMs, sendTyping);
    };
    if (typingDelayMs > 0) later(typingDelayMs, sendTyping);
    if (noticeMs > 0) {
      later(noticeMs, () => {
        if (replied) return;
        replied = true; // at most one notice, and never after a real answer
        this.options.onNotice?.(context);
        const notice = renderReply({ kind: 'info', markdown: SLOW_TURN_TEXT }, activity.channelId);
        this.sendDirect(context, notice).catch((err: unknown) => this.options.onSendError?.(err, 'notice'));
      });
    }

    try {
      await next();
    } finally {
      finished = true;
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
    }
  }

  /** Sends through the adapter, addressed as a reply to the incoming activity. */
  private async sendDirect(context: TurnContext, partial: Partial<Activity>): Promise<void> {
    const reference = TurnContext.getConversationReference(context.activity);
    const outgoing = TurnContext.applyConversationReference({ ...partial }, reference);
    await context.adapter.sendActivities(context, [outgoing]);
  }
}

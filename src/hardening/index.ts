/**
 * Hardening of the bot's front door, from configuration:
 * - bot middleware (applies to /api/messages and the local Direct Line alike): metrics timing
 *   first, then the per-conversation rate limit, then the slow-turn typing indicator and notice;
 * - the per-IP rate limit of /api/messages in development (a 429 JSON error: a developer's
 *   script hammering the endpoint, not the Bot Connector, is the caller there).
 */
import type { Middleware, TurnContext } from 'botbuilder';
import type { Request } from 'restify';
import type { AppConfig } from '../config';
import type { Logger } from '../logger';
import type { Metrics } from '../metrics';
import { createIpRateLimiter, socketAddress, type IpRateLimiter } from '../http/httpUtils';
import { ConversationRateLimitMiddleware } from './conversationRateLimit';
import { SlowTurnMiddleware } from './slowTurn';

export { ConversationRateLimitMiddleware, RATE_LIMITED_TEXT, conversationKey } from './conversationRateLimit';
export { SlowTurnMiddleware, SLOW_TURN_TEXT } from './slowTurn';
export { normalizeActivity } from './normalizeActivity';
export { reuseConnectorClients } from './clientCache';

type HardeningConfig = Pick<AppConfig, 'BOT_ENV' | 'RATE_LIMIT_PER_CONVERSATION' | 'RATE_LIMIT_PER_IP' | 'TYPING_DELAY_MS' | 'SLOW_TURN_NOTICE_MS'>;

const conversationOf = (context: TurnContext) => context.activity.conversation?.id;

/**
 * The middleware to `adapter.use(...)`, in order.
 *
 * @example
 * for (const m of hardeningMiddleware(config, logger, metrics)) adapter.use(m);
 */
export function hardeningMiddleware(config: HardeningConfig, logger: Logger, metrics?: Metrics): Middleware[] {
  const middleware: Middleware[] = [];
  if (metrics) middleware.push(metrics.turnMiddleware());
  if (config.RATE_LIMIT_PER_CONVERSATION > 0) {
    middleware.push(
      new ConversationRateLimitMiddleware({
        points: config.RATE_LIMIT_PER_CONVERSATION,
        onLimited: (context) => {
          metrics?.rateLimited('conversation');
          logger.debug({ conversation: conversationOf(context) }, 'message over the per-conversation rate limit');
        },
        onNoticeError: (err) => logger.warn({ err }, 'could not send the rate-limit notice'),
      }),
    );
  }
  if (config.TYPING_DELAY_MS > 0 || config.SLOW_TURN_NOTICE_MS > 0) {
    middleware.push(
      new SlowTurnMiddleware({
        typingDelayMs: config.TYPING_DELAY_MS,
        noticeMs: config.SLOW_TURN_NOTICE_MS,
        onNotice: (context) => {
          metrics?.slowTurnNotice();
          logger.warn({ conversation: conversationOf(context), channel: context.activity.channelId }, 'slow turn: sent the "taking longer than usual" notice');
        },
        onSendError: (err, what) => logger.debug({ err, what }, 'slow turn: could not send'),
      }),
    );
  }
  return middleware;
}

/**
 * The per-IP limit of /api/messages: development only (in production every request comes from
 * the Bot Connector's shared addresses, and the per-conversation limit applies instead), and
 * off with RATE_LIMIT_PER_IP=0. Counts every request, whatever the activity type.
 *
 * @example
 * const ipLimit = messagesIpRateLimiter(config, metrics);
 * if (ipLimit && !(await ipLimit.allow(req, res))) return; // 429 sent
 */
export function messagesIpRateLimiter(config: HardeningConfig, metrics?: Metrics, clientIp: (req: Request) => string = socketAddress): IpRateLimiter | undefined {
  if (config.BOT_ENV !== 'development' || config.RATE_LIMIT_PER_IP === 0) return undefined;
  const limiter = createIpRateLimiter({ points: config.RATE_LIMIT_PER_IP, durationSeconds: 60 }, clientIp, 'api-messages-ip');
  return {
    async allow(req, res, cost, extraHeaders) {
      const allowed = await limiter.allow(req, res, cost, extraHeaders);
      if (!allowed) metrics?.rateLimited('ip');
      return allowed;
    },
  };
}

/**
 * A minimal Direct Line 3.0 service inside the bot's own restify server, so Web Chat works on
 * localhost with no Azure account (BOT_ENV=development only; production uses the real service
 * through the token endpoint).
 *
 * How an activity travels:
 *   Web Chat ──POST /v3/directline/conversations/:id/activities──▶ echo into the stream (same id
 *   the bot gets, original channelData.clientActivityID) ──▶ CloudAdapter.processActivityDirect
 *   ──▶ the same middleware, onTurnError and bot as /api/messages ──▶ the bot's replies go out
 *   through the adapter's ConnectorClient to `serviceUrl`, which points back at this server
 *   (…/callback/<key>/v3/conversations/:id/activities) ──▶ appended to the stream ──▶ Web Chat
 *   polls GET …/activities?watermark=.
 *
 * Why processActivityDirect with a serviceUrl back to us (and not `deliveryMode: expectReplies`
 * or a fake TurnContext): it is the adapter's own entry point for an activity that did not come
 * through `process(req, res)`; it authenticates like /api/messages (with no MicrosoftAppId the
 * adapter accepts anonymous requests and its ConnectorClient sends no token), runs the adapter's
 * middleware and onTurnError, and replies, updates and later proactive messages
 * (continueConversationAsync with the stored conversation reference) all travel the normal
 * Bot Connector path. The serviceUrl carries a random per-process key so only this process's bot
 * can post into conversations.
 *
 * channelId is `directline`, as in production (see ./channel.ts).
 */
import crypto from 'node:crypto';
import type { Request, Response, Server } from 'restify';
import type { Activity, CloudAdapter, TurnContext } from 'botbuilder';
import { checkClientActivity } from './activitySchema';
import { registerBotCallbackRoutes } from './botCallbackRoutes';
import { DIRECT_LINE_CHANNEL_ID, LOCAL_DIRECT_LINE_PATH } from './channel';
import { ConversationStore, type Conversation, type StreamActivity } from './conversationStore';
import {
  createIpRateLimiter,
  readJsonBody,
  sendJsonError,
  socketAddress,
  type ChannelLogger,
  type RateLimitOptions,
} from '../../http/httpUtils';
import { LocalTokenIssuer, bearerToken, type LocalTokenClaims } from './tokens';
import { systemClock } from '../../clock';

export { DIRECT_LINE_CHANNEL_ID, LOCAL_DIRECT_LINE_PATH };

export interface LocalDirectLineOptions {
  /** The adapter /api/messages uses; it must run without MicrosoftAppId (development). */
  adapter: Pick<CloudAdapter, 'processActivityDirect'>;
  /** The bot /api/messages runs. */
  bot: { run(context: TurnContext): Promise<void> };
  /** This server's base URL as the bot can reach it, e.g. `http://127.0.0.1:3978`; read per turn. */
  publicBaseUrl: () => string;
  logger: ChannelLogger;
  /** A conversation ends after this long without any request from either side. Default 30 min. */
  conversationTtlMs?: number;
  /** Live conversations kept; the least recently active is evicted beyond it. Default 500. */
  maxConversations?: number;
  /** Activities kept per conversation (oldest dropped). Default 200. */
  maxActivitiesPerConversation?: number;
  /** Bytes of activities kept per conversation (oldest dropped). Default 512 KiB. */
  maxBytesPerConversation?: number;
  /** Largest activity a client may post. Default 64 KiB. */
  maxClientActivityBytes?: number;
  /** Largest activity the bot may post (cards are bigger than messages). Default 256 KiB. */
  maxBotActivityBytes?: number;
  /** Token lifetime; Web Chat refreshes tokens every 15 minutes. Default 1800 s, like Direct Line. */
  tokenTtlSeconds?: number;
  /**
   * Per-IP budget for the client routes. A poll costs 1, a post 2, a new conversation 10.
   * Default 900 points per 60 s: a tab polling every 300 ms spends 200 a minute.
   */
  rateLimit?: RateLimitOptions;
  /** The caller's address for the rate limit. Default: the socket's address. */
  clientIp?: (req: Request) => string;
  /** Milliseconds since the epoch; injectable for tests. */
  clock?: () => number;
  /** The bot's account in activities. */
  botAccount?: { id: string; name: string };
  /** How often idle conversations are swept. Default 60 s. */
  sweepIntervalMs?: number;
  /**
   * Wraps every bot turn, e.g. `(work) => inFlight.track(work)` so a graceful shutdown waits for
   * local Direct Line turns as it does for /api/messages. Default: runs the turn as is.
   */
  trackTurn?: (work: () => Promise<void>) => Promise<void>;
}

/** A handle on the running local Direct Line. */
export interface LocalDirectLine {
  /** The serviceUrl the bot receives (includes the per-process callback key: do not log it). */
  serviceUrl(): string;
  /** Live conversations. */
  conversationCount(): number;
  /** Stops the idle sweep (the routes stay registered on the server). */
  close(): void;
}

const COST = { poll: 1, post: 2, create: 10, other: 1 } as const;
const USER_ID_PATTERN = /^[A-Za-z0-9_.:@-]{1,64}$/;

/**
 * Registers the local Direct Line 3.0 routes on a restify server.
 *
 * Client routes (Bearer token from POST /conversations; 401 without, 403 for another
 * conversation's or an expired one, 404 for an unknown conversation id):
 *   POST /v3/directline/conversations                      → 201 { conversationId, token, expires_in }
 *   GET  /v3/directline/conversations/:id                  → 200 { conversationId, token, expires_in } (reconnect)
 *   POST /v3/directline/conversations/:id/activities       → 200 { id }
 *   GET  /v3/directline/conversations/:id/activities?watermark= → 200 { activities, watermark }
 *   POST /v3/directline/tokens/refresh                     → 200 { conversationId, token, expires_in }
 * Bot routes (the adapter's ConnectorClient, via serviceUrl):
 *   POST/PUT/DELETE /v3/directline/callback/:key/v3/conversations/:id/activities[/:activityId]
 *
 * @example
 * const localDirectLine = registerLocalDirectLine(server, {
 *   adapter, bot, logger, publicBaseUrl: () => `http://127.0.0.1:${port}`,
 * });
 * // Web Chat: WebChat.createDirectLine({ token, domain: `${location.origin}/v3/directline`, webSocket: false })
 * server.on('close', () => localDirectLine.close());
 */
export function registerLocalDirectLine(server: Server, options: LocalDirectLineOptions): LocalDirectLine {
  const clock = options.clock ?? (() => systemClock().getTime());
  const logger = options.logger;
  const tokenTtlSeconds = options.tokenTtlSeconds ?? 1800;
  const maxClientActivityBytes = options.maxClientActivityBytes ?? 64 * 1024;
  const maxBotActivityBytes = options.maxBotActivityBytes ?? 256 * 1024;
  const botAccount = { ...(options.botAccount ?? { id: 'cbp-ecommerce-assistant', name: 'CBP E-Commerce Assistant' }), role: 'bot' };
  const store = new ConversationStore({
    ttlMs: options.conversationTtlMs ?? 30 * 60 * 1000,
    maxConversations: options.maxConversations ?? 500,
    maxActivitiesPerConversation: options.maxActivitiesPerConversation ?? 200,
    maxBytesPerConversation: options.maxBytesPerConversation ?? 512 * 1024,
    clock,
  });
  const tokens = new LocalTokenIssuer(crypto.randomBytes(32), clock);
  const limiter = createIpRateLimiter(options.rateLimit ?? { points: 900, durationSeconds: 60 }, options.clientIp ?? socketAddress, 'local-directline');
  const callbackKey = crypto.randomBytes(18).toString('base64url');
  const serviceUrl = (): string => `${options.publicBaseUrl().replace(/\/+$/, '')}${LOCAL_DIRECT_LINE_PATH}/callback/${callbackKey}`;
  let warnedAboutAuth = false;

  const sweep = setInterval(() => {
    const ended = store.sweep();
    if (ended > 0) logger.debug({ ended, live: store.size }, 'local Direct Line: idle conversations ended');
  }, options.sweepIntervalMs ?? 60_000);
  sweep.unref();

  function conversationResponse(conversation: Conversation): { conversationId: string; token: string; expires_in: number } {
    return { conversationId: conversation.id, token: tokens.issue(conversation.id, conversation.userId, tokenTtlSeconds), expires_in: tokenTtlSeconds };
  }

  /** Checks the Bearer token; sends 401 and returns undefined when there is none or it is forged. */
  function readToken(req: Request, res: Response): LocalTokenClaims | undefined {
    const token = bearerToken(req.headers.authorization);
    if (!token) {
      sendJsonError(res, 401, 'unauthorized', 'an "Authorization: Bearer <token>" header is required');
      return undefined;
    }
    const check = tokens.verify(token);
    if (!check.ok) {
      sendJsonError(res, 401, 'unauthorized', 'the token is not valid');
      return undefined;
    }
    return check.claims;
  }

  /** The conversation a valid token opens, or undefined after sending 403/404. */
  function openConversation(res: Response, conversationId: string, claims: LocalTokenClaims): Conversation | undefined {
    const found = store.lookup(conversationId);
    if (found.status === 'unknown') {
      sendJsonError(res, 404, 'not_found', 'unknown conversation');
      return undefined;
    }
    if (found.status === 'ended') {
      sendJsonError(res, 403, 'conversation_expired', 'the conversation has expired; start a new one');
      return undefined;
    }
    if (claims.conv !== conversationId) {
      sendJsonError(res, 403, 'forbidden', 'the token is not valid for this conversation');
      return undefined;
    }
    if (tokens.isExpired(claims)) {
      sendJsonError(res, 403, 'token_expired', 'the token has expired');
      return undefined;
    }
    store.touch(found.conversation);
    return found.conversation;
  }

  function authorize(req: Request, res: Response, conversationId: string): Conversation | undefined {
    const claims = readToken(req, res);
    return claims ? openConversation(res, conversationId, claims) : undefined;
  }

  /** The activity as the bot receives it: like /api/messages after validateAndFixActivity. */
  function forBot(activity: StreamActivity): Activity {
    const copy = structuredClone(activity) as Record<string, unknown>;
    copy.serviceUrl = serviceUrl();
    for (const [field, raw] of [['timestamp', 'rawTimestamp'], ['localTimestamp', 'rawLocalTimestamp']] as const) {
      if (typeof copy[field] === 'string') {
        copy[raw] = copy[field];
        copy[field] = new Date(copy[field] as string);
      }
    }
    return copy as unknown as Activity;
  }

  /** Runs a turn after the conversation's previous turns (dialog state is per conversation). */
  function runTurn(conversation: Conversation, activity: StreamActivity): Promise<void> {
    const runBot = (): Promise<void> => options.adapter.processActivityDirect('', forBot(activity), (context) => options.bot.run(context));
    const turn = conversation.turnQueue.then(() => (options.trackTurn ? options.trackTurn(runBot) : runBot()));
    conversation.turnQueue = turn.catch(() => undefined);
    return turn.catch((err: unknown) => {
      const message = err instanceof Error ? err.message : String(err);
      if (!warnedAboutAuth && /Unauthorized|AuthenticationError|authoriz/i.test(message)) {
        warnedAboutAuth = true;
        logger.error('local Direct Line: the adapter refused an unauthenticated activity. The local Direct Line needs an adapter without MicrosoftAppId (BOT_ENV=development).');
      }
      throw err;
    });
  }

  function safeRoute(name: string, handler: (req: Request, res: Response) => Promise<void>) {
    return async (req: Request, res: Response): Promise<void> => {
      try {
        await handler(req, res);
      } catch (err) {
        logger.error({ err, route: name }, 'local Direct Line: request failed');
        sendJsonError(res, 500, 'internal_error', 'internal error');
      }
    };
  }

  const base = LOCAL_DIRECT_LINE_PATH;

  // Start a conversation (no token: a new one, like tokens/generate + start), or open the one
  // a token is bound to (what DirectLineJS does with the token the page fetched).
  server.post(`${base}/conversations`, safeRoute('start', async (req, res) => {
    if (!(await limiter.allow(req, res, COST.create))) return;
    if (bearerToken(req.headers.authorization)) {
      const claims = readToken(req, res);
      if (!claims) return;
      const conversation = openConversation(res, claims.conv, claims);
      if (!conversation) return;
      res.setHeader('Cache-Control', 'no-store');
      res.status(200);
      res.json(conversationResponse(conversation));
      return;
    }
    // Anonymous starts must be JSON so a cross-site form or "simple" fetch cannot start them.
    if (!/^application\/json\b/i.test(String(req.headers['content-type'] ?? ''))) {
      sendJsonError(res, 415, 'unsupported_media_type', 'send "Content-Type: application/json"');
      return;
    }
    const body = await readJsonBody(req, 4 * 1024);
    if (!body.ok) {
      sendJsonError(res, body.status, body.status === 413 ? 'payload_too_large' : 'bad_request', body.message);
      return;
    }
    const request = (body.value ?? {}) as { user?: { id?: unknown }; locale?: unknown };
    if (typeof request !== 'object' || Array.isArray(request)) {
      sendJsonError(res, 400, 'bad_request', 'the body must be a JSON object');
      return;
    }
    const requestedUser = request.user?.id;
    if (requestedUser !== undefined && requestedUser !== null && (typeof requestedUser !== 'string' || !USER_ID_PATTERN.test(requestedUser))) {
      sendJsonError(res, 400, 'bad_request', 'user.id must be 1-64 letters, digits or _.:@-');
      return;
    }
    const userId = typeof requestedUser === 'string' ? requestedUser : `dl_${crypto.randomBytes(12).toString('base64url')}`;
    const conversation = store.create(userId);
    logger.debug({ conversation: conversation.id, live: store.size }, 'local Direct Line: conversation started');
    res.setHeader('Cache-Control', 'no-store');
    res.status(201);
    res.json(conversationResponse(conversation));

    // The conversationUpdate also goes into the client's stream: a bot that replies to it would
    // otherwise make Web Chat hold that reply ~5 s waiting for the activity it answers.
    const user = { id: userId, role: 'user' };
    const update = store.append(conversation, {
      type: 'conversationUpdate',
      channelId: DIRECT_LINE_CHANNEL_ID,
      conversation: { id: conversation.id },
      from: user,
      recipient: botAccount,
      membersAdded: [{ id: botAccount.id, name: botAccount.name }, { id: userId }],
      ...(typeof request.locale === 'string' && request.locale.length <= 64 ? { locale: request.locale } : {}),
    });
    runTurn(conversation, update).catch((err: unknown) =>
      logger.error({ err, conversation: conversation.id }, 'local Direct Line: the bot failed on conversationUpdate'),
    );
  }));

  server.get(`${base}/conversations/:conversationId`, safeRoute('reconnect', async (req, res) => {
    if (!(await limiter.allow(req, res, COST.other))) return;
    const conversation = authorize(req, res, req.params.conversationId as string);
    if (!conversation) return;
    res.setHeader('Cache-Control', 'no-store');
    res.json(conversationResponse(conversation));
  }));

  server.post(`${base}/tokens/refresh`, safeRoute('refresh', async (req, res) => {
    if (!(await limiter.allow(req, res, COST.other))) return;
    const claims = readToken(req, res);
    if (!claims) return;
    const conversation = openConversation(res, claims.conv, claims);
    if (!conversation) return;
    res.setHeader('Cache-Control', 'no-store');
    res.json(conversationResponse(conversation));
  }));

  server.get(`${base}/conversations/:conversationId/activities`, safeRoute('poll', async (req, res) => {
    if (!(await limiter.allow(req, res, COST.poll))) return;
    const conversation = authorize(req, res, req.params.conversationId as string);
    if (!conversation) return;
    const raw = new URL(req.url ?? '/', 'http://local').searchParams.get('watermark');
    if (raw !== null && raw !== '' && !/^\d{1,15}$/.test(raw)) {
      sendJsonError(res, 400, 'bad_request', 'watermark must be a number from an earlier response');
      return;
    }
    const page = store.activitiesAfter(conversation, raw ? Number(raw) : undefined);
    res.setHeader('Cache-Control', 'no-store');
    res.json(page);
  }));

  server.post(`${base}/conversations/:conversationId/activities`, safeRoute('post', async (req, res) => {
    if (!(await limiter.allow(req, res, COST.post))) return;
    const conversation = authorize(req, res, req.params.conversationId as string);
    if (!conversation) return;
    const body = await readJsonBody(req, maxClientActivityBytes);
    if (!body.ok) {
      sendJsonError(res, body.status, body.status === 413 ? 'payload_too_large' : 'bad_request', body.message);
      return;
    }
    const check = checkClientActivity(body.value);
    if (!check.ok) {
      sendJsonError(res, 400, 'bad_request', check.problem);
      return;
    }
    const { from, ...fields } = check.activity;
    // The echo: Web Chat marks the message "sent" when an activity with its clientActivityID
    // comes back in the stream, and releases the bot's reply once it has seen the id the reply
    // answers — so the echo carries exactly the id the bot receives.
    const echo = store.append(conversation, {
      ...fields,
      channelId: DIRECT_LINE_CHANNEL_ID,
      conversation: { id: conversation.id },
      from: { id: conversation.userId, ...(from?.name ? { name: from.name } : {}), role: 'user' },
      recipient: botAccount,
    });
    try {
      await runTurn(conversation, echo);
    } catch (err) {
      logger.error({ err, conversation: conversation.id }, 'local Direct Line: the bot failed to process an activity');
      sendJsonError(res, 502, 'bot_error', 'the bot could not process the activity');
      return;
    }
    res.setHeader('Cache-Control', 'no-store');
    res.json({ id: echo.id });
  }));

  // The bot's side: its ConnectorClient posts replies, updates and proactive messages here.
  registerBotCallbackRoutes(server, {
    path: `${base}/callback/:callbackKey/v3/conversations/:conversationId/activities`,
    callbackKey,
    store,
    maxBotActivityBytes,
    botAccount,
    safeRoute,
  });

  return {
    serviceUrl,
    conversationCount: () => store.size,
    close: () => clearInterval(sweep),
  };
}

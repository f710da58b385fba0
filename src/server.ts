/**
 * The HTTP face of the bot (restify 12): `POST /api/messages` through the Bot Framework
 * CloudAdapter, `GET /healthz`, `GET /readyz`. Bad requests get a short JSON error — 400 for a
 * body that is not an activity, 413 for one over the size limit — never a 500 or a stack trace.
 */
import {
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  ConfigurationServiceClientCredentialFactory,
  TurnContext,
} from 'botbuilder';
import restify from 'restify';
import type { BotCore } from './app';
import type { AppConfig } from './config';
import type { Logger } from './logger';
import { sendReply } from './channels/render';
import { catalog, fill } from './messages';
import { ReplySender, sendRepliesThrough } from './channels/replySender';
import { registerLocalDirectLine, LocalDirectLine } from './channels/directline';
import { registerTokenEndpoint } from './channels/tokenEndpoint';
import { registerWebPage } from './channels/webPage';
import { isStateConflict } from './storage';
import { displayPathsIn } from './staff/kb';
// Hardening and metrics (src/hardening, src/metrics.ts).
import { hardeningMiddleware, messagesIpRateLimiter, normalizeActivity, reuseConnectorClients } from './hardening';
import { registerMetricsRoute, type Metrics } from './metrics';
import { sendJsonError } from './http/httpUtils';

/** What the bot's replies say they come from (botbuilder's own prefix, then the bot). */
const REPLY_USER_AGENT = 'Microsoft-BotFramework/3.1 cbp-ecommerce-assistant';

/**
 * The Bot Framework adapter. With no MicrosoftAppId it runs in local mode without
 * authentication (Emulator, Web Chat on localhost, tests); with one, every request must carry
 * a valid Bot Connector token.
 */
export function createAdapter(config: AppConfig, logger: Logger, core: Pick<BotCore, 'conversationState'>, metrics?: Metrics): CloudAdapter {
  const settings = {
    MicrosoftAppId: config.MicrosoftAppId ?? '',
    MicrosoftAppPassword: config.MicrosoftAppPassword ?? '',
    MicrosoftAppType: config.MicrosoftAppType,
    MicrosoftAppTenantId: config.MicrosoftAppTenantId ?? '',
  };
  const auth = new ConfigurationBotFrameworkAuthentication(settings, new ConfigurationServiceClientCredentialFactory(settings));
  reuseConnectorClients(auth); // performance: one connector client per service URL, not per turn (src/hardening/clientCache.ts)
  // Performance (issue 15): replies over keep-alive connections with the client's own credentials, not the Azure pipeline.
  sendRepliesThrough(auth, new ReplySender({ userAgent: REPLY_USER_AGENT }));
  const adapter = new CloudAdapter(auth);
  // Hardening: metrics timing, per-conversation rate limit, slow-turn typing and notice.
  for (const middleware of hardeningMiddleware(config, logger, metrics)) adapter.use(middleware);
  adapter.onTurnError = async (context: TurnContext, error: Error) => {
    metrics?.turnFailed(isStateConflict(error) ? 'state_conflict' : 'error');
    if (isStateConflict(error)) {
      // Two turns of one conversation at once (a double click, two instances): the other turn's
      // state is newer and valid, so keep it and ask for the message again.
      logger.warn({ conversation: context.activity.conversation?.id }, 'concurrent turns in one conversation; this one was not saved');
      if (context.activity.type === 'message') {
        await context.sendActivity(catalog().welcome.twoMessagesAtOnce).catch(() => undefined);
      }
      return;
    }
    logger.error({ err: error, conversation: context.activity.conversation?.id, channel: context.activity.channelId }, 'turn failed');
    try {
      await sendReply(context, { kind: 'info', markdown: fill(catalog().welcome.turnFailed, { inbox: config.ECOMMERCE_INBOX }) });
    } catch (sendError) {
      logger.warn({ err: sendError }, 'could not tell the user about the failed turn');
    }
    // A broken dialog stack would fail every later turn the same way: start the conversation afresh.
    await core.conversationState.delete(context).catch((err: unknown) => logger.warn({ err }, 'could not clear conversation state'));
  };
  return adapter;
}

/** Why a request body is not an activity, or undefined when it is one. */
export function activityProblem(body: unknown): string | undefined {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) return 'the body must be a JSON object (a Bot Framework activity)';
  const a = body as Record<string, unknown>;
  if (typeof a.type !== 'string' || a.type.length === 0) return 'the activity has no "type"';
  if (typeof a.channelId !== 'string' || a.channelId.length === 0) return 'the activity has no "channelId"';
  if (typeof a.serviceUrl !== 'string' || a.serviceUrl.length === 0) return 'the activity has no "serviceUrl"';
  if (!isHttpUrl(a.serviceUrl)) return 'the activity "serviceUrl" must be an http(s) URL'; // hardening: found by the fuzz test
  const conversation = a.conversation as Record<string, unknown> | undefined;
  if (!conversation || typeof conversation !== 'object' || typeof conversation.id !== 'string' || conversation.id.length === 0) {
    return 'the activity has no "conversation.id"';
  }
  // Hardening (fuzz): "." or ".." in the reply URL's path is resolved away, so replies would go elsewhere.
  if (/^\.+$/.test(conversation.id)) return 'the activity "conversation.id" is not a valid id';
  if (a.text !== undefined && a.text !== null && typeof a.text !== 'string') return 'the activity "text" must be a string';
  if (a.from !== undefined && a.from !== null && typeof a.from !== 'object') return 'the activity "from" must be an object';
  return undefined;
}

/**
 * Security (issue 13): may the bot reply to this serviceUrl? In production the Bot Connector
 * token vouches for it. In development nothing is authenticated, so only loopback (the Emulator,
 * the local Direct Line, tests) or an origin listed in ALLOWED_SERVICE_URLS (`*` = any) —
 * otherwise any caller could make the bot POST to any address.
 *
 * @example
 * serviceUrlAllowed('http://localhost:3979/', 'development', []); // true
 * serviceUrlAllowed('https://attacker.example/', 'development', []); // false
 */
export function serviceUrlAllowed(serviceUrl: string, botEnv: AppConfig['BOT_ENV'], allowed: readonly string[]): boolean {
  if (botEnv !== 'development' || allowed.includes('*')) return true;
  let parsed: URL;
  try {
    parsed = new URL(serviceUrl);
  } catch {
    return false;
  }
  const host = parsed.hostname.toLowerCase().replace(/^\[|\]$/g, '');
  if (host === 'localhost' || host.endsWith('.localhost') || host === '::1' || /^127(\.\d{1,3}){3}$/.test(host)) return true;
  return allowed.some((origin) => origin.replace(/\/+$/, '').toLowerCase() === parsed.origin.toLowerCase());
}

/** `value` with every absolute path in its strings shown relative to the working directory. */
function withDisplayPaths(value: unknown): unknown {
  if (typeof value === 'string') return displayPathsIn(value);
  if (Array.isArray(value)) return value.map(withDisplayPaths);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, withDisplayPaths(v)]));
  return value;
}

function safeHost(text: string): string {
  try {
    return new URL(text).host.slice(0, 200);
  } catch {
    return '';
  }
}

function isHttpUrl(text: string): boolean {
  try {
    const { protocol } = new URL(text);
    return protocol === 'https:' || protocol === 'http:';
  } catch {
    return false;
  }
}

/** Counts turns in progress so a shutdown can wait for them. */
export class InFlight {
  private count = 0;
  private waiters: Array<() => void> = [];

  get size(): number {
    return this.count;
  }

  async track<T>(work: () => Promise<T>): Promise<T> {
    this.count++;
    try {
      return await work();
    } finally {
      this.count--;
      if (this.count === 0) this.waiters.splice(0).forEach((resolve) => resolve());
    }
  }

  /** Resolves when no turn is in progress, or after `timeoutMs`. */
  idle(timeoutMs: number): Promise<void> {
    if (this.count === 0) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, timeoutMs);
      this.waiters.push(() => {
        clearTimeout(timer);
        resolve();
      });
    });
  }
}

export interface ServerDeps {
  config: AppConfig;
  logger: Logger;
  adapter: CloudAdapter;
  core: BotCore;
  inFlight: InFlight;
  /** Prometheus metrics; `GET /metrics` is registered only when given (METRICS_ENABLED). */
  metrics?: Metrics;
  /** Readiness details (src/readiness.ts); `ready: false` makes /readyz answer 503. */
  readiness: () => { ready: boolean; [detail: string]: unknown } | Promise<{ ready: boolean; [detail: string]: unknown }>;
}

/**
 * Security (issue 13): CloudAdapter answers a failed request itself, with the upstream error's
 * text as the body ("request to https://login.botframework.com/… failed, reason: getaddrinfo …").
 * This stand-in passes success through untouched and hands any status of 400 or more to
 * `onFailure` instead, so the caller answers without internals.
 */
export function adapterResponse(res: restify.Response, onFailure: (status: number, detail: string) => void) {
  let status = 200;
  let failed = false;
  const fail = (body?: unknown) => {
    if (failed) return;
    failed = true;
    onFailure(status, typeof body === 'string' ? body : body instanceof Error ? body.message : '');
  };
  return {
    header: (...args: Parameters<restify.Response['header']>) => res.header(...args),
    status(code: number) {
      status = code;
      if (code < 400) res.status(code);
      return code;
    },
    send(body?: unknown) {
      if (status >= 400) fail(body);
      else res.send(body);
    },
    end() {
      if (status >= 400) fail();
      else res.end();
    },
  };
}

/** Network failures reaching the token keys (OpenID metadata) endpoint: try again later, not the caller's fault. */
const UNREACHABLE = /ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ETIMEDOUT|socket hang up|network|request to \S+ failed|fetch failed|timeout/i;

function answerAdapterFailure(res: restify.Response, logger: Logger, status: number, detail: string): void {
  const reason = detail.slice(0, 300);
  if (status === 401 || status === 403) {
    logger.warn({ status, reason }, 'Bot Connector token refused');
    sendJsonError(res, 401, 'unauthorized', 'the Bot Connector token could not be validated');
  } else if (status >= 500 && UNREACHABLE.test(detail)) {
    logger.error({ status, reason }, 'could not validate the Bot Connector token: the key endpoint is unreachable');
    res.header('Retry-After', '30');
    sendJsonError(res, 503, 'service_unavailable', 'the request could not be authenticated right now; try again later');
  } else if (status < 500) {
    logger.warn({ status, reason }, 'request refused by the adapter');
    sendJsonError(res, status, 'bad_request', 'the request could not be processed');
  } else {
    logger.error({ status, reason }, 'request failed in the adapter');
    sendJsonError(res, 500, 'internal_error', 'internal error');
  }
}

export interface BotServer {
  server: restify.Server;
  /** The local Direct Line (development only); closed on shutdown. */
  directLine?: LocalDirectLine;
}

/**
 * Builds the restify server with the bot's routes (not yet listening): the Bot Framework
 * endpoint, health checks, the web page with Web Chat, and how the page connects — the
 * bot's own local Direct Line in development, the Direct Line token endpoint in production.
 *
 * @example
 * const { server } = createServer(deps);
 * server.listen(3978);
 */
export function createServer(deps: ServerDeps): BotServer {
  const { config, logger, adapter, core, inFlight } = deps;
  const server = restify.createServer({ name: 'cbp-ecommerce-assistant', handleUncaughtExceptions: false });

  // restify's own errors (bad JSON, body too large, unknown route) as short JSON, never a stack.
  server.on('restifyError', (_req: restify.Request, _res: restify.Response, err: Error & { statusCode?: number; body?: unknown }, callback: () => void) => {
    const status = err.statusCode ?? 500;
    const error = status === 413 ? 'payload_too_large' : status === 404 ? 'not_found' : status === 405 ? 'method_not_allowed' : status < 500 ? 'bad_request' : 'internal_error';
    const message = status === 413
      ? `the request body is larger than ${config.MAX_BODY_BYTES} bytes`
      : status === 400 ? 'the request body is not valid JSON'
      : status < 500 ? err.message : 'internal error';
    (err as { toJSON?: () => unknown }).toJSON = () => ({ error, message });
    return callback();
  });

  // jsonBodyParser hands its options to bodyReader, which enforces maxBodySize (413); the
  // type definitions just do not list it.
  const jsonBody = restify.plugins.jsonBodyParser({ maxBodySize: config.MAX_BODY_BYTES, mapParams: false } as restify.plugins.JsonBodyParserOptions);

  // Hardening: /metrics (and 4xx counts by route); the per-IP limit of /api/messages (development only).
  if (deps.metrics) registerMetricsRoute(server, deps.metrics, { token: config.METRICS_TOKEN });
  const ipLimit = messagesIpRateLimiter(config, deps.metrics);

  server.post('/api/messages', ...jsonBody, async (req: restify.Request, res: restify.Response) => {
    if (ipLimit && !(await ipLimit.allow(req, res))) return; // 429 JSON sent
    // Hardening: with auth on, a request without a bearer token is refused here — CloudAdapter
    // would refuse it too, but prints a stack trace to stderr for each one (a log flood).
    if (config.MicrosoftAppId && !/^Bearer\s+\S/i.test(req.headers.authorization ?? '')) {
      sendJsonError(res, 401, 'unauthorized', 'a Bot Connector token is required');
      return;
    }
    const problem = activityProblem(req.body);
    if (problem) {
      sendJsonError(res, 400, 'bad_request', problem);
      return;
    }
    const serviceUrl = (req.body as { serviceUrl: string }).serviceUrl;
    if (!serviceUrlAllowed(serviceUrl, config.BOT_ENV, config.ALLOWED_SERVICE_URLS)) {
      logger.warn({ serviceUrlHost: safeHost(serviceUrl), ip: req.socket?.remoteAddress }, 'activity refused: its serviceUrl is not loopback nor in ALLOWED_SERVICE_URLS (development)');
      sendJsonError(res, 403, 'forbidden', 'in development the bot replies only to a serviceUrl on this machine (set ALLOWED_SERVICE_URLS to allow others)');
      return;
    }
    // Hardening: wrong-typed optional fields are dropped, or no reply could be sent (src/hardening/normalizeActivity.ts).
    const dropped = normalizeActivity(req.body as Record<string, unknown>);
    if (dropped.length > 0) logger.debug({ dropped }, 'activity fields of the wrong type ignored');
    try {
      const guarded = adapterResponse(res, (status, detail) => answerAdapterFailure(res, logger, status, detail));
      await inFlight.track(() => adapter.process(req, guarded as unknown as restify.Response, (context) => core.bot.run(context)));
    } catch (err) {
      logger.error({ err }, 'request failed');
      if (!res.headersSent) sendJsonError(res, 500, 'internal_error', 'internal error');
    }
  });

  server.get('/healthz', (_req: restify.Request, res: restify.Response, next: restify.Next) => {
    res.json({ status: 'ok' });
    return next();
  });
  // Security (issue 13): load balancers and uptime checks probe with HEAD; 200 and no body, not 405.
  for (const route of ['/', '/healthz']) {
    server.head(route, (_req: restify.Request, res: restify.Response, next: restify.Next) => {
      res.writeHead(200, { 'content-type': route === '/' ? 'text/html; charset=utf-8' : 'application/json' });
      res.end();
      return next();
    });
  }

  server.get('/readyz', async (_req: restify.Request, res: restify.Response) => {
    const { ready, ...details } = await deps.readiness();
    res.status(ready ? 200 : 503);
    // Security (issue 13): paths relative to the working directory, not the machine's layout.
    res.json({ status: ready ? 'ready' : 'not ready', ...(withDisplayPaths(details) as object) });
  });

  const development = config.BOT_ENV === 'development';
  registerWebPage(server, { mode: development ? 'local-directline' : 'token', directLineBaseUrl: config.DIRECT_LINE_BASE_URL, logger });
  if (!development) {
    registerTokenEndpoint(server, {
      secret: config.DIRECT_LINE_SECRET,
      directLineBaseUrl: config.DIRECT_LINE_BASE_URL,
      allowedOrigins: config.WEBCHAT_ALLOWED_ORIGINS,
      logger,
    });
    return { server };
  }
  const directLine = registerLocalDirectLine(server, {
    adapter,
    bot: core.bot,
    logger,
    // The bot's replies come back to this same server, on loopback.
    publicBaseUrl: () => `http://127.0.0.1:${(server.address() as { port: number }).port}`,
    trackTurn: (work) => inFlight.track(work),
  });
  return { server, directLine };
}

/**
 * `POST /api/directline/token` for production: exchanges the Direct Line secret for a
 * short-lived token bound to a fresh `dl_…` user id, so the secret never reaches a browser.
 * Only the configured page origins may call it (CORS), and each IP has a small budget.
 *
 * The secret is used in exactly one place — the Authorization header of the upstream request —
 * and never in a response, an error or a log line.
 */
import crypto from 'node:crypto';
import type { Request, Response, Server } from 'restify';
import {
  createIpRateLimiter,
  sendJsonError,
  socketAddress,
  type ChannelLogger,
  type RateLimitOptions,
} from '../http/httpUtils';

/** The public Direct Line service. */
export const DEFAULT_DIRECT_LINE_BASE_URL = 'https://directline.botframework.com';

/** Where the page asks for a token. */
export const TOKEN_ENDPOINT_PATH = '/api/directline/token';

export interface TokenEndpointOptions {
  /** DIRECT_LINE_SECRET. Without it the endpoint answers 503. */
  secret?: string;
  /** Default https://directline.botframework.com (a regional one, or a stand-in for tests). */
  directLineBaseUrl?: string;
  /** WEBCHAT_ALLOWED_ORIGINS: the page origins that may ask for tokens, e.g. https://www.cbp.gov. */
  allowedOrigins: string[];
  /** Refuse requests without an Origin header (browsers always send one on POST). Default true. */
  requireOrigin?: boolean;
  /** Per-IP budget. Default 10 tokens per 60 s. */
  rateLimit?: RateLimitOptions;
  logger: ChannelLogger;
  /** Default: global fetch. */
  fetchImpl?: typeof fetch;
  /** The caller's address for the rate limit. Default: the socket's address. */
  clientIp?: (req: Request) => string;
  /** Upstream timeout. Default 10 s. */
  timeoutMs?: number;
}

/** What the page receives; nothing else. */
export interface TokenResponse {
  token: string;
  expires_in: number;
  userId: string;
}

/**
 * Normalizes configured origins (`https://Example.gov/` → `https://example.gov`); throws on an
 * entry that is not an http(s) origin, so a typo fails at startup rather than locking the page out.
 *
 * @example
 * normalizeOrigins(['https://www.cbp.gov/', 'http://localhost:3978']); // ['https://www.cbp.gov', 'http://localhost:3978']
 */
export function normalizeOrigins(origins: string[]): string[] {
  return origins
    .map((entry) => entry.trim())
    .filter((entry) => entry.length > 0)
    .map((entry) => {
      let url: URL;
      try {
        url = new URL(entry);
      } catch {
        throw new Error(`WEBCHAT_ALLOWED_ORIGINS: "${entry}" is not an origin like https://www.cbp.gov`);
      }
      if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Error(`WEBCHAT_ALLOWED_ORIGINS: "${entry}" must be http(s)`);
      return url.origin;
    });
}

/**
 * Registers `POST` and `OPTIONS /api/directline/token`.
 *
 * @example
 * registerTokenEndpoint(server, {
 *   secret: config.DIRECT_LINE_SECRET,
 *   directLineBaseUrl: config.DIRECT_LINE_BASE_URL,
 *   allowedOrigins: config.WEBCHAT_ALLOWED_ORIGINS,
 *   logger,
 * });
 * // browser: fetch('https://bot.example.gov/api/directline/token', { method: 'POST' }) → { token, expires_in, userId }
 */
export function registerTokenEndpoint(server: Server, options: TokenEndpointOptions): void {
  const allowed = new Set(normalizeOrigins(options.allowedOrigins));
  const requireOrigin = options.requireOrigin ?? true;
  const generateUrl = `${(options.directLineBaseUrl ?? DEFAULT_DIRECT_LINE_BASE_URL).replace(/\/+$/, '')}/v3/directline/tokens/generate`;
  const fetchImpl = options.fetchImpl ?? fetch;
  const timeoutMs = options.timeoutMs ?? 10_000;
  const limiter = createIpRateLimiter(options.rateLimit ?? { points: 10, durationSeconds: 60 }, options.clientIp ?? socketAddress, 'directline-token');
  const logger = options.logger;
  if (!options.secret) logger.warn('Direct Line token endpoint: DIRECT_LINE_SECRET is not set; token requests will get 503');
  if (allowed.size === 0) logger.warn('Direct Line token endpoint: WEBCHAT_ALLOWED_ORIGINS is empty; every browser request will get 403');

  /** CORS headers for an allowed origin; undefined (after a 403) for any other. */
  function checkOrigin(req: Request, res: Response): Record<string, string> | undefined {
    const origin = req.headers.origin;
    if (origin === undefined) {
      if (!requireOrigin) return {};
      sendJsonError(res, 403, 'origin_not_allowed', 'this endpoint only serves the chat on an allowed web page');
      return undefined;
    }
    if (!allowed.has(origin)) {
      // No CORS headers: the browser will not even show the page's script this answer.
      sendJsonError(res, 403, 'origin_not_allowed', 'this endpoint only serves the chat on an allowed web page', { Vary: 'Origin' });
      return undefined;
    }
    return { 'Access-Control-Allow-Origin': origin, Vary: 'Origin' };
  }

  server.opts(TOKEN_ENDPOINT_PATH, (req: Request, res: Response, next: (err?: unknown) => void) => {
    const cors = checkOrigin(req, res);
    if (cors) {
      for (const [name, value] of Object.entries(cors)) res.setHeader(name, value);
      res.setHeader('Access-Control-Allow-Methods', 'POST, OPTIONS');
      res.setHeader('Access-Control-Allow-Headers', 'Content-Type');
      res.setHeader('Access-Control-Max-Age', '600');
      res.send(204);
    }
    next();
  });

  server.post(TOKEN_ENDPOINT_PATH, async (req: Request, res: Response) => {
    const cors = checkOrigin(req, res);
    if (!cors) return;
    // The body (if any) is ignored: the client does not choose its user id.
    req.resume();
    if (!(await limiter.allow(req, res, 1, cors))) return;
    if (!options.secret) {
      sendJsonError(res, 503, 'not_configured', 'the chat is not available right now', cors);
      return;
    }
    const userId = `dl_${crypto.randomBytes(12).toString('base64url')}`;
    let upstream: globalThis.Response;
    try {
      upstream = await fetchImpl(generateUrl, {
        method: 'POST',
        headers: { Authorization: `Bearer ${options.secret}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ user: { id: userId } }),
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (err) {
      // Only the error's name: a message could quote request details.
      logger.error({ upstreamError: err instanceof Error ? err.name : 'unknown' }, 'Direct Line token exchange failed (network)');
      sendJsonError(res, 502, 'upstream_error', 'could not get a chat token; please try again later', cors);
      return;
    }
    if (!upstream.ok) {
      await upstream.body?.cancel().catch(() => undefined);
      logger.error({ upstreamStatus: upstream.status }, 'Direct Line token exchange failed');
      sendJsonError(res, 502, 'upstream_error', 'could not get a chat token; please try again later', cors);
      return;
    }
    let body: { token?: unknown; expires_in?: unknown };
    try {
      body = (await upstream.json()) as typeof body;
    } catch {
      body = {};
    }
    if (typeof body.token !== 'string' || body.token.length === 0) {
      logger.error({ upstreamStatus: upstream.status }, 'Direct Line token exchange returned no token');
      sendJsonError(res, 502, 'upstream_error', 'could not get a chat token; please try again later', cors);
      return;
    }
    const response: TokenResponse = {
      token: body.token,
      expires_in: typeof body.expires_in === 'number' ? body.expires_in : 1800,
      userId,
    };
    for (const [name, value] of Object.entries(cors)) res.setHeader(name, value);
    res.setHeader('Cache-Control', 'no-store');
    res.status(200);
    res.json(response);
  });
}

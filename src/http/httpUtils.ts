/**
 * Small HTTP helpers shared by the server's routes (local Direct Line, token endpoint, web page,
 * the hardening of /api/messages): short JSON errors, a bounded JSON body reader that works with
 * or without restify's body parser, the client address, and a per-IP rate limit. A neutral
 * module: it imports no project code, so channels and hardening share it without depending on
 * each other.
 */
import type { Request, Response } from 'restify';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import type { Logger } from 'pino';

/** The logger methods these modules use; a pino logger fits. */
export type ChannelLogger = Pick<Logger, 'debug' | 'info' | 'warn' | 'error'>;

/**
 * Sends a short JSON error in the shape the rest of the server uses: `{ error, message }`.
 * Never includes a stack trace or upstream details.
 *
 * @example
 * sendJsonError(res, 404, 'not_found', 'unknown conversation');
 */
export function sendJsonError(res: Response, status: number, error: string, message: string, headers: Record<string, string> = {}): void {
  if (res.headersSent) return;
  for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
  res.setHeader('Cache-Control', 'no-store');
  res.status(status);
  res.json({ error, message });
}

export type JsonBodyResult = { ok: true; value: unknown } | { ok: false; status: 400 | 413; message: string };

/**
 * Reads a JSON request body of at most `maxBytes`. Uses `req.body` when a restify body parser
 * already ran (the lead may add one per route or globally), otherwise reads the stream itself.
 * An empty body reads as `undefined`.
 *
 * @example
 * const body = await readJsonBody(req, 64 * 1024);
 * if (!body.ok) return sendJsonError(res, body.status, 'bad_request', body.message);
 */
export async function readJsonBody(req: Request, maxBytes: number): Promise<JsonBodyResult> {
  const parsed = (req as { body?: unknown }).body;
  if (parsed !== undefined) {
    if (Buffer.isBuffer(parsed)) return parseJsonText(parsed.toString('utf8'), maxBytes);
    if (typeof parsed === 'string') return parseJsonText(parsed, maxBytes);
    return { ok: true, value: parsed };
  }
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > maxBytes) {
    req.resume(); // drain so the 413 can be written on a keep-alive connection
    return { ok: false, status: 413, message: `the request body is larger than ${maxBytes} bytes` };
  }
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) tooLarge = true;
      if (!tooLarge) chunks.push(chunk);
    });
    req.on('end', () => {
      if (tooLarge) resolve({ ok: false, status: 413, message: `the request body is larger than ${maxBytes} bytes` });
      else resolve(parseJsonText(Buffer.concat(chunks).toString('utf8'), maxBytes));
    });
    req.on('error', () => resolve({ ok: false, status: 400, message: 'the request body could not be read' }));
  });
}

function parseJsonText(text: string, maxBytes: number): JsonBodyResult {
  if (Buffer.byteLength(text, 'utf8') > maxBytes) return { ok: false, status: 413, message: `the request body is larger than ${maxBytes} bytes` };
  if (text.trim() === '') return { ok: true, value: undefined };
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false, status: 400, message: 'the request body is not valid JSON' };
  }
}

/**
 * The caller's address as the socket sees it. Behind a reverse proxy every caller would share
 * the proxy's address, so servers behind one pass their own `clientIp` option instead
 * (trusting X-Forwarded-For only from the proxy they run).
 *
 * @example
 * socketAddress(req); // '127.0.0.1'
 */
export function socketAddress(req: Request): string {
  return req.socket?.remoteAddress ?? 'unknown';
}

/** How many points a client may spend per window. */
export interface RateLimitOptions {
  points: number;
  durationSeconds: number;
}

/** A per-key (per-IP) limiter that answers 429 itself. */
export interface IpRateLimiter {
  /**
   * Spends `cost` points for the caller; false when the caller is over the limit, in which case
   * a 429 JSON error with Retry-After has already been sent.
   */
  allow(req: Request, res: Response, cost?: number, extraHeaders?: Record<string, string>): Promise<boolean>;
}

/**
 * A per-IP rate limit in memory (rate-limiter-flexible). Per instance on purpose: it protects
 * this process; a scaled-out deployment adds its own limit at the edge.
 *
 * @example
 * const limiter = createIpRateLimiter({ points: 10, durationSeconds: 60 }, socketAddress);
 * if (!(await limiter.allow(req, res))) return; // 429 sent
 */
export function createIpRateLimiter(options: RateLimitOptions, clientIp: (req: Request) => string, keyPrefix = 'ip'): IpRateLimiter {
  const limiter = new RateLimiterMemory({ points: options.points, duration: options.durationSeconds, keyPrefix });
  return {
    async allow(req, res, cost = 1, extraHeaders = {}) {
      try {
        await limiter.consume(clientIp(req), cost);
        return true;
      } catch (rejection) {
        const retryAfterSeconds = rejection instanceof RateLimiterRes ? Math.max(1, Math.ceil(rejection.msBeforeNext / 1000)) : options.durationSeconds;
        sendJsonError(res, 429, 'too_many_requests', 'Too many requests. Please wait a moment and try again.', {
          ...extraHeaders,
          'Retry-After': String(retryAfterSeconds),
        });
        return false;
      }
    },
  };
}

/**
 * Sends the bot's replies to the Bot Connector (issue 15, item 1) over keep-alive HTTP
 * connections, instead of the @azure/core-client pipeline botbuilder's ConnectorClient builds
 * (about 15 % of the bot's CPU per turn: a policy chain, request and response mappers, header
 * objects, for every reply).
 *
 * Only the two calls every turn makes are replaced — `replyToActivity` and `sendToConversation`
 * on the connector clients CloudAdapter hands out; everything else (update, delete, members,
 * Teams calls) stays on botbuilder's client. Authentication is the client's own: its
 * credentials object signs each request (`signRequest`), which for an app id is
 * `Authorization: Bearer <token>` from botbuilder's token cache (`AppCredentials.getToken`), and
 * nothing without one (local mode). So the same token, the same refresh, the same audience.
 *
 * Each attempt has a timeout; a 429 or 5xx answer, or a connection that fails (a keep-alive
 * socket the other end just closed, a refused connection, a timeout), is tried again after the
 * server's `Retry-After` (seconds or an HTTP date; `retry-after-ms` too) or an exponential
 * backoff — up to `maxAttempts`, and never waiting longer than `maxRetryDelayMs`.
 */
import http from 'node:http';
import https from 'node:https';
import { urlToHttpOptions } from 'node:url';
import type { ConfigurationBotFrameworkAuthentication } from 'botbuilder';
import { systemClock } from '../clock';

/** The part of botbuilder's ServiceClientCredentials used here: it adds the authorization header. */
export interface RequestSigner {
  signRequest(resource: { headers: { set(name: string, value: string): void } }): Promise<unknown>;
}

export interface ReplySenderOptions {
  /** One attempt (connect, send, answer) may take this long. Default 10 s. */
  timeoutMs?: number;
  /** Attempts in all, the first included. Default 3. */
  maxAttempts?: number;
  /** Backoff before the second attempt when the server gives no Retry-After; doubles after. Default 250 ms. */
  baseDelayMs?: number;
  /** A retry that would have to wait longer than this is not made (the error is thrown). Default 10 s. */
  maxRetryDelayMs?: number;
  /** Open connections per Bot Connector host. Default 32. */
  maxSockets?: number;
  /** Sent as User-Agent. */
  userAgent?: string;
  /** For tests. */
  sleep?: (ms: number) => Promise<void>;
}

/** The Bot Connector answered with an error (after any retries), or could not be reached. */
export class ReplyError extends Error {
  constructor(
    message: string,
    /** The HTTP status, when there was an answer. */
    readonly statusCode?: number,
    /** Attempts made. */
    readonly attempts = 1,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'ReplyError';
  }
}

/** What the Bot Connector answers to a sent activity. */
export interface ResourceResponse {
  id: string;
}

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

const DEFAULTS = { timeoutMs: 10_000, maxAttempts: 3, baseDelayMs: 250, maxRetryDelayMs: 10_000, maxSockets: 32 };
/** Connection failures worth another attempt (the request may not have arrived). */
const TRANSIENT = new Set(['ECONNRESET', 'ECONNREFUSED', 'EPIPE', 'ETIMEDOUT', 'EAI_AGAIN', 'ENOTFOUND', 'ECONNABORTED', 'EHOSTUNREACH', 'ENETUNREACH', 'UND_ERR_SOCKET']);

/**
 * How long a `Retry-After` (or `retry-after-ms`) answer asks to wait, in ms; undefined when it
 * does not say.
 *
 * @example
 * retryAfterMs({ 'retry-after': '2' }); // 2000
 * retryAfterMs({ 'retry-after': 'Wed, 02 Dec 2026 08:00:05 GMT' }, Date.parse('2026-12-02T08:00:00Z')); // 5000
 */
export function retryAfterMs(headers: http.IncomingHttpHeaders, now = systemClock().getTime()): number | undefined {
  for (const name of ['retry-after-ms', 'x-ms-retry-after-ms']) {
    const value = Number(headers[name]);
    if (headers[name] !== undefined && Number.isFinite(value) && value >= 0) return value;
  }
  const text = headers['retry-after'];
  if (typeof text !== 'string' || text.trim() === '') return undefined;
  if (/^\d+(\.\d+)?$/.test(text.trim())) return Number(text.trim()) * 1000;
  const at = Date.parse(text);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

/**
 * Posts activities to Bot Connector service URLs over keep-alive connections.
 *
 * @example
 * const sender = new ReplySender();
 * await sender.replyToActivity('https://smba.trafficmanager.net/amer/', 'a:1', 'act-7', reply, credentials);
 */
export class ReplySender {
  private readonly options: Required<Omit<ReplySenderOptions, 'userAgent' | 'sleep'>> & Pick<ReplySenderOptions, 'userAgent'>;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly httpAgent: http.Agent;
  private readonly httpsAgent: https.Agent;
  /** Each service URL, parsed once (see `target`). */
  private readonly bases = new Map<string, Target | null>();

  constructor(options: ReplySenderOptions = {}) {
    this.options = { ...DEFAULTS, ...options };
    this.sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
    const agentOptions = { keepAlive: true, maxSockets: this.options.maxSockets, maxFreeSockets: this.options.maxSockets, scheduling: 'lifo' as const };
    this.httpAgent = new http.Agent(agentOptions);
    this.httpsAgent = new https.Agent(agentOptions);
  }

  /** POST `v3/conversations/{conversationId}/activities/{activityId}`: a reply to that activity. */
  replyToActivity(serviceUrl: string, conversationId: string, activityId: string, activity: object, signer?: RequestSigner): Promise<ResourceResponse> {
    const path = `v3/conversations/${encodeURIComponent(conversationId)}/activities/${encodeURIComponent(activityId)}`;
    return this.post(serviceUrl, path, activity, signer, { 'x-ms-conversation-id': conversationId });
  }

  /** POST `v3/conversations/{conversationId}/activities`: a new activity in the conversation. */
  sendToConversation(serviceUrl: string, conversationId: string, activity: object, signer?: RequestSigner): Promise<ResourceResponse> {
    return this.post(serviceUrl, `v3/conversations/${encodeURIComponent(conversationId)}/activities`, activity, signer);
  }

  /** Closes the idle connections; later sends open new ones. */
  close(): void {
    this.httpAgent.destroy();
    this.httpsAgent.destroy();
  }

  private async post(serviceUrl: string, path: string, activity: object, signer: RequestSigner | undefined, extra: Record<string, string> = {}): Promise<ResourceResponse> {
    const url = this.target(serviceUrl, path);
    const body = JSON.stringify(activity);
    const headers: Record<string, string> = {
      'content-type': 'application/json; charset=utf-8',
      'content-length': String(Buffer.byteLength(body)),
      accept: 'application/json',
      ...(this.options.userAgent ? { 'user-agent': this.options.userAgent } : {}),
      ...extra,
    };
    const { maxAttempts, baseDelayMs, maxRetryDelayMs } = this.options;
    for (let attempt = 1; ; attempt++) {
      // Signed for every attempt: the token cache hands out a fresh token when the old one expires.
      if (signer) await signer.signRequest({ headers: { set: (name, value) => void (headers[name.toLowerCase()] = value) } });
      let answer: Answer;
      try {
        answer = await this.attempt(url, headers, body);
      } catch (err) {
        const code = (err as NodeJS.ErrnoException).code ?? '';
        const wait = baseDelayMs * 2 ** (attempt - 1);
        if (attempt >= maxAttempts || !TRANSIENT.has(code) || wait > maxRetryDelayMs) {
          throw new ReplyError(`could not send the reply to ${url.host}: ${(err as Error).message}`, undefined, attempt, { cause: err });
        }
        // A keep-alive connection closed by the other end fails at once: try a new one straight away.
        if (attempt > 1 || code !== 'ECONNRESET') await this.sleep(wait);
        continue;
      }
      if (answer.status >= 200 && answer.status < 300) return parseResource(answer.body);
      const retryable = answer.status === 429 || answer.status >= 500;
      const wait = retryAfterMs(answer.headers) ?? baseDelayMs * 2 ** (attempt - 1);
      if (!retryable || attempt >= maxAttempts || wait > maxRetryDelayMs) {
        throw new ReplyError(`the Bot Connector at ${url.host} answered ${answer.status}: ${answer.body.slice(0, 300)}`, answer.status, attempt);
      }
      await this.sleep(wait);
    }
  }

  /**
   * Where to post `path` (relative, e.g. `v3/conversations/…`) under `serviceUrl`: what
   * `new URL(path, serviceUrl + '/')` gives, as request options. Performance (issue 15): the
   * service URL is parsed once (a few per channel), and the path is appended to its path; a path
   * with a dot segment ("." or ".." as an encoded id), which URL resolution would fold, is resolved
   * by URL as before.
   */
  private target(serviceUrl: string, path: string): Target {
    let base = this.bases.get(serviceUrl);
    if (base === undefined) {
      const url = new URL(withSlash(serviceUrl));
      // Appending is resolving only under a path that ends in "/" (a query or fragment would take the slash).
      base = url.pathname.endsWith('/') && !url.search && !url.hash ? targetOf(url) : null;
      if (this.bases.size >= KEPT_SERVICE_URLS) this.bases.clear();
      this.bases.set(serviceUrl, base);
    }
    if (base === null || path.split('/').some((segment) => segment === '.' || segment === '..')) return targetOf(new URL(path, withSlash(serviceUrl)));
    return { ...base, path: `${base.pathname}${path}`, pathname: `${base.pathname}${path}`, href: `${base.origin}${base.pathname}${path}` };
  }

  private attempt(url: Target, headers: Record<string, string>, body: string): Promise<Answer> {
    const secure = url.protocol === 'https:';
    const send = secure ? https.request : http.request;
    return new Promise<Answer>((resolve, reject) => {
      const request = send({ ...url.options, path: url.path, method: 'POST', headers, agent: secure ? this.httpsAgent : this.httpAgent }, (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => {
          clearTimeout(timer);
          resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks).toString('utf8') });
        });
        response.on('error', reject);
      });
      const timer = setTimeout(() => {
        const err = new Error(`no answer within ${this.options.timeoutMs} ms`) as NodeJS.ErrnoException;
        err.code = 'ETIMEDOUT';
        request.destroy(err);
      }, this.options.timeoutMs);
      request.on('error', (err) => {
        clearTimeout(timer);
        reject(err);
      });
      request.end(body);
    });
  }
}

/** How many service URLs `ReplySender` keeps parsed (then it starts again); a bot talks to a few. */
const KEPT_SERVICE_URLS = 100;

const withSlash = (serviceUrl: string) => (serviceUrl.endsWith('/') ? serviceUrl : `${serviceUrl}/`);

/** A request's target: the URL's parts this module reads, and the request options `http.request(url)` would use. */
interface Target {
  protocol: string;
  host: string;
  origin: string;
  pathname: string;
  path: string;
  href: string;
  options: http.RequestOptions;
}

function targetOf(url: URL): Target {
  // Query and fragment are never part of a Bot Connector call (URL resolution of a relative path drops them).
  const options = urlToHttpOptions(url);
  return { protocol: url.protocol, host: url.host, origin: url.origin, pathname: url.pathname, path: url.pathname, href: url.href, options };
}

function parseResource(body: string): ResourceResponse {
  if (!body) return { id: '' };
  try {
    const parsed = JSON.parse(body) as { id?: unknown };
    return { ...(parsed as object), id: typeof parsed?.id === 'string' ? parsed.id : '' };
  } catch {
    return { id: '' };
  }
}

type Auth = ConfigurationBotFrameworkAuthentication;
type Claims = Parameters<Auth['createConnectorFactory']>[0];
type Factory = ReturnType<Auth['createConnectorFactory']>;
type AuthResult = Awaited<ReturnType<Auth['authenticateRequest']>>;

/** The fields of botbuilder's ConnectorClient this module reads and replaces. */
interface ConnectorLike {
  credentials?: RequestSigner;
  conversations: {
    replyToActivity(conversationId: string, activityId: string, activity: object): Promise<unknown>;
    sendToConversation(conversationId: string, activity: object): Promise<unknown>;
  };
}

/**
 * Makes every connector client `auth` hands out send replies through `sender` (with the
 * client's own credentials). Call once, after any other wrapping of `auth` (such as
 * `reuseConnectorClients`), before the adapter uses it.
 *
 * @example
 * const auth = new ConfigurationBotFrameworkAuthentication(settings, credentialsFactory);
 * reuseConnectorClients(auth);
 * sendRepliesThrough(auth, new ReplySender());
 * const adapter = new CloudAdapter(auth);
 */
export function sendRepliesThrough(auth: Auth, sender: ReplySender): Auth {
  const patched = new WeakSet<object>();
  const patch = <C>(client: C, serviceUrl: string): C => {
    const connector = client as unknown as ConnectorLike;
    if (patched.has(connector)) return client;
    patched.add(connector);
    const signer = connector.credentials;
    connector.conversations.replyToActivity = (conversationId, activityId, activity) =>
      sender.replyToActivity(serviceUrl, conversationId, activityId, activity, signer);
    connector.conversations.sendToConversation = (conversationId, activity) => sender.sendToConversation(serviceUrl, conversationId, activity, signer);
    return client;
  };
  const wrap = (factory: Factory): Factory =>
    ({
      create: async (serviceUrl: string, audience?: string) => patch(await factory.create(serviceUrl, audience), serviceUrl),
    }) as Factory;

  const authenticateRequest = auth.authenticateRequest.bind(auth);
  auth.authenticateRequest = async (...args: Parameters<Auth['authenticateRequest']>): Promise<AuthResult> => {
    const result = await authenticateRequest(...args);
    return result.connectorFactory ? { ...result, connectorFactory: wrap(result.connectorFactory) } : result;
  };
  const createConnectorFactory = auth.createConnectorFactory.bind(auth);
  auth.createConnectorFactory = (claims: Claims) => wrap(createConnectorFactory(claims));
  return auth;
}

/**
 * Prometheus metrics (prom-client), on a registry of their own so several services in one
 * process (tests) never share counters. Served at `GET /metrics` when METRICS_ENABLED (default:
 * on in development, off in production), optionally behind `Authorization: Bearer METRICS_TOKEN`.
 *
 * What is measured, and where:
 * - turns and turn latency, by channel and activity type: bot middleware (./hardening wires it
 *   first, so it times everything the bot does for a turn, rate-limited turns included);
 * - knowledge outcomes (answered / did-you-mean / out-of-scope / other-cbp) and feedback: a
 *   counting decorator around the RecordStore — MainDialog already appends one record per
 *   question, so the dialogs stay untouched;
 * - turn errors: `adapter.onTurnError` (server.ts);
 * - escalations by state: gauges read from the mailer's last known health on each scrape;
 * - 4xx/5xx responses by route, rate limiting and slow-turn notices.
 *
 * Label values that come from a request (channel id, activity type) are mapped onto fixed lists,
 * so a client cannot grow the registry by inventing values.
 */
import crypto from 'node:crypto';
import { performance } from 'node:perf_hooks';
import type { Middleware, TurnContext } from 'botbuilder';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { Request, Response, Server } from 'restify';
import type { OutboxHealth } from './escalation';
import type { QuestionOutcome, RecordStore, UsageRecord } from './records';

/** Channel ids kept as label values; anything else is `other`. */
const KNOWN_CHANNELS = new Set([
  'msteams', 'webchat', 'directline', 'emulator', 'email', 'terminal', 'test', 'slack', 'facebook', 'telegram',
  'sms', 'skype', 'line', 'kik', 'groupme', 'omnichannel', 'telephony', 'outlook', 'm365extensions', 'webex',
]);

/** Activity types kept as label values (the Bot Framework's ActivityTypes); anything else is `other`. */
const KNOWN_ACTIVITY_TYPES = new Set([
  'message', 'contactRelationUpdate', 'conversationUpdate', 'typing', 'endOfConversation', 'event', 'invoke',
  'invokeResponse', 'deleteUserData', 'messageUpdate', 'messageDelete', 'installationUpdate', 'messageReaction',
  'suggestion', 'trace', 'handoff', 'command', 'commandResult',
]);

const OUTCOMES: readonly QuestionOutcome[] = ['answer', 'did-you-mean', 'out-of-scope', 'other-cbp'];

/** @example channelLabel('msteams'); // 'msteams' — channelLabel('<script>'); // 'other' */
export function channelLabel(channelId: unknown): string {
  return typeof channelId === 'string' && KNOWN_CHANNELS.has(channelId) ? channelId : 'other';
}

/** @example activityTypeLabel('message'); // 'message' — activityTypeLabel('x'.repeat(999)); // 'other' */
export function activityTypeLabel(type: unknown): string {
  return typeof type === 'string' && KNOWN_ACTIVITY_TYPES.has(type) ? type : 'other';
}

export type TurnErrorKind = 'error' | 'state_conflict';
export type RateLimitScope = 'conversation' | 'ip';

export interface MetricsOptions {
  /** Process metrics (CPU, memory, event loop lag, GC). Default true. */
  defaultMetrics?: boolean;
  /** Prefix of every metric name. Default `cbp_`. */
  prefix?: string;
}

export class Metrics {
  readonly registry = new Registry();
  private readonly turns: Counter<'channel' | 'type'>;
  private readonly turnSeconds: Histogram<'channel' | 'type'>;
  private readonly questions: Counter<'outcome'>;
  private readonly feedback: Counter<'helpful'>;
  private readonly errors: Counter<'kind'>;
  private readonly limited: Counter<'scope'>;
  private readonly slowNotices: Counter;
  private readonly httpErrors: Counter<'route' | 'status'>;
  private escalationHealth: (() => OutboxHealth) | undefined;

  constructor(options: MetricsOptions = {}) {
    const p = options.prefix ?? 'cbp_';
    const registers = [this.registry];
    this.turns = new Counter({ name: `${p}turns_total`, help: 'Bot turns, by channel and activity type.', labelNames: ['channel', 'type'], registers });
    this.turnSeconds = new Histogram({
      name: `${p}turn_duration_seconds`,
      help: 'Time the bot spent on a turn (after authentication), by channel and activity type.',
      labelNames: ['channel', 'type'],
      buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
      registers,
    });
    this.questions = new Counter({
      name: `${p}questions_total`,
      help: 'Knowledge questions by outcome: answer (answered), did-you-mean (low confidence), out-of-scope (unanswered), other-cbp (another part of CBP).',
      labelNames: ['outcome'],
      registers,
    });
    for (const outcome of OUTCOMES) this.questions.inc({ outcome }, 0);
    this.feedback = new Counter({ name: `${p}feedback_total`, help: 'Helpful / Not helpful clicks.', labelNames: ['helpful'], registers });
    this.errors = new Counter({ name: `${p}turn_errors_total`, help: 'Turns that failed (onTurnError), by kind.', labelNames: ['kind'], registers });
    this.errors.inc({ kind: 'error' }, 0);
    this.limited = new Counter({ name: `${p}rate_limited_total`, help: 'Requests refused by a rate limit, by scope (conversation, ip).', labelNames: ['scope'], registers });
    this.slowNotices = new Counter({ name: `${p}slow_turn_notices_total`, help: 'Turns that got "This is taking longer than usual".', registers });
    this.httpErrors = new Counter({ name: `${p}http_errors_total`, help: 'HTTP responses with status 400 or above, by route and status.', labelNames: ['route', 'status'], registers });
    const metrics = this;
    new Gauge({
      name: `${p}escalations`,
      help: 'Escalation emails in the outbox by state (pending, sending, sent, failed), as last read by the mailer.',
      labelNames: ['state'],
      registers,
      collect() {
        const health = metrics.escalationHealth?.();
        if (!health) return;
        for (const state of ['pending', 'sending', 'sent', 'failed'] as const) this.set({ state }, health[state]);
      },
    });
    new Gauge({
      name: `${p}escalation_outbox_healthy`,
      help: '1 when no escalation has failed and none has waited too long.',
      registers,
      collect() {
        const health = metrics.escalationHealth?.();
        if (health) this.set(health.healthy ? 1 : 0);
      },
    });
    if (options.defaultMetrics ?? true) collectDefaultMetrics({ register: this.registry, prefix: p });
  }

  /** Reads escalation figures from here on each scrape (`escalation.health()`). */
  watchEscalations(health: () => OutboxHealth): void {
    this.escalationHealth = health;
  }

  /** Bot middleware counting and timing every turn; install it first. */
  turnMiddleware(): Middleware {
    return {
      onTurn: async (context: TurnContext, next: () => Promise<void>) => {
        const started = performance.now();
        try {
          await next();
        } finally {
          const labels = { channel: channelLabel(context.activity.channelId), type: activityTypeLabel(context.activity.type) };
          this.turns.inc(labels);
          this.turnSeconds.observe(labels, (performance.now() - started) / 1000);
        }
      },
    };
  }

  recordUsage(record: UsageRecord): void {
    if (record.type === 'question') this.questions.inc({ outcome: OUTCOMES.includes(record.outcome) ? record.outcome : 'other' });
    else if (record.type === 'feedback') this.feedback.inc({ helpful: record.helpful ? 'yes' : 'no' });
  }

  turnFailed(kind: TurnErrorKind): void {
    this.errors.inc({ kind });
  }

  rateLimited(scope: RateLimitScope): void {
    this.limited.inc({ scope });
  }

  slowTurnNotice(): void {
    this.slowNotices.inc();
  }

  /** Counts a response with status ≥ 400; `route` is the route's path pattern, never the URL. */
  httpResponse(route: string, status: number): void {
    if (status >= 400) this.httpErrors.inc({ route, status: String(status) });
  }

  /** The exposition text. */
  render(): Promise<string> {
    return this.registry.metrics();
  }

  get contentType(): string {
    return this.registry.contentType;
  }
}

/**
 * A RecordStore that counts what is appended (question outcomes, feedback) and passes it on.
 *
 * @example
 * const records = countingRecordStore(new JsonlRecordStore('var/records'), metrics);
 */
export function countingRecordStore(store: RecordStore, metrics: Pick<Metrics, 'recordUsage'>): RecordStore {
  return {
    async append(record) {
      await store.append(record);
      metrics.recordUsage(record);
    },
    list: (sinceIso) => store.list(sinceIso),
    ...(store.scan ? { scan: (sinceIso: string | undefined, visit: (record: UsageRecord) => void) => store.scan!(sinceIso, visit) } : {}),
    ...(store.close ? { close: () => store.close!() } : {}),
  };
}

function sameSecret(given: string, expected: string): boolean {
  const a = crypto.createHash('sha256').update(given).digest();
  const b = crypto.createHash('sha256').update(expected).digest();
  return crypto.timingSafeEqual(a, b);
}

/**
 * Registers `GET /metrics`, and counts 4xx/5xx responses of every route. With a token, a
 * request without `Authorization: Bearer <token>` gets 401.
 *
 * @example
 * registerMetricsRoute(server, metrics, { token: config.METRICS_TOKEN });
 */
export function registerMetricsRoute(server: Server, metrics: Metrics, options: { token?: string } = {}): void {
  server.on('after', (req: Request, res: Response, route: { spec?: { path?: unknown }; path?: unknown } | null | undefined) => {
    if (res.statusCode < 400) return;
    const path = route?.spec?.path ?? route?.path;
    metrics.httpResponse(typeof path === 'string' ? path : 'unmatched', res.statusCode);
  });
  server.get('/metrics', async (req: Request, res: Response) => {
    res.setHeader('Cache-Control', 'no-store');
    if (options.token) {
      const header = req.headers.authorization ?? '';
      const match = /^Bearer\s+(.+)$/i.exec(header);
      if (!match || !sameSecret(match[1].trim(), options.token)) {
        res.setHeader('WWW-Authenticate', 'Bearer realm="metrics"');
        res.status(401);
        res.json({ error: 'unauthorized', message: 'metrics need a bearer token' });
        return;
      }
    }
    const body = await metrics.render();
    res.setHeader('Content-Type', metrics.contentType);
    res.status(200);
    res.sendRaw(body);
  });
}

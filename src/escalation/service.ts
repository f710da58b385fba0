/**
 * Wires the escalation core from one plain configuration object. The app maps environment
 * variables onto `EscalationConfig` (with zod, in src/config.ts); tests build it directly.
 */
import path from 'node:path';
import type { Logger } from 'pino';
import type { BackoffOptions } from './backoff';
import { mailboxAddress } from './compose';
import { FileOutboxStore } from './fileStore/FileOutboxStore';
import { Mailer, type OutboxHealth } from './mailer';
import { Outbox } from './outbox';
import { DEFAULT_ESCALATION_RATE_LIMITS, EscalationRateLimiter, type EscalationRateLimits, type GlobalCapStatus } from './rateLimiter';
import { isValidEmailAddress } from './sanitize';
import type { OutboxStore } from './store';
import { createEscalationSubmitter, type EscalationSubmitter } from './submit';
import { EmlFileTransport, SmtpTransport, type MailTransport } from './transport';

export interface EscalationConfig {
  /** `ESCALATION_DIR`: the spool folder. */
  escalationDir: string;
  /** `SMTP_URL`; without it, emails are written as .eml files into `<escalationDir>/sent/`. */
  smtpUrl?: string;
  /** `MAIL_FROM`. */
  mailFrom: string;
  /** `ECOMMERCE_INBOX`. */
  inbox: string;
  /** `ESCALATION_MAX_ATTEMPTS`. */
  maxAttempts: number;
  backoffBaseMs: number;
  backoffMaxMs: number;
  /** Off in tests, for exact timings. */
  backoffJitter: boolean;
  pollIntervalMs: number;
  /** Must exceed the longest possible send (see smtpTimeouts). */
  leaseMs: number;
  smtpConnectTimeoutMs: number;
  smtpSocketTimeoutMs: number;
  stalePendingAfterMs: number;
  rateLimits: EscalationRateLimits;
}

export const DEFAULT_ESCALATION_CONFIG: EscalationConfig = {
  escalationDir: path.join('var', 'outbox'),
  mailFrom: '"CBP E-Commerce Assistant" <no-reply@ecommerce-assistant.local>',
  inbox: 'ecommerce@cbp.dhs.gov',
  maxAttempts: 8,
  backoffBaseMs: 60_000,
  backoffMaxMs: 30 * 60_000,
  backoffJitter: true,
  pollIntervalMs: 5_000,
  leaseMs: 10 * 60_000,
  smtpConnectTimeoutMs: 15_000,
  smtpSocketTimeoutMs: 60_000,
  stalePendingAfterMs: 30 * 60_000,
  rateLimits: DEFAULT_ESCALATION_RATE_LIMITS,
};

/**
 * What the bot holds on to: the dialog calls `check` and `submit` (the escalation rules, see
 * ./submit), the server starts and stops the mailer; staff read the limiter and the store.
 */
export interface EscalationService extends EscalationSubmitter {
  outbox: Outbox;
  mailer: Mailer;
  limiter: EscalationRateLimiter;
  store: OutboxStore;
  config: EscalationConfig;
  /** `mailer.start()`: deliver in the background, resuming what is pending. */
  start(): void;
  /** `mailer.stop()`: waits for a send in progress. */
  stop(): Promise<void>;
  /** `mailer.lastKnownHealth()` and the global email cap: synchronous, for the readiness probe. */
  health(): OutboxHealth & { emailCap: GlobalCapStatus };
}

/** Test seams; the app passes none. */
export interface EscalationServiceOverrides {
  clock?: () => Date;
  store?: OutboxStore;
  transport?: MailTransport;
  mailerOwner?: string;
}

/**
 * Builds the outbox, mailer and rate limiter. Missing settings take the defaults above; an
 * unusable From or inbox address throws here, at start-up, rather than at the first escalation.
 * The mailer is not started: call `start()` when the server is up, `stop()` on shutdown.
 *
 * @example
 * const escalation = createEscalationService(
 *   { escalationDir: config.ESCALATION_DIR, smtpUrl: config.SMTP_URL, mailFrom: config.MAIL_FROM,
 *     inbox: config.ECOMMERCE_INBOX, maxAttempts: config.ESCALATION_MAX_ATTEMPTS },
 *   logger,
 * );
 * escalation.start();
 * readiness: () => ({ ready: true, outbox: escalation.health() });
 */
export function createEscalationService(
  settings: Partial<EscalationConfig>,
  logger: Logger,
  overrides: EscalationServiceOverrides = {},
): EscalationService {
  const config = resolveEscalationConfig(settings);
  const store = overrides.store ?? new FileOutboxStore(config.escalationDir, { logger, ...(overrides.clock ? { clock: overrides.clock } : {}) });
  const transport =
    overrides.transport ??
    (config.smtpUrl
      ? new SmtpTransport(config.smtpUrl, { connectMs: config.smtpConnectTimeoutMs, socketMs: config.smtpSocketTimeoutMs })
      : new EmlFileTransport(path.join(config.escalationDir, 'sent')));
  const backoff: BackoffOptions = { baseMs: config.backoffBaseMs, maxMs: config.backoffMaxMs, jitter: config.backoffJitter };
  const mailer = new Mailer({
    store,
    transport,
    addresses: { from: config.mailFrom, to: config.inbox },
    logger,
    maxAttempts: config.maxAttempts,
    backoff,
    pollIntervalMs: config.pollIntervalMs,
    leaseMs: config.leaseMs,
    stalePendingAfterMs: config.stalePendingAfterMs,
    // The global cap: beyond it, messages wait in the outbox and go out at this rate.
    sendRate: config.rateLimits.global,
    ...(overrides.clock ? { clock: overrides.clock } : {}),
    ...(overrides.mailerOwner ? { owner: overrides.mailerOwner } : {}),
  });
  const outbox = new Outbox({ store, onEnqueued: () => mailer.notify(), ...(overrides.clock ? { clock: overrides.clock } : {}) });
  const clock = overrides.clock;
  const limiter = new EscalationRateLimiter({
    limits: config.rateLimits,
    ...(clock ? { clock: () => clock().getTime() } : {}),
    // One line per trip (not per message), for staff alerting; no user data.
    onTrip: (status) => logger.warn({ emailCap: status }, 'escalation email cap reached: further emails are queued and sent later'),
  });
  const { check, submit } = createEscalationSubmitter({ outbox, limiter, store });
  return {
    outbox,
    mailer,
    limiter,
    store,
    config,
    check,
    submit,
    start: () => mailer.start(),
    stop: () => mailer.stop(),
    health: () => ({ ...mailer.lastKnownHealth(), emailCap: limiter.status() }),
  };
}

/**
 * Fills in defaults (undefined values count as missing) and checks the addresses.
 *
 * @example
 * resolveEscalationConfig({ escalationDir: '/tmp/outbox' }).inbox; // 'ecommerce@cbp.dhs.gov'
 */
export function resolveEscalationConfig(settings: Partial<EscalationConfig>): EscalationConfig {
  const defined = Object.fromEntries(Object.entries(settings).filter(([, v]) => v !== undefined)) as Partial<EscalationConfig>;
  const config: EscalationConfig = { ...DEFAULT_ESCALATION_CONFIG, ...defined };
  mailboxAddress(config.mailFrom); // throws with a clear message when unusable
  if (!isValidEmailAddress(config.inbox)) throw new Error(`not a valid inbox address: ${config.inbox}`);
  if (config.maxAttempts < 1) throw new Error('maxAttempts must be at least 1');
  if (config.leaseMs <= config.smtpConnectTimeoutMs * 2 + config.smtpSocketTimeoutMs) {
    throw new Error('leaseMs must exceed the longest possible SMTP send (2 × connect timeout + socket timeout)');
  }
  return config;
}

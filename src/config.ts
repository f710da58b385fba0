/**
 * Configuration: every setting comes from the environment (plus `.env` in development),
 * parsed and validated with zod. A wrong value stops the start with one clear line per
 * problem that names the variable and what is allowed — botbuilder itself would silently
 * treat a typo such as `MicrosoftAppType=Multitenant` as MultiTenant.
 */
import fs from 'node:fs';
import path from 'node:path';
import dotenv from 'dotenv';
import { z } from 'zod';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
const APP_TYPES = ['MultiTenant', 'SingleTenant', 'UserAssignedMSI'] as const;

/** An empty string in the environment means "not set" (common in .env files and CI). */
const optionalText = z
  .string()
  .trim()
  .optional()
  .transform((v) => (v === undefined || v === '' ? undefined : v));

const textWithDefault = (fallback: string) => optionalText.transform((v) => v ?? fallback);

/** An optional setting that must pass `test`; `message` says what is allowed. */
const checked = (test: (v: string) => boolean, message: string) =>
  optionalText.superRefine((v, ctx) => {
    if (v !== undefined && !test(v)) ctx.addIssue({ code: z.ZodIssueCode.custom, message });
  });

const integer = (fallback: number, min: number, max: number) =>
  checked((v) => /^\d+$/.test(v) && Number(v) >= min && Number(v) <= max, `must be a whole number from ${min} to ${max}`)
    .transform((v) => (v === undefined ? fallback : Number(v)));

const oneOf = <T extends string>(values: readonly T[], fallback: T) =>
  checked((v) => (values as readonly string[]).includes(v), `must be one of ${values.join(', ')}`)
    .transform((v) => (v ?? fallback) as T);

const commaList = optionalText.transform((v) =>
  v === undefined ? [] : v.split(',').map((s) => s.trim()).filter((s) => s.length > 0),
);

const isoDate = checked((v) => /^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(v)), 'must be a date written YYYY-MM-DD');

const url = (protocols: string[]) =>
  checked((v) => {
    try {
      return protocols.includes(new URL(v).protocol);
    } catch {
      return false;
    }
  }, `must be a URL starting with ${protocols.map((p) => `${p}//`).join(' or ')}`);

/** A yes/no setting; undefined when not set (the caller picks the default). */
const flag = checked((v) => /^(true|false|1|0|yes|no|on|off)$/i.test(v), 'must be true or false')
  .transform((v) => (v === undefined ? undefined : /^(true|1|yes|on)$/i.test(v)));

const email = checked((v) => /^[^\s@<>()",;:]+@[^\s@<>()",;:]+\.[^\s@<>()",;:]+$/.test(v), 'must be an email address');

/** The variables of the environment; names are the variable names, so errors name the variable. */
const envVariables = z.object({
  PORT: integer(3978, 0, 65535), // 0: any free port (tests)
  /** Default: 127.0.0.1 in development (this machine only), 0.0.0.0 in production (set after parsing). */
  HOST: optionalText,
  BOT_ENV: oneOf(['development', 'production'] as const, 'development'),
  LOG_LEVEL: oneOf(LOG_LEVELS, 'info'),
  MicrosoftAppType: oneOf(APP_TYPES, 'MultiTenant'),
  MicrosoftAppId: optionalText,
  MicrosoftAppPassword: optionalText,
  MicrosoftAppTenantId: optionalText,
  MAX_BODY_BYTES: integer(256 * 1024, 1024, 10 * 1024 * 1024),
  MAX_MESSAGE_CHARS: integer(2000, 50, 100000),
  KNOWLEDGE_DIR: textWithDefault('knowledge'),
  RULES_FILE: textWithDefault(path.join('knowledge', 'rules', 'duty-free.yaml')),
  RECORDS_DIR: textWithDefault(path.join('var', 'records')),
  TODAY: isoDate,
  ESCALATION_DIR: textWithDefault(path.join('var', 'outbox')),
  SMTP_URL: url(['smtp:', 'smtps:']),
  /** smtp | files. `files` acknowledges that emails are only written as .eml files (required to run production without SMTP_URL). */
  EMAIL_TRANSPORT: checked((v) => v === 'smtp' || v === 'files', 'must be one of smtp, files'),
  MAIL_FROM: textWithDefault('"CBP E-Commerce Assistant" <no-reply@ecommerce-assistant.local>'),
  ECOMMERCE_INBOX: email.transform((v) => v ?? 'ecommerce@cbp.dhs.gov'),
  ESCALATION_MAX_ATTEMPTS: integer(8, 1, 100),
  DIRECT_LINE_SECRET: optionalText,
  DIRECT_LINE_BASE_URL: url(['http:', 'https:']).transform((v) => v ?? 'https://directline.botframework.com'),
  WEBCHAT_ALLOWED_ORIGINS: commaList,
  ALLOWED_TENANT_IDS: commaList,
  /** Development: origins besides loopback whose activities' serviceUrl the bot may reply to (`*` = any). */
  ALLOWED_SERVICE_URLS: commaList,
  STATE_STORAGE: oneOf(['memory', 'blob'] as const, 'memory'),
  AZURE_STORAGE_CONNECTION_STRING: optionalText,
  STATE_CONTAINER: textWithDefault('bot-state'),
  OUTBOX_CONTAINER: textWithDefault('bot-outbox'),
  RECORDS_CONTAINER: textWithDefault('bot-records'),
  /** STATE_STORAGE=memory: a conversation idle this many minutes is forgotten (its next message starts afresh). */
  STATE_TTL_MINUTES: integer(60, 1, 10080),
  /** STATE_STORAGE=memory: at most this many conversations in memory; the least recently active goes first. */
  STATE_MAX_CONVERSATIONS: integer(10000, 1, 10000000),
  // --- Hardening and metrics (src/hardening, src/metrics.ts) ---
  /** Messages per conversation per minute on /api/messages and the local Direct Line; 0 = no limit. */
  RATE_LIMIT_PER_CONVERSATION: integer(30, 0, 100000),
  /** Requests per client IP per minute on /api/messages, development only; 0 = no limit. */
  RATE_LIMIT_PER_IP: integer(600, 0, 1000000),
  /** How many recent wordings the bot keeps understood (dialogs/understandingCache.ts); 0 = none. */
  UNDERSTANDING_CACHE_ENTRIES: integer(500, 0, 100000),
  /** A message turn still working after this long gets a typing indicator; 0 = never. */
  TYPING_DELAY_MS: integer(1000, 0, 60000),
  /** A message turn with no reply after this long gets "This is taking longer than usual…"; 0 = never. */
  SLOW_TURN_NOTICE_MS: integer(10000, 0, 600000),
  /** GET /metrics (Prometheus); default on in development, off in production. */
  METRICS_ENABLED: flag,
  /** When set, /metrics needs `Authorization: Bearer <token>`. */
  METRICS_TOKEN: optionalText,
});

/**
 * Every environment variable the configuration reads (`.env.example` documents each one; a test
 * keeps the two the same).
 *
 * @example
 * CONFIG_VARIABLES.includes('STATE_STORAGE'); // true
 */
export const CONFIG_VARIABLES: readonly string[] = Object.freeze(Object.keys(envVariables.shape));

/** The schema of the environment: the variables, the rules between them, and derived defaults. */
const envSchema = envVariables
  .superRefine((env, ctx) => {
    if (env.BOT_ENV === 'production' && !env.MicrosoftAppId) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['MicrosoftAppId'], message: 'is required when BOT_ENV=production (the bot must authenticate the Bot Connector)' });
    }
    if (env.MicrosoftAppId && env.MicrosoftAppType !== 'UserAssignedMSI' && !env.MicrosoftAppPassword) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['MicrosoftAppPassword'], message: `is required when MicrosoftAppId is set and MicrosoftAppType is ${env.MicrosoftAppType}` });
    }
    if (env.BOT_ENV === 'production' && env.STATE_STORAGE === 'blob' && !env.SMTP_URL) {
      // Without SMTP each instance would write the shared outbox's emails to its own disk and
      // mark them sent: nobody would ever read them.
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['SMTP_URL'], message: 'is required when BOT_ENV=production and STATE_STORAGE=blob (emails must reach the E-Commerce inbox)' });
    }
    if (env.BOT_ENV === 'production' && env.STATE_STORAGE !== 'blob' && !env.SMTP_URL && env.EMAIL_TRANSPORT === undefined) {
      // Security (issue 13): otherwise people are told "Sent" while the email only lands on this disk.
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['SMTP_URL'], message: 'is required when BOT_ENV=production (emails must reach the E-Commerce inbox); set EMAIL_TRANSPORT=files only if .eml files on this disk are really wanted' });
    }
    if (env.EMAIL_TRANSPORT === 'smtp' && !env.SMTP_URL) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['SMTP_URL'], message: 'is required when EMAIL_TRANSPORT=smtp' });
    }
    if (env.EMAIL_TRANSPORT === 'files' && env.SMTP_URL) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['EMAIL_TRANSPORT'], message: 'must not be files when SMTP_URL is set (choose one)' });
    }
    for (const origin of env.ALLOWED_SERVICE_URLS) {
      if (origin !== '*' && !/^https?:\/\/[^/\s]+$/i.test(origin)) {
        ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['ALLOWED_SERVICE_URLS'], message: 'must be a comma-separated list of origins such as https://example.ngrok.app, or *' });
        break;
      }
    }
    if (env.STATE_STORAGE === 'blob' && !env.AZURE_STORAGE_CONNECTION_STRING) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['AZURE_STORAGE_CONNECTION_STRING'], message: 'is required when STATE_STORAGE=blob' });
    }
    if (env.MicrosoftAppType !== 'MultiTenant' && env.MicrosoftAppId && !env.MicrosoftAppTenantId) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['MicrosoftAppTenantId'], message: `is required when MicrosoftAppType is ${env.MicrosoftAppType}` });
    }
    if (env.METRICS_TOKEN !== undefined && env.METRICS_TOKEN.length < 16) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['METRICS_TOKEN'], message: 'must be at least 16 characters (it protects /metrics)' });
    }
  })
  // METRICS_ENABLED: on in development, off in production, unless set. HOST: this machine only in
  // development (staff commands, /metrics and replies to any serviceUrl are open there), all
  // interfaces in production.
  .transform((env) => ({
    ...env,
    METRICS_ENABLED: env.METRICS_ENABLED ?? env.BOT_ENV === 'development',
    HOST: env.HOST ?? (env.BOT_ENV === 'production' ? '0.0.0.0' : '127.0.0.1'),
  }));

export type AppConfig = Readonly<z.output<typeof envSchema>>;

/** Thrown when the environment is invalid; `problems` holds one readable line per variable. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/**
 * Parses and validates settings from an environment object.
 *
 * @example
 * const config = parseConfig({ PORT: '8080' });
 * config.PORT; // 8080
 * parseConfig({ MicrosoftAppType: 'Multitenant' });
 * // throws ConfigError: "MicrosoftAppType must be one of MultiTenant, SingleTenant, UserAssignedMSI (got "Multitenant")"
 */
export function parseConfig(env: Record<string, string | undefined>): AppConfig {
  const result = envSchema.safeParse(env);
  if (result.success) return Object.freeze(result.data);
  const problems = result.error.issues.map((issue) => {
    const name = String(issue.path[0] ?? 'configuration');
    const given = env[name];
    const shown = given === undefined || given === '' || /password|secret|token|url|connection/i.test(name) ? '' : ` (got "${given}")`;
    return `${name} ${issue.message}${shown}`;
  });
  throw new ConfigError(problems);
}

/**
 * Reads the configuration of this process: `process.env`, plus a `.env` file in the working
 * directory when not in production (variables already set win over the file).
 *
 * @example
 * const config = loadConfig(); // throws ConfigError with readable lines on a bad value
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): AppConfig {
  return parseConfig(readEnvironment(env, cwd));
}

/**
 * The environment the configuration reads, not yet validated: `env` on top of the `.env` file in
 * `cwd` when not in production. For tools that need one setting without the whole configuration
 * (`npm run kb:check` reads KNOWLEDGE_DIR).
 *
 * @example
 * readEnvironment().KNOWLEDGE_DIR; // from the environment, else from .env, else undefined
 */
export function readEnvironment(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): Record<string, string | undefined> {
  const envFile = path.join(cwd, '.env');
  if (env.BOT_ENV !== 'production' && fs.existsSync(envFile)) {
    return { ...dotenv.parse(fs.readFileSync(envFile)), ...env };
  }
  return { ...env };
}

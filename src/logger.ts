/**
 * Structured logs with pino. User message text is never logged at info level: the people who
 * write to the bot did not agree to have their words kept in operations logs. Whatever a log
 * line does carry (fields, nested objects, error messages and stacks, the message) has card
 * numbers removed first, with the same function as records, transcript and emails.
 */
import pino from 'pino';
import { removeCardNumbers } from './escalation/luhn';
import { capLogFields } from './logFields';

export type Logger = pino.Logger;

/** Nesting deeper than this is logged as it is (log fields are shallow; this bounds the work). */
const REDACT_DEPTH = 6;

/**
 * A copy of a log value with card numbers removed from every string in it: strings, arrays,
 * plain objects and errors (message, stack, own fields, cause). Other objects are left alone.
 *
 * @example
 * redactLogValue({ err: new Error('bad card 4111 1111 1111 1111') }); // { err: Error('bad card [card number removed]') }
 */
export function redactLogValue(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return removeCardNumbers(value);
  if (value === null || typeof value !== 'object' || depth >= REDACT_DEPTH) return value;
  if (Array.isArray(value)) return value.map((v) => redactLogValue(v, depth + 1));
  if (value instanceof Error) {
    // Same prototype, so pino's error serializer still reports the right type.
    const copy = Object.create(Object.getPrototypeOf(value) as object) as Error & Record<string, unknown>;
    for (const key of Object.keys(value)) copy[key] = redactLogValue((value as unknown as Record<string, unknown>)[key], depth + 1);
    copy.message = removeCardNumbers(value.message);
    if (typeof value.stack === 'string') copy.stack = removeCardNumbers(value.stack);
    if (value.cause !== undefined) copy.cause = redactLogValue(value.cause, depth + 1);
    return copy;
  }
  const proto = Object.getPrototypeOf(value) as unknown;
  if (proto !== Object.prototype && proto !== null) return value;
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) out[key] = redactLogValue(v, depth + 1);
  return out;
}

/**
 * @example
 * const log = createLogger('info');
 * log.info({ conversation: 'abc' }, 'turn handled');
 */
export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  const logger = pino(
    {
      level,
      base: { app: 'cbp-ecommerce-assistant' },
      redact: ['req.headers.authorization', '*.password', '*.secret'],
      formatters: {
        log: (object) => redactLogValue(capLogFields(object)) as Record<string, unknown>, // capped first: bounds the redaction work too
      },
      hooks: {
        logMethod(args, method) {
          // The message, and an error given alone (pino takes the message from it before `formatters.log`).
          const clean = args.map((arg: unknown) => (typeof arg === 'string' ? removeCardNumbers(arg) : arg instanceof Error ? redactLogValue(arg) : arg));
          method.apply(this, clean as Parameters<typeof method>);
        },
      },
    },
    destination,
  );
  // pino applies `formatters.bindings` to the base bindings only: a child's bindings are cleaned
  // here (children inherit this method, so grandchildren too).
  const child = logger.child;
  logger.child = function redactedChild(this: Logger, bindings, options) {
    return child.call(this, redactLogValue(bindings) as pino.Bindings, options);
  } as typeof logger.child;
  return logger;
}

/** How log lines are written: `json`, one object per line (production, files, log collectors), or `pretty` for a person at a terminal. */
export type LogFormat = 'json' | 'pretty';

/**
 * The log format: pretty (pino-pretty: time, level, message, fields on their own lines, in
 * colour) only in development, when stdout is a terminal and pino-pretty is installed (it is a
 * development dependency); JSON otherwise, so production, pipes and files always get JSON.
 *
 * @example
 * chooseLogFormat({ botEnv: 'development', isTTY: true, prettyInstalled: true });  // 'pretty'
 * chooseLogFormat({ botEnv: 'development', isTTY: false, prettyInstalled: true }); // 'json' (piped, e.g. `npm start | tee log`)
 * chooseLogFormat({ botEnv: 'production', isTTY: true, prettyInstalled: true });   // 'json'
 */
export function chooseLogFormat(options: { botEnv: 'development' | 'production'; isTTY: boolean; prettyInstalled: boolean }): LogFormat {
  return options.botEnv === 'development' && options.isTTY && options.prettyInstalled ? 'pretty' : 'json';
}

/** Whether pino-pretty can be loaded (not after `npm ci --omit=dev`). */
function prettyInstalled(): boolean {
  try {
    require.resolve('pino-pretty');
    return true;
  } catch {
    return false;
  }
}

/**
 * Where the bot's logs go: stdout, through pino-pretty when `chooseLogFormat` says so (undefined =
 * pino's own JSON to stdout). Synchronous, so the last lines before an exit are not lost.
 *
 * @example
 * const logger = createLogger(config.LOG_LEVEL, logDestination(config.BOT_ENV));
 */
export function logDestination(botEnv: 'development' | 'production', isTTY = Boolean(process.stdout.isTTY)): pino.DestinationStream | undefined {
  if (chooseLogFormat({ botEnv, isTTY, prettyInstalled: prettyInstalled() }) === 'json') return undefined;
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a development dependency, loaded only when installed
  const pretty = require('pino-pretty') as typeof import('pino-pretty');
  return pretty({ colorize: true, sync: true, translateTime: 'SYS:HH:MM:ss', ignore: 'pid,hostname,app' });
}

/** A logger that writes nothing (terminal chat, tests). */
export const silentLogger: Logger = pino({ level: 'silent' });

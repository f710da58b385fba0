/**
 * Structured logs with pino. User message text is never logged at info level: the people who
 * write to the bot did not agree to have their words kept in operations logs.
 */
import pino from 'pino';
import { capLogFields } from './logFields';

export type Logger = pino.Logger;

/**
 * @example
 * const log = createLogger('info');
 * log.info({ conversation: 'abc' }, 'turn handled');
 */
export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino({ level, base: { app: 'cbp-ecommerce-assistant' }, redact: ['req.headers.authorization', '*.password', '*.secret'], formatters: { log: capLogFields } }, destination);
}

/** A logger that writes nothing (terminal chat, tests). */
export const silentLogger: Logger = pino({ level: 'silent' });

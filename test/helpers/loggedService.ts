/**
 * Like `startTestService` (service.ts), but the service logs to memory so a test can check what
 * was logged: the real server on a free loopback port, a temporary folder for records and the
 * outbox, a fixed clock, and `logs` with every JSON log line (pino) it wrote.
 *
 * @example
 * const service = await startLoggedTestService({ ALLOWED_TENANT_IDS: 'tenant-a' });
 * service.logs.filter((l) => l.level === 40); // warnings
 */
import { createLogger } from '../../src/logger';
import { startTestService, type TestService } from './service';

export interface LogLine {
  level: number;
  msg?: string;
  [key: string]: unknown;
}

export interface LoggedTestService extends TestService {
  logs: LogLine[];
}

/** pino's number for `warn`. */
export const WARN = 40;

export async function startLoggedTestService(env: Record<string, string> = {}, options: { today?: string } = {}): Promise<LoggedTestService> {
  const logs: LogLine[] = [];
  const logger = createLogger('debug', {
    write: (line: string) => {
      for (const part of line.split('\n')) if (part.trim()) logs.push(JSON.parse(part) as LogLine);
    },
  });
  return { ...(await startTestService(env, { ...options, logger })), logs };
}

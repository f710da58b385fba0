/**
 * Like `startTestService` (service.ts), but the service logs to memory so a test can check what
 * was logged: the real server on a free loopback port, a temporary folder for records and the
 * outbox, a fixed clock, and `logs` with every JSON log line (pino) it wrote.
 *
 * @example
 * const service = await startLoggedTestService({ ALLOWED_TENANT_IDS: 'tenant-a' });
 * service.logs.filter((l) => l.level === 40); // warnings
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fixedClock } from '../../src/clock';
import { parseConfig } from '../../src/config';
import { createLogger } from '../../src/logger';
import { startService } from '../../src/service';
import { TEST_TODAY, type TestService } from './service';

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
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cbp-bot-'));
  const logs: LogLine[] = [];
  const logger = createLogger('debug', {
    write: (line: string) => {
      for (const part of line.split('\n')) if (part.trim()) logs.push(JSON.parse(part) as LogLine);
    },
  });
  const config = parseConfig({
    PORT: '0',
    HOST: '127.0.0.1',
    RECORDS_DIR: path.join(dir, 'records'),
    ESCALATION_DIR: path.join(dir, 'outbox'),
    ...env,
  });
  const service = await startService(config, { logger, clock: fixedClock(options.today ?? TEST_TODAY) });
  return {
    ...service,
    dir,
    logs,
    close: async () => {
      await service.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

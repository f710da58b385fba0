/**
 * Starts the real service for a test: real restify server on a free loopback port, real
 * knowledge and rules, a temporary folder for records and the outbox, a fixed clock.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseConfig } from '../../src/config';
import { fixedClock } from '../../src/clock';
import { Logger, silentLogger } from '../../src/logger';
import { startService, RunningService } from '../../src/service';

export const TEST_TODAY = '2026-11-25';

export interface TestService extends RunningService {
  dir: string;
}

export async function startTestService(env: Record<string, string> = {}, options: { today?: string; logger?: Logger } = {}): Promise<TestService> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cbp-bot-'));
  const config = parseConfig({
    PORT: '0',
    HOST: '127.0.0.1',
    RECORDS_DIR: path.join(dir, 'records'),
    ESCALATION_DIR: path.join(dir, 'outbox'),
    ...env,
  });
  const service = await startService(config, { logger: options.logger ?? silentLogger, clock: fixedClock(options.today ?? TEST_TODAY) });
  return {
    ...service,
    dir,
    close: async () => {
      await service.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

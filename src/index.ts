/**
 * Entry point: read the configuration, start the service, stop gracefully on SIGTERM/SIGINT.
 */
import './requireSupportedNode'; // first: on an unsupported Node.js, one line and exit 1
import './compileCache'; // then: starts after the first reuse compiled code
import { ContentError } from './app';
import { ConfigError, loadConfig } from './config';
import { createLogger, logDestination } from './logger';
import { startService } from './service';

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      for (const line of err.problems) console.error(`Configuration error: ${line}`);
      process.exit(2);
    }
    throw err;
  }
  const logger = createLogger(config.LOG_LEVEL, logDestination(config.BOT_ENV)); // pretty in development on a terminal, JSON otherwise
  let service;
  try {
    service = await startService(config, { logger });
  } catch (err) {
    if (err instanceof ContentError) {
      for (const line of err.problems) console.error(`Content error: ${line}`);
      process.exit(3);
    }
    if ((err as NodeJS.ErrnoException).code === 'EADDRINUSE') {
      console.error(`Port ${config.PORT} is already in use. Stop the other program or set PORT to a free port.`);
      process.exit(4);
    }
    throw err;
  }
  console.log(`CBP E-Commerce Assistant is running: ${service.url}/api/messages (Bot Framework Emulator) · ${service.url}/ (web page)`);

  const shutdown = (signal: string) => {
    logger.info({ signal }, 'shutting down');
    service.close().then(
      () => process.exit(0),
      (err) => {
        logger.error({ err }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', () => shutdown('SIGTERM'));
  process.once('SIGINT', () => shutdown('SIGINT'));
}

main().catch((err) => {
  console.error('The bot could not start:', err instanceof Error ? err.message : err);
  process.exit(1);
});

/**
 * Starts and stops the whole service: bot core, adapter, HTTP server, background mailer.
 * `index.ts` calls it with the process configuration; tests call it with their own (port 0).
 */
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { BotCore, BotCoreOptions, createBotCore } from './app';
import type { AppConfig } from './config';
import type { Logger } from './logger';
import { createAdapter, createServer, InFlight } from './server';
import { createSharedStores } from './composition/sharedStores';
import type { Taught, TaughtStore } from './knowledge/taught';
import { tenantAllowListNotice } from './channels/teams';
import { Metrics } from './metrics';
import { blobContainersProbe, blobWriteProbe, cachedProbe, createReadiness, directoryWriteProbe } from './readiness';

export interface RunningService {
  /** e.g. http://127.0.0.1:3978 */
  url: string;
  core: BotCore;
  /** Stops accepting, lets turns in flight finish, flushes pending work. */
  close(): Promise<void>;
}

/**
 * `/readyz` (src/readiness.ts): knowledge and rules, shared storage (blob), the outbox written
 * to (its pending/ folder, or a blob in the outbox container), the mailer not stuck.
 */
function serviceReadiness(config: AppConfig, core: BotCore, storage: 'memory' | 'blob') {
  const escalation = core.services.escalation;
  const blob = storage === 'blob' && config.AZURE_STORAGE_CONNECTION_STRING ? config.AZURE_STORAGE_CONNECTION_STRING : undefined;
  return createReadiness({
    content: core.content,
    mailer: () => escalation.health(),
    ...(blob
      ? { storage: cachedProbe(blobContainersProbe(blob, [config.STATE_CONTAINER, config.OUTBOX_CONTAINER, config.RECORDS_CONTAINER]), { details: { kind: 'blob' } }) }
      : {}),
    outbox: blob
      ? cachedProbe(blobWriteProbe(blob, config.OUTBOX_CONTAINER), { details: { kind: 'blob' } })
      : cachedProbe(directoryWriteProbe(path.join(escalation.config.escalationDir, 'pending')), { details: { kind: 'directory' } }),
  });
}

/** How long a shutdown waits for turns in flight. */
const DRAIN_MS = 10_000;

/**
 * @example
 * const service = await startService(parseConfig({ PORT: '0' }), { logger });
 * // … POST to `${service.url}/api/messages` …
 * await service.close();
 */
export async function startService(config: AppConfig, options: Omit<BotCoreOptions, 'logger'> & { logger: Logger }): Promise<RunningService> {
  const { logger } = options;
  // Conversation state, outbox and records: this process's memory and files, or Azure Blob
  // Storage shared by every instance (STATE_STORAGE=blob).
  const shared = createSharedStores(
    {
      kind: config.STATE_STORAGE,
      connectionString: config.AZURE_STORAGE_CONNECTION_STRING,
      container: config.STATE_CONTAINER,
      outboxContainer: config.OUTBOX_CONTAINER,
      recordsContainer: config.RECORDS_CONTAINER,
      // Memory only: idle conversations are forgotten, and at most this many are kept.
      ttlMs: config.STATE_TTL_MINUTES * 60_000,
      maxConversations: config.STATE_MAX_CONVERSATIONS,
      ...(options.clock ? { clock: options.clock } : {}),
    },
    { logger },
  );
  await shared.ready();
  logger.info({ storage: shared.description }, 'state storage ready');
  if (shared.kind === 'blob' && !config.SMTP_URL) {
    // The shared outbox would mark each email sent once one instance wrote it as an .eml file
    // to its own local disk, where nobody reads it (and which App Service may discard).
    logger.warn('STATE_STORAGE=blob without SMTP_URL: escalation emails are written as .eml files to the local disk of whichever instance delivers them. Set SMTP_URL.');
  }
  // Metrics (METRICS_ENABLED): one registry per service; the core counts knowledge outcomes.
  const metrics = config.METRICS_ENABLED ? new Metrics() : undefined;
  // Taught questions (`teach`) from shared storage when scaled out; unreadable → none, and `reload` says why.
  let taught: { store: TaughtStore; initial: Taught } | undefined;
  if (shared.taught) {
    let initial: Taught = {};
    try {
      initial = await shared.taught.read();
    } catch (err) {
      logger.error({ err }, 'taught questions could not be read from shared storage; starting without them');
    }
    taught = { store: shared.taught, initial };
  }
  const core = createBotCore(config, {
    storage: shared.state,
    ...(shared.records ? { records: shared.records } : {}),
    ...(taught ? { taught } : {}),
    ...(shared.outboxStore ? { outboxStore: shared.outboxStore } : {}),
    ...(metrics ? { metrics } : {}),
    ...options,
  });
  metrics?.watchEscalations(() => core.services.escalation.health());
  const adapter = createAdapter(config, logger, core, metrics);
  const inFlight = new InFlight();
  const { server, directLine } = createServer({
    config,
    logger,
    adapter,
    core,
    inFlight,
    ...(metrics ? { metrics } : {}),
    readiness: serviceReadiness(config, core, shared.kind),
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.PORT, config.HOST, () => {
      server.removeListener('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const host = config.HOST === '0.0.0.0' || config.HOST === '::' ? '127.0.0.1' : config.HOST;
  const url = `http://${host}:${address.port}`;
  core.services.escalation.start();
  logger.info({ url, auth: Boolean(config.MicrosoftAppId), env: config.BOT_ENV }, 'CBP E-Commerce Assistant listening');
  const tenantNotice = tenantAllowListNotice(config.ALLOWED_TENANT_IDS, config.BOT_ENV);
  if (tenantNotice) logger.warn(tenantNotice);

  let closing: Promise<void> | undefined;
  const close = () => {
    closing ??= (async () => {
      const stopped = new Promise<void>((resolve) => server.close(() => resolve()));
      server.server.closeIdleConnections?.();
      await inFlight.idle(DRAIN_MS);
      server.server.closeAllConnections?.();
      await stopped;
      directLine?.close();
      await core.services.escalation.stop();
      await core.services.records.close?.(); // usage records: flush and close the open file
      logger.info('stopped');
    })();
    return closing;
  };
  return { url, core, close };
}

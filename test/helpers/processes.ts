/**
 * What tests and benchmarks need to start a bot (or an emulator) as a child process: a free
 * loopback port, and an environment without the parent's bot settings. One copy, used by
 * test/helpers/botChild.ts, test/helpers/azurite.ts and bench/lib/proc.ts.
 *
 * @example
 * const port = await freePort();
 * spawn(process.execPath, ['-r', 'tsx/cjs', 'src/index.ts'], { env: childEnvironment({ PORT: String(port) }) });
 */
import net from 'node:net';

/**
 * Names of the parent's environment that would change how a child bot runs: every setting
 * src/config.ts reads (test/helpers/processes.test.ts keeps this complete), the Bot Framework
 * credentials (`Microsoft…`), and NODE_OPTIONS (a parent's `--inspect` or preload must not leak).
 */
export const BOT_SETTINGS =
  /^(Microsoft|NODE_OPTIONS$|DIRECT_LINE_|SMTP_|MAIL_|ECOMMERCE_|ESCALATION_|EMAIL_|BOT_ENV$|PORT$|HOST|TODAY$|LOG_LEVEL$|RECORDS_|KNOWLEDGE_DIR$|RULES_FILE$|RATE_LIMIT_|METRICS_|TYPING_|SLOW_TURN_|UNDERSTANDING_|STATE_|OUTBOX_|AZURE_STORAGE_|ALLOWED_|WEBCHAT_|PUBLIC_BASE_URL$|MAX_)/;

/**
 * The parent's environment without its bot settings, with `env` on top.
 *
 * @example
 * childEnvironment({ TODAY: '2026-11-25' }).TODAY; // '2026-11-25', whatever the parent's TODAY
 */
export function childEnvironment(env: Record<string, string> = {}, parent: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  const base = Object.fromEntries(Object.entries(parent).filter(([name]) => !BOT_SETTINGS.test(name)));
  return { ...base, ...env };
}

/**
 * A loopback port nobody listens on right now (for a child that must be told its port, or a
 * test that needs a closed one).
 *
 * @example
 * const port = await freePort(); // e.g. 41234
 */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

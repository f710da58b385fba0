/**
 * Runs the real bot (`src/index.ts`, through tsx) as a child process, for tests that kill it.
 * Its address is read from the line index.ts prints when it listens; it gets a free loopback port.
 *
 * @example
 * const bot = await startBotChild({ ESCALATION_DIR: dir, SMTP_URL: smtp.url() });
 * await say(bot.url, channel, 'conv-1', 'hello');
 * await bot.kill('SIGKILL');
 */
import { spawn, type ChildProcess } from 'node:child_process';
import net, { type AddressInfo } from 'node:net';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..');
/** Settings of the parent's environment that would change how the child bot runs. */
const INHERITED_BOT_SETTINGS = /^(Microsoft|DIRECT_LINE|SMTP_|MAIL_|ECOMMERCE_|ESCALATION_|BOT_ENV|PORT|HOST|TODAY|LOG_LEVEL|RECORDS_DIR|KNOWLEDGE_DIR|RULES_FILE)/;

export interface BotChild {
  /** e.g. http://127.0.0.1:41234 */
  url: string;
  process: ChildProcess;
  /** Everything the child wrote to stderr so far. */
  stderr(): string;
  /** Sends the signal and resolves once the process has exited. */
  kill(signal?: NodeJS.Signals): Promise<void>;
}

/** A loopback port nobody listens on right now. */
export async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/**
 * Starts `node -r tsx/cjs src/index.ts` with `env` on top of a clean environment; resolves once
 * it listens, rejects when it exits first or does not listen within `timeoutMs`.
 */
export async function startBotChild(env: Record<string, string>, timeoutMs = 30_000): Promise<BotChild> {
  const base = Object.fromEntries(Object.entries(process.env).filter(([k]) => !INHERITED_BOT_SETTINGS.test(k)));
  const child = spawn(process.execPath, ['-r', 'tsx/cjs', 'src/index.ts'], {
    cwd: ROOT,
    env: { ...base, PORT: String(await freePort()), HOST: '127.0.0.1', LOG_LEVEL: 'silent', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));

  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`the bot did not start within ${timeoutMs} ms:\n${stderr}`));
    }, timeoutMs);
    child.stdout!.on('data', (chunk: Buffer) => {
      stdout += chunk.toString('utf8');
      const m = /running: (http:\/\/[^\s/]+)\/api\/messages/.exec(stdout);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`the bot exited before listening (code ${code}, signal ${signal}):\n${stderr}`));
    });
  });

  return {
    url,
    process: child,
    stderr: () => stderr,
    kill: async (signal = 'SIGTERM') => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      await exited;
    },
  };
}

/**
 * Runs the real bot as a child process — the sources through tsx, or with `built` the compiled
 * `dist/src/index.js` (the smoke test) — for tests that kill it or read its exit. Its address is
 * read from the line index.ts prints when it listens; it gets a free loopback port.
 *
 * @example
 * const bot = await startBotChild({ ESCALATION_DIR: dir, SMTP_URL: smtp.url() });
 * await say(bot.url, channel, 'conv-1', 'hello');
 * await bot.kill('SIGKILL');
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { childEnvironment, freePort } from './processes';

const ROOT = path.resolve(__dirname, '..', '..');

export interface BotChild {
  /** e.g. http://127.0.0.1:41234 */
  url: string;
  process: ChildProcess;
  /** Everything the child wrote to stderr so far. */
  stderr(): string;
  /** Sends the signal and resolves once the process has exited. */
  kill(signal?: NodeJS.Signals): Promise<void>;
  /** Resolves with how the process ended. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

export interface BotChildOptions {
  /** How long it may take to listen (default 30 s). */
  timeoutMs?: number;
  /** Run the compiled dist/src/index.js instead of the sources. */
  built?: boolean;
  /** The child's LOG_LEVEL (default silent). */
  logLevel?: string;
}

/**
 * Starts the bot with `env` on top of a clean environment; resolves once it listens, rejects
 * when it exits first or does not listen within `timeoutMs`.
 */
export async function startBotChild(env: Record<string, string>, options: BotChildOptions = {}): Promise<BotChild> {
  const { timeoutMs = 30_000, built = false, logLevel = 'silent' } = options;
  const args = built ? [path.join(ROOT, 'dist', 'src', 'index.js')] : ['-r', 'tsx/cjs', 'src/index.ts'];
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    env: childEnvironment({ PORT: String(await freePort()), HOST: '127.0.0.1', LOG_LEVEL: logLevel, ...env }),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));

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
    void exited.then(({ code, signal }) => {
      clearTimeout(timer);
      reject(new Error(`the bot exited before listening (code ${code}, signal ${signal}):\n${stderr}\nstdout:\n${stdout}`));
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
    exited,
  };
}

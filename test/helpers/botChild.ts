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
}

/**
 * Starts `node -r tsx/cjs src/index.ts` with `env` on top of a clean environment; resolves once
 * it listens, rejects when it exits first or does not listen within `timeoutMs`.
 */
export async function startBotChild(env: Record<string, string>, timeoutMs = 30_000): Promise<BotChild> {
  const child = spawn(process.execPath, ['-r', 'tsx/cjs', 'src/index.ts'], {
    cwd: ROOT,
    env: childEnvironment({ PORT: String(await freePort()), HOST: '127.0.0.1', LOG_LEVEL: 'silent', ...env }),
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

/**
 * A real Azure Storage emulator for tests: Azurite 3.35 from node_modules, started as a child
 * process on loopback with a free port, data in memory (or in a temporary folder), no access
 * log, no telemetry. Reusable by any test that needs Azure Blob Storage, including tests that
 * start several bot processes against one emulator (pass `connectionString` to each).
 *
 * The emulator never outlives the test process: it is killed by `stop()`, by an `exit` hook in
 * this process, and — should this process die without running either — it exits by itself when
 * its IPC channel to this process closes.
 *
 * @example
 * let azurite: AzuriteServer;
 * beforeAll(async () => { azurite = await startAzurite(); });
 * afterAll(() => azurite.stop());
 * // …new BlobsStorage(azurite.connectionString, 'bot-state')…
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

/** Azurite's well-known development account (public, documented by Microsoft; not a secret). */
export const AZURITE_ACCOUNT = 'devstoreaccount1';
export const AZURITE_KEY = 'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==';

export interface AzuriteOptions {
  /** Also start the queue service. Default false (the bot uses blobs only). */
  queue?: boolean;
  /** Blob port; default 0 = a free port chosen by the emulator. */
  blobPort?: number;
  /** Keep data in this folder instead of memory (e.g. to restart the emulator on the same data). */
  location?: string;
  /** How long to wait for the emulator to listen. Default 20 s. */
  startTimeoutMs?: number;
}

export interface AzuriteServer {
  /** `DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=…;BlobEndpoint=http://127.0.0.1:PORT/devstoreaccount1;` (+ QueueEndpoint). */
  readonly connectionString: string;
  readonly blobEndpoint: string;
  readonly blobPort: number;
  readonly queueEndpoint?: string;
  readonly queuePort?: number;
  /** Process ids of the emulator processes (for tests that check nothing is left behind). */
  readonly pids: number[];
  /** Kills the emulator and removes its temporary folder. Safe to call twice. */
  stop(): Promise<void>;
}

const AZURITE_DIR = path.dirname(require.resolve('azurite/package.json'));
const MAIN = {
  blob: path.join(AZURITE_DIR, 'dist', 'src', 'blob', 'main.js'),
  queue: path.join(AZURITE_DIR, 'dist', 'src', 'queue', 'main.js'),
} as const;
const LISTENING = /successfully listens on https?:\/\/[^\s:]+:(\d+)/;

/**
 * Runs Azurite's entry script inside a small wrapper: the wrapper exits as soon as the IPC
 * channel to the parent closes (the parent died), so a crashed test run leaves nothing behind.
 */
const WRAPPER = `
process.on('disconnect', () => process.exit(0));
const args = JSON.parse(process.env.AZURITE_TEST_ARGS);
process.argv = [process.argv[0], args.main, ...args.argv];
require(args.main);
`;

const running = new Set<ChildProcess>();
let exitHookInstalled = false;

function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.once('exit', () => {
    for (const child of running) killQuietly(child);
  });
}

function killQuietly(child: ChildProcess): void {
  if (child.exitCode !== null || child.signalCode !== null) return;
  try {
    child.kill('SIGKILL');
  } catch {
    // already gone
  }
}

interface StartedService {
  child: ChildProcess;
  port: number;
}

async function startService(service: 'blob' | 'queue', port: number, location: string, inMemory: boolean, timeoutMs: number): Promise<StartedService> {
  const argv =
    service === 'blob'
      ? ['--blobHost', '127.0.0.1', '--blobPort', String(port)]
      : ['--queueHost', '127.0.0.1', '--queuePort', String(port)];
  argv.push('--skipApiVersionCheck', '--loose', '--silent', '--disableTelemetry');
  // In memory, the folder is only the working directory (Azurite refuses both options together).
  if (inMemory) argv.push('--inMemoryPersistence', '--extentMemoryLimit', '256');
  else argv.push('--location', location);

  const env: NodeJS.ProcessEnv = { ...process.env, AZURITE_TEST_ARGS: JSON.stringify({ main: MAIN[service], argv }) };
  delete env.AZURITE_ACCOUNTS; // always the well-known development account
  const child = spawn(process.execPath, ['-e', WRAPPER], { cwd: location, env, stdio: ['ignore', 'pipe', 'pipe', 'ipc'] });
  running.add(child);
  installExitHook();
  child.once('exit', () => running.delete(child));

  let output = '';
  try {
    const actualPort = await new Promise<number>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`Azurite ${service} did not start within ${timeoutMs} ms:\n${output}`)), timeoutMs);
      const onData = (chunk: Buffer) => {
        output += chunk.toString('utf8');
        const m = LISTENING.exec(output);
        if (m) {
          clearTimeout(timer);
          resolve(Number(m[1]));
        }
      };
      child.stdout!.on('data', onData);
      child.stderr!.on('data', onData);
      child.once('error', (err) => {
        clearTimeout(timer);
        reject(err);
      });
      child.once('exit', (code, signal) => {
        clearTimeout(timer);
        reject(new Error(`Azurite ${service} exited before listening (code ${code}, signal ${signal}):\n${output}`));
      });
    });
    await waitForTcp(actualPort, timeoutMs);
    // From here on the emulator must not keep this process alive on its own: stop() or the
    // exit hook ends it. Keep draining its output so it can never block on a full pipe.
    child.stdout!.removeAllListeners('data');
    child.stderr!.removeAllListeners('data');
    child.stdout!.resume();
    child.stderr!.resume();
    (child.stdout as unknown as net.Socket).unref?.();
    (child.stderr as unknown as net.Socket).unref?.();
    child.channel?.unref();
    child.unref();
    return { child, port: actualPort };
  } catch (err) {
    killQuietly(child);
    throw err;
  }
}

function waitForTcp(port: number, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  return new Promise((resolve, reject) => {
    const attempt = () => {
      const socket = net.connect({ host: '127.0.0.1', port });
      socket.once('connect', () => {
        socket.destroy();
        resolve();
      });
      socket.once('error', (err) => {
        socket.destroy();
        if (Date.now() > deadline) reject(err);
        else setTimeout(attempt, 50);
      });
    };
    attempt();
  });
}

function waitForExit(child: ChildProcess, timeoutMs: number): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, timeoutMs);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

/**
 * Starts Azurite (blob, optionally queue) and resolves once it accepts connections.
 *
 * @example
 * const azurite = await startAzurite();
 * const storage = createStateStorage({ kind: 'blob', connectionString: azurite.connectionString });
 * await azurite.stop();
 */
export async function startAzurite(options: AzuriteOptions = {}): Promise<AzuriteServer> {
  const timeoutMs = options.startTimeoutMs ?? 20_000;
  const temporary = options.location === undefined ? fs.mkdtempSync(path.join(os.tmpdir(), 'azurite-')) : undefined;
  const location = options.location ?? temporary!;
  fs.mkdirSync(location, { recursive: true });
  const inMemory = options.location === undefined;

  const started: StartedService[] = [];
  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    for (const { child } of started) killQuietly(child);
    await Promise.all(started.map(({ child }) => waitForExit(child, 5_000)));
    if (temporary) fs.rmSync(temporary, { recursive: true, force: true });
  };

  try {
    const starting = [startService('blob', options.blobPort ?? 0, location, inMemory, timeoutMs)];
    if (options.queue) starting.push(startService('queue', 0, location, inMemory, timeoutMs));
    const results = await Promise.allSettled(starting);
    for (const r of results) if (r.status === 'fulfilled') started.push(r.value);
    const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    if (failed) throw failed.reason;
    const blob = started[0]!;
    const queue = options.queue ? started[1] : undefined;
    const blobEndpoint = `http://127.0.0.1:${blob.port}/${AZURITE_ACCOUNT}`;
    const queueEndpoint = queue ? `http://127.0.0.1:${queue.port}/${AZURITE_ACCOUNT}` : undefined;
    const connectionString =
      `DefaultEndpointsProtocol=http;AccountName=${AZURITE_ACCOUNT};AccountKey=${AZURITE_KEY};BlobEndpoint=${blobEndpoint};` +
      (queueEndpoint ? `QueueEndpoint=${queueEndpoint};` : '');
    return {
      connectionString,
      blobEndpoint,
      blobPort: blob.port,
      ...(queue ? { queueEndpoint, queuePort: queue.port } : {}),
      pids: started.map(({ child }) => child.pid!).filter((pid) => pid !== undefined),
      stop,
    };
  } catch (err) {
    await stop();
    throw err;
  }
}

/** A loopback port that is free right now (re-exported: the azurite tests import it from here). */
export { freePort } from './processes';

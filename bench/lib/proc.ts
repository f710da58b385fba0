/**
 * Child processes for the benchmarks: build, spawn a server on a free loopback port, wait until
 * it answers, read its CPU time and memory from /proc, stop it.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { childEnvironment, freePort } from '../../test/helpers/processes';

export const ROOT = path.resolve(__dirname, '..', '..');

/** How to run a TypeScript entry point: compiled (dist/) or through tsx. */
export type Runner = 'dist' | 'tsx';

/**
 * Compiles the project into dist/ (tsconfig.json) so the benchmark runs what `npm start` runs.
 * Returns the seconds it took.
 */
export function buildDist(): number {
  const started = process.hrtime.bigint();
  const tsc = path.join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
  try {
    execFileSync(process.execPath, [tsc, '-p', 'tsconfig.json'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (err) {
    // tsc emits even with type errors (noEmitOnError is off); only a missing output is fatal.
    const out = String((err as { stdout?: Buffer }).stdout ?? '');
    if (!fs.existsSync(path.join(ROOT, 'dist', 'src', 'index.js'))) throw new Error(`the build failed:\n${out}`);
    process.stderr.write(`note: tsc reported type errors (the build was emitted anyway):\n${out.split('\n').slice(0, 5).join('\n')}\n`);
  }
  return Number(process.hrtime.bigint() - started) / 1e9;
}

/** node arguments that run `entry` (a .ts path relative to the root) with `runner`. */
export function entryArgs(entry: string, runner: Runner): string[] {
  if (runner === 'tsx') return ['-r', 'tsx/cjs', entry];
  return [path.join('dist', entry.replace(/\.ts$/, '.js'))];
}

export interface ServerChild {
  url: string;
  pid: number;
  process: ChildProcess;
  stderr(): string;
  stop(): Promise<void>;
}

/**
 * Spawns `node <nodeArgs>` with PORT/HOST on a free loopback port and `env` on top of a
 * cleaned environment; resolves once `readyPath` answers 200.
 */
export async function spawnServer(nodeArgs: string[], env: Record<string, string>, options: { readyPath?: string; timeoutMs?: number } = {}): Promise<ServerChild & { startMs: number }> {
  const port = await freePort();
  const started = performance.now();
  const child = spawn(process.execPath, nodeArgs, {
    cwd: ROOT,
    env: childEnvironment({ PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'silent', ...env }),
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + (options.timeoutMs ?? 60_000);
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`${nodeArgs.join(' ')} exited before it was ready:\n${stderr}`);
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`${nodeArgs.join(' ')} was not ready in time:\n${stderr}`);
    }
    try {
      const res = await fetch(`${url}${options.readyPath ?? '/healthz'}`);
      await res.arrayBuffer();
      if (res.status === 200) break;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  const startMs = performance.now() - started;
  return {
    url,
    pid: child.pid!,
    process: child,
    startMs,
    stderr: () => stderr,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

let clockTicks: number | undefined;
function ticksPerSecond(): number {
  if (clockTicks === undefined) {
    try {
      clockTicks = Number(execFileSync('getconf', ['CLK_TCK']).toString().trim()) || 100;
    } catch {
      clockTicks = 100;
    }
  }
  return clockTicks;
}

/** CPU seconds (user + system) a process has used so far, from /proc/<pid>/stat. */
export function processCpuSeconds(pid: number): number {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  // Fields after the command name (which is in parentheses and may hold spaces).
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const utime = Number(fields[11]);
  const stime = Number(fields[12]);
  return (utime + stime) / ticksPerSecond();
}

/** Resident memory now and its peak (VmRSS, VmHWM) in bytes, from /proc/<pid>/status. */
export function processMemory(pid: number): { rss: number; peakRss: number } {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (name: string) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? Number.NaN) * 1024;
  return { rss: kb('VmRSS'), peakRss: kb('VmHWM') };
}

/** Samples a process's resident memory every `everyMs`; `stop()` returns the highest seen. */
export function sampleRss(pid: number, everyMs = 100): { stop(): number } {
  let peak = 0;
  const read = () => {
    try {
      peak = Math.max(peak, processMemory(pid).rss);
    } catch {
      // the process is gone
    }
  };
  read();
  const timer = setInterval(read, everyMs);
  return {
    stop: () => {
      clearInterval(timer);
      read();
      return peak;
    },
  };
}

/** The machine, for the figures: cores, CPU model, Node version. */
export function machine(): { nproc: number; cpu: string; node: string; os: string } {
  let cpu = 'unknown';
  try {
    cpu = /^model name\s*:\s*(.+)$/m.exec(fs.readFileSync('/proc/cpuinfo', 'utf8'))?.[1]?.trim() ?? cpu;
  } catch {
    // not Linux
  }
  const nproc = (() => {
    try {
      return Number(execFileSync('nproc').toString().trim());
    } catch {
      return os.availableParallelism?.() ?? os.cpus().length;
    }
  })();
  return { nproc, cpu, node: process.version, os: `${process.platform} ${os.release()}` };
}

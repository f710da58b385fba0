/**
 * The production memory profile (issue 15, item 5): the node flags the container image runs the
 * bot with, read from the Dockerfile's `NODE_OPTIONS`, so the benchmarks measure exactly what is
 * deployed — not a copy that could drift.
 */
import fs from 'node:fs';
import path from 'node:path';
import os from 'node:os';

/**
 * The node flags in the Dockerfile's `NODE_OPTIONS` (e.g. `['--max-old-space-size=128']`); empty
 * when it sets none.
 *
 * @example
 * productionNodeFlags('/work/main'); // ['--max-old-space-size=128', '--max-semi-space-size=8']
 */
export function productionNodeFlags(root: string): string[] {
  let text = '';
  try {
    text = fs.readFileSync(path.join(root, 'Dockerfile'), 'utf8');
  } catch {
    return [];
  }
  const match = /NODE_OPTIONS=(?:"([^"]*)"|(\S+))/.exec(text);
  return (match?.[1] ?? match?.[2] ?? '').split(/\s+/).filter(Boolean);
}

/**
 * Node flags for a benchmark's bot process: `--node-options="…"` when given, none with
 * `--no-profile`, otherwise the production profile.
 */
export function botNodeFlags(root: string, flags: { has(name: string): boolean; string(name: string, fallback: string): string }): { flags: string[]; source: string } {
  if (flags.has('node-options')) return { flags: flags.string('node-options', '').split(/\s+/).filter(Boolean), source: '--node-options' };
  if (flags.has('no-profile')) return { flags: [], source: 'none (--no-profile)' };
  return { flags: productionNodeFlags(root), source: 'the production profile (Dockerfile NODE_OPTIONS)' };
}

/** The 1-, 5- and 15-minute load averages, for the figures (other work on a shared machine). */
export function loadAverage(): string {
  return os
    .loadavg()
    .map((v) => v.toFixed(2))
    .join(', ');
}

/**
 * Summarises a V8 CPU profile (`node --cpu-prof`) of the bot under load: main-thread CPU per turn,
 * split into where it went (the framework, the search, conversation state, records, GC, …).
 * Each sample is charged to the first frame on its stack, from the leaf up, that belongs to a
 * known area.
 */
import fs from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string };
  children?: number[];
}

interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** Areas, tried in order on each frame from the leaf up. */
const AREAS: Array<[string, (url: string, fn: string) => boolean]> = [
  ['conversation state (read, change hash, write)', (u, f) => /memoryStorage|botbuilder-stdlib\/lib\/stringify|botbuilder-core\/lib\/storage\.js|storage\/stateStorage/.test(u) || /calculateChangeHash|saveChanges/.test(f)],
  ['usage records (file append)', (u, f) => /\/records\//.test(u) || /^(mkdir|openFileHandle|writeFileHandle|appendFile)$/.test(f)],
  ['knowledge search', (u) => /\/src\/knowledge\/|minisearch/.test(u)],
  ['hardening + metrics', (u) => /\/src\/hardening\/|\/src\/metrics|prom-client|rate-limiter-flexible/.test(u)],
  ['bot, dialogs, rendering', (u) => /\/dialogs\/|\/src\/(bot|intents|channels|retries|staff|server)/.test(u)],
  ['Bot Connector client (serialize + send replies)', (u) => /core-client|core-rest-pipeline|ts-http-runtime|botframework-connector|azureCoreHttpCompat|core-tracing|core-util|abort-controller/.test(u)],
  ['botbuilder (adapter, activity handler, dialogs library)', (u) => /botbuilder|zod/.test(u)],
  ['restify', (u) => /restify/.test(u)],
];

export interface ProfileSummary {
  /** Main-thread CPU per turn (ms), idle and start-up excluded. */
  msPerTurn: number;
  areas: Array<{ area: string; share: number; usPerTurn: number }>;
}

export function summariseProfile(file: string, turns: number): ProfileSummary {
  const profile = JSON.parse(fs.readFileSync(file, 'utf8')) as CpuProfile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const selfTime = new Map<number, number>();
  profile.samples.forEach((id, i) => selfTime.set(id, (selfTime.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));

  const areaOf = (id: number): string => {
    const chain: ProfileNode[] = [];
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) chain.push(byId.get(cur)!);
    const leaf = chain[0]!.callFrame.functionName;
    if (leaf === '(idle)') return 'idle';
    if (leaf === '(garbage collector)') return 'garbage collection';
    if (chain.some((n) => /cjs\/loader|run_main/.test(n.callFrame.url) || /^Module\._/.test(n.callFrame.functionName))) return 'start-up';
    if (chain.some((n) => /\/src\/app\.js$/.test(n.callFrame.url) && /^(load|read)$/.test(n.callFrame.functionName))) return 'start-up';
    for (const frame of chain) {
      for (const [area, test] of AREAS) if (test(frame.callFrame.url, frame.callFrame.functionName)) return area;
    }
    return 'Node.js (http, net, timers, other)';
  };

  const totals = new Map<string, number>();
  for (const [id, micros] of selfTime) {
    const area = areaOf(id);
    totals.set(area, (totals.get(area) ?? 0) + micros);
  }
  const measured = [...totals].filter(([area]) => area !== 'idle' && area !== 'start-up').reduce((sum, [, v]) => sum + v, 0);
  return {
    msPerTurn: measured / 1000 / turns,
    areas: [...totals]
      .filter(([area]) => area !== 'idle' && area !== 'start-up')
      .sort((a, b) => b[1] - a[1])
      .map(([area, micros]) => ({ area, share: micros / measured, usPerTurn: micros / turns })),
  };
}

/**
 * Readiness (issue 14): can this instance serve right now? `/readyz` answers 503 with the
 * failing checks named, 200 when all pass, with the same JSON shape either way:
 *
 * ```json
 * { "status": "not ready", "failing": ["storage"],
 *   "checks": { "knowledge": { "ok": true, "documents": 124, "rules": 9 },
 *               "storage":   { "ok": false, "kind": "blob", "problem": "…", "checkedAt": "…" },
 *               "outbox":    { "ok": true, "kind": "directory", "checkedAt": "…" },
 *               "mailer":    { "ok": true, "running": true, "pending": 0, "failed": 0, … } },
 *   "knowledge": { "documents": 124 }, "outbox": { …mailer figures, emailCap… } }
 * ```
 *
 * The checks:
 * - **knowledge**: the knowledge base in force today has documents and the rule file has rules.
 * - **storage** (STATE_STORAGE=blob only): every blob container answers (one `getProperties`
 *   each, no retries, a short timeout); with memory storage there is nothing to reach.
 * - **outbox**: a probe file (or blob) can be written to and removed from the outbox.
 * - **mailer**: the background mailer runs, and no undelivered escalation whose attempts have
 *   failed is older than `mailerStuckAfterMs` (default 15 minutes: with the 1-minute-doubling
 *   backoff that is four failed attempts). Emails held by the email cap are not failing; emails
 *   already in failed/ are reported (`outbox.failed`) but do not make the instance unready —
 *   taking it out of rotation would not deliver them.
 *
 * Probes that touch storage run at most once per `cacheMs` (default 5 s) however often the
 * probe is called, and concurrent calls share one run.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { ContainerClient } from '@azure/storage-blob';
import { storageBlob } from './azure/blob';
import { systemClock } from './clock';

/** One check's verdict; `problem` says why not, in one line without secrets. */
export interface CheckResult {
  ok: boolean;
  problem?: string;
  [detail: string]: unknown;
}

export type CheckName = 'knowledge' | 'storage' | 'outbox' | 'mailer';

/** What `/readyz` sends (the server adds `status`). A type, not an interface: the server takes any record with `ready`. */
export type ReadinessReport = {
  ready: boolean;
  /** The checks that failed, in a fixed order; empty when ready. */
  failing: CheckName[];
  checks: Record<CheckName, CheckResult>;
  /** Kept from the earlier probe: documents in force today. */
  knowledge: { documents: number };
  /** Kept from the earlier probe: the mailer's last figures and the email cap. */
  outbox: unknown;
};

/** The parts of the loaded content the knowledge check reads (`Content` in app.ts). */
export interface ContentLike {
  knowledge(): { documents: readonly unknown[] };
  rules(): { rules: readonly unknown[] };
}

/** The mailer figures the mailer check reads (`OutboxHealth` in escalation/mailer.ts). */
export interface MailerFigures {
  running: boolean;
  pending: number;
  failed: number;
  oldestPendingAgeSeconds: number | null;
  oldestFailingAgeSeconds?: number | null;
  checkedAt: string | null;
}

export const DEFAULT_MAILER_STUCK_AFTER_MS = 15 * 60_000;
export const DEFAULT_PROBE_CACHE_MS = 5_000;
export const DEFAULT_PROBE_TIMEOUT_MS = 2_000;

/**
 * Knowledge and rules loaded and non-empty.
 *
 * @example
 * knowledgeCheck(core.content); // { ok: true, documents: 124, rules: 9 }
 */
export function knowledgeCheck(content: ContentLike): CheckResult {
  let documents: number;
  let rules: number;
  try {
    documents = content.knowledge().documents.length;
    rules = content.rules().rules.length;
  } catch (err) {
    return { ok: false, documents: 0, rules: 0, problem: `knowledge or rules could not be read: ${oneLine(err)}` };
  }
  if (documents === 0) return { ok: false, documents, rules, problem: 'no knowledge document is in force today' };
  if (rules === 0) return { ok: false, documents, rules, problem: 'the rule file has no rules' };
  return { ok: true, documents, rules };
}

/**
 * The mailer runs and is not stuck on failing messages (see the module comment for the rule).
 *
 * @example
 * mailerCheck({ running: true, pending: 1, failed: 0, oldestPendingAgeSeconds: 1200, oldestFailingAgeSeconds: 1200, checkedAt: null });
 * // { ok: false, problem: 'an escalation email has been failing to send for 20 minutes (limit 15)…', … }
 */
export function mailerCheck(figures: MailerFigures, stuckAfterMs = DEFAULT_MAILER_STUCK_AFTER_MS): CheckResult {
  const details = {
    running: figures.running,
    pending: figures.pending,
    failed: figures.failed,
    oldestFailingAgeSeconds: figures.oldestFailingAgeSeconds ?? null,
    stuckAfterMinutes: stuckAfterMs / 60_000,
    checkedAt: figures.checkedAt,
  };
  if (!figures.running) return { ok: false, ...details, problem: 'the escalation mailer is not running' };
  const failingSeconds = figures.oldestFailingAgeSeconds ?? null;
  if (failingSeconds !== null && failingSeconds * 1000 > stuckAfterMs) {
    return {
      ok: false,
      ...details,
      problem: `an escalation email has been failing to send for ${Math.round(failingSeconds / 60)} minutes (limit ${stuckAfterMs / 60_000}); see "npm run outbox" and the mailer's log`,
    };
  }
  return { ok: true, ...details };
}

/**
 * Runs `probe` at most once per `ttlMs` (success or failure is remembered alike), shares one
 * run among concurrent callers and gives up after `timeoutMs`.
 *
 * @example
 * const storage = cachedProbe(blobContainersProbe(connectionString, ['bot-state']), { details: { kind: 'blob' } });
 * await storage(); // { ok: true, kind: 'blob', checkedAt: '2026-11-25T17:00:00.000Z' }
 */
export function cachedProbe(
  probe: () => Promise<void>,
  options: { ttlMs?: number; timeoutMs?: number; now?: () => number; details?: Record<string, unknown> } = {},
): () => Promise<CheckResult> {
  const ttlMs = options.ttlMs ?? DEFAULT_PROBE_CACHE_MS;
  const timeoutMs = options.timeoutMs ?? DEFAULT_PROBE_TIMEOUT_MS;
  const now = options.now ?? (() => systemClock().getTime());
  let last: { at: number; result: Promise<CheckResult> } | undefined;
  return () => {
    const at = now();
    if (last && at - last.at < ttlMs) return last.result;
    const result = withTimeout(probe(), timeoutMs).then(
      (): CheckResult => ({ ok: true, ...options.details, checkedAt: new Date(at).toISOString() }),
      (err: unknown): CheckResult => ({ ok: false, ...options.details, problem: oneLine(err), checkedAt: new Date(at).toISOString() }),
    );
    last = { at, result };
    return result;
  };
}

/**
 * A probe that writes and removes a small file in `dir` (created if missing). The name starts
 * with a dot, so the outbox's listings skip it.
 *
 * @example
 * await directoryWriteProbe('var/outbox/pending')(); // throws EACCES, ENOSPC, EROFS, ENOTDIR…
 */
export function directoryWriteProbe(dir: string): () => Promise<void> {
  return async () => {
    await fs.mkdir(dir, { recursive: true });
    const file = path.join(dir, `.readyz-${process.pid}-${randomBytes(4).toString('hex')}`);
    await fs.writeFile(file, 'readiness probe\n');
    await fs.rm(file, { force: true });
  };
}

/** A blob client for probes: one try, a short timeout, never the retries a turn gets. */
function probeContainer(connectionString: string, container: string, timeoutMs: number): ContainerClient {
  return new (storageBlob().ContainerClient)(connectionString, container, { retryOptions: { maxTries: 1, tryTimeoutInMs: timeoutMs } });
}

/**
 * A probe that every container answers (`getProperties`: reachable, credentials good, container there).
 *
 * @example
 * await blobContainersProbe(connectionString, ['bot-state', 'bot-outbox', 'bot-records'])();
 */
export function blobContainersProbe(connectionString: string, containers: readonly string[], timeoutMs = DEFAULT_PROBE_TIMEOUT_MS): () => Promise<void> {
  const clients = containers.map((name) => probeContainer(connectionString, name, timeoutMs));
  return async () => {
    for (const client of clients) {
      try {
        await client.getProperties();
      } catch (err) {
        throw new Error(`blob container "${client.containerName}": ${oneLine(err)}`);
      }
    }
  };
}

/**
 * A probe that writes and deletes a small blob under `readyz/` in `container` (the outbox
 * store lists only its own prefixes, so the probe is never mistaken for a message).
 *
 * @example
 * await blobWriteProbe(connectionString, 'bot-outbox')();
 */
export function blobWriteProbe(connectionString: string, container: string, timeoutMs = DEFAULT_PROBE_TIMEOUT_MS): () => Promise<void> {
  const client = probeContainer(connectionString, container, timeoutMs);
  return async () => {
    const blob = client.getBlockBlobClient(`readyz/${process.pid}-${randomBytes(4).toString('hex')}`);
    const body = 'readiness probe\n';
    try {
      await blob.upload(body, Buffer.byteLength(body));
      await blob.deleteIfExists();
    } catch (err) {
      throw new Error(`blob container "${container}": ${oneLine(err)}`);
    }
  };
}

export interface ReadinessSources {
  content: ContentLike;
  /** The mailer's last figures (plus anything else to show under `outbox`, e.g. the email cap); synchronous, no storage access. */
  mailer: () => MailerFigures;
  /** Shared storage (blob) probe; undefined = memory, nothing to reach. */
  storage?: () => Promise<CheckResult>;
  /** Outbox write probe. */
  outbox: () => Promise<CheckResult>;
  mailerStuckAfterMs?: number;
}

const ORDER: readonly CheckName[] = ['knowledge', 'storage', 'outbox', 'mailer'];

/**
 * The readiness probe the server calls on every `GET /readyz`.
 *
 * @example
 * const readiness = createReadiness({ content, mailer: () => escalation.health(), outbox: cachedProbe(directoryWriteProbe(dir)) });
 * const report = await readiness(); // { ready: true, failing: [], checks: {…}, knowledge: {…}, outbox: {…} }
 */
export function createReadiness(sources: ReadinessSources): () => Promise<ReadinessReport> {
  return async () => {
    const [storage, outbox] = await Promise.all([
      sources.storage ? sources.storage() : Promise.resolve<CheckResult>({ ok: true, kind: 'memory' }),
      sources.outbox(),
    ]);
    const figures = sources.mailer();
    const knowledge = knowledgeCheck(sources.content);
    const checks: Record<CheckName, CheckResult> = { knowledge, storage, outbox, mailer: mailerCheck(figures, sources.mailerStuckAfterMs) };
    const failing = ORDER.filter((name) => !checks[name].ok);
    return { ready: failing.length === 0, failing, checks, knowledge: { documents: Number(knowledge.documents) }, outbox: figures };
  };
}

function withTimeout<T>(work: Promise<T>, timeoutMs: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
    timer.unref();
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

/** One bounded line from any error: its code (when it has one) and message. */
function oneLine(err: unknown): string {
  const e = err as { message?: unknown; code?: unknown };
  const message = typeof e?.message === 'string' ? e.message : String(err);
  const code = typeof e?.code === 'string' && !message.includes(e.code) ? ` (${e.code})` : '';
  return `${message.split('\n')[0]!.replace(/\s+/g, ' ').trim().slice(0, 200)}${code}`;
}

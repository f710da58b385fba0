/**
 * A large static file (Web Chat's 3.9 MB bundle) served compressed without compressing per
 * request: brotli (quality 11, ~640 KB) and gzip (level 9, ~950 KB) are made once, off the main
 * thread (a worker thread that never keeps the process alive), kept in memory and cached on disk
 * (`node_modules/.cache/cbp-webchat/` by default, keyed by the file's hash), so a restart or
 * another instance on the same disk reads them instead of compressing again.
 *
 * Until brotli is ready (tens of seconds on a busy machine, once), brotli-capable browsers get
 * gzip; gzip is ready within about a second of the first need. Each encoding has its own ETag
 * (`"<hash>-br"`, `"<hash>-gz"`, `"<hash>"`); any of them in If-None-Match answers 304, since all
 * are the same content.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import zlib from 'node:zlib';
import Negotiator from 'negotiator';

export type ContentCoding = 'br' | 'gzip' | 'identity';

const PREFERENCE: readonly ContentCoding[] = ['br', 'gzip', 'identity'];

/**
 * The coding to send among `available`, from the request's Accept-Encoding (q-values honoured,
 * `identity;q=0` and `*;q=0` too; on a tie brotli, then gzip). Undefined when nothing acceptable.
 *
 * @example
 * chooseEncoding('gzip, deflate, br', ['br', 'gzip', 'identity']); // 'br'
 * chooseEncoding('br;q=0, gzip', ['br', 'gzip', 'identity']);      // 'gzip'
 * chooseEncoding(undefined, ['br', 'gzip', 'identity']);           // 'identity'
 */
export function chooseEncoding(acceptEncoding: string | undefined, available: readonly ContentCoding[]): ContentCoding | undefined {
  const request = { headers: acceptEncoding === undefined ? {} : { 'accept-encoding': acceptEncoding } };
  const preferred = PREFERENCE.filter((c) => available.includes(c));
  // negotiator 1.x takes the tie-break order as a second argument; @types/negotiator (0.6) does not list it yet.
  const negotiator = new Negotiator(request) as unknown as { encodings(available: string[], options: { preferred: string[] }): string[] };
  const [best] = negotiator.encodings([...preferred], { preferred: [...preferred] });
  return best as ContentCoding | undefined;
}

/**
 * Does an If-None-Match header name one of `etags` (strong or weak form, or `*`)?
 *
 * @example
 * etagMatches('W/"abc-gz", "other"', ['"abc"', '"abc-gz"']); // true
 */
export function etagMatches(ifNoneMatch: string | undefined, etags: readonly string[]): boolean {
  if (!ifNoneMatch) return false;
  return ifNoneMatch.split(',').some((raw) => {
    const tag = raw.trim().replace(/^W\//, '');
    return tag === '*' || etags.includes(tag);
  });
}

export interface PrecompressedOptions {
  /** Where compressed copies are kept across restarts; undefined or unwritable → memory only. */
  cacheDir?: string;
  /** Brotli quality, 0–11; default 11 (the smallest; compressed once). */
  brotliQuality?: number;
  /** Warnings (an unwritable cache folder, a failed worker). */
  logger?: { warn(details: object, message: string): void };
}

/** One answer for a request: what to send and how to label it. */
export interface Representation {
  coding: ContentCoding;
  body: Buffer;
  etag: string;
}

/** Compresses in a worker thread: gzip first (fast), then brotli; each result is posted back as it is ready. */
const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const zlib = require('node:zlib');
const source = Buffer.from(workerData.source.buffer, workerData.source.byteOffset, workerData.source.byteLength);
const gzip = zlib.gzipSync(source, { level: 9 });
parentPort.postMessage({ coding: 'gzip', body: gzip });
const br = zlib.brotliCompressSync(source, { params: {
  [zlib.constants.BROTLI_PARAM_QUALITY]: workerData.brotliQuality,
  [zlib.constants.BROTLI_PARAM_MODE]: zlib.constants.BROTLI_MODE_TEXT,
  [zlib.constants.BROTLI_PARAM_SIZE_HINT]: source.length,
} });
parentPort.postMessage({ coding: 'br', body: br });
`;

/**
 * A file with its precompressed forms.
 *
 * @example
 * const bundle = new PrecompressedFile('/…/webchat.js', { cacheDir: 'node_modules/.cache/cbp-webchat' });
 * bundle.warm();                                             // start compressing now (e.g. when the page is served)
 * const r = await bundle.representation(req.headers['accept-encoding']); // { coding: 'br', body, etag: '"…-br"' }
 */
export class PrecompressedFile {
  private loaded?: Promise<{ content: Buffer; hash: string }>;
  private readonly ready = new Map<ContentCoding, Buffer>();
  private gzipWaiters: Array<() => void> = [];
  private warming = false;
  private readonly brotliQuality: number;

  constructor(readonly file: string, private readonly options: PrecompressedOptions = {}) {
    this.brotliQuality = options.brotliQuality ?? 11;
  }

  /** The ETags of every representation; any of them in If-None-Match means "unchanged". */
  async etags(): Promise<string[]> {
    const { hash } = await this.load();
    return PREFERENCE.map((coding) => etagFor(hash, coding));
  }

  /** Starts making the compressed forms (from the disk cache, else in a worker). Idempotent. */
  warm(): void {
    void this.startWarming().catch((err: unknown) => {
      this.options.logger?.warn({ err }, 'precompressed: could not prepare the compressed forms; serving gzip made in process');
      this.releaseGzipWaiters();
    });
  }

  /** Resolves once brotli is ready (tests, benchmarks). */
  async whenCompressed(timeoutMs = 120_000): Promise<void> {
    this.warm();
    for (let waited = 0; !this.ready.has('br'); waited += 50) {
      if (waited > timeoutMs) throw new Error(`brotli form of ${path.basename(this.file)} not ready after ${timeoutMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  /**
   * What to send for an Accept-Encoding: brotli when ready and accepted, else gzip (waiting for
   * it, about a second, the first time), else the file as is. Undefined: nothing acceptable.
   */
  async representation(acceptEncoding: string | undefined): Promise<Representation | undefined> {
    const { content, hash } = await this.load();
    this.warm();
    const available: ContentCoding[] = this.ready.has('br') ? ['br', 'gzip', 'identity'] : ['gzip', 'identity'];
    const coding = chooseEncoding(acceptEncoding, available);
    if (coding === undefined) return undefined;
    if (coding === 'identity') return { coding, body: content, etag: etagFor(hash, coding) };
    const body = this.ready.get(coding) ?? (await this.gzipNow());
    return { coding, body, etag: etagFor(hash, coding) };
  }

  private load(): Promise<{ content: Buffer; hash: string }> {
    this.loaded ??= fs.promises.readFile(this.file).then((content) => ({
      content,
      hash: crypto.createHash('sha256').update(content).digest('base64url').slice(0, 27),
    }));
    return this.loaded;
  }

  private cacheFile(hash: string, coding: 'br' | 'gzip'): string | undefined {
    if (!this.options.cacheDir) return undefined;
    const quality = coding === 'br' ? `q${this.brotliQuality}` : 'l9';
    return path.join(this.options.cacheDir, `${path.basename(this.file)}-${hash.slice(0, 16)}-${quality}.${coding === 'br' ? 'br' : 'gz'}`);
  }

  private async startWarming(): Promise<void> {
    if (this.warming) return;
    this.warming = true;
    const { content, hash } = await this.load();
    for (const coding of ['gzip', 'br'] as const) {
      const cached = this.cacheFile(hash, coding);
      const body = cached ? await fs.promises.readFile(cached).catch(() => undefined) : undefined;
      if (body) this.accept(coding, body);
    }
    if (this.ready.has('br') && this.ready.has('gzip')) return;
    const worker = new Worker(WORKER, { eval: true, workerData: { source: content, brotliQuality: this.brotliQuality } });
    worker.on('message', (message: { coding: 'br' | 'gzip'; body: Uint8Array }) => {
      const body = Buffer.from(message.body.buffer, message.body.byteOffset, message.body.byteLength);
      if (!this.ready.has(message.coding)) {
        this.accept(message.coding, body);
        void this.store(hash, message.coding, body);
      }
    });
    worker.on('error', (err) => {
      this.options.logger?.warn({ err }, 'precompressed: the compression worker failed; serving gzip made in process');
      this.releaseGzipWaiters();
    });
    worker.on('exit', () => this.releaseGzipWaiters());
    // Never keeps a process (a CLI, a test run) alive; after the listeners, which would ref it again.
    worker.unref();
  }

  private accept(coding: 'br' | 'gzip', body: Buffer): void {
    this.ready.set(coding, body);
    if (coding === 'gzip') this.releaseGzipWaiters();
  }

  private releaseGzipWaiters(): void {
    this.gzipWaiters.splice(0).forEach((resolve) => resolve());
  }

  /** gzip as soon as the worker has it; should the worker fail, made here (async, off the event loop). */
  private async gzipNow(): Promise<Buffer> {
    if (!this.ready.has('gzip')) await new Promise<void>((resolve) => this.gzipWaiters.push(resolve));
    const ready = this.ready.get('gzip');
    if (ready) return ready;
    const { content } = await this.load();
    const body = await new Promise<Buffer>((resolve, reject) => zlib.gzip(content, { level: 9 }, (err, out) => (err ? reject(err) : resolve(out))));
    this.ready.set('gzip', body);
    return body;
  }

  /** Writes a compressed form to the disk cache (temporary name, then rename: never half a file). */
  private async store(hash: string, coding: 'br' | 'gzip', body: Buffer): Promise<void> {
    const target = this.cacheFile(hash, coding);
    if (!target) return;
    const temporary = `${target}.${process.pid}.${crypto.randomBytes(4).toString('hex')}.tmp`;
    try {
      await fs.promises.mkdir(path.dirname(target), { recursive: true });
      await fs.promises.writeFile(temporary, body);
      await fs.promises.rename(temporary, target);
    } catch (err) {
      await fs.promises.rm(temporary, { force: true }).catch(() => undefined);
      this.options.logger?.warn({ err: (err as Error).message }, 'precompressed: cache folder not writable; compressed forms kept in memory only');
    }
  }
}

function etagFor(hash: string, coding: ContentCoding): string {
  return coding === 'identity' ? `"${hash}"` : `"${hash}-${coding === 'br' ? 'br' : 'gz'}"`;
}

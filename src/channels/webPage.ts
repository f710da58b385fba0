/**
 * Serves the CBP e-commerce page with the chat (`/`), the page's own assets (`/static/*`, from
 * `web/`) and Microsoft's Web Chat full bundle from `node_modules` at a versioned path — no CDN.
 * The bundle (3.9 MB) goes out precompressed, brotli or gzip by Accept-Encoding (./precompressed),
 * cached by browsers for a year (immutable: a new version has a new URL), with ETags and 304s.
 * The full bundle, not webchat-minimal.js: the minimal one has no Adaptive Cards, and the
 * duty-free verdict comes as one.
 *
 * The page carries a strict Content-Security-Policy: scripts only from this origin (Web Chat's
 * full bundle needs no eval), styles from this origin plus a per-request nonce (Web Chat injects
 * `<style>` tags; the widget hands the nonce to `renderWebChat({ nonce })`) plus the hash of an
 * empty style sheet (see EMPTY_STYLE_HASH).
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import type { Request, Response, Server } from 'restify';
import type { ChannelLogger } from '../http/httpUtils';
import { sendJsonError } from '../http/httpUtils';
import { escapeHtml } from '../text/html';
import { LOCAL_DIRECT_LINE_PATH } from './directline/channel';
import { DEFAULT_DIRECT_LINE_BASE_URL, TOKEN_ENDPOINT_PATH } from './tokenEndpoint';
import { etagMatches, PrecompressedFile } from './precompressed';

export type WebChatConnectionMode = 'local-directline' | 'token';

export interface WebPageOptions {
  /** `local-directline` (development) or `token` (production: /api/directline/token + Direct Line). */
  mode: WebChatConnectionMode;
  logger: ChannelLogger;
  /** The folder with index.html, widget.js and styles.css. Default: `<project>/web`. */
  webDir?: string;
  /** The Direct Line service the browser talks to in token mode (for connect-src and the widget). */
  directLineBaseUrl?: string;
  /** Who may frame the page (CSP frame-ancestors). Default `'none'`: the real site embeds with a div and a script, not a frame. */
  frameAncestors?: string[];
  /**
   * Where the bundle's brotli and gzip forms are kept across restarts. Default
   * `<project>/node_modules/.cache/cbp-webchat`; `false` = memory only.
   */
  bundleCacheDir?: string | false;
  /** Brotli quality of the bundle (0–11, default 11: the smallest; made once, in the background). */
  bundleBrotliQuality?: number;
}

/** Where the Web Chat bundle was found. */
export interface WebChatBundle {
  version: string;
  /** Absolute path of dist/webchat.js. */
  file: string;
  /** The URL path it is served at, e.g. /webchat/4.18.1/webchat.js. */
  urlPath: string;
}

/**
 * The nearest ancestor folder of `start` (inclusive) holding a package.json, optionally with a
 * given package name.
 *
 * @example
 * findPackageRoot(__dirname); // '/work/main'
 * findPackageRoot('/work/main/node_modules/botframework-webchat/lib', 'botframework-webchat');
 */
export function findPackageRoot(start: string, name?: string): string {
  let dir = path.resolve(start);
  for (;;) {
    const manifest = path.join(dir, 'package.json');
    if (fs.existsSync(manifest)) {
      if (name === undefined) return dir;
      try {
        if ((JSON.parse(fs.readFileSync(manifest, 'utf8')) as { name?: string }).name === name) return dir;
      } catch {
        // not a readable manifest: keep walking up
      }
    }
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`no package.json${name ? ` for ${name}` : ''} above ${start}`);
    dir = parent;
  }
}

/**
 * Locates Web Chat's full bundle through Node's resolution of the package (its `exports` map
 * hides `dist/` and package.json, so resolve the main entry and walk up to the package folder).
 *
 * @example
 * locateWebChatBundle(); // { version: '4.18.1', file: '…/botframework-webchat/dist/webchat.js', urlPath: '/webchat/4.18.1/webchat.js' }
 */
export function locateWebChatBundle(): WebChatBundle {
  const entry = require.resolve('botframework-webchat');
  const root = findPackageRoot(path.dirname(entry), 'botframework-webchat');
  const { version } = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string };
  const file = path.join(root, 'dist', 'webchat.js');
  if (!fs.existsSync(file)) throw new Error(`Web Chat ${version} has no dist/webchat.js at ${root}`);
  return { version, file, urlPath: `/webchat/${version}/webchat.js` };
}

/**
 * CSP hash of an empty style sheet. Web Chat 4.18.1 does not pass its nonce on to
 * react-scroll-to-bottom, whose emotion instance inserts an empty `<style>` element and then
 * fills it through CSSOM (insertRule, which CSP does not govern). Allowing exactly the empty
 * content lets that element exist without 'unsafe-inline': an injected `<style>` with any
 * content still does not match.
 */
export const EMPTY_STYLE_HASH = "'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='";

/**
 * The page's Content-Security-Policy.
 *
 * @example
 * contentSecurityPolicy({ nonce: 'abc', connectSrc: [], frameAncestors: ["'none'"] });
 * // "default-src 'self'; script-src 'self'; style-src 'self' 'nonce-abc' 'sha256-47DEQ…'; img-src 'self' data: blob:; connect-src 'self'; ..."
 */
export function contentSecurityPolicy(input: { nonce: string; connectSrc: string[]; frameAncestors: string[] }): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    `style-src 'self' 'nonce-${input.nonce}' ${EMPTY_STYLE_HASH}`,
    "img-src 'self' data: blob:",
    ['connect-src', "'self'", ...input.connectSrc].join(' '),
    "object-src 'none'",
    `frame-ancestors ${input.frameAncestors.join(' ')}`,
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

/**
 * The origins the browser must reach for a Direct Line base URL: HTTPS for REST, WSS for the
 * WebSocket stream Web Chat opens in token mode.
 *
 * @example
 * directLineConnectSources('https://directline.botframework.com');
 * // ['https://directline.botframework.com', 'wss://directline.botframework.com']
 */
export function directLineConnectSources(baseUrl: string): string[] {
  const url = new URL(baseUrl);
  const socket = url.protocol === 'https:' ? 'wss:' : 'ws:';
  return [url.origin, `${socket}//${url.host}`];
}

const STATIC_TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
};

function etagOf(content: Buffer): string {
  return `"${crypto.createHash('sha256').update(content).digest('base64url').slice(0, 27)}"`;
}

function notModified(req: Request, etag: string): boolean {
  return req.headers['if-none-match'] === etag;
}

/** A file read once, with its gzip form made on first use. */
class CachedAsset {
  private gzipped?: Promise<Buffer>;
  readonly etag: string;

  constructor(readonly content: Buffer) {
    this.etag = etagOf(content);
  }

  gzip(): Promise<Buffer> {
    this.gzipped ??= new Promise((resolve, reject) => zlib.gzip(this.content, { level: 6 }, (err, out) => (err ? reject(err) : resolve(out))));
    return this.gzipped;
  }
}

async function sendAsset(req: Request, res: Response, asset: CachedAsset, contentType: string, cacheControl: string): Promise<void> {
  res.setHeader('Content-Type', contentType);
  res.setHeader('Cache-Control', cacheControl);
  res.setHeader('ETag', asset.etag);
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Vary', 'Accept-Encoding');
  if (notModified(req, asset.etag)) {
    res.writeHead(304);
    res.end();
    return;
  }
  const acceptsGzip = /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
  const body = acceptsGzip && asset.content.length > 1024 ? await asset.gzip() : asset.content;
  if (body !== asset.content) res.setHeader('Content-Encoding', 'gzip');
  res.setHeader('Content-Length', String(body.length));
  res.writeHead(200);
  res.end(req.method === 'HEAD' ? undefined : body);
}

/**
 * The Web Chat bundle in the best encoding the browser accepts, with caching headers; 304 when
 * the browser already has it (any encoding's ETag counts: all are the same content).
 */
async function sendBundle(req: Request, res: Response, bundleFile: PrecompressedFile): Promise<void> {
  res.setHeader('Content-Type', 'text/javascript; charset=utf-8');
  res.setHeader('Cache-Control', 'public, max-age=31536000, immutable');
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Vary', 'Accept-Encoding');
  const accept = req.headers['accept-encoding'];
  const chosen = await bundleFile.representation(Array.isArray(accept) ? accept.join(',') : accept);
  if (!chosen) {
    sendJsonError(res, 406, 'not_acceptable', 'no acceptable content coding (br, gzip or identity)');
    return;
  }
  res.setHeader('ETag', chosen.etag);
  if (etagMatches(req.headers['if-none-match'], await bundleFile.etags())) {
    res.writeHead(304);
    res.end();
    return;
  }
  if (chosen.coding !== 'identity') res.setHeader('Content-Encoding', chosen.coding);
  res.setHeader('Content-Length', String(chosen.body.length));
  res.writeHead(200);
  res.end(req.method === 'HEAD' ? undefined : chosen.body);
}

/**
 * Registers `GET /` (the page), `GET /static/*` (files in web/), `GET /webchat/<version>/webchat.js`
 * (immutable, cached a year) and `GET /webchat/webchat.js` (a redirect to the current version,
 * for the embed snippet). Returns where the bundle is served.
 *
 * @example
 * const { urlPath } = registerWebPage(server, { mode: config.BOT_ENV === 'production' ? 'token' : 'local-directline', logger });
 */
export function registerWebPage(server: Server, options: WebPageOptions): WebChatBundle {
  const webDir = options.webDir ?? path.join(findPackageRoot(__dirname), 'web');
  const bundle = locateWebChatBundle();
  const directLineBaseUrl = (options.directLineBaseUrl ?? DEFAULT_DIRECT_LINE_BASE_URL).replace(/\/+$/, '');
  const connectSrc = options.mode === 'token' ? directLineConnectSources(directLineBaseUrl) : [];
  const frameAncestors = options.frameAncestors ?? ["'none'"];
  const logger = options.logger;
  const cacheDir = options.bundleCacheDir ?? path.join(findPackageRoot(__dirname), 'node_modules', '.cache', 'cbp-webchat');
  const bundleFile = new PrecompressedFile(bundle.file, {
    ...(cacheDir ? { cacheDir } : {}),
    ...(options.bundleBrotliQuality !== undefined ? { brotliQuality: options.bundleBrotliQuality } : {}),
    logger,
  });
  let licenseAsset: CachedAsset | undefined;

  server.get('/', async (_req: Request, res: Response) => {
    // The page's next request is the bundle: have its compressed forms on the way.
    bundleFile.warm();
    let template: string;
    try {
      // Read per request: the file is small, and edits show up without a restart.
      template = await fs.promises.readFile(path.join(webDir, 'index.html'), 'utf8');
    } catch (err) {
      logger.error({ err }, 'web page: index.html is missing');
      sendJsonError(res, 500, 'internal_error', 'the page is not available');
      return;
    }
    const nonce = crypto.randomBytes(16).toString('base64');
    const values: Record<string, string> = {
      NONCE: nonce,
      MODE: options.mode,
      WEBCHAT_SRC: bundle.urlPath,
      TOKEN_URL: TOKEN_ENDPOINT_PATH,
      DIRECT_LINE_DOMAIN: options.mode === 'token' ? `${directLineBaseUrl}/v3/directline` : LOCAL_DIRECT_LINE_PATH,
    };
    const html = template.replace(/\{\{([A-Z_]+)\}\}/g, (whole, key: string) => (key in values ? escapeHtml(values[key]) : whole));
    res.setHeader('Content-Type', 'text/html; charset=utf-8');
    res.setHeader('Content-Security-Policy', contentSecurityPolicy({ nonce, connectSrc, frameAncestors }));
    // A nonce is single-use: the page must never come from a cache.
    res.setHeader('Cache-Control', 'no-store');
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Referrer-Policy', 'strict-origin-when-cross-origin');
    res.setHeader('Permissions-Policy', 'camera=(), microphone=(), geolocation=()');
    res.writeHead(200);
    res.end(html);
  });

  server.get('/static/*', async (req: Request, res: Response) => {
    const name = String((req.params as Record<string, string>)['*'] ?? '');
    const type = STATIC_TYPES[path.extname(name).toLowerCase()];
    // Flat names only: no folders, no dot-files, no traversal.
    if (!type || !/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(name)) {
      sendJsonError(res, 404, 'not_found', 'no such file');
      return;
    }
    let content: Buffer;
    try {
      content = await fs.promises.readFile(path.join(webDir, name));
    } catch {
      sendJsonError(res, 404, 'not_found', 'no such file');
      return;
    }
    // Revalidated each time (ETag), so a new widget.js reaches embedding pages at once.
    await sendAsset(req, res, new CachedAsset(content), type, 'no-cache');
  });

  server.get('/webchat/webchat.js', (_req: Request, res: Response, next: (err?: unknown) => void) => {
    res.setHeader('Cache-Control', 'no-cache');
    res.redirect(302, bundle.urlPath, next);
  });

  server.get('/webchat/:version/:file', async (req: Request, res: Response) => {
    const { version, file } = req.params as Record<string, string>;
    if (version !== bundle.version || (file !== 'webchat.js' && file !== 'webchat.js.LICENSE.txt')) {
      sendJsonError(res, 404, 'not_found', 'no such file');
      return;
    }
    try {
      if (file === 'webchat.js') {
        await sendBundle(req, res, bundleFile);
      } else {
        licenseAsset ??= new CachedAsset(await fs.promises.readFile(`${bundle.file}.LICENSE.txt`));
        await sendAsset(req, res, licenseAsset, 'text/plain; charset=utf-8', 'public, max-age=31536000, immutable');
      }
    } catch (err) {
      logger.error({ err }, 'web page: could not serve the Web Chat bundle');
      sendJsonError(res, 500, 'internal_error', 'the chat script is not available');
    }
  });

  logger.info({ mode: options.mode, webchat: bundle.urlPath }, 'web page: serving / with Web Chat');
  return bundle;
}

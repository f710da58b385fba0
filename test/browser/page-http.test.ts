/**
 * The web page's HTTP side, no browser needed: the CSP and its per-request nonce, no inline
 * scripts, the Web Chat bundle from node_modules at a versioned, long-cached path, and the
 * static files. (Lives next to the browser tests it supports; runs even without Chromium.)
 */
import type { AddressInfo } from 'node:net';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import restify from 'restify';
import pino from 'pino';
import { contentSecurityPolicy, directLineConnectSources, findPackageRoot, locateWebChatBundle, registerWebPage, type WebPageOptions } from '../../src/channels/webPage';

const servers: restify.Server[] = [];

async function startPage(options: Partial<WebPageOptions> = {}): Promise<string> {
  const server = restify.createServer();
  registerWebPage(server, { mode: 'local-directline', logger: pino({ level: 'silent' }), ...options });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  servers.push(server);
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

afterAll(async () => {
  await Promise.all(servers.map((server) => new Promise<void>((resolve) => server.close(() => resolve()))));
});

function nonceFromCsp(csp: string): string {
  const match = /'nonce-([^']+)'/.exec(csp);
  if (!match) throw new Error(`no nonce in ${csp}`);
  return match[1];
}

describe('GET / (the page)', () => {
  test('carries a strict CSP whose per-request nonce is the one handed to the widget', async () => {
    const base = await startPage();
    const first = await fetch(`${base}/`);
    expect(first.status).toBe(200);
    expect(first.headers.get('content-type')).toMatch(/text\/html/);
    expect(first.headers.get('cache-control')).toBe('no-store');
    const csp = first.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'self'");
    expect(csp).toMatch(/script-src 'self';/); // no eval, no inline, no nonce for scripts
    expect(csp).toMatch(/style-src 'self' 'nonce-[A-Za-z0-9+/=]{20,}' 'sha256-47DEQpj8HBSa\+\/TImW\+5JCeuQeRkm5NMpJWZG3hSuFU='/);
    expect(csp).toContain("img-src 'self' data: blob:");
    expect(csp).toContain("connect-src 'self';");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("base-uri 'none'");
    expect(csp).toContain("form-action 'none'");

    const html = await first.text();
    const nonce = nonceFromCsp(csp);
    expect(html).toContain(`<script src="/static/widget.js" nonce="${nonce}" defer></script>`);
    expect(html).not.toMatch(/\{\{[A-Z_]+\}\}/); // every placeholder filled
    expect(html).toContain('data-mode="local-directline"');
    // No inline scripts: every <script> has a src.
    for (const tag of html.match(/<script\b[^>]*>/g) ?? []) expect(tag).toMatch(/\ssrc="/);
    expect(html).not.toMatch(/\son[a-z]+="/); // no inline event handlers either

    const second = await fetch(`${base}/`);
    expect(nonceFromCsp(second.headers.get('content-security-policy') ?? '')).not.toBe(nonce);
  });

  test('in token mode the browser may also reach the Direct Line service (HTTPS and WebSocket)', async () => {
    const base = await startPage({ mode: 'token', directLineBaseUrl: 'https://europe.directline.botframework.com' });
    const response = await fetch(`${base}/`);
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("connect-src 'self' https://europe.directline.botframework.com wss://europe.directline.botframework.com;");
    const html = await response.text();
    expect(html).toContain('data-mode="token"');
    expect(html).toContain('data-token-url="/api/directline/token"');
    expect(html).toContain('data-directline-domain="https://europe.directline.botframework.com/v3/directline"');
  });
});

describe('the Web Chat bundle', () => {
  test('is found through the package, not a hard-coded path', () => {
    const bundle = locateWebChatBundle();
    const root = findPackageRoot(path.dirname(require.resolve('botframework-webchat')), 'botframework-webchat');
    expect(bundle.file).toBe(path.join(root, 'dist', 'webchat.js'));
    expect(bundle.version).toBe(JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')).version);
    expect(bundle.urlPath).toBe(`/webchat/${bundle.version}/webchat.js`);
  });

  /** The raw response (fetch() would decompress transparently). */
  function rawGet(url: string, headers: Record<string, string>): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }> {
    return new Promise((resolve, reject) => {
      const request = http.get(url, { headers }, (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) }));
      });
      request.on('error', reject);
    });
  }

  test('is served at its versioned path, cached for a year (immutable), by Accept-Encoding: brotli, gzip or as is', async () => {
    const cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), 'webchat-cache-'));
    try {
      const base = await startPage({ bundleCacheDir: cacheDir, bundleBrotliQuality: 5 });
      const { urlPath, file } = locateWebChatBundle();
      const original = fs.readFileSync(file);

      const plain = await rawGet(`${base}${urlPath}`, { 'Accept-Encoding': 'identity' });
      expect(plain.status).toBe(200);
      expect(plain.headers['content-type']).toMatch(/javascript/);
      expect(plain.headers['cache-control']).toBe('public, max-age=31536000, immutable');
      expect(plain.headers.vary).toBe('Accept-Encoding');
      expect(plain.headers['content-encoding']).toBeUndefined();
      expect(plain.body.equals(original)).toBe(true);

      const gzipped = await rawGet(`${base}${urlPath}`, { 'Accept-Encoding': 'gzip, deflate' });
      expect(gzipped.headers['content-encoding']).toBe('gzip');
      expect(gzipped.headers.etag).toMatch(/-gz"$/);
      expect(Number(gzipped.headers['content-length'])).toBe(gzipped.body.length);
      expect(gzipped.body.length).toBeLessThan(original.length * 0.3);
      expect(zlib.gunzipSync(gzipped.body).equals(original)).toBe(true);

      // Brotli is made once in the background; until then a brotli-capable browser gets gzip.
      let brotli = await rawGet(`${base}${urlPath}`, { 'Accept-Encoding': 'gzip, deflate, br, zstd' });
      expect(['br', 'gzip']).toContain(brotli.headers['content-encoding']);
      for (const until = Date.now() + 60_000; brotli.headers['content-encoding'] !== 'br' && Date.now() < until; ) {
        await new Promise((resolve) => setTimeout(resolve, 200));
        brotli = await rawGet(`${base}${urlPath}`, { 'Accept-Encoding': 'gzip, deflate, br, zstd' });
      }
      expect(brotli.headers['content-encoding']).toBe('br');
      expect(brotli.headers.etag).toMatch(/-br"$/);
      expect(brotli.headers['cache-control']).toBe('public, max-age=31536000, immutable');
      expect(brotli.headers.vary).toBe('Accept-Encoding');
      expect(zlib.brotliDecompressSync(brotli.body).equals(original)).toBe(true);
      expect((await rawGet(`${base}${urlPath}`, { 'Accept-Encoding': 'br;q=0, gzip' })).headers['content-encoding']).toBe('gzip');

      // Cached on disk: another server (a restart) sends brotli on its first request.
      const restarted = await startPage({ bundleCacheDir: cacheDir, bundleBrotliQuality: 5 });
      await new Promise((resolve) => setTimeout(resolve, 300)); // reading the cache is asynchronous
      await rawGet(`${restarted}/`, {});
      for (let i = 0; i < 20 && (await rawGet(`${restarted}${urlPath}`, { 'Accept-Encoding': 'br' })).headers['content-encoding'] !== 'br'; i++) {
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      const fromCache = await rawGet(`${restarted}${urlPath}`, { 'Accept-Encoding': 'br' });
      expect(fromCache.headers['content-encoding']).toBe('br');
      expect(fromCache.body.equals(brotli.body)).toBe(true);
    } finally {
      fs.rmSync(cacheDir, { recursive: true, force: true });
    }
  }, 90_000);

  test('revalidates with its ETag: 304 with no body for the tag of any encoding, 200 for another version', async () => {
    const base = await startPage({ bundleCacheDir: false, bundleBrotliQuality: 5 });
    const { urlPath } = locateWebChatBundle();
    const gzipped = await rawGet(`${base}${urlPath}`, { 'Accept-Encoding': 'gzip' });
    const etag = String(gzipped.headers.etag);
    for (const [accept, ifNoneMatch] of [['gzip', etag], ['identity', etag], ['gzip, br', `W/${etag}`], ['gzip', `"stale", ${etag}`]]) {
      const again = await rawGet(`${base}${urlPath}`, { 'Accept-Encoding': accept!, 'If-None-Match': ifNoneMatch! });
      expect(again.status).toBe(304);
      expect(again.body.length).toBe(0);
      expect(again.headers['cache-control']).toBe('public, max-age=31536000, immutable');
      expect(again.headers.etag).toBeDefined();
    }
    expect((await rawGet(`${base}${urlPath}`, { 'Accept-Encoding': 'gzip', 'If-None-Match': '"an-older-bundle-gz"' })).status).toBe(200);
  });

  test('other versions are 404; /webchat/webchat.js redirects to the current one', async () => {
    const base = await startPage();
    const { urlPath } = locateWebChatBundle();
    expect((await fetch(`${base}/webchat/0.0.1/webchat.js`)).status).toBe(404);
    const redirect = await fetch(`${base}/webchat/webchat.js`, { redirect: 'manual' });
    expect(redirect.status).toBe(302);
    expect(redirect.headers.get('location')).toBe(urlPath);
  });
});

describe('GET /static/*', () => {
  test('serves the widget, the styles and the icon with their types', async () => {
    const base = await startPage();
    const widget = await fetch(`${base}/static/widget.js`);
    expect(widget.status).toBe(200);
    expect(widget.headers.get('content-type')).toMatch(/javascript/);
    expect(widget.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await widget.text()).toContain("name: JOIN_EVENT");
    expect((await fetch(`${base}/static/styles.css`)).headers.get('content-type')).toMatch(/text\/css/);
    expect((await fetch(`${base}/static/favicon.svg`)).headers.get('content-type')).toMatch(/svg/);
  });

  test.each(['../package.json', '..%2Fpackage.json', '.env', 'index.html', 'nope.js', 'EMBED.md'])('refuses %s', async (name) => {
    const base = await startPage();
    const response = await fetch(`${base}/static/${name}`);
    expect(response.status).toBe(404);
  });
});

describe('contentSecurityPolicy and directLineConnectSources', () => {
  test('build the documented strings', () => {
    expect(contentSecurityPolicy({ nonce: 'abc', connectSrc: [], frameAncestors: ["'self'"] })).toBe(
      "default-src 'self'; script-src 'self'; style-src 'self' 'nonce-abc' 'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='; " +
        "img-src 'self' data: blob:; connect-src 'self'; object-src 'none'; frame-ancestors 'self'; base-uri 'none'; form-action 'none'",
    );
    expect(directLineConnectSources('https://directline.botframework.com/')).toEqual(['https://directline.botframework.com', 'wss://directline.botframework.com']);
    expect(directLineConnectSources('http://127.0.0.1:9000')).toEqual(['http://127.0.0.1:9000', 'ws://127.0.0.1:9000']);
  });
});

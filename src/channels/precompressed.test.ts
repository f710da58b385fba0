import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { chooseEncoding, etagMatches, PrecompressedFile } from './precompressed';

const ALL = ['br', 'gzip', 'identity'] as const;

describe('chooseEncoding', () => {
  test('brotli when accepted, else gzip, else the file as is', () => {
    expect(chooseEncoding('gzip, deflate, br, zstd', ALL)).toBe('br');
    expect(chooseEncoding('gzip, deflate', ALL)).toBe('gzip');
    expect(chooseEncoding(undefined, ALL)).toBe('identity');
    expect(chooseEncoding('', ALL)).toBe('identity');
  });
  test('q-values are honoured, q=0 refuses, and only what is available is chosen', () => {
    expect(chooseEncoding('br;q=0, gzip', ALL)).toBe('gzip');
    expect(chooseEncoding('br;q=0.5, gzip;q=0.8', ALL)).toBe('gzip');
    expect(chooseEncoding('gzip, br', ['gzip', 'identity'])).toBe('gzip');
    expect(chooseEncoding('br', ['gzip', 'identity'])).toBe('identity');
    expect(chooseEncoding('br, identity;q=0', ['gzip', 'identity'])).toBeUndefined();
  });
});

describe('etagMatches', () => {
  const tags = ['"abc"', '"abc-br"', '"abc-gz"'];
  test('any representation, strong or weak, one of a list, or *', () => {
    expect(etagMatches('"abc-br"', tags)).toBe(true);
    expect(etagMatches('W/"abc-gz"', tags)).toBe(true);
    expect(etagMatches('"old", "abc"', tags)).toBe(true);
    expect(etagMatches('*', tags)).toBe(true);
  });
  test('no header or another version: no match', () => {
    expect(etagMatches(undefined, tags)).toBe(false);
    expect(etagMatches('"abd-br"', tags)).toBe(false);
  });
});

describe('PrecompressedFile', () => {
  let dir: string;
  let file: string;
  const content = Buffer.from('const webChat = "a bundle";\n'.repeat(5000));
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'precompressed-'));
    file = path.join(dir, 'bundle.js');
    fs.writeFileSync(file, content);
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('gzip at once, brotli when ready, both cached on disk; a new instance reads the cache instead of compressing', async () => {
    const cacheDir = path.join(dir, 'cache');
    const first = new PrecompressedFile(file, { cacheDir, brotliQuality: 5 });
    const gz = await first.representation('gzip, br');
    expect(gz?.coding === 'gzip' || gz?.coding === 'br').toBe(true);
    await first.whenCompressed(30_000);
    const br = (await first.representation('gzip, br'))!;
    expect(br.coding).toBe('br');
    expect(zlib.brotliDecompressSync(br.body).equals(content)).toBe(true);
    expect(br.etag).toMatch(/^"[A-Za-z0-9_-]{27}-br"$/);
    const gzip = (await first.representation('gzip'))!;
    expect(zlib.gunzipSync(gzip.body).equals(content)).toBe(true);
    await waitFor(() => fs.existsSync(cacheDir) && fs.readdirSync(cacheDir).filter((n) => !n.endsWith('.tmp')).length === 2);
    expect(fs.readdirSync(cacheDir).sort()).toEqual([expect.stringMatching(/^bundle\.js-.{16}-l9\.gz$/), expect.stringMatching(/^bundle\.js-.{16}-q5\.br$/)]);

    const second = new PrecompressedFile(file, { cacheDir, brotliQuality: 5 });
    second.warm();
    await second.whenCompressed(5_000);
    expect((await second.representation('br'))!.body.equals(br.body)).toBe(true);
  });

  test('an unwritable cache folder: served from memory, with a warning', async () => {
    const blocker = path.join(dir, 'not-a-folder');
    fs.writeFileSync(blocker, '');
    const warnings: string[] = [];
    const precompressed = new PrecompressedFile(file, { cacheDir: path.join(blocker, 'cache'), brotliQuality: 5, logger: { warn: (_d, m) => warnings.push(m) } });
    await precompressed.whenCompressed(30_000);
    expect((await precompressed.representation('br'))!.coding).toBe('br');
    await waitFor(() => warnings.length > 0);
    expect(warnings[0]).toMatch(/not writable/);
  });
});

async function waitFor(condition: () => boolean, timeoutMs = 10_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > until) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/**
 * The Teams app package: `buildTeamsPackage` (what `npm run teams:package` runs) produces a zip
 * Teams accepts — manifest.json and the icons at the root, the manifest filled in and valid
 * against Microsoft's schema (offline), icons of the right size and kind.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import JSZip from 'jszip';
import { PNG } from 'pngjs';
import {
  buildTeamsPackage,
  bundledSchemaPath,
  checkIcons,
  fillTemplate,
  outlinePixels,
  packageSettings,
  TEAMS_MANIFEST_VERSION,
  TeamsPackageError,
  validateManifest,
} from '../teams/package';
import { drawColorIcon, drawOutlineIcon, encodePng } from '../teams/icons';

// @microsoft/app-manifest requires strip-bom 5, an ES module, when it loads. Node 20.19+ and tsx
// (what `npm run teams:package` uses) can require it; Jest's own module loader cannot before
// Node 24.9. Packaging never reads a manifest file through the library, so a CommonJS
// stand-in is enough here.
jest.mock(
  require.resolve('strip-bom', { paths: [require('node:path').dirname(require.resolve('@microsoft/app-manifest/package.json'))] }),
  () => ({ __esModule: true, default: (text: string) => text.replace(/^\uFEFF/, '') }),
);

const appId = '0f8fad5b-d9cb-469f-a165-70867728950e';
const domain = 'cbp-assistant.azurewebsites.net';
const teamsDir = path.join(__dirname, '..', 'teams');

let tmp: string;
beforeEach(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'teams-package-'));
});
afterEach(() => {
  fs.rmSync(tmp, { recursive: true, force: true });
});

async function buildAndOpen(): Promise<{ zip: JSZip; manifest: Record<string, any> }> {
  const outFile = path.join(tmp, 'dist', 'teams-app.zip');
  await buildTeamsPackage({ appId, domain, outFile });
  const zip = await JSZip.loadAsync(fs.readFileSync(outFile));
  const manifest = JSON.parse(await zip.file('manifest.json')!.async('string'));
  return { zip, manifest };
}

async function pngIn(zip: JSZip, name: string): Promise<PNG> {
  return PNG.sync.read(await zip.file(name)!.async('nodebuffer'));
}

/** A solid square PNG, for icons that must be refused. */
function solidPng(size: number, rgba: [number, number, number, number]): Buffer {
  const png = new PNG({ width: size, height: size });
  for (let i = 0; i < size * size; i++) png.data.set(rgba, i * 4);
  return PNG.sync.write(png);
}

describe('buildTeamsPackage', () => {
  it('writes manifest.json, color.png and outline.png at the zip root, and nothing else', async () => {
    const { zip } = await buildAndOpen();
    const names = Object.values(zip.files).filter((f) => !f.dir).map((f) => f.name).sort();
    expect(names).toEqual(['color.png', 'manifest.json', 'outline.png']);
  });

  it('fills in the app id and domain, leaving no placeholder', async () => {
    const { zip, manifest } = await buildAndOpen();
    const text = await zip.file('manifest.json')!.async('string');
    expect(text).not.toContain('{{');
    expect(manifest.manifestVersion).toBe(TEAMS_MANIFEST_VERSION);
    expect(manifest.id).toBe(appId);
    expect(manifest.bots).toHaveLength(1);
    expect(manifest.bots[0].botId).toBe(appId);
    expect(manifest.bots[0].scopes).toEqual(['personal', 'team', 'groupChat']);
    expect(manifest.bots[0].supportsFiles).toBe(false);
    expect(manifest.validDomains).toEqual([domain]);
    const commands = manifest.bots[0].commandLists.flatMap((l: { commands: { title: string }[] }) => l.commands.map((c) => c.title));
    expect(new Set(commands)).toEqual(new Set(['Check my shipment', 'stats', 'unanswered', 'kb', 'reload']));
    expect(manifest.description.short.length).toBeLessThanOrEqual(80);
    expect(manifest.description.full.length).toBeLessThanOrEqual(4000);
    expect(manifest.developer.websiteUrl).toMatch(/^https:\/\/www\.cbp\.gov\//);
  });

  it('produces a manifest that passes Microsoft\'s schema, without any network access', async () => {
    const realFetch = globalThis.fetch;
    const fetchCalls: unknown[] = [];
    globalThis.fetch = ((...args: unknown[]) => {
      fetchCalls.push(args);
      return Promise.reject(new Error('offline'));
    }) as typeof fetch;
    try {
      const { manifest } = await buildAndOpen();
      expect(await validateManifest(manifest)).toEqual([]);
    } finally {
      globalThis.fetch = realFetch;
    }
    expect(fetchCalls).toEqual([]);
  });

  it('has a 192×192 color icon and a 32×32 outline that is transparent except its white shape', async () => {
    const { zip } = await buildAndOpen();
    const color = await pngIn(zip, 'color.png');
    expect([color.width, color.height]).toEqual([192, 192]);
    const outline = await pngIn(zip, 'outline.png');
    expect([outline.width, outline.height]).toEqual([32, 32]);
    const pixels = outlinePixels(outline);
    expect(pixels.other).toBe(0);
    expect(pixels.white).toBeGreaterThan(100);
    expect(pixels.transparent).toBeGreaterThan(32 * 32 * 0.4);
    for (let i = 0; i < 32 * 32; i++) {
      const [r, g, b, a] = outline.data.subarray(i * 4, i * 4 + 4);
      expect(a === 0 || (r === 255 && g === 255 && b === 255 && a === 255)).toBe(true);
    }
  });

  it('refuses a bad app id or domain with a clear message, and writes nothing', async () => {
    const outFile = path.join(tmp, 'teams-app.zip');
    const attempt = (options: { appId: string; domain: string }) => buildTeamsPackage({ ...options, outFile });
    await expect(attempt({ appId: 'my-bot', domain })).rejects.toThrow('MicrosoftAppId must be a GUID like 00000000-0000-0000-0000-000000000000 (got "my-bot")');
    await expect(attempt({ appId: '', domain })).rejects.toThrow('MicrosoftAppId is not set');
    await expect(attempt({ appId, domain: 'https://cbp-assistant.azurewebsites.net' })).rejects.toThrow('BOT_DOMAIN must be a host name without "https://"');
    await expect(attempt({ appId, domain: 'cbp-assistant.azurewebsites.net/api/messages' })).rejects.toThrow('BOT_DOMAIN must be a host name without a path');
    await expect(attempt({ appId, domain: 'cbp-assistant.azurewebsites.net:443' })).rejects.toThrow('without a port');
    await expect(attempt({ appId, domain: 'localhost' })).rejects.toThrow('BOT_DOMAIN must be a public host name');
    await expect(attempt({ appId, domain: '' })).rejects.toThrow('BOT_DOMAIN is not set');
    const both = await attempt({ appId: 'x', domain: 'y' }).catch((e: TeamsPackageError) => e);
    expect(both).toBeInstanceOf(TeamsPackageError);
    expect((both as TeamsPackageError).problems).toHaveLength(2);
    expect(fs.existsSync(outFile)).toBe(false);
  });

  it('refuses a manifest that breaks the schema, naming the field', async () => {
    const dir = path.join(tmp, 'teams');
    fs.mkdirSync(dir);
    for (const f of ['color.png', 'outline.png']) fs.copyFileSync(path.join(teamsDir, f), path.join(dir, f));
    const template = JSON.parse(fs.readFileSync(path.join(teamsDir, 'manifest.template.json'), 'utf8'));
    template.description.short = 'x'.repeat(81);
    fs.writeFileSync(path.join(dir, 'manifest.template.json'), JSON.stringify(template));
    const error = await buildTeamsPackage({ appId, domain, outFile: path.join(tmp, 'x.zip'), teamsDir: dir }).catch((e: TeamsPackageError) => e);
    expect((error as TeamsPackageError).problems.join('\n')).toContain('manifest.json: /description/short must NOT have more than 80 characters');
  });
});

describe('pieces', () => {
  it('fillTemplate refuses placeholders without a value and keeps JSON intact', () => {
    expect(() => fillTemplate('{"a":"{{Nope}}"}', {})).toThrow('{{Nope}}');
    expect(JSON.parse(fillTemplate('{"a":"{{X}}"}', { X: 'say "hi"' }))).toEqual({ a: 'say "hi"' });
  });

  it('uses only bundled schemas', () => {
    expect(bundledSchemaPath(`https://developer.microsoft.com/json-schemas/teams/v${TEAMS_MANIFEST_VERSION}/MicrosoftTeams.schema.json`)).toMatch(/app-manifest.*MicrosoftTeams\.schema\.json$/);
    expect(() => bundledSchemaPath('https://developer.microsoft.com/json-schemas/teams/v9.99/MicrosoftTeams.schema.json')).toThrow('is not bundled');
    expect(() => bundledSchemaPath('https://example.com/schema.json')).toThrow('"$schema" must start with');
  });

  it('checkIcons refuses wrong sizes and a coloured or opaque outline', () => {
    const good = { color: fs.readFileSync(path.join(teamsDir, 'color.png')), outline: fs.readFileSync(path.join(teamsDir, 'outline.png')) };
    expect(checkIcons(good)).toEqual([]);
    expect(checkIcons({ ...good, color: solidPng(100, [0, 82, 136, 255]) })).toEqual(['color.png must be 192×192 pixels (it is 100×100)']);
    expect(checkIcons({ ...good, outline: solidPng(32, [0, 82, 136, 255]) }).join('\n')).toContain('only white on a transparent background');
    expect(checkIcons({ ...good, outline: solidPng(32, [255, 255, 255, 255]) }).join('\n')).toContain('must have a transparent background');
    expect(checkIcons({ ...good, outline: Buffer.from('not a png') })[0]).toMatch(/^outline\.png is not a readable PNG/);
  });

  it('the committed icons are what teams/icons.ts draws', () => {
    expect(PNG.sync.read(fs.readFileSync(path.join(teamsDir, 'color.png'))).data.equals(drawColorIcon().data)).toBe(true);
    expect(PNG.sync.read(fs.readFileSync(path.join(teamsDir, 'outline.png'))).data.equals(drawOutlineIcon().data)).toBe(true);
    expect(encodePng(drawOutlineIcon()).subarray(1, 4).toString()).toBe('PNG');
  });

  it('packageSettings reads .env, with the environment winning', () => {
    fs.writeFileSync(path.join(tmp, '.env'), `MicrosoftAppId=${appId}\nBOT_DOMAIN=from-file.example.gov\n`);
    expect(packageSettings({ BOT_DOMAIN: 'from-env.example.gov' }, tmp)).toEqual({ appId, domain: 'from-env.example.gov' });
    expect(packageSettings({ BOT_ENV: 'production' }, tmp)).toEqual({ appId: undefined, domain: undefined });
  });
});

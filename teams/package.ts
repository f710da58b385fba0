/**
 * Builds the Teams app package, `dist/teams-app.zip`: fills the manifest template with the bot's
 * app id and public host name, validates the manifest against Microsoft's schema and checks the
 * icons, then zips manifest.json, color.png and outline.png at the root (what Teams Admin Center
 * and "Upload a custom app" expect).
 *
 *   npx tsx teams/package.ts            # reads MicrosoftAppId and BOT_DOMAIN from env / .env
 *   npx tsx teams/package.ts --out x.zip
 *
 * Validation runs offline: the schema comes from the copy bundled in @microsoft/app-manifest and
 * is passed in explicitly, so the library never tries to download it.
 */
import fs from 'node:fs';
import path from 'node:path';
import dotenv from 'dotenv';
import JSZip from 'jszip';
import { PNG } from 'pngjs';
import { AppManifestUtils } from '@microsoft/app-manifest';

/** The Teams manifest schema version the template uses (current GA; bundled for offline checks). */
export const TEAMS_MANIFEST_VERSION = '1.22';

const TEAMS_DIR = __dirname;
const TEMPLATE_FILE = 'manifest.template.json';
const SCHEMA_URL_PREFIX = 'https://developer.microsoft.com/json-schemas/teams/';
/** Fixed timestamp for zip entries, so the same inputs always give the same bytes. */
const ZIP_DATE = new Date('2026-01-01T00:00:00Z');

export const COLOR_ICON_SIZE = 192;
export const OUTLINE_ICON_SIZE = 32;

/** Thrown when the package cannot be built; `problems` holds one readable line each. */
export class TeamsPackageError extends Error {
  constructor(readonly problems: string[]) {
    super(`Cannot build the Teams app package:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'TeamsPackageError';
  }
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const HOST_LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

/**
 * Why an app id is unusable, or undefined when it is a GUID (the Azure Bot's Microsoft App ID).
 *
 * @example
 * checkAppId('0f8fad5b-d9cb-469f-a165-70867728950e'); // undefined
 * checkAppId('my-bot'); // 'MicrosoftAppId must be a GUID like 00000000-0000-0000-0000-000000000000 (got "my-bot")'
 */
export function checkAppId(appId: string | undefined): string | undefined {
  if (!appId || !appId.trim()) {
    return 'MicrosoftAppId is not set: use the Microsoft App ID of the Azure Bot (a GUID like 00000000-0000-0000-0000-000000000000)';
  }
  if (!GUID.test(appId.trim())) return `MicrosoftAppId must be a GUID like 00000000-0000-0000-0000-000000000000 (got "${appId}")`;
  return undefined;
}

/**
 * Why a bot host name is unusable, or undefined when it is a plain public host name such as
 * `cbp-assistant.azurewebsites.net` (no scheme, port or path: it goes into `validDomains`).
 *
 * @example
 * checkBotDomain('cbp-assistant.azurewebsites.net'); // undefined
 * checkBotDomain('https://cbp-assistant.azurewebsites.net/api'); // 'BOT_DOMAIN must be a host name without "https://" …'
 */
export function checkBotDomain(domain: string | undefined): string | undefined {
  const example = 'e.g. cbp-assistant.azurewebsites.net';
  if (!domain || !domain.trim()) return `BOT_DOMAIN is not set: use the bot's public host name, ${example}`;
  const value = domain.trim();
  const got = ` (got "${domain}")`;
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(value)) return `BOT_DOMAIN must be a host name without "https://" or another scheme, ${example}${got}`;
  if (value.includes('/')) return `BOT_DOMAIN must be a host name without a path, ${example}${got}`;
  if (value.includes(':')) return `BOT_DOMAIN must be a host name without a port, ${example}${got}`;
  const labels = value.toLowerCase().split('.');
  const valid = value.length <= 253 && labels.length >= 2 && labels.every((l) => HOST_LABEL.test(l)) && !/^\d+$/.test(labels[labels.length - 1]);
  if (!valid) return `BOT_DOMAIN must be a public host name with a dot and only letters, digits and hyphens, ${example}${got}`;
  return undefined;
}

/**
 * Replaces every `{{Name}}` with its value; refuses names without a value, so nothing
 * unfilled reaches the package.
 *
 * @example
 * fillTemplate('{"id":"{{MicrosoftAppId}}"}', { MicrosoftAppId: 'abc' }); // '{"id":"abc"}'
 */
export function fillTemplate(template: string, values: Record<string, string>): string {
  const missing = new Set<string>();
  const filled = template.replace(/\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g, (whole, name: string) => {
    if (Object.prototype.hasOwnProperty.call(values, name)) return jsonStringContent(values[name]);
    missing.add(name);
    return whole;
  });
  if (missing.size > 0) throw new TeamsPackageError([`the manifest template uses ${[...missing].map((n) => `{{${n}}}`).join(', ')} but no value was given`]);
  if (filled.includes('{{')) throw new TeamsPackageError(['the manifest template has a malformed placeholder ("{{" left after filling)']);
  return filled;
}

/** The text of a JSON string literal without its quotes, so a value can never break the JSON. */
function jsonStringContent(value: string): string {
  return JSON.stringify(value).slice(1, -1);
}

/**
 * The bundled copy of a Teams manifest schema, from its `$schema` URL. Throws rather than
 * falling back to a download, so packaging never depends on the network.
 *
 * @example
 * bundledSchemaPath('https://developer.microsoft.com/json-schemas/teams/v1.22/MicrosoftTeams.schema.json');
 * // '…/node_modules/@microsoft/app-manifest/build/json-schemas/teams/v1.22/MicrosoftTeams.schema.json'
 */
export function bundledSchemaPath(schemaUrl: string): string {
  if (!schemaUrl.startsWith(SCHEMA_URL_PREFIX)) {
    throw new TeamsPackageError([`manifest.json: "$schema" must start with ${SCHEMA_URL_PREFIX} (got "${schemaUrl}")`]);
  }
  const packageDir = path.dirname(require.resolve('@microsoft/app-manifest/package.json'));
  const file = path.join(packageDir, 'build', 'json-schemas', 'teams', schemaUrl.slice(SCHEMA_URL_PREFIX.length));
  if (!file.startsWith(path.join(packageDir, 'build', 'json-schemas', 'teams') + path.sep) || !fs.existsSync(file)) {
    throw new TeamsPackageError([`manifest.json: the schema ${schemaUrl} is not bundled with @microsoft/app-manifest; use a bundled version such as v${TEAMS_MANIFEST_VERSION} (packaging does not download schemas)`]);
  }
  return file;
}

/**
 * Validates a manifest against its Teams schema, offline. Returns one line per problem
 * (empty when valid).
 *
 * @example
 * await validateManifest(JSON.parse(fs.readFileSync('manifest.json', 'utf8'))); // []
 */
export async function validateManifest(manifest: Record<string, unknown>): Promise<string[]> {
  const schemaUrl = typeof manifest.$schema === 'string' ? manifest.$schema : '';
  if (!schemaUrl) return ['manifest.json: "$schema" is missing'];
  let schemaFile: string;
  try {
    schemaFile = bundledSchemaPath(schemaUrl);
  } catch (err) {
    return err instanceof TeamsPackageError ? err.problems : [String(err)];
  }
  const schema = JSON.parse(fs.readFileSync(schemaFile, 'utf8'));
  // Passing the schema is what keeps validateAgainstSchema from fetching it.
  const errors = await AppManifestUtils.validateAgainstSchema(manifest as never, schema);
  return errors.map((e) => `manifest.json: ${e.trim().startsWith('/') ? '' : '(root) '}${e.trim()}`);
}

/** The size of a PNG, or why it cannot be read. */
function readPng(name: string, bytes: Buffer): PNG | string {
  try {
    return PNG.sync.read(bytes);
  } catch (err) {
    return `${name} is not a readable PNG (${(err as Error).message})`;
  }
}

/**
 * Checks the icons as Teams does: color 192×192; outline 32×32, white on a transparent
 * background (every visible pixel white, the corners and most of the area fully transparent).
 *
 * @example
 * checkIcons({ color: fs.readFileSync('teams/color.png'), outline: fs.readFileSync('teams/outline.png') }); // []
 */
export function checkIcons(icons: { color: Buffer; outline: Buffer }): string[] {
  const problems: string[] = [];
  const color = readPng('color.png', icons.color);
  if (typeof color === 'string') problems.push(color);
  else if (color.width !== COLOR_ICON_SIZE || color.height !== COLOR_ICON_SIZE) {
    problems.push(`color.png must be ${COLOR_ICON_SIZE}×${COLOR_ICON_SIZE} pixels (it is ${color.width}×${color.height})`);
  }
  const outline = readPng('outline.png', icons.outline);
  if (typeof outline === 'string') {
    problems.push(outline);
    return problems;
  }
  if (outline.width !== OUTLINE_ICON_SIZE || outline.height !== OUTLINE_ICON_SIZE) {
    problems.push(`outline.png must be ${OUTLINE_ICON_SIZE}×${OUTLINE_ICON_SIZE} pixels (it is ${outline.width}×${outline.height})`);
    return problems;
  }
  const { transparent, white, other } = outlinePixels(outline);
  const total = outline.width * outline.height;
  if (other > 0) problems.push(`outline.png must use only white on a transparent background (${other} pixels have another colour)`);
  if (white === 0) problems.push('outline.png has no visible (white) pixels');
  const corners = [0, outline.width - 1, (outline.height - 1) * outline.width, total - 1];
  const cornersClear = corners.every((i) => outline.data[i * 4 + 3] === 0);
  if (!cornersClear || transparent < total * 0.3) problems.push('outline.png must have a transparent background (its corners and most of its area fully transparent)');
  return problems;
}

/**
 * Counts an outline icon's pixels: fully transparent, white (any alpha), any other colour.
 *
 * @example
 * outlinePixels(PNG.sync.read(fs.readFileSync('teams/outline.png'))); // { transparent: 700, white: 324, other: 0 }
 */
export function outlinePixels(png: PNG): { transparent: number; white: number; other: number } {
  let transparent = 0;
  let white = 0;
  let other = 0;
  for (let i = 0; i < png.width * png.height; i++) {
    const [r, g, b, a] = png.data.subarray(i * 4, i * 4 + 4);
    if (a === 0) transparent++;
    // A little tolerance for editors that round 255 to 254 on export.
    else if (r >= 250 && g >= 250 && b >= 250) white++;
    else other++;
  }
  return { transparent, white, other };
}

export interface TeamsPackageOptions {
  /** The Azure Bot's Microsoft App ID (GUID): the Teams app id and the bot id. */
  appId: string;
  /** The bot's public host name, e.g. cbp-assistant.azurewebsites.net. */
  domain: string;
  /** Where to write the zip. */
  outFile: string;
  /** Folder with manifest.template.json, color.png and outline.png (default: this folder). */
  teamsDir?: string;
}

export interface TeamsPackageResult {
  outFile: string;
  manifest: Record<string, unknown>;
}

/**
 * Fills, validates and zips the Teams app. Throws `TeamsPackageError` listing every problem.
 *
 * @example
 * await buildTeamsPackage({ appId: '0f8fad5b-d9cb-469f-a165-70867728950e', domain: 'cbp-assistant.azurewebsites.net', outFile: 'dist/teams-app.zip' });
 */
export async function buildTeamsPackage(options: TeamsPackageOptions): Promise<TeamsPackageResult> {
  const teamsDir = options.teamsDir ?? TEAMS_DIR;
  const settingProblems = [checkAppId(options.appId), checkBotDomain(options.domain)].filter((p): p is string => p !== undefined);
  if (settingProblems.length > 0) throw new TeamsPackageError(settingProblems);
  const appId = options.appId.trim().toLowerCase();
  const domain = options.domain.trim().toLowerCase();

  const template = readRequired(path.join(teamsDir, TEMPLATE_FILE));
  const filled = fillTemplate(template.toString('utf8'), { MicrosoftAppId: appId, BOT_DOMAIN: domain });
  let manifest: Record<string, unknown>;
  try {
    manifest = JSON.parse(filled) as Record<string, unknown>;
  } catch (err) {
    throw new TeamsPackageError([`${TEMPLATE_FILE} is not valid JSON (${(err as Error).message})`]);
  }

  const problems = await validateManifest(manifest);
  problems.push(...checkManifestIds(manifest, appId));
  const iconNames = manifestIcons(manifest);
  const color = readRequired(path.join(teamsDir, iconNames.color));
  const outline = readRequired(path.join(teamsDir, iconNames.outline));
  problems.push(...checkIcons({ color, outline }));
  if (problems.length > 0) throw new TeamsPackageError(problems);

  const zip = new JSZip();
  zip.file('manifest.json', `${JSON.stringify(manifest, null, 2)}\n`, { date: ZIP_DATE });
  zip.file('color.png', color, { date: ZIP_DATE });
  zip.file('outline.png', outline, { date: ZIP_DATE });
  const bytes = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 9 } });
  fs.mkdirSync(path.dirname(path.resolve(options.outFile)), { recursive: true });
  fs.writeFileSync(options.outFile, bytes);
  return { outFile: options.outFile, manifest };
}

function readRequired(file: string): Buffer {
  try {
    return fs.readFileSync(file);
  } catch (err) {
    throw new TeamsPackageError([`cannot read ${file} (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`]);
  }
}

/** The icon file names the manifest points at; they must sit at the package root. */
function manifestIcons(manifest: Record<string, unknown>): { color: string; outline: string } {
  const icons = (manifest.icons ?? {}) as { color?: unknown; outline?: unknown };
  const names = { color: String(icons.color ?? ''), outline: String(icons.outline ?? '') };
  if (names.color !== 'color.png' || names.outline !== 'outline.png') {
    throw new TeamsPackageError([`manifest.json: icons must be "color.png" and "outline.png" at the package root (got "${names.color}", "${names.outline}")`]);
  }
  return names;
}

/** The app id and the bot id must both be the Azure Bot's app id, or Teams cannot reach the bot. */
function checkManifestIds(manifest: Record<string, unknown>, appId: string): string[] {
  const problems: string[] = [];
  if (manifest.id !== appId) problems.push(`manifest.json: "id" must be the app id ${appId} (got "${String(manifest.id)}")`);
  const bots = Array.isArray(manifest.bots) ? (manifest.bots as { botId?: unknown }[]) : [];
  if (bots.length !== 1 || bots[0].botId !== appId) problems.push(`manifest.json: "bots" must hold one bot whose "botId" is the app id ${appId}`);
  return problems;
}

/**
 * The settings the package needs, from the environment plus `.env` in `cwd` (outside
 * production; variables already set win, as in src/config.ts). Empty values count as unset.
 *
 * @example
 * packageSettings({ MicrosoftAppId: '0f8f…', BOT_DOMAIN: 'bot.example.gov' }, '/nowhere');
 * // { appId: '0f8f…', domain: 'bot.example.gov' }
 */
export function packageSettings(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): { appId?: string; domain?: string } {
  const envFile = path.join(cwd, '.env');
  const fromFile = env.BOT_ENV !== 'production' && fs.existsSync(envFile) ? dotenv.parse(fs.readFileSync(envFile)) : {};
  const pick = (name: string) => {
    const value = env[name] !== undefined && env[name] !== '' ? env[name] : fromFile[name];
    return value === undefined || value.trim() === '' ? undefined : value.trim();
  };
  return { appId: pick('MicrosoftAppId'), domain: pick('BOT_DOMAIN') };
}

async function main(argv: string[]): Promise<number> {
  const outIndex = argv.indexOf('--out');
  const outFile = outIndex >= 0 && argv[outIndex + 1] ? argv[outIndex + 1] : path.join(TEAMS_DIR, '..', 'dist', 'teams-app.zip');
  const settings = packageSettings();
  try {
    const result = await buildTeamsPackage({ appId: settings.appId ?? '', domain: settings.domain ?? '', outFile });
    const relative = path.relative(process.cwd(), path.resolve(result.outFile));
    const shown = relative.startsWith('..') ? path.resolve(result.outFile) : relative;
    console.log(`Wrote ${shown}: manifest ${TEAMS_MANIFEST_VERSION} (valid against the bundled schema), app id ${settings.appId}, domain ${settings.domain}.`);
    console.log('Upload it in Teams (Apps > Manage your apps > Upload an app) or in Teams Admin Center.');
    return 0;
  } catch (err) {
    if (err instanceof TeamsPackageError) {
      console.error(err.message);
      return 1;
    }
    console.error(`Cannot build the Teams app package: ${(err as Error).stack ?? String(err)}`);
    return 1;
  }
}

if (require.main === module) {
  main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}

/**
 * Supported Node.js versions (issue 14): package.json "engines" says 22.12 or newer, and an older
 * Node gets one clear line — from the `pre…` scripts of `npm start`/`npm run dev`/`npm test`
 * (scripts/check-node.js) and from the entry point started directly (src/requireSupportedNode.ts) —
 * not a stack trace.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.join(__dirname, '..');
const checkNodeScript = path.join(root, 'scripts', 'check-node.js');
// eslint-disable-next-line @typescript-eslint/no-require-imports -- plain-JS script outside the build
const { minimumFromRange, unsupportedNodeMessage } = require(checkNodeScript) as {
  minimumFromRange(range: string): [number, number, number] | null;
  unsupportedNodeMessage(version: string, range: string | undefined): string | null;
};
const packageJson = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as {
  engines: { node: string };
  scripts: Record<string, string>;
};
const tsx = path.join(root, 'node_modules', '.bin', 'tsx');

describe('the supported Node.js versions', () => {
  test('package.json engines names Node 22 (LTS) or newer, in a form the check reads', () => {
    const minimum = minimumFromRange(packageJson.engines.node);
    expect(minimum).not.toBeNull();
    expect(minimum![0]).toBe(22);
  });

  test('Node 20 and an early Node 22 get one line that says what is needed', () => {
    const on20 = unsupportedNodeMessage('20.20.2', '>=22.12');
    expect(on20).toMatch(/^CBP E-Commerce Assistant needs Node\.js 22\.12 or newer \(22 LTS or 24 LTS\); this is Node\.js 20\.20\.2, which is past its end of life/);
    expect(on20).not.toContain('\n');
    expect(unsupportedNodeMessage('v22.11.0', '>=22.12')).toMatch(/needs Node\.js 22\.12 or newer.*this is Node\.js 22\.11\.0\. Install/);
    expect(unsupportedNodeMessage('18.0.0', '>=22')).toMatch(/needs Node\.js 22 or newer/);
  });

  test('Node 22.12 and later, 24 and 25 pass', () => {
    for (const version of ['22.12.0', '22.23.5', '24.0.0', '24.22.3', '25.1.0']) {
      expect(unsupportedNodeMessage(version, '>=22.12')).toBeNull();
    }
  });

  test('start, dev, test and build check the version before doing anything else', () => {
    for (const script of ['prestart', 'predev', 'pretest', 'prebuild']) {
      expect(packageJson.scripts[script]).toMatch(/^node scripts\/check-node\.js(\s|$)/);
    }
  });

  test('on this (supported) Node the preflight is silent and succeeds', () => {
    const result = spawnSync(process.execPath, [checkNodeScript], { encoding: 'utf8' });
    expect(result.status).toBe(0);
    expect(result.stdout + result.stderr).toBe('');
  });

  test('the entry point refuses an old Node with one line on stderr and exit code 1', () => {
    const code = "import { exitIfUnsupportedNode } from './src/requireSupportedNode'; exitIfUnsupportedNode('20.20.2'); console.log('still running');";
    const result = spawnSync(tsx, ['-e', code], { cwd: root, encoding: 'utf8' });
    expect(result.status).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^CBP E-Commerce Assistant needs Node\.js 22\.12 or newer/)]);
  });

  // The real thing where the machine has an old Node besides the one running the tests.
  const oldNode = ['/usr/bin/node', '/usr/local/bin/node'].find((file) => {
    if (!fs.existsSync(file)) return false;
    const version = spawnSync(file, ['-p', 'process.versions.node'], { encoding: 'utf8' }).stdout.trim();
    return Number(version.split('.')[0]) < 22;
  });
  (oldNode ? test : test.skip)(`on an old Node (${oldNode ?? 'none on this machine'}) the preflight prints one line and exits 1`, () => {
    const result = spawnSync(oldNode!, [checkNodeScript], { encoding: 'utf8' });
    expect(result.status).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^CBP E-Commerce Assistant needs Node\.js 22\.12 or newer .*this is Node\.js \d+\./)]);
  });
});

/**
 * `npm run kb:check` checks the folder the bot serves (issue 14): KNOWLEDGE_DIR from the
 * environment or from `.env`, as the bot reads it, unless `--dir` says otherwise. Runs the real
 * command (tsx src/cli/kb-check.ts) in a folder of its own.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '..');
const KB_MINI = path.join(ROOT, 'test', 'fixtures', 'kb-mini');
const MINI_DOCUMENTS = fs.readdirSync(KB_MINI, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.md') && path.basename(f) !== 'README.md').length;

/** Runs kb:check in `cwd` with `env` on top of a clean environment; returns its summary line and exit code. */
function kbCheck(cwd: string, env: Record<string, string>, args: string[] = []): { summary: string; status: number | null; output: string } {
  const clean = Object.fromEntries(Object.entries(process.env).filter(([name]) => name !== 'KNOWLEDGE_DIR' && name !== 'BOT_ENV'));
  const result = spawnSync(process.execPath, ['-r', 'tsx/cjs', path.join(ROOT, 'src', 'cli', 'kb-check.ts'), '--date', '2026-11-25', ...args], {
    cwd,
    env: { ...clean, NODE_PATH: path.join(ROOT, 'node_modules'), ...env },
    encoding: 'utf8',
  });
  const output = result.stdout + result.stderr;
  return { summary: output.trim().split('\n').pop() ?? '', status: result.status, output };
}

describe('kb:check and KNOWLEDGE_DIR', () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kb-check-env-'));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('the fixture is smaller than the real knowledge base, so the summary tells which was checked', () => {
    expect(MINI_DOCUMENTS).toBeGreaterThan(0);
    expect(MINI_DOCUMENTS).toBeLessThan(20);
  });

  test('KNOWLEDGE_DIR in the environment', () => {
    const run = kbCheck(dir, { KNOWLEDGE_DIR: KB_MINI });
    expect(run.summary).toMatch(new RegExp(`^${MINI_DOCUMENTS} documents, 0 errors`));
    expect(run.status).toBe(0);
  });

  test('KNOWLEDGE_DIR in .env (development), and --dir wins over it', () => {
    fs.writeFileSync(path.join(dir, '.env'), `KNOWLEDGE_DIR=${KB_MINI}\n`);
    expect(kbCheck(dir, {}).summary).toMatch(new RegExp(`^${MINI_DOCUMENTS} documents, 0 errors`));
    const elsewhere = kbCheck(dir, {}, ['--dir', path.join(dir, 'no-such-folder')]);
    expect(elsewhere.output).toContain('no-such-folder');
    expect(elsewhere.summary).not.toMatch(new RegExp(`^${MINI_DOCUMENTS} documents`));
  });
});

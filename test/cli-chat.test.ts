/**
 * Issue 14: `npm run chat` and `npm run ask` as a person runs them (real processes, stdin piped,
 * so not a terminal: 80 columns, no colour): markdown rendered, lines wrapped at word
 * boundaries, a button number that does not exist answered as such, an unknown flag refused
 * with a usage line.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '..');

function run(script: string, args: string[], stdin: string, env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['-r', 'tsx/cjs', script, ...args], { cwd: ROOT, env: { ...process.env, NO_COLOR: '1', LOG_LEVEL: 'error', ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.once('error', reject);
    child.once('exit', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(stdin);
  });
}

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cbp-cli-'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

test('chat: rendered, wrapped at 80 columns on word boundaries; a missing button number is answered; a real one pressed', async () => {
  const { code, stdout } = await run('src/cli/chat.ts', [], '9\n2\n/quit\n', { ESCALATION_DIR: path.join(dir, 'outbox'), TODAY: '2026-11-25' });
  expect(code).toBe(0);
  expect(stdout.replace(/\s+/g, ' ')).toContain('There is no button 9: the buttons are 1 to 4. To send "9" as your answer, type /send 9');
  expect(stdout).toContain('(Is $800 still duty-free?)');
  expect(stdout).toMatch(/bot> No\. Since 29 Aug 2025/);
  expect(stdout).not.toContain('**'); // bold rendered, not raw markdown
  expect(stdout).not.toMatch(/\]\(https?:/); // links as "text (URL)"
  expect(stdout).toMatch(/\n {5}• /); // list bullets in the reply margin
  // With stdin piped, nothing echoes the typed line, so the next output follows the prompt on its line.
  for (const line of stdout.split('\n').map((l) => l.replace(/^(you> )+/, ''))) {
    // Only a line holding a single long URL may run past the width.
    if (line.length > 80) expect(line.trim()).toMatch(/^\(?https?:\/\/\S+$/);
  }
}, 120_000);

test.each([
  ['src/cli/ask.ts', ['--jsn', 'is it free?'], 'Usage: npm run ask -- "your question" [--json]'],
  ['src/cli/chat.ts', ['--width=60'], 'Usage: npm run chat'],
])('%s with an unknown flag prints a usage line and exits 2', async (script, args, usage) => {
  const { code, stdout, stderr } = await run(script, args, '', {});
  expect(code).toBe(2);
  expect(stderr).toMatch(/Unknown option/);
  expect(stderr).toContain(usage);
  expect(stdout).toBe('');
}, 60_000);

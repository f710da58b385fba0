import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs, runChecks } from './kb-check';

const MINI = path.join(__dirname, '..', '..', 'test', 'fixtures', 'kb-mini');

describe('parseArgs', () => {
  it('reads --today and --dir, in both spellings', () => {
    expect(parseArgs(['--today', '2026-11-25', '--dir=kb'], '2000-01-01')).toEqual({ dir: 'kb', today: '2026-11-25' });
    expect(parseArgs([], '2000-01-01')).toEqual({ dir: 'knowledge', today: '2000-01-01' });
  });
  it('explains bad arguments', () => {
    expect(parseArgs(['--today', 'tomorrow'])).toMatch(/--today must be a date/);
    expect(parseArgs(['--dir'])).toMatch(/--dir needs a value/);
    expect(parseArgs(['--verbose'])).toMatch(/unknown option --verbose/);
  });
});

describe('runChecks', () => {
  it('passes a good folder with a summary line', () => {
    const { lines, exitCode } = runChecks({ dir: MINI, today: '2026-11-25' }, undefined);
    expect(exitCode).toBe(0);
    expect(lines[lines.length - 1]).toBe('8 documents, 0 errors, 0 warnings');
  });

  it('marks stale documents as warnings without failing', () => {
    const { lines, exitCode } = runChecks({ dir: MINI, today: '2027-01-01' }, undefined);
    expect(exitCode).toBe(0);
    expect(lines.filter((l) => l.startsWith('warning: ')).length).toBeGreaterThan(0);
    expect(lines[lines.length - 1]).toMatch(/^8 documents, 0 errors, \d+ warnings?$/);
  });

  it('fails with file: field: problem lines, rules included', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kb-check-'));
    fs.cpSync(MINI, dir, { recursive: true });
    const file = path.join(dir, 'postal', 'postal-duty.md');
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('reviewed: 2026-11-25', 'reviewed: 2026-13-01'));
    fs.mkdirSync(path.join(dir, 'rules'));
    fs.writeFileSync(path.join(dir, 'rules', 'duty-free.yaml'), 'rules: []\n');
    const rulesProblem = { file: path.join(dir, 'rules', 'duty-free.yaml'), field: 'rules', problem: 'needs at least one rule', severity: 'error' as const };
    const { lines, exitCode } = runChecks({ dir, today: '2026-11-25' }, () => {
      throw Object.assign(new Error('invalid rules'), { problems: [rulesProblem] });
    });
    expect(exitCode).toBe(1);
    expect(lines).toContain(`${file}: reviewed: must be a real date written YYYY-MM-DD`);
    expect(lines).toContain(`${rulesProblem.file}: rules: needs at least one rule`);
    expect(lines[lines.length - 1]).toBe('7 documents, 1 rule file, 2 errors, 0 warnings');
  });
});

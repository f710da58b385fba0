import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { monthlyDates, parseArgs, runChecks, runMonthlyChecks } from './kb-check';

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

describe('checks on a date (--date, --months)', () => {
  it('reads --date, --months and $KNOWLEDGE_DIR', () => {
    expect(parseArgs(['--date', '2027-07-15'], '2000-01-01', {})).toEqual({ dir: 'knowledge', today: '2027-07-15' });
    expect(parseArgs(['--months', '18'], '2026-12-02', { KNOWLEDGE_DIR: 'kb' })).toEqual({ dir: 'kb', today: '2026-12-02', months: 18 });
    expect(parseArgs(['--dir', 'other'], '2026-12-02', { KNOWLEDGE_DIR: 'kb' })).toMatchObject({ dir: 'other' });
    expect(parseArgs(['--months', 'many'], '2026-12-02', {})).toMatch(/--months must be a whole number/);
  });

  it('checks the 1st of each month after the start date', () => {
    expect(monthlyDates('2026-12-02', 3)).toEqual(['2026-12-02', '2027-01-01', '2027-02-01', '2027-03-01']);
  });

  it('tells the editor which document needs a successor, and fails from the month it is missing', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kb-check-dates-'));
    fs.cpSync(MINI, dir, { recursive: true });
    const file = path.join(dir, 'postal', 'postal-duty.md');
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('reviewed: 2026-11-25', 'reviewed: 2026-11-25\neffective: { to: 2027-02-14 }'));
    expect(runChecks({ dir, today: '2026-12-02' }, undefined).exitCode).toBe(0);
    const soon = runChecks({ dir, today: '2027-02-01' }, undefined);
    expect(soon.exitCode).toBe(0);
    expect(soon.lines).toContain(`warning: ${file}: effective.to: ends 2027-02-14 (in 13 days) with no successor: write one with family: postal-duty and effective.from: 2027-02-15`);
    const monthly = runMonthlyChecks({ dir, today: '2026-12-02', months: 3 }, undefined);
    expect(monthly.exitCode).toBe(1);
    expect(monthly.lines).toContain('== 2027-03-01');
    expect(monthly.lines).toContain('== documents that need a successor or a new review');
    expect(monthly.lines.some((l) => l.startsWith(`${file}: effective.to: (seen 2027-02-01) ends 2027-02-14`))).toBe(true);
    expect(monthly.lines[monthly.lines.length - 1]).toBe('checked 4 dates, 2026-12-02 to 2027-03-01: errors on 1 date');
  });
});

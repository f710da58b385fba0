import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { checkRuleFiles, isRuleSetFile } from './rule-files';

function rulesDir(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rules-test-'));
  for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), text);
  return dir;
}

describe('checkRuleFiles', () => {
  const dir = rulesDir({
    'duty-free.yaml': 'rules:\n  - type: limit\n',
    'old.json': '{"rules": []}',
    'countries.json': '{"CN": ["China"]}',
    'notes.txt': 'ignored',
  });

  it('passes each rule set (not data files) to the loader', () => {
    const seen: string[] = [];
    const { files, problems } = checkRuleFiles(dir, (f) => seen.push(path.basename(f)));
    expect(seen).toEqual(['duty-free.yaml', 'old.json']);
    expect(files.map((f) => path.basename(f))).toEqual(seen);
    expect(problems).toEqual([]);
  });

  it('passes on the problems the engine throws, in its shape', () => {
    const problem = { file: 'x.yaml', field: 'rules[0].from', problem: 'must be a date', severity: 'error' as const };
    const { problems } = checkRuleFiles(dir, () => {
      throw Object.assign(new Error('invalid'), { problems: [problem] });
    });
    expect(problems).toEqual([problem, problem]);
  });

  it('passes on problems returned without throwing (warnings from checkRuleFile)', () => {
    const warning = { file: 'x.yaml', field: 'reviewed', problem: 'old', severity: 'warning' as const };
    expect(checkRuleFiles(dir, () => ({ problems: [warning] })).problems).toEqual([warning, warning]);
  });

  it('turns any other error into one error line', () => {
    const { problems } = checkRuleFiles(dir, () => {
      throw new Error('boom\nstack');
    });
    expect(problems.map((p) => [path.basename(p.file), p.field, p.problem, p.severity])).toEqual([
      ['duty-free.yaml', '(file)', 'boom', 'error'],
      ['old.json', '(file)', 'boom', 'error'],
    ]);
  });

  it('warns when there is no rules engine, and is quiet when there is no folder', () => {
    expect(checkRuleFiles(dir, undefined).problems.map((p) => p.severity)).toEqual(['warning', 'warning']);
    expect(checkRuleFiles(path.join(dir, 'missing'), undefined)).toEqual({ files: [], problems: [] });
  });

  it('treats a file that does not parse as a rule set, so its error is reported', () => {
    expect(isRuleSetFile(path.join(rulesDir({ 'bad.yaml': 'rules: [' }), 'bad.yaml'))).toBe(true);
  });
});

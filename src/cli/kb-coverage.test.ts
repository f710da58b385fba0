import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DEFAULT_FACTS, parseArgs, runCoverage } from './kb-coverage';

const MINI = path.join(__dirname, '..', '..', 'test', 'fixtures', 'kb-mini');

describe('parseArgs', () => {
  it('defaults to KNOWLEDGE_DIR or knowledge/, and facts.md beside the repository', () => {
    expect(parseArgs([], {})).toEqual({ dir: 'knowledge', facts: DEFAULT_FACTS });
    expect(parseArgs([], { KNOWLEDGE_DIR: 'kb' })).toEqual({ dir: 'kb', facts: DEFAULT_FACTS });
    expect(DEFAULT_FACTS).toBe(path.join(__dirname, '..', '..', '..', 'shared', 'domain', 'facts.md'));
  });
  it('reads --dir and --facts, in both spellings; --dir wins over KNOWLEDGE_DIR', () => {
    expect(parseArgs(['--dir=x', '--facts', 'f.md'], { KNOWLEDGE_DIR: 'kb' })).toEqual({ dir: 'x', facts: 'f.md' });
  });
  it('explains bad arguments', () => {
    expect(parseArgs(['--facts'], {})).toMatch(/--facts needs a value/);
    expect(parseArgs(['--today', '2026-01-01'], {})).toMatch(/unknown option --today/);
  });
});

describe('runCoverage', () => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'kb-coverage-'));

  it('exits 2 with one line when facts.md is missing', () => {
    const { lines, exitCode } = runCoverage({ dir: MINI, facts: path.join(tmp, 'nope.md') });
    expect(exitCode).toBe(2);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^facts\.md not found at /);
  });

  it('exits 1 when a required section has no document', () => {
    const facts = path.join(tmp, 'facts.md');
    fs.writeFileSync(facts, '## 0. Bottom line\n## 1. Baseline\n## 20. News\n');
    const { lines, exitCode } = runCoverage({ dir: MINI, facts });
    expect(exitCode).toBe(1);
    expect(lines).toContain('§20 News (0): —');
    expect(lines).toContain('Not covered by any document (3):');
  });

  it('lists the covering documents and exits 0 when sections 0–19 are covered', () => {
    const dir = path.join(tmp, 'kb');
    fs.cpSync(MINI, dir, { recursive: true });
    const file = path.join(dir, 'postal', 'postal-duty.md');
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('related: [de-minimis-suspended]', 'related: [de-minimis-suspended]\nfacts: [0, 1]'));
    const facts = path.join(tmp, 'facts-2.md');
    fs.writeFileSync(facts, '## 0. Bottom line\n## 1. Baseline\n## 20. News\n');
    // facts.md lacks 2–19 here, so the run is incomplete; the lines still show the coverage.
    const partial = runCoverage({ dir, facts });
    expect(partial.lines).toContain('§0 Bottom line (1): postal-duty');
    expect(partial.exitCode).toBe(1);
    const full = path.join(tmp, 'facts-full.md');
    fs.writeFileSync(full, Array.from({ length: 21 }, (_, n) => `## ${n}. Section ${n}`).join('\n'));
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('facts: [0, 1]', `facts: [${Array.from({ length: 20 }, (_, n) => n).join(', ')}]`));
    const done = runCoverage({ dir, facts: full });
    expect(done.exitCode).toBe(0);
    expect(done.lines).toContain('  §20 Section 20 (optional)');
  });
});

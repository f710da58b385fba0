/**
 * One clock: production code (src/, dialogs/) takes time from the injected clock (src/clock.ts),
 * never from the wall clock directly. Otherwise escalation references, `enqueuedAt`, usage
 * records and staff reports would follow the real date while the bot runs with `TODAY` or a
 * test clock — and CI would start failing on 1 January.
 *
 * Fails on `new Date()` with no argument, `new Date` without parentheses, `Date.now` (called
 * or passed), `performance.now` and `process.hrtime` anywhere outside src/clock.ts, except the
 * timing measurements named in ALLOWED. Comments are ignored (examples in JSDoc may use them).
 */
import fs from 'node:fs';
import path from 'node:path';

const ROOT = path.join(__dirname, '..');
const FOLDERS = ['src', 'dialogs'];
const CLOCK_MODULE = 'src/clock.ts';

/** Wall-clock reads that are allowed, each with its file, what it reads and why. */
const ALLOWED: { file: string; read: string; why: string }[] = [
  { file: 'src/metrics.ts', read: 'performance.now', why: 'turn duration for the Prometheus histogram (a timing measurement, not a date)' },
  { file: 'src/knowledge/evaluate.ts', read: 'process.hrtime', why: 'answer latency in the retrieval benchmark (a timing measurement)' },
  { file: 'src/staff/slices.ts', read: 'performance.now', why: 'how long a staff report has run in this slice before yielding (a timing measurement)' },
];

const PATTERNS: { read: string; re: RegExp }[] = [
  { read: 'new Date()', re: /\bnew\s+Date\s*\(\s*\)/g },
  { read: 'new Date', re: /\bnew\s+Date\b(?!\s*\()/g },
  { read: 'Date.now', re: /\bDate\s*\.\s*now\b/g },
  { read: 'performance.now', re: /\bperformance\s*\.\s*now\b/g },
  { read: 'process.hrtime', re: /\bprocess\s*\.\s*hrtime\b/g },
];

function productionFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true })) {
    const rel = path.posix.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...productionFiles(rel));
    else if (/\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts')) out.push(rel);
  }
  return out;
}

/** The code without comments (strings are kept; a wall-clock call inside a string is still suspicious). */
function withoutComments(code: string): string {
  return code.replace(/\/\*[\s\S]*?\*\//g, (c) => c.replace(/[^\n]/g, ' ')).replace(/(^|[^:'"`\\])\/\/.*$/gm, '$1');
}

/** Every wall-clock read in production code, as `file:line: read`. */
function wallClockReads(): string[] {
  const found: string[] = [];
  for (const file of FOLDERS.flatMap(productionFiles)) {
    if (file === CLOCK_MODULE) continue;
    const code = withoutComments(fs.readFileSync(path.join(ROOT, file), 'utf8'));
    for (const { read, re } of PATTERNS) {
      for (const m of code.matchAll(re)) {
        if (ALLOWED.some((a) => a.file === file && a.read === read)) continue;
        const line = code.slice(0, m.index).split('\n').length;
        found.push(`${file}:${line}: ${read}`);
      }
    }
  }
  return found;
}

describe('one clock', () => {
  it('production code reads time only through src/clock.ts (timing measurements allowed by name)', () => {
    expect(wallClockReads()).toEqual([]);
  });

  it('every allowed exception still exists (a stale allow-list hides nothing)', () => {
    for (const { file, read } of ALLOWED) {
      const code = withoutComments(fs.readFileSync(path.join(ROOT, file), 'utf8'));
      // A fresh RegExp: the /g patterns keep their lastIndex between test() calls.
      expect([file, new RegExp(PATTERNS.find((p) => p.read === read)!.re.source).test(code)]).toEqual([file, true]);
    }
  });

  it('catches the forms it is meant to catch, and not comments', () => {
    const code = withoutComments('const a = new Date();\nconst b = Date.now;\n// new Date()\n/* Date.now() */ const c = new Date(x);');
    expect(PATTERNS.filter((p) => new RegExp(p.re.source).test(code)).map((p) => p.read)).toEqual(['new Date()', 'Date.now']);
  });
});

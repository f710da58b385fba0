import { coverageOf, formatCoverage, isComplete, parseFactsSections, REQUIRED_FACT_SECTIONS } from './coverage';

const FACTS = [
  '<!-- note -->',
  '# Fact sheet',
  '',
  '## 0. Bottom line',
  '- a fact [KEY]',
  '### 0.1 Not a section',
  '## 1. Baseline  ',
  '## 20. News of the week',
  '## 1. Baseline again (duplicate number)',
  '## Dates added (for the rules engine)',
  '## Sources (keys)',
].join('\n');

describe('parseFactsSections', () => {
  it('reads "## N. Title" headings only, in order, first title wins', () => {
    expect(parseFactsSections(FACTS)).toEqual([
      { number: 0, title: 'Bottom line' },
      { number: 1, title: 'Baseline' },
      { number: 20, title: 'News of the week' },
    ]);
  });
  it('handles Windows line ends and empty text', () => {
    expect(parseFactsSections('## 3. Pilot\r\n## 4. Ruling\r\n')).toEqual([{ number: 3, title: 'Pilot' }, { number: 4, title: 'Ruling' }]);
    expect(parseFactsSections('')).toEqual([]);
  });
});

describe('coverageOf', () => {
  const sections = parseFactsSections(FACTS);

  it('lists the documents per section, sorted, and the uncovered sections', () => {
    const report = coverageOf(sections, [
      { id: 'zeta', facts: [0, 1] },
      { id: 'alpha', facts: [0] },
      { id: 'no-facts' },
    ]);
    expect(report.sections.map((s) => [s.number, s.docIds, s.required])).toEqual([
      [0, ['alpha', 'zeta'], true],
      [1, ['zeta'], true],
      [20, [], false],
    ]);
    expect(report.uncovered.map((s) => s.number)).toEqual([20]);
    expect(report.unknown).toEqual([]);
  });

  it('flags section numbers facts.md does not have', () => {
    expect(coverageOf(sections, [{ id: 'a', facts: [7] }]).unknown).toEqual([{ id: 'a', number: 7 }]);
  });

  it('notes required sections missing from facts.md itself', () => {
    const report = coverageOf(sections, []);
    expect(report.missingRequired).toHaveLength(REQUIRED_FACT_SECTIONS.max - REQUIRED_FACT_SECTIONS.min + 1 - 2);
    expect(report.missingRequired).not.toContain(0);
    expect(report.missingRequired).toContain(19);
  });
});

describe('isComplete', () => {
  const all = Array.from({ length: 21 }, (_, n) => ({ number: n, title: `Section ${n}` }));
  const everyRequired = Array.from({ length: 20 }, (_, n) => n);

  it('needs every section 0–19, but not the news section 20', () => {
    expect(isComplete(coverageOf(all, [{ id: 'a', facts: everyRequired }]))).toBe(true);
    expect(isComplete(coverageOf(all, [{ id: 'a', facts: everyRequired.filter((n) => n !== 12) }]))).toBe(false);
  });

  it('is incomplete when facts.md lacks a required section', () => {
    expect(isComplete(coverageOf(all.filter((s) => s.number !== 5), [{ id: 'a', facts: everyRequired }]))).toBe(false);
  });
});

describe('formatCoverage', () => {
  it('prints one line per section, then the uncovered ones and a summary', () => {
    const lines = formatCoverage(coverageOf(parseFactsSections(FACTS), [{ id: 'a', facts: [0, 9] }]));
    expect(lines).toEqual([
      '§0 Bottom line (1): a',
      '§1 Baseline (0): —',
      '§20 News of the week (0): —',
      '',
      'Not covered by any document (2):',
      '  §1 Baseline',
      '  §20 News of the week (optional)',
      'Missing from facts.md: ' + Array.from({ length: 18 }, (_, i) => `§${i + 2}`).join(', '),
      'warning: a lists §9, which facts.md does not have',
      '1 of 3 sections covered',
    ]);
  });

  it('says so when everything is covered', () => {
    const lines = formatCoverage(coverageOf([{ number: 0, title: 'Bottom line' }], [{ id: 'a', facts: [0] }]));
    expect(lines).toContain('Every section is covered.');
    expect(lines[lines.length - 1]).toBe('1 of 1 sections covered');
  });
});

/**
 * What validating a data file finds wrong — knowledge documents, rule files, the country table,
 * names, synonyms and vocabulary all report in this one shape, so `kb:check`, start-up and the
 * staff `reload` print them the same way.
 */

/** One finding: `file: field: problem`, where `field` is a dotted path such as `rules[3].from`. Errors block loading; warnings do not. */
export interface Problem {
  file: string;
  field: string;
  problem: string;
  severity: 'error' | 'warning';
}

/**
 * One problem as people read it: `file: field: problem`, warnings marked.
 *
 * @example
 * formatProblem({ file: 'a.md', field: 'reviewed', problem: 'is missing', severity: 'error' });   // 'a.md: reviewed: is missing'
 * formatProblem({ file: 'a.md', field: 'sources', problem: 'is old', severity: 'warning' });     // 'warning: a.md: sources: is old'
 */
export function formatProblem(p: Problem): string {
  return `${p.severity === 'warning' ? 'warning: ' : ''}${p.file}: ${p.field}: ${p.problem}`;
}

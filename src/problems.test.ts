import { formatProblem } from './problems';

describe('formatProblem', () => {
  it('writes file, field and problem, and marks warnings', () => {
    expect(formatProblem({ file: 'a.md', field: 'reviewed', problem: 'is missing', severity: 'error' })).toBe('a.md: reviewed: is missing');
    expect(formatProblem({ file: 'duty-free.yaml', field: 'rules[3].from', problem: 'is not a date', severity: 'warning' })).toBe(
      'warning: duty-free.yaml: rules[3].from: is not a date',
    );
  });
});

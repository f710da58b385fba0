import { evaluate, isInScope, measureLatency, splitHalf, type DevQuestion, type Outcome } from './evaluate';

const questions: DevQuestion[] = [
  { q: 'a', expect: 'doc-a', kind: 'short' },
  { q: 'b', expect: 'doc-b', kind: 'short' },
  { q: 'c', expect: 'doc-c', kind: 'short' },
  { q: 'weather', expect: 'out-of-scope', kind: 'out-of-scope' },
  { q: 'global entry', expect: 'other-cbp', kind: 'other-cbp' },
];

const outcomes: Record<string, Outcome> = {
  a: { kind: 'answer', best: 'doc-a', ranked: ['doc-a'] },
  b: { kind: 'did-you-mean', best: 'doc-b', ranked: ['doc-b', 'doc-a'] },
  c: { kind: 'answer', best: 'doc-a', ranked: ['doc-a', 'doc-x', 'doc-c'] },
  weather: { kind: 'did-you-mean', best: 'doc-a', ranked: ['doc-a'] },
  'global entry': { kind: 'other-cbp', ranked: [] },
};

describe('evaluate', () => {
  const m = evaluate(questions, (q) => outcomes[q]);
  it('counts top-1 (answered or offered first), top-3 and precision over in-scope questions', () => {
    expect(m.inScope).toBe(3);
    expect(m.top1).toBeCloseTo(2 / 3);
    expect(m.top3).toBe(1);
    expect(m.answered).toBeCloseTo(2 / 3);
    expect(m.answerPrecision).toBe(0.5);
  });
  it('counts a did-you-mean on an out-of-scope question as not rejected', () => {
    expect(m.outOfScope).toBe(2);
    expect(m.rejection).toBe(0.5);
    expect(m.otherCbp).toBe(1);
    expect(m.misses.map((x) => x.question.q)).toEqual(['c', 'weather']);
  });
});

describe('helpers', () => {
  it('tells in-scope from out-of-scope', () => {
    expect(isInScope(questions[0])).toBe(true);
    expect(isInScope(questions[3])).toBe(false);
  });
  it('splits by a stable hash', () => {
    expect(splitHalf(questions[0])).toBe(splitHalf({ ...questions[0] }));
    const halves = new Set(Array.from({ length: 50 }, (_, i) => splitHalf({ q: `question ${i}`, expect: 'x', kind: '' })));
    expect(halves).toEqual(new Set(['A', 'B']));
  });
  it('measures latency in microseconds', () => {
    const l = measureLatency(() => undefined, ['x'], 10);
    expect(l.p99).toBeGreaterThanOrEqual(l.p50);
    expect(l.p50).toBeGreaterThanOrEqual(0);
  });
});

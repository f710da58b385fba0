import { fitLogistic, logLoss } from './calibrate';

describe('fitLogistic', () => {
  const x = [[0], [0.1], [0.2], [0.8], [0.9], [1]];
  const y = [0, 0, 0, 1, 1, 1];

  it('learns a rising weight for a feature that predicts the label', () => {
    const m = fitLogistic(x, y, { iterations: 5000 });
    expect(m.weights[0]).toBeGreaterThan(2);
    expect(logLoss(m, x, y)).toBeLessThan(logLoss({ bias: 0, weights: [0] }, x, y));
  });

  it('keeps weights non-negative unless told otherwise', () => {
    const inverted = y.map((v) => 1 - v);
    expect(fitLogistic(x, inverted, { iterations: 2000 }).weights[0]).toBe(0);
    expect(fitLogistic(x, inverted, { iterations: 2000, nonNegative: false }).weights[0]).toBeLessThan(0);
  });
});

describe('logLoss', () => {
  it('is ln 2 for a coin flip and 0 for an empty set', () => {
    expect(logLoss({ bias: 0, weights: [0] }, [[1]], [1])).toBeCloseTo(Math.log(2));
    expect(logLoss({ bias: 0, weights: [] }, [], [])).toBe(0);
  });
});

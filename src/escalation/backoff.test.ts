import { backoffDelayMs, backoffSchedule } from './backoff';

describe('backoff', () => {
  const exact = { baseMs: 1000, maxMs: 60_000, jitter: false };

  it('doubles from the base and stops at the ceiling', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8].map((n) => backoffDelayMs(n, exact))).toEqual([1000, 2000, 4000, 8000, 16000, 32000, 60000, 60000]);
  });

  it('does not overflow for absurd attempt counts', () => {
    expect(backoffDelayMs(5000, exact)).toBe(60_000);
  });

  it('the default schedule (1 min doubling to 30 min, 8 attempts) spans about an hour and a half', () => {
    const schedule = backoffSchedule(8, { baseMs: 60_000, maxMs: 30 * 60_000, jitter: false });
    expect(schedule.map((ms) => ms / 60_000)).toEqual([1, 2, 4, 8, 16, 30, 30]);
  });

  it('jitter stays between half and all of the delay', () => {
    expect(backoffDelayMs(3, { ...exact, jitter: true, random: () => 0 })).toBe(2000);
    expect(backoffDelayMs(3, { ...exact, jitter: true, random: () => 0.999999 })).toBe(4000);
  });
});

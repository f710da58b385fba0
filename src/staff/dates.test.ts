import { easternDayOf, inWindow, lastDays, windowLabel } from './dates';

describe('dates', () => {
  it('uses the Eastern calendar date of now, in winter and summer time', () => {
    expect(lastDays(new Date('2026-11-26T04:30:00Z'), 7)).toEqual({ from: '2026-11-19', to: '2026-11-25' });
    expect(lastDays(new Date('2026-07-04T03:59:00Z'), 1)).toEqual({ from: '2026-07-03', to: '2026-07-03' });
    expect(lastDays(new Date('2026-07-04T04:00:00Z'), 1)).toEqual({ from: '2026-07-04', to: '2026-07-04' });
  });

  it('places instants on Eastern days, and skips invalid times', () => {
    expect(easternDayOf('2026-11-26T04:59:59Z')).toBe('2026-11-25');
    expect(easternDayOf('2026-11-26T05:00:00Z')).toBe('2026-11-26');
    expect(easternDayOf('not a time')).toBeUndefined();
    expect(inWindow('2026-11-19T05:00:00Z', { from: '2026-11-19', to: '2026-11-25' })).toBe(true);
    expect(inWindow('2026-11-19T04:59:59Z', { from: '2026-11-19', to: '2026-11-25' })).toBe(false);
  });

  it('labels windows for people', () => {
    expect(windowLabel({ from: '2026-11-19', to: '2026-11-25' })).toBe('19 Nov to 25 Nov 2026');
    expect(windowLabel({ from: '2026-12-26', to: '2027-01-01' })).toBe('26 Dec 2026 to 1 Jan 2027');
    expect(windowLabel({ from: '2026-11-25', to: '2026-11-25' })).toBe('25 Nov 2026');
  });
});

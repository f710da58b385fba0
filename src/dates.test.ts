import fc from 'fast-check';
import { addDays, addYears, daysBetween, displayDate, easternDate, endOfMonth, isIsoDate, isoDate, isWithin, middleOf, nextDay } from './dates';

describe('calendar arithmetic', () => {
  it('moves by whole days across months, years and leap days', () => {
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-12-02', 30)).toBe('2027-01-01');
    expect(nextDay('2027-06-30')).toBe('2027-07-01');
  });

  it('goes back and forth to the same day, and stays a real date', () => {
    const day = fc.integer({ min: 0, max: 365 * 30 }).map((n) => addDays('2010-01-01', n));
    fc.assert(
      fc.property(day, fc.integer({ min: -4000, max: 4000 }), (date, n) => {
        expect(isIsoDate(addDays(date, n))).toBe(true);
        expect(addDays(addDays(date, n), -n)).toBe(date);
        expect(daysBetween(date, addDays(date, n))).toBe(n);
      }),
    );
  });

  it('knows real dates, years and month ends', () => {
    expect(isIsoDate('2025-08-29')).toBe(true);
    expect(isIsoDate('2025-02-30')).toBe(false);
    expect(isIsoDate(20250829)).toBe(false);
    expect(isoDate(2025, 3, 1)).toBe('2025-03-01');
    expect(addYears('2028-02-29', 1)).toBe('2029-02-28');
    expect(endOfMonth('2028-02-10')).toBe('2028-02-29');
    expect(isWithin('2025-08-29', '2025-08-29', undefined)).toBe(true);
    expect(isWithin('2016-03-10', undefined, '2016-03-09')).toBe(false);
  });
});

describe('displayDate', () => {
  it('writes day, month name and year, from a date or an instant', () => {
    expect(displayDate('2026-11-25')).toBe('25 Nov 2026');
    expect(displayDate('2025-08-01T12:00:00Z')).toBe('1 Aug 2025');
    expect(displayDate('soon')).toBe('soon');
  });
});

describe('easternDate', () => {
  it('gives the calendar day in New York, across midnight and daylight saving time', () => {
    expect(easternDate(new Date('2026-11-26T03:00:00Z'))).toBe('2026-11-25');
    expect(easternDate(new Date('2025-08-29T04:01:00Z'))).toBe('2025-08-29'); // 12:01 a.m. EDT
    expect(easternDate(new Date('2025-08-29T03:59:00Z'))).toBe('2025-08-28');
    expect(easternDate(new Date('2026-01-15T04:59:00Z'))).toBe('2026-01-14'); // 11:59 p.m. EST
  });
});

describe('middleOf', () => {
  it('is the day halfway between two dates, rounded down', () => {
    expect(middleOf('2025-05-01', '2025-05-31')).toBe('2025-05-16');
    expect(middleOf('2025-01-01', '2025-12-31')).toBe('2025-07-02');
    expect(middleOf('2025-05-01', '2025-05-01')).toBe('2025-05-01');
  });
});

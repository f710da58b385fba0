import { RecentActivities } from './retries';

describe('RecentActivities', () => {
  test('a repeated id in the same conversation is a retry; other conversations are not affected', () => {
    const recent = new RecentActivities();
    expect(recent.checkAndRemember('a', '1')).toBe(false);
    expect(recent.checkAndRemember('a', '1')).toBe(true);
    expect(recent.checkAndRemember('b', '1')).toBe(false);
  });

  test('memory stays bounded: the oldest ids are forgotten first', () => {
    const recent = new RecentActivities(3);
    for (const id of ['1', '2', '3', '4']) recent.checkAndRemember('a', id);
    expect(recent.checkAndRemember('a', '4')).toBe(true);
    expect(recent.checkAndRemember('a', '1')).toBe(false);
  });
});

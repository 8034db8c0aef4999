import { describe, expect, it } from 'vitest';
import { currentStreak, extendStreak, NO_STREAK, streaks } from '../src/streaks.js';

// 2024 is a leap year: the day before 1 March is 29 February.
const now = new Date('2024-03-01T15:30:00Z');

describe('streaks', () => {
  it('is 0/0 without any days', () => {
    expect(streaks([], now)).toEqual({ current: 0, longest: 0 });
  });

  it('counts a single day today', () => {
    expect(streaks(['2024-03-01'], now)).toEqual({ current: 1, longest: 1 });
  });

  it('still counts a streak whose last day is yesterday', () => {
    expect(streaks(['2024-02-28', '2024-02-29'], now)).toEqual({ current: 2, longest: 2 });
  });

  it('resets the current streak after a missed day', () => {
    expect(streaks(['2024-02-27', '2024-02-28'], now)).toEqual({ current: 0, longest: 2 });
  });

  it('uses UTC days: just after midnight UTC, the previous UTC day is yesterday', () => {
    expect(streaks(['2024-02-29'], new Date('2024-03-01T00:00:01Z'))).toEqual({ current: 1, longest: 1 });
    expect(streaks(['2024-02-29'], new Date('2024-03-01T23:59:59Z'))).toEqual({ current: 1, longest: 1 });
    expect(streaks(['2024-02-29'], new Date('2024-03-02T00:00:00Z'))).toEqual({ current: 0, longest: 1 });
  });

  it('tells the longest streak from the current one', () => {
    const days = ['2024-02-01', '2024-02-02', '2024-02-03', '2024-02-04', '2024-02-10', '2024-02-29', '2024-03-01'];
    expect(streaks(days, now)).toEqual({ current: 2, longest: 4 });
  });

  it('lets the current streak be the longest', () => {
    const days = ['2024-02-20', '2024-02-21', '2024-02-26', '2024-02-27', '2024-02-28', '2024-02-29', '2024-03-01'];
    expect(streaks(days, now)).toEqual({ current: 5, longest: 5 });
  });

  it('counts a day listed twice once', () => {
    expect(streaks(['2024-02-29', '2024-03-01', '2024-03-01', '2024-02-29'], now)).toEqual({ current: 2, longest: 2 });
  });

  it('sorts unsorted input first', () => {
    const days = ['2024-03-01', '2024-01-05', '2024-02-29', '2024-01-03', '2024-01-04', '2024-02-28'];
    expect(streaks(days, now)).toEqual({ current: 3, longest: 3 });
  });

  it('sorts numerically by day, not by string or insertion order', () => {
    // Written out of order across a year boundary.
    const days = ['2024-01-01', '2023-12-31', '2023-12-30'];
    expect(streaks(days, new Date('2024-01-02T08:00:00Z'))).toEqual({ current: 3, longest: 3 });
  });

  it('runs across a month boundary (including a leap day)', () => {
    expect(streaks(['2024-02-28', '2024-02-29', '2024-03-01'], now)).toEqual({ current: 3, longest: 3 });
    // In a non-leap year 28 February is followed by 1 March.
    expect(streaks(['2023-02-28', '2023-03-01'], new Date('2023-03-01T12:00:00Z'))).toEqual({ current: 2, longest: 2 });
    expect(streaks(['2024-01-31', '2024-02-01'], new Date('2024-06-01T00:00:00Z'))).toEqual({ current: 0, longest: 2 });
  });

  it('runs across a year boundary', () => {
    expect(streaks(['2023-12-31', '2024-01-01'], new Date('2024-01-01T23:00:00Z'))).toEqual({ current: 2, longest: 2 });
  });

  it('does not bridge a gap of a whole month with the same day number', () => {
    expect(streaks(['2024-01-15', '2024-02-15', '2024-02-16'], new Date('2024-02-16T10:00:00Z'))).toEqual({ current: 2, longest: 2 });
  });
});

describe('the streak a player record keeps', () => {
  it('grows on the next UTC day, stays on the same day, and starts again after a gap', () => {
    let streak = extendStreak(NO_STREAK, '2024-02-27');
    expect(streak).toEqual({ lastActiveDay: '2024-02-27', run: 1, longest: 1 });
    streak = extendStreak(streak, '2024-02-27');
    expect(streak).toEqual({ lastActiveDay: '2024-02-27', run: 1, longest: 1 });
    streak = extendStreak(extendStreak(streak, '2024-02-28'), '2024-02-29');
    expect(streak).toEqual({ lastActiveDay: '2024-02-29', run: 3, longest: 3 });
    streak = extendStreak(streak, '2024-03-02');
    expect(streak).toEqual({ lastActiveDay: '2024-03-02', run: 1, longest: 3 });
  });

  it('ignores a day before the last one (submissions arrive in time order)', () => {
    const streak = { lastActiveDay: '2024-03-01', run: 2, longest: 2 };
    expect(extendStreak(streak, '2024-02-20')).toBe(streak);
  });

  it('is current while its last day is today or yesterday (UTC)', () => {
    const streak = { lastActiveDay: '2024-02-29', run: 4, longest: 6 };
    expect(currentStreak(streak, new Date('2024-02-29T23:59:59.999Z'))).toBe(4);
    expect(currentStreak(streak, new Date('2024-03-01T23:59:59.999Z'))).toBe(4);
    expect(currentStreak(streak, new Date('2024-03-02T00:00:00.000Z'))).toBe(0);
    expect(currentStreak(NO_STREAK, now)).toBe(0);
  });
});

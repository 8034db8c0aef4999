const DAY_MS = 86_400_000;

function dayNumber(isoDay: string): number {
  return Math.floor(Date.parse(`${isoDay}T00:00:00Z`) / DAY_MS);
}

/** The UTC day (`YYYY-MM-DD`) of an instant. */
export const utcDay = (at: Date) => at.toISOString().slice(0, 10);

/** A player's daily streak as PlayerStats keeps it: the last UTC day with a submission and the run ending on it. */
export interface Streak {
  lastActiveDay: string | null;
  run: number;
  longest: number;
}

export const NO_STREAK: Streak = { lastActiveDay: null, run: 0, longest: 0 };

/**
 * The streak after a submission on UTC day `day`: the run grows on the day after the last one, starts
 * again after a gap, and stays on the same day. Submissions reach a player's record in time order
 * (one at a time, under the player's lock, stamped with the server clock), so a day before the last
 * one changes nothing.
 */
export function extendStreak(streak: Streak, day: string): Streak {
  if (streak.lastActiveDay !== null && dayNumber(day) <= dayNumber(streak.lastActiveDay)) return streak;
  const run = streak.lastActiveDay !== null && dayNumber(day) - dayNumber(streak.lastActiveDay) === 1 ? streak.run + 1 : 1;
  return { lastActiveDay: day, run, longest: Math.max(streak.longest, run) };
}

/** The current streak at `now`: the run still counts when its last day is yesterday, since today is not over yet. */
export function currentStreak(streak: Streak, now: Date): number {
  if (streak.lastActiveDay === null) return 0;
  return Math.floor(now.getTime() / DAY_MS) - dayNumber(streak.lastActiveDay) <= 1 ? streak.run : 0;
}

/** Daily streaks from scratch over the UTC days (`YYYY-MM-DD`) on which a player submitted: the definition PlayerStats keeps. */
export function streaks(days: readonly string[], now: Date): { current: number; longest: number } {
  const streak = [...new Set(days)].sort().reduce(extendStreak, NO_STREAK);
  return { current: currentStreak(streak, now), longest: streak.longest };
}

const DAY_MS = 86_400_000;

function dayNumber(isoDay: string): number {
  return Math.floor(Date.parse(`${isoDay}T00:00:00Z`) / DAY_MS);
}

/**
 * Daily streaks over UTC days (`YYYY-MM-DD`) on which a player submitted an attempt. The current streak
 * still counts when the last day is yesterday: today is not over yet.
 */
export function streaks(days: readonly string[], now: Date): { current: number; longest: number } {
  const sorted = [...new Set(days.map(dayNumber))].sort((a, b) => a - b);
  let longest = 0;
  let run = 0;
  for (let i = 0; i < sorted.length; i++) {
    run = i > 0 && sorted[i]! - sorted[i - 1]! === 1 ? run + 1 : 1;
    longest = Math.max(longest, run);
  }
  const today = Math.floor(now.getTime() / DAY_MS);
  const last = sorted.at(-1);
  const current = last !== undefined && today - last <= 1 ? run : 0;
  return { current, longest };
}

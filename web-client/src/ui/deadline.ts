/**
 * A deadline chosen as a day in a date box: the end of that day in Japan (UTC+9, no daylight saving), as the API
 * receives it. Shared by the forms whose deadline has a range in days (contests, task jobs).
 */
const day = 86_400_000;

/** The day of an instant in Japan's calendar, as a date box writes it (YYYY-MM-DD). */
const dayInJapan = (ms: number) => new Date(ms + 9 * 3_600_000).toISOString().slice(0, 10);

/** A chosen day's deadline: the end of that day in Japan. */
export const deadlineOf = (dayText: string) => new Date(`${dayText}T23:59:59+09:00`);

/**
 * The first and last day a date box offers for a deadline at least minDays and at most maxDays after now, in Japan's
 * calendar, so that every day offered is one the API takes: the earliest day holds the instant minDays away, the
 * latest day's end is at most maxDays away.
 */
export function deadlineDayRange(now: number, minDays: number, maxDays: number): { min: string; max: string } {
  const latestEnd = now + maxDays * day;
  const latest = dayInJapan(latestEnd);
  return { min: dayInJapan(now + minDays * day), max: deadlineOf(latest).getTime() > latestEnd ? dayInJapan(latestEnd - day) : latest };
}

import type { TFunction } from "i18next";
import { limits } from "../../api/limits.gen";
import * as deadlines from "../../ui/deadline";
import { wholeNumberErrors } from "../../ui/validation";

/** The API's limits for posting a contest (prize, minimum entries, lengths), from its OpenAPI document. */
export const contestLimits = limits["Contests.PostContest.Command"];
export const entryLimits = limits["Contests.SubmitEntry.Command"];
export const reviewLimits = limits["Contests.ReviewEntry.Command"];

/**
 * The deadline's range in days (ContestRules.MinDays and MaxDays in api/Contests/Contest.cs): a date-time is not a
 * bound the OpenAPI document can publish, so the numbers are here, pinned by rules.test.ts and by the API's ContestTests.
 */
export const contestDeadlineDays = { min: 3, max: 30 } as const;

const day = 86_400_000;

export const deadlineOf = deadlines.deadlineOf;

/** The first and last day the date box offers, in Japan's calendar, so that every day offered is one the API takes. */
export const deadlineDayRange = (now: number) => deadlines.deadlineDayRange(now, contestDeadlineDays.min, contestDeadlineDays.max);

/** The deadline as the API checks it: 3 to 30 days after now. */
export function deadlineErrors(t: TFunction, dayText: string, now: number): string[] {
  const deadline = deadlineOf(dayText);
  if (!dayText || Number.isNaN(deadline.getTime())) return [t("validation.required")];
  if (deadline.getTime() < now + contestDeadlineDays.min * day) return [t("contests.deadlineTooSoon", { days: contestDeadlineDays.min })];
  if (deadline.getTime() > now + contestDeadlineDays.max * day) return [t("contests.deadlineTooFar", { days: contestDeadlineDays.max })];
  return [];
}

/** The prize: a whole number of yen, at least the API's minimum (¥1,000). */
export const prizeErrors = (t: TFunction, text: string) => wholeNumberErrors(t, text, contestLimits.prize);

/** The minimum number of entries below which the prize is refunded (1 to 100). */
export const minimumEntriesErrors = (t: TFunction, text: string) => wholeNumberErrors(t, text, contestLimits.minimumEntries);

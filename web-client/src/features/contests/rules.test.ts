import type { TFunction } from "i18next";
import { describe, expect, it } from "vitest";
import { contestDeadlineDays, contestLimits, deadlineDayRange, deadlineErrors, deadlineOf, minimumEntriesErrors, prizeErrors } from "./rules";

// The words are the keys, so that each test says which rule refused.
const t = ((key: string) => key) as unknown as TFunction;
const day = 86_400_000;
// 2026-12-07 04:00 UTC is 13:00 in Japan.
const now = Date.parse("2026-12-07T04:00:00Z");

describe("a contest's deadline", () => {
  it("is 3 to 30 days away, as ContestRules says", () => {
    expect(contestDeadlineDays).toEqual({ min: 3, max: 30 });
  });

  it("refuses a day whose end is less than 3 days away", () => {
    expect(deadlineErrors(t, "2026-12-09", now)).toEqual(["contests.deadlineTooSoon"]);
  });

  it("takes the first day whose end is 3 days away or more", () => {
    expect(deadlineOf("2026-12-10").getTime()).toBeGreaterThanOrEqual(now + 3 * day);
    expect(deadlineErrors(t, "2026-12-10", now)).toEqual([]);
  });

  it("takes the last day whose end is at most 30 days away, and refuses the next", () => {
    expect(deadlineErrors(t, "2027-01-05", now)).toEqual([]);
    expect(deadlineErrors(t, "2027-01-06", now)).toEqual(["contests.deadlineTooFar"]);
  });

  it("offers in the date box exactly the days it takes", () => {
    const range = deadlineDayRange(now);
    expect(range).toEqual({ min: "2026-12-10", max: "2027-01-05" });
    expect(deadlineErrors(t, range.min, now)).toEqual([]);
    expect(deadlineErrors(t, range.max, now)).toEqual([]);
  });

  it("is required", () => {
    expect(deadlineErrors(t, "", now)).toEqual(["validation.required"]);
  });
});

describe("a contest's prize", () => {
  it("is at least ¥1,000, the API's published minimum", () => {
    expect(contestLimits.prize.minimum).toBe(1000);
    expect(prizeErrors(t, "999")).toEqual(["validation.between"]);
    expect(prizeErrors(t, "1000")).toEqual([]);
  });

  it("is a whole number of yen", () => {
    expect(prizeErrors(t, "1500.5")).toEqual(["validation.between"]);
    expect(prizeErrors(t, "")).toEqual(["validation.required"]);
  });
});

describe("a contest's minimum of entries", () => {
  it("is 1 to 100", () => {
    expect(minimumEntriesErrors(t, "0")).toEqual(["validation.between"]);
    expect(minimumEntriesErrors(t, "1")).toEqual([]);
    expect(minimumEntriesErrors(t, "100")).toEqual([]);
    expect(minimumEntriesErrors(t, "101")).toEqual(["validation.between"]);
  });
});

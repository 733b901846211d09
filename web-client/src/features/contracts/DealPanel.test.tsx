import { describe, expect, it } from "vitest";
import { daysLeft } from "./DealPanel";

describe("the inspection countdown", () => {
  const now = Date.parse("2026-11-21T03:00:00Z");
  it("counts whole days left", () => {
    expect(daysLeft("2026-11-28T03:00:00Z", now)).toBe(7);
    expect(daysLeft("2026-11-24T15:00:00Z", now)).toBe(3);
  });
  it("says today in the last 24 hours and never goes below zero", () => {
    expect(daysLeft("2026-11-21T20:00:00Z", now)).toBe(0);
    expect(daysLeft("2026-11-20T03:00:00Z", now)).toBe(0);
  });
});

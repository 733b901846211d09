import { describe, expect, it } from "vitest";
import { daysLeft } from "./DealPanel";

describe("the inspection countdown", () => {
  const now = Date.parse("2026-11-21T03:00:00Z");
  it("counts a part of a day as a day", () => {
    expect(daysLeft("2026-11-28T03:00:00Z", now)).toBe(7);
    expect(daysLeft("2026-11-28T02:59:00Z", now)).toBe(7);
    expect(daysLeft("2026-11-24T15:00:00Z", now)).toBe(4);
    expect(daysLeft("2026-11-21T20:00:00Z", now)).toBe(1);
  });
  it("never goes below zero", () => {
    expect(daysLeft("2026-11-20T03:00:00Z", now)).toBe(0);
  });
});

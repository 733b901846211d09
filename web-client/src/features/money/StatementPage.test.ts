import { describe, expect, it } from "vitest";
import { addMonths, isStatementMonth, monthPeriod } from "./StatementPage";

describe("the statement's month", () => {
  it("steps by months, across years and in years of fewer than four digits", () => {
    expect(addMonths("2026-12", 1)).toBe("2027-01");
    expect(addMonths("2026-01", -1)).toBe("2025-12");
    expect(addMonths("0050-05", 1)).toBe("0050-06");
    expect(addMonths("0999-12", 1)).toBe("1000-01");
    expect(monthPeriod("2026-11")).toEqual({ from: "2026-11-01T00:00:00+09:00", to: "2026-12-01T00:00:00+09:00" });
  });

  it("asks only for months the API can read, whatever a month input passes on while a year is typed", () => {
    expect(isStatementMonth("2026-11")).toBe(true);
    expect(isStatementMonth("2000-01")).toBe(true);
    expect(isStatementMonth("9999-11")).toBe(true);
    for (const bad of ["2026-13", "2026-00", "0000-01", "0002-11", "1999-12", "9999-12", "10000-01", "275760-09", "", "2026-1"])
      expect(isStatementMonth(bad), bad).toBe(false);
  });
});

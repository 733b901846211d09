import { afterEach, describe, expect, it } from "vitest";
import i18n from "../i18n";
import { date, dateTime, yen, yenRange } from "./format";

// Issue 13, "Words and formats": 2026年11月21日 / 21 Nov 2026; ¥55,000 (never the full-width ￥) in both; 〜 for ranges.
afterEach(() => i18n.changeLanguage("ja"));

describe("formats in Japanese", () => {
  it("writes yen with the ordinary ¥, never the full-width ￥", () => {
    expect(yen(55000)).toBe("¥55,000");
    expect(yen(-93000)).toBe("−¥93,000");
    expect(yen(0)).toBe("¥0");
    expect(yen(55000)).not.toContain("￥");
    expect(yen(1234567)).toBe("¥1,234,567");
    expect(yen(100)).toBe("¥100");
    expect(yen(100000000)).toBe("¥100,000,000");
  });

  it("writes a budget range with 〜", () => {
    expect(yenRange(30000, 50000)).toBe("¥30,000〜¥50,000");
  });

  it("writes a day as 2026年11月21日, on Japan's calendar", () => {
    expect(date("2026-11-21T03:00:00Z")).toBe("2026年11月21日");
    // 20 Nov 15:30 UTC is already the 21st in Tokyo.
    expect(date("2026-11-20T15:30:00Z")).toBe("2026年11月21日");
  });

  it("writes a moment as 11月21日(土) 19:12 this year, with the year otherwise", () => {
    const now = new Date("2026-11-21T12:00:00Z");
    expect(dateTime("2026-11-21T10:12:00Z", now)).toBe("11月21日(土) 19:12");
    expect(dateTime("2025-11-21T10:12:00Z", now)).toBe("2025年11月21日(金) 19:12");
    // 31 Dec 15:05 UTC is New Year's Day in Tokyo, five past midnight, in a year other than now's.
    expect(dateTime("2026-12-31T15:05:00Z", now)).toBe("2027年1月1日(金) 00:05");
  });
});

describe("formats in English", () => {
  it("writes yen, ranges and dates the English way", async () => {
    await i18n.changeLanguage("en");
    expect(yen(55000)).toBe("¥55,000");
    expect(yenRange(30000, 50000)).toBe("¥30,000–¥50,000");
    expect(date("2026-11-21T03:00:00Z")).toBe("21 Nov 2026");
    expect(dateTime("2026-11-21T10:12:00Z", new Date("2026-11-21T12:00:00Z"))).toBe("Sat 21 Nov, 19:12");
  });
});

import i18n from "../i18n";

// The one place the client formats money and dates (issue 13, "Words and formats"). Intl's ja-JP currency format
// writes the full-width ￥ (U+FFE5); Japanese readers and both of our languages get the ordinary ¥ (U+00A5) instead.

const english = () => i18n.language === "en";

/** ¥55,000 in both languages; a negative amount is −¥93,000 (U+2212, the minus sign, not a hyphen). */
export function yen(amount: number) {
  const digits = new Intl.NumberFormat(english() ? "en-GB" : "ja-JP", { maximumFractionDigits: 0 }).format(Math.abs(amount));
  return `${amount < 0 ? "\u2212" : ""}¥${digits}`;
}

/** A budget: ¥30,000〜¥50,000 in Japanese (the wave dash Japanese writes for a range), ¥30,000–¥50,000 in English. */
export function yenRange(min: number, max: number) {
  return english() ? `${yen(min)}–${yen(max)}` : `${yen(min)}〜${yen(max)}`;
}

/** A day: 2026年11月21日 / 21 Nov 2026, on the Japanese calendar day (Asia/Tokyo). */
export function date(value: string | undefined | null) {
  if (!value) return "";
  return new Intl.DateTimeFormat(english() ? "en-GB" : "ja-JP", {
    year: "numeric",
    month: english() ? "short" : "long",
    day: "numeric",
    timeZone: "Asia/Tokyo",
  }).format(new Date(value));
}

/**
 * A moment where the time matters: 11月21日(土) 19:12 / Sat 21 Nov, 19:12 this year, with the year before it
 * otherwise (2025年11月21日(金) 19:12 / Fri 21 Nov 2025, 19:12), in Japan's time.
 */
export function dateTime(value: string | undefined | null, now: Date = new Date()) {
  if (!value) return "";
  const when = new Date(value);
  const year = (d: Date) => new Intl.DateTimeFormat("en", { year: "numeric", timeZone: "Asia/Tokyo" }).format(d);
  const en = english();
  const parts = new Intl.DateTimeFormat(en ? "en-GB" : "ja-JP", {
    year: year(when) === year(now) ? undefined : "numeric",
    month: en ? "short" : "numeric",
    day: "numeric",
    weekday: "short",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
    timeZone: "Asia/Tokyo",
  }).formatToParts(when);
  const get = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? "";
  const time = `${get("hour")}:${get("minute")}`;
  if (en) return `${get("weekday")} ${get("day")} ${get("month")}${get("year") ? ` ${get("year")}` : ""}, ${time}`;
  return `${get("year") ? `${get("year")}年` : ""}${get("month")}月${get("day")}日(${get("weekday")}) ${time}`;
}

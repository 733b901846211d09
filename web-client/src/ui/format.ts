import i18n from "../i18n";

// The one place the client formats money and dates (issue 13, "Words and formats"): ¥55,000 in both languages (the
// ordinary ¥ U+00A5, not the full-width ￥ that Intl's ja-JP currency format writes), 2026年11月21日 / 21 Nov 2026.
//
// Written by hand rather than with Intl: the first Intl formatter of a page loads the locale's ICU data, and a profile
// of the job list on a phone spent 47 of its 304 ms of script building formatters. Both formats are fixed: yen has no
// fraction and groups by thousands with a comma in both languages, and Japan's time is UTC+9 all year (no daylight
// saving since 1951), so Japan's calendar day is the UTC day nine hours on.

const english = () => i18n.language === "en";
const monthsEn = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const weekdaysEn = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
const weekdaysJa = ["日", "月", "火", "水", "木", "金", "土"];
const japanOffsetMs = 9 * 60 * 60 * 1000;

/** The moment on Japan's clock: year, month (1–12), day, weekday (0 = Sunday), hour, minute. */
function inJapan(when: Date) {
  const j = new Date(when.getTime() + japanOffsetMs);
  return { year: j.getUTCFullYear(), month: j.getUTCMonth() + 1, day: j.getUTCDate(), weekday: j.getUTCDay(), hour: j.getUTCHours(), minute: j.getUTCMinutes() };
}

const two = (n: number) => String(n).padStart(2, "0");

/** ¥55,000 in both languages; a negative amount is −¥93,000 (U+2212, the minus sign, not a hyphen). */
export function yen(amount: number) {
  const digits = String(Math.round(Math.abs(amount))).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return `${amount < 0 ? "\u2212" : ""}¥${digits}`;
}

/** A budget: ¥30,000〜¥50,000 in Japanese (the wave dash Japanese writes for a range), ¥30,000–¥50,000 in English. */
export function yenRange(min: number, max: number) {
  return english() ? `${yen(min)}–${yen(max)}` : `${yen(min)}〜${yen(max)}`;
}

/** A day: 2026年11月21日 / 21 Nov 2026, on the Japanese calendar day (Asia/Tokyo). */
export function date(value: string | undefined | null) {
  if (!value) return "";
  const d = inJapan(new Date(value));
  return english() ? `${d.day} ${monthsEn[d.month - 1]} ${d.year}` : `${d.year}年${d.month}月${d.day}日`;
}

/**
 * A moment where the time matters: 11月21日(土) 19:12 / Sat 21 Nov, 19:12 this year, with the year before it
 * otherwise (2025年11月21日(金) 19:12 / Fri 21 Nov 2025, 19:12), in Japan's time.
 */
export function dateTime(value: string | undefined | null, now: Date = new Date(), { withYear = false } = {}) {
  if (!value) return "";
  const d = inJapan(new Date(value));
  // A document that is printed and kept (the terms notice) always says the year.
  const otherYear = withYear || d.year !== inJapan(now).year;
  const time = `${two(d.hour)}:${two(d.minute)}`;
  if (english()) return `${weekdaysEn[d.weekday]} ${d.day} ${monthsEn[d.month - 1]}${otherYear ? ` ${d.year}` : ""}, ${time}`;
  return `${otherYear ? `${d.year}年` : ""}${d.month}月${d.day}日(${weekdaysJa[d.weekday]}) ${time}`;
}

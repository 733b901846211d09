import i18n from "../i18n";

export function yen(amount: number) {
  return new Intl.NumberFormat(i18n.language === "en" ? "en-JP" : "ja-JP", { style: "currency", currency: "JPY" }).format(amount);
}

export function date(value: string | undefined | null) {
  if (!value) return "";
  return new Intl.DateTimeFormat(i18n.language === "en" ? "en-GB" : "ja-JP", { dateStyle: "medium", timeZone: "Asia/Tokyo" }).format(new Date(value));
}

export function dateTime(value: string | undefined | null) {
  if (!value) return "";
  return new Intl.DateTimeFormat(i18n.language === "en" ? "en-GB" : "ja-JP", {
    dateStyle: "medium",
    timeStyle: "short",
    timeZone: "Asia/Tokyo",
  }).format(new Date(value));
}

import i18n from "i18next";
import { initReactI18next } from "react-i18next";
import { setApiLanguage } from "../api/client";
import { en } from "./en";
import { ja } from "./ja";

export const languages = ["ja", "en"] as const;
export type Language = (typeof languages)[number];
const storageKey = "marketplace.language";

function remembered(): Language {
  try {
    const saved = localStorage.getItem(storageKey);
    return saved === "en" ? "en" : "ja";
  } catch {
    return "ja";
  }
}

declare module "i18next" {
  interface CustomTypeOptions {
    defaultNS: "translation";
    resources: { translation: typeof ja };
  }
}

const initial = remembered();
void i18n.use(initReactI18next).init({
  resources: { ja: { translation: ja }, en: { translation: en } },
  lng: initial,
  fallbackLng: "ja",
  interpolation: { escapeValue: false },
  returnNull: false,
});
setApiLanguage(initial);
document.documentElement.lang = initial;

export function changeLanguage(lang: Language) {
  void i18n.changeLanguage(lang);
  setApiLanguage(lang);
  document.documentElement.lang = lang;
  try {
    localStorage.setItem(storageKey, lang);
  } catch {
    // Private mode: the choice lasts for this visit only.
  }
}

export default i18n;

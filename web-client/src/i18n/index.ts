import i18n from "i18next";
import { initReactI18next } from "react-i18next";
import { setApiLanguage } from "../api/client";
import type { Translation } from "./ja";
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
    resources: { translation: Translation };
  }
}

// Japanese, the default and the fallback, comes with the first load; English (~8 KB gzip) is fetched only by those who
// read it (issue 13, "Measured, not promised": the first-load JavaScript of a phone in Japanese). The build's
// check-bundle-size.mjs fails when English words are in the first load again.
const otherLanguages: Record<Exclude<Language, "ja">, () => Promise<Translation>> = {
  en: () => import("./en").then((m) => m.en),
};

/** Makes a language's words available (fetching them once); Japanese always is. */
export async function loadLanguage(lang: Language) {
  if (lang === "ja" || i18n.hasResourceBundle(lang, "translation")) return;
  i18n.addResourceBundle(lang, "translation", await otherLanguages[lang]());
}

const initial = remembered();
void i18n.use(initReactI18next).init({
  resources: { ja: { translation: ja } },
  lng: initial,
  fallbackLng: "ja",
  interpolation: { escapeValue: false },
  returnNull: false,
});
setApiLanguage(initial);
document.documentElement.lang = initial;
/** Resolves once the remembered language's words are there: the app renders after it, never in the wrong language. */
export const languageReady: Promise<void> = loadLanguage(initial).catch(() => {
  // Offline before the English words came: Japanese (the fallback) rather than no page.
});

export function changeLanguage(lang: Language) {
  // The page switches once the words are there (at once for Japanese and for English seen before).
  void loadLanguage(lang).then(async () => {
    await i18n.changeLanguage(lang);
    setApiLanguage(lang);
    document.documentElement.lang = lang;
    try {
      localStorage.setItem(storageKey, lang);
    } catch {
      // Private mode: the choice lasts for this visit only.
    }
  });
}

export default i18n;

import { useEffect } from "react";
import { useTranslation } from "react-i18next";

/**
 * Keeps the browser's title on the page and the language: 「日本酒ラベルのデザイン | 地域しごとマーケット」. Each page
 * already names itself in its one h1 (a job's page by the job's title, in the data's own words), so the title follows
 * the h1 inside `main` as it renders, loads or changes language, rather than every page setting it again.
 */
export function DocumentTitle({ mainId = "main" }: { mainId?: string }) {
  const { t, i18n } = useTranslation();
  const site = t("app.name");
  useEffect(() => {
    const main = document.getElementById(mainId);
    if (!main) return;
    const update = () => {
      const page = main.querySelector("h1")?.textContent?.trim();
      const title = page && page !== site ? t("words.siteTitle", { page, site }) : site;
      if (document.title !== title) document.title = title;
    };
    update();
    const observer = new MutationObserver(update);
    observer.observe(main, { childList: true, subtree: true, characterData: true });
    return () => observer.disconnect();
  }, [mainId, site, t, i18n.language]);
  return null;
}

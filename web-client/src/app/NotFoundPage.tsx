import { useTranslation } from "react-i18next";

/** Any path the routes do not know. */
export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <section>
      <h1>{t("errors.pageNotFoundTitle")}</h1>
      <p>{t("errors.notFound")}</p>
    </section>
  );
}

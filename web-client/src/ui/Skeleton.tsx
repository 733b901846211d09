import { useTranslation } from "react-i18next";

/**
 * Cards not yet loaded: grey boxes of a card's height where the list will be, so that the first screen has its shape at
 * once and nothing below moves when the list arrives (Cumulative Layout Shift). Screen readers hear "loading" once.
 */
export function SkeletonCards({ count = 3 }: { count?: number }) {
  const { t } = useTranslation();
  return (
    <div className="skeleton" role="status" aria-live="polite">
      <span className="visually-hidden">{t("common.loading")}</span>
      <ul className="cards" aria-hidden="true">
        {Array.from({ length: count }, (_, i) => (
          <li key={i} className="card skeleton-card" />
        ))}
      </ul>
    </div>
  );
}

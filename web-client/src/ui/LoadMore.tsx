import { useTranslation } from "react-i18next";

/** Keyset paging: lists grow a page at a time instead of loading everything. */
export function LoadMore({ hasMore, loading, onMore }: { hasMore: boolean; loading: boolean; onMore: () => void }) {
  const { t } = useTranslation();
  if (!hasMore) return null;
  return (
    <div className="load-more">
      <button type="button" onClick={onMore} disabled={loading} aria-busy={loading}>
        {loading ? t("common.loading") : t("common.more")}
      </button>
    </div>
  );
}

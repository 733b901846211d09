import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { Pending } from "../../ui/Pending";
import { Problem } from "../../ui/Problem";
import { useDeleteSavedSearch, useSavedSearches } from "./api";

/** A worker's saved searches: each opens the board with its words and filters, or is deleted. */
export function SavedSearchesPage() {
  const { t } = useTranslation();
  const searches = useSavedSearches();
  const remove = useDeleteSavedSearch();
  if (searches.isPending) return <Pending />;
  if (searches.isError) return <Problem error={searches.error} onRetry={() => void searches.refetch()} />;
  return (
    <section>
      <h1>{t("savedSearches.title")}</h1>
      <p>{t("savedSearches.lead")}</p>
      <Problem error={remove.error} />
      {searches.data.length === 0 ? (
        <p>{t("savedSearches.none")}</p>
      ) : (
        <ul className="cards" aria-label={t("savedSearches.listLabel")}>
          {searches.data.map((s) => {
            const params = new URLSearchParams();
            if (s.q) params.set("q", s.q);
            if (s.category) params.set("category", s.category);
            if (s.region) params.set("region", s.region);
            if (s.minBudget != null) params.set("minBudget", String(s.minBudget));
            if (s.maxBudget != null) params.set("maxBudget", String(s.maxBudget));
            return (
              <li key={s.id} className="card">
                <h2 className="h3">{s.name}</h2>
                <p className="meta">
                  {s.category && <span className="tag">{t(`categories.${s.category}` as "categories.design")}</span>}
                  {s.region && <span>{s.region}</span>}
                </p>
                <p className="actions">
                  <Link className="button" to={`/jobs?${params.toString()}`}>
                    {t("savedSearches.open")}
                  </Link>
                  <button type="button" disabled={remove.isPending} onClick={() => remove.mutate(s.id)}>
                    {t("savedSearches.remove")}
                  </button>
                </p>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}

import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router";
import { LoadMore } from "../../ui/LoadMore";
import { Loaded } from "../../ui/Loaded";
import { Problem } from "../../ui/Problem";
import { apiErrorsFor, fieldErrorText } from "../../ui/validation";
import { useBadges, useWorkerSearch, type WorkerFilters } from "./api";

/**
 * Businesses and producers look for workers: words over the profiles (bio, skills, region; ほんやく finds ホンヤク,
 * ﾗﾍﾞﾙ finds ラベル), a region or its beginning (秋田県 finds 秋田県湯沢市). The best matches first.
 */
export function WorkerSearchPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const filters: WorkerFilters = { q: params.get("q") || undefined, region: params.get("region") || undefined, badge: params.get("badge") || undefined };
  const workers = useWorkerSearch(filters);
  const badges = useBadges();
  const [draft, setDraft] = useState({ q: filters.q ?? "", region: filters.region ?? "", badge: filters.badge ?? "" });

  function search(e: FormEvent) {
    e.preventDefault();
    const next = new URLSearchParams();
    for (const [key, value] of Object.entries(draft)) if (value.trim()) next.set(key, value.trim());
    setParams(next);
  }

  const items = workers.data?.pages.flatMap((p) => p.items) ?? [];
  const wordErrors = apiErrorsFor(workers.error, "q");
  const regionErrors = apiErrorsFor(workers.error, "region");
  return (
    <section>
      <h1>{t("workerSearch.title")}</h1>
      {/* Team search beside worker search (issue 23): a team takes an order a person alone could not. */}
      <p>
        <Link to="/teams">{t("nav.findTeams")}</Link>
      </p>
      <form className="filters" onSubmit={search} role="search" aria-label={t("workerSearch.label")}>
        <label>
          {t("workerSearch.words")}
          <input
            type="search"
            value={draft.q}
            aria-invalid={wordErrors.length > 0 || undefined}
            aria-describedby={wordErrors.length > 0 ? "worker-q-errors" : "worker-q-hint"}
            onChange={(e) => setDraft({ ...draft, q: e.target.value })}
          />
        </label>
        <p id="worker-q-hint" className="hint">
          {t("workerSearch.wordsHint")}
        </p>
        {wordErrors.length > 0 && (
          <p id="worker-q-errors" className="field-error" role="alert">
            {wordErrors.map((e) => fieldErrorText(t, e)).join(" ")}
          </p>
        )}
        <label>
          {t("workerSearch.region")}
          <input
            value={draft.region}
            aria-invalid={regionErrors.length > 0 || undefined}
            aria-describedby={regionErrors.length > 0 ? "worker-region-errors" : undefined}
            onChange={(e) => setDraft({ ...draft, region: e.target.value })}
          />
        </label>
        {regionErrors.length > 0 && (
          <p id="worker-region-errors" className="field-error" role="alert">
            {regionErrors.map((e) => fieldErrorText(t, e)).join(" ")}
          </p>
        )}
        {(badges.data?.length ?? 0) > 0 && (
          <label>
            {t("workerSearch.badge")}
            <select value={draft.badge} onChange={(e) => setDraft({ ...draft, badge: e.target.value })}>
              <option value="">{t("workerSearch.anyBadge")}</option>
              {badges.data!.map((b) => (
                <option key={b.id} value={b.id}>
                  {b.name}（{b.programmeName}）
                </option>
              ))}
            </select>
          </label>
        )}
        <button type="submit">{t("workerSearch.search")}</button>
      </form>
      <Loaded query={workers}>
        {() =>
          items.length === 0 ? (
            <p>{t("workerSearch.none")}</p>
          ) : (
            <ul className="cards" aria-label={t("workerSearch.listLabel")}>
              {items.map((w) => (
                <li key={w.workerId} className="card">
                  <h2>
                    <Link to={`/workers/${w.workerId}`}>{w.displayName}</Link>
                  </h2>
                  <p className="meta">
                    {w.region && <span>{w.region}</span>}
                    <span>{t("workerSearch.hours", { count: w.weeklyHours })}</span>
                    {w.rating != null && <span>{t("workerSearch.rated", { rating: w.rating.toFixed(1), count: w.reviewCount })}</span>}
                  </p>
                  {w.skills.length > 0 && (
                    <p className="meta">
                      {w.skills.map((s) => (
                        <span key={s} className="tag">
                          {s}
                        </span>
                      ))}
                    </p>
                  )}
                  {w.bio && <p className="message">{w.bio}</p>}
                </li>
              ))}
            </ul>
          )
        }
      </Loaded>
      {workers.isFetchNextPageError && <Problem error={workers.error} onRetry={() => void workers.fetchNextPage()} />}
      <LoadMore hasMore={workers.hasNextPage} loading={workers.isFetchingNextPage} onMore={() => void workers.fetchNextPage()} />
    </section>
  );
}

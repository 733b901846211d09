import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router";
import { jobCategories, type Account, type JobCategory } from "../../api/client";
import { LoadMore } from "../../ui/LoadMore";
import { apiErrorsFor, fieldErrorText } from "../../ui/validation";
import { Loaded } from "../../ui/Loaded";
import { Problem } from "../../ui/Problem";
import { SkeletonCards } from "../../ui/Skeleton";
import { useNarrow } from "../../ui/useNarrow";
import { jobSorts, useJobs, useSaveSearch, type JobFilters, type JobSort } from "./api";
import { JobCard } from "./components/JobCard";

function filtersFrom(params: URLSearchParams, mine: boolean): JobFilters {
  const number = (key: string) => {
    const n = Number(params.get(key));
    return params.get(key) && Number.isFinite(n) && n >= 0 ? n : undefined;
  };
  const category = params.get("category");
  const sort = params.get("sort");
  return {
    q: params.get("q") || undefined,
    category: jobCategories.includes(category as JobCategory) ? (category as JobCategory) : undefined,
    region: params.get("region") || undefined,
    minBudget: number("minBudget"),
    maxBudget: number("maxBudget"),
    status: mine ? undefined : "open",
    mine: mine || undefined,
    sort: !mine && jobSorts.includes(sort as JobSort) ? (sort as JobSort) : undefined,
    beginners: !mine && params.get("beginners") === "true" ? true : undefined,
  };
}

/**
 * Open jobs with search (for visitors too: the public board), or (mine) the caller's own jobs: a business's, a
 * producer's clients', a worker's bid-on. A worker may save the search's words and filters.
 */
export function JobsPage({ mine = false, account = null }: { mine?: boolean; account?: Account | null }) {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const filters = filtersFrom(params, mine);
  const jobs = useJobs(filters);
  const save = useSaveSearch();
  const [draft, setDraft] = useState({
    q: filters.q ?? "",
    category: filters.category ?? "",
    region: filters.region ?? "",
    minBudget: params.get("minBudget") ?? "",
    maxBudget: params.get("maxBudget") ?? "",
    sort: filters.sort ?? "",
  });
  // A checkbox, apart from the text fields: the board's link says beginners=true only when it is ticked.
  const [beginners, setBeginners] = useState(filters.beginners ?? false);

  function search(e: FormEvent) {
    e.preventDefault();
    const next = new URLSearchParams();
    for (const [key, value] of Object.entries(draft)) if (value.trim()) next.set(key, value.trim());
    if (beginners) next.set("beginners", "true");
    setParams(next);
    // "Saved" (or a refused save) spoke of the search before this one.
    save.reset();
  }

  const items = jobs.data?.pages.flatMap((p) => p.items) ?? [];
  // The API's refusal of a field (the words, a filter, the order), under the field it concerns.
  const errorsOf = (field: keyof typeof draft) => apiErrorsFor(jobs.error, field);
  const invalid = (field: keyof typeof draft) =>
    errorsOf(field).length > 0 ? { "aria-invalid": true, "aria-describedby": `${field}-errors` } : {};
  const errorsUnder = (field: keyof typeof draft) =>
    errorsOf(field).length > 0 && (
      <p id={`${field}-errors`} className="field-error" role="alert">
        {errorsOf(field).map((e) => fieldErrorText(t, e)).join(" ")}
      </p>
    );
  const first = jobs.data?.pages[0];
  const searched = !!(filters.q || filters.category || filters.region || filters.minBudget !== undefined || filters.maxBudget !== undefined);
  // On a phone the filters fold behind 絞り込み, so that the first job is on the first screen; they open when in use.
  const narrow = useNarrow();
  const filtered = !!(filters.category || filters.region || filters.minBudget !== undefined || filters.maxBudget !== undefined || filters.sort || filters.beginners);
  const [unfolded, setUnfolded] = useState(filtered);
  const folded = narrow && !unfolded;
  return (
    <section>
      <h1>{mine ? t("jobs.mineTitle") : t("jobs.browseTitle")}</h1>
      {/* Contests are jobs of their own kind, with their own pages: the board and the business's jobs lead to them. */}
      {(mine || account?.role === "worker") && (
        <p>
          <Link to="/contests">{t(mine ? "jobs.toOwnContests" : "jobs.toContests")}</Link>
        </p>
      )}
      {!mine && (
        <form className={`filters${folded ? " folded" : ""}`} onSubmit={search} role="search" aria-label={t("jobs.searchLabel")}>
          <label>
            {t("jobs.words")}
            <input type="search" value={draft.q} {...invalid("q")} onChange={(e) => setDraft({ ...draft, q: e.target.value })} />
          </label>
          {errorsUnder("q")}
          {!folded && (
            <>
          <label>
            {t("jobs.category")}
            <select value={draft.category} {...invalid("category")} onChange={(e) => setDraft({ ...draft, category: e.target.value })}>
              <option value="">{t("jobs.anyCategory")}</option>
              {jobCategories.map((c) => (
                <option key={c} value={c}>
                  {t(`categories.${c}`)}
                </option>
              ))}
            </select>
          </label>
          {errorsUnder("category")}
          <label>
            {t("jobs.region")}
            <input value={draft.region} {...invalid("region")} onChange={(e) => setDraft({ ...draft, region: e.target.value })} />
          </label>
          {errorsUnder("region")}
          <label>
            {t("jobs.minBudget")}
            <input type="number" inputMode="numeric" min={0} value={draft.minBudget} {...invalid("minBudget")} onChange={(e) => setDraft({ ...draft, minBudget: e.target.value })} />
          </label>
          {errorsUnder("minBudget")}
          <label>
            {t("jobs.maxBudget")}
            <input type="number" inputMode="numeric" min={0} value={draft.maxBudget} {...invalid("maxBudget")} onChange={(e) => setDraft({ ...draft, maxBudget: e.target.value })} />
          </label>
          {errorsUnder("maxBudget")}
          <label>
            {t("jobs.sort")}
            <select value={draft.sort} {...invalid("sort")} onChange={(e) => setDraft({ ...draft, sort: e.target.value })}>
              <option value="">{t("jobs.sortDefault")}</option>
              {jobSorts.map((s) => (
                <option key={s} value={s}>
                  {t(`jobs.sort${s.charAt(0).toUpperCase()}${s.slice(1)}` as "jobs.sortNewest")}
                </option>
              ))}
            </select>
          </label>
          {errorsUnder("sort")}
          <label className="choice">
            <input type="checkbox" checked={beginners} onChange={(e) => setBeginners(e.target.checked)} />
            <span>{t("jobs.beginnersOnly")}</span>
          </label>
            </>
          )}
          <div className="search-actions">
            <button type="submit" className="primary">
              {t("jobs.search")}
            </button>
            {narrow && (
              <button type="button" aria-expanded={!folded} onClick={() => setUnfolded(folded)}>
                {folded ? t("trust.filter") : t("trust.closeFilters")}
              </button>
            )}
          </div>
        </form>
      )}
      {!mine && first?.total != null && (
        <p className="count" role="status">
          {first.totalCapped ? t("jobs.countCapped", { count: first.total }) : t("jobs.count", { count: first.total })}
        </p>
      )}
      {!mine && account?.role === "worker" && searched && (
        <div className="save-search">
          {save.isSuccess ? (
            <p role="status">{t("jobs.searchSaved")}</p>
          ) : (
            <>
              <button
                type="button"
                disabled={save.isPending}
                onClick={() => save.mutate({ q: filters.q, category: filters.category, region: filters.region, minBudget: filters.minBudget, maxBudget: filters.maxBudget })}
              >
                {t("jobs.saveSearch")}
              </button>{" "}
              <span className="hint">{t("jobs.saveSearchHint")}</span>
            </>
          )}
          <Problem error={save.error} />
        </div>
      )}
      <Loaded query={jobs} pending={<SkeletonCards />}>
      {() => items.length === 0 ? (
        <p>{mine ? t("jobs.noneMine") : t("jobs.noneFound")}</p>
      ) : (
        <ul className="cards" aria-label={t("jobs.listLabel")}>
          {items.map((job) => (
            <JobCard key={job.id} job={job} showStatus={mine} />
          ))}
        </ul>
      )}
      </Loaded>
      {jobs.isFetchNextPageError && <Problem error={jobs.error} onRetry={() => void jobs.fetchNextPage()} />}
      <LoadMore hasMore={jobs.hasNextPage} loading={jobs.isFetchingNextPage} onMore={() => void jobs.fetchNextPage()} />
    </section>
  );
}

import "../../i18n/contestWords";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { Account } from "../../api/client";
import { dateTime, yen } from "../../ui/format";
import { Pending } from "../../ui/Pending";
import { Problem } from "../../ui/Problem";
import { useContests, type ContestSummary } from "./api";

/**
 * Contests (issue 24): a worker's open contests and its entries, a business's own contests. One list from
 * GET /api/contests, split here by what the caller does with each.
 */
export function ContestsPage({ account }: { account: Account }) {
  const { t } = useTranslation();
  const contests = useContests();
  const business = account.role === "business";
  if (contests.isPending) return <Pending />;
  if (contests.isError) return <Problem error={contests.error} onRetry={() => void contests.refetch()} />;
  const entered = contests.data.filter((c) => c.myEntryCount > 0);
  const open = contests.data.filter((c) => c.myEntryCount === 0 && c.phase === "entering");
  return (
    <section>
      <h1>{t("contests.title")}</h1>
      <p>{t("contests.lead")}</p>
      {business ? (
        <>
          <p>
            <Link to="/contests/new" className="button">{t("contests.post")}</Link>
          </p>
          <ContestList contests={contests.data} label={t("contests.mine")} empty={t("contests.noneMine")} />
        </>
      ) : (
        <>
          <ContestList contests={entered} label={t("contests.entered")} empty={t("contests.noneEntered")} />
          <ContestList contests={open} label={t("contests.open")} empty={t("contests.noneOpen")} />
        </>
      )}
    </section>
  );
}

function ContestList({ contests, label, empty }: { contests: ContestSummary[]; label: string; empty: string }) {
  const { t } = useTranslation();
  return (
    <section aria-label={label}>
      <h2>{label}</h2>
      {contests.length === 0 ? (
        <p>{empty}</p>
      ) : (
        <ul className="cards">
          {contests.map((c) => (
            <li key={c.id} className="card">
              <h3 className="h3">
                <Link to={`/contests/${c.id}`}>{c.title}</Link>
              </h3>
              <p className="meta">
                <span>{c.businessName}</span> <span>{t(`categories.${c.category}`)}</span>{" "}
                <strong>{t("contests.prizeIs", { prize: yen(c.prize) })}</strong>
              </p>
              <p className="meta">
                <span>{t(`contests.phase.${c.phase}`)}</span>{" "}
                <span>{t("contests.closesAt", { at: dateTime(c.entriesCloseAt) })}</span>{" "}
                <span>{t("contests.entryCount", { count: c.entryCount, minimum: c.minimumEntries })}</span>
                {c.myEntryCount > 0 && <span> {t("contests.myEntryCount", { count: c.myEntryCount })}</span>}
              </p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

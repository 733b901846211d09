import "../../i18n/contestWords";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { Account } from "../../api/client";
import { Pending } from "../../ui/Pending";
import { Problem } from "../../ui/Problem";
import { useContests } from "./api";
import { ContestList } from "./ContestList";

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

import "../../i18n/adminWords";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { date, dateTime, yen } from "../../ui/format";
import { LoadMore } from "../../ui/LoadMore";
import { Pending } from "../../ui/Pending";
import { Problem } from "../../ui/Problem";
import { usePayoutBatches } from "./api";
import { CreateBatchForm } from "./components/CreateBatchForm";

/** Payout batches, newest first, and the form that gathers a new one. */
export function PayoutBatchesPage() {
  const { t } = useTranslation();
  const batches = usePayoutBatches();
  const items = batches.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <section>
      <h1>{t("adminArea.batches.title")}</h1>
      <p>{t("adminArea.batches.lead")}</p>
      <CreateBatchForm />
      <h2>{t("adminArea.batches.listTitle")}</h2>
      {batches.isPending ? (
        <Pending />
      ) : batches.isError ? (
        <Problem error={batches.error} onRetry={() => void batches.refetch()} />
      ) : items.length === 0 ? (
        <p>{t("adminArea.batches.none")}</p>
      ) : (
        <>
          <ul className="cards">
            {items.map((b) => (
              <li key={b.id} className="card">
                <h3>
                  <Link to={`/admin/payout-batches/${b.id}`}>{t("adminArea.batches.detailTitle", { date: dateTime(b.cutoff) })}</Link>
                </h3>
                <p className="meta">
                  <span className="status">{t(`adminArea.batches.${b.status}`)}</span>
                  <span>{t("adminArea.batches.count", { count: b.count })}</span>
                  <span>{t("adminArea.batches.totalNet", { amount: yen(b.totalNet) })}</span>
                  <span>{t("adminArea.batches.transferOnDate", { date: date(b.transferOn) })}</span>
                  {b.paidOn && <span>{t("adminArea.batches.paidOnDate", { date: date(b.paidOn) })}</span>}
                </p>
              </li>
            ))}
          </ul>
          <LoadMore hasMore={!!batches.hasNextPage} loading={batches.isFetchingNextPage} onMore={() => void batches.fetchNextPage()} />
        </>
      )}
    </section>
  );
}

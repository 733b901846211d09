import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { date, yen } from "../../ui/format";
import { LoadMore } from "../../ui/LoadMore";
import { Loaded } from "../../ui/Loaded";
import { Problem } from "../../ui/Problem";
import { useMyBids, useWithdrawBid } from "./api";

export function MyBidsPage() {
  const { t } = useTranslation();
  const bids = useMyBids();
  const withdraw = useWithdrawBid();
  const items = bids.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <section>
      <h1>{t("bids.mineTitle")}</h1>
      <Problem error={withdraw.error} />
      <Loaded query={bids}>
      {() => items.length === 0 ? (
        <p>
          {t("bids.noneMine")} <Link to="/jobs">{t("nav.jobs")}</Link>
        </p>
      ) : (
        <ul className="cards">
          {items.map((bid) => (
            <li key={bid.id} className="card">
              <h2 className="h3">
                <Link to={`/jobs/${bid.jobId}`}>{bid.jobTitle}</Link>
              </h2>
              <p className="meta">
                <span>{yen(bid.amount)}</span>
                <span>{t("words.deliveryIn", { count: bid.deliveryDays })}</span>
                <span>
                  {/* When the bid was sent: labelled, so that it is not read as the delivery date beside it. */}
                  <time dateTime={bid.createdAt}>{t("bids.sentOn", { date: date(bid.createdAt) })}</time>
                </span>
                <span className={`status status-${bid.status}`}>{t(`bidStatus.${bid.status}`)}</span>
              </p>
              {bid.status === "pending" && (
                <button type="button" disabled={withdraw.isPending} onClick={() => window.confirm(t("words.withdrawConfirm")) && withdraw.mutate(bid.id)}>
                  {t("bids.withdraw")}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      </Loaded>
      <LoadMore hasMore={bids.hasNextPage} loading={bids.isFetchingNextPage} onMore={() => void bids.fetchNextPage()} />
    </section>
  );
}

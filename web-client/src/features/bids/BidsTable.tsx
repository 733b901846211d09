import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { Bid, Job } from "../../api/client";
import { yen } from "../../ui/format";
import { Pending } from "../../ui/Pending";
import { Problem } from "../../ui/Problem";
import { useAwardJob, useJobBids } from "./api";

/** The bids on one job side by side, for the business (or its producer) to compare and award. */
export function BidsTable({ job, canAward }: { job: Job; canAward: boolean }) {
  const { t } = useTranslation();
  const bids = useJobBids(job.id);
  const award = useAwardJob(job.id);
  const [confirming, setConfirming] = useState<Bid | null>(null);

  if (bids.isPending) return <Pending />;
  if (bids.isError) return <Problem error={bids.error} onRetry={() => void bids.refetch()} />;
  return (
    <section aria-labelledby="bids-title">
      <h2 id="bids-title">{t("bids.listTitle", { count: bids.data.length })}</h2>
      {bids.data.length === 0 ? (
        <p>{t("bids.none")}</p>
      ) : (
        <div className="table-scroll" role="region" aria-label={t("words.bidsTable")} tabIndex={0}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t("bids.worker")}</th>
                <th scope="col">{t("bids.amount")}</th>
                <th scope="col">{t("bids.deliveryDays")}</th>
                <th scope="col">{t("bids.rating")}</th>
                <th scope="col">{t("bids.message")}</th>
                <th scope="col">{t("bids.status")}</th>
                {canAward && <th scope="col">{t("bids.action")}</th>}
              </tr>
            </thead>
            <tbody>
              {bids.data.map((bid) => (
                <tr key={bid.id}>
                  <td>
                    <Link to={`/workers/${bid.workerId}`}>{bid.workerName}</Link>
                  </td>
                  <td>{yen(bid.amount)}</td>
                  <td>{t("bids.days", { count: bid.deliveryDays })}</td>
                  <td>{bid.workerRating != null ? t("bids.ratingValue", { rating: bid.workerRating.toFixed(1), count: bid.workerReviewCount }) : t("bids.noRating")}</td>
                  <td className="message">{bid.message}</td>
                  <td>{t(`bidStatus.${bid.status}`)}</td>
                  {canAward && (
                    <td>
                      {job.status === "open" && bid.status === "pending" && (
                        <button type="button" onClick={() => setConfirming(bid)}>
                          {t("bids.award")}
                        </button>
                      )}
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {confirming && (
        <div className="confirm" role="alertdialog" aria-modal="false" aria-labelledby="award-confirm-title">
          <h3 id="award-confirm-title">{t("bids.confirmTitle")}</h3>
          <p>{t("bids.confirmText", { worker: confirming.workerName, amount: yen(confirming.amount) })}</p>
          <Problem error={award.error} />
          <div className="actions">
            <button
              type="button"
              className="primary"
              autoFocus
              disabled={award.isPending}
              aria-busy={award.isPending}
              onClick={() => award.mutate(confirming.id, { onSuccess: () => setConfirming(null) })}
            >
              {award.isPending ? t("common.sending") : t("bids.confirmAward")}
            </button>
            <button type="button" onClick={() => setConfirming(null)}>
              {t("common.cancel")}
            </button>
          </div>
        </div>
      )}
    </section>
  );
}

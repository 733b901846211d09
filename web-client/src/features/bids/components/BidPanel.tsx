import { useState, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { Job } from "../../../api/client";
import { date, yen } from "../../../ui/format";
import { Pending } from "../../../ui/Pending";
import { Problem } from "../../../ui/Problem";
import { useJobBids, useWithdrawBid } from "../api";
import { BidForm, type BiddingTeam } from "./BidForm";

/**
 * A worker on an open job: a job already bid on shows 応募済み with the bid and a way to withdraw it, never the form
 * again (the API would refuse a second bid with 409 bidExists). Without a pending bid, the form, or whatever the page
 * puts in its place (`instead`: the profile to fill in first).
 */
export function BidPanel({ job, instead, teams }: { job: Job; instead?: ReactNode; teams?: BiddingTeam[] }) {
  const { t } = useTranslation();
  // A worker reads only its own bids here (GET /api/jobs/{id}/bids answers a worker with its own).
  const bids = useJobBids(job.id);
  const withdraw = useWithdrawBid();
  const [placed, setPlaced] = useState(false);
  if (bids.isPending) return <Pending />;
  if (bids.isError) return <Problem error={bids.error} onRetry={() => void bids.refetch()} />;
  const mine = bids.data.find((b) => b.status === "pending");
  if (!mine)
    return (
      <>
        {withdraw.isSuccess && (
          <p className="success" role="status">
            {t("words.withdrawn")}
          </p>
        )}
        {instead ?? <BidForm job={job} teams={teams} onPlaced={() => setPlaced(true)} />}
      </>
    );
  return (
    <section className="panel applied" aria-labelledby="applied-title">
      <h2 id="applied-title">{t("words.applied")}</h2>
      {placed && (
        <p className="success" role="status">
          {/* Only the news: the panel's next line already says that the result comes as a notification. */}
          {t("bids.placedDone")}
        </p>
      )}
      <p>{t("words.appliedText", { date: date(mine.createdAt), amount: yen(mine.amount), days: mine.deliveryDays })}</p>
      <p className="message">{mine.message}</p>
      <Problem error={withdraw.error} />
      <button
        type="button"
        className="link"
        disabled={withdraw.isPending}
        onClick={() => window.confirm(t("words.withdrawConfirm")) && withdraw.mutate(mine.id, { onSuccess: () => setPlaced(false) })}
      >
        {t("words.withdraw")}
      </button>
    </section>
  );
}

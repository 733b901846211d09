import "../../../i18n/teamWords";
import "../../../i18n/dealWords";
import { lazy, Suspense, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { Bid, Contract, Job } from "../../../api/client";
import { yen } from "../../../ui/format";
import { useNarrow } from "../../../ui/useNarrow";
import { Pending } from "../../../ui/Pending";
import { Problem } from "../../../ui/Problem";
import { useAwardJob, useJobBids } from "../api";
import { firstPlan, planItems, planProblems, type PlanRow } from "../milestonePlan";

const MilestonePlanEditor = lazy(() => import("./MilestonePlanEditor"));

/** The bids on one job side by side, for the business (or its producer) to compare and award. */
export function BidsTable({ job, canAward }: { job: Job; canAward: boolean }) {
  const { t } = useTranslation();
  const bids = useJobBids(job.id);
  const award = useAwardJob(job.id);
  const [confirming, setConfirming] = useState<Bid | null>(null);
  // Paying in milestones is chosen in the confirmation; the plan's editor loads only then.
  const [split, setSplit] = useState(false);
  const [plan, setPlan] = useState<PlanRow[]>([]);
  const [fundAll, setFundAll] = useState(false);
  const confirm = (bid: Bid | null) => {
    setConfirming(bid);
    setSplit(false);
    setPlan(bid ? firstPlan(bid.amount) : []);
    setFundAll(false);
  };
  // The contract, and what its first payment into escrow is when the confirmation showed it (one payment, no milestones).
  const [awarded, setAwarded] = useState<{ contract: Contract; paysIn: number | null } | null>(null);
  const narrow = useNarrow();
  const rating = (bid: Bid) =>
    bid.workerRating != null ? t("bids.ratingValue", { rating: bid.workerRating.toFixed(1), count: bid.workerReviewCount }) : t("bids.noRating");
  const awardButton = (bid: Bid) =>
    canAward &&
    job.status === "open" &&
    bid.status === "pending" && (
      <button type="button" className="primary" onClick={() => confirm(bid)} aria-label={t("trust.awardTo", { worker: bid.workerName })}>
        {t("bids.award")}
      </button>
    );

  // On a phone the confirmation opens in the chosen bid's card, where the finger is, not under the last bid.
  const confirmDialog = confirming && (
    <div className="confirm" role="alertdialog" aria-modal="false" aria-labelledby="award-confirm-title">
      <h3 id="award-confirm-title">{t("bids.confirmTitle")}</h3>
      <p>{t("bids.confirmText", { worker: confirming.workerName, amount: yen(confirming.amount) })}</p>
      <AwardCostLines bid={confirming} />
      {/* A team's contract is not paid in milestones (the API answers teamContractMilestones). */}
      {!confirming.team && (
        <label className="check">
          <input type="checkbox" checked={split} onChange={(e) => setSplit(e.target.checked)} />
          {t("bids.payInMilestones")}
        </label>
      )}
      {split && (
        <Suspense fallback={<Pending />}>
          <MilestonePlanEditor total={confirming.amount} rows={plan} onChange={setPlan} fundAll={fundAll} onFundAll={setFundAll} />
        </Suspense>
      )}
      <Problem error={award.error} />
      <div className="actions">
        <button
          type="button"
          className="primary"
          autoFocus
          disabled={award.isPending || (split && planProblems(plan, confirming.amount).length > 0)}
          aria-busy={award.isPending}
          onClick={() =>
            award.mutate(split ? { bidId: confirming.id, milestones: planItems(plan), fundAllMilestones: fundAll } : { bidId: confirming.id }, {
              onSuccess: (contract) => (setConfirming(null), setAwarded({ contract, paysIn: split ? null : (confirming.awardCost?.paidIn ?? null) })),
            })
          }
        >
          {award.isPending ? t("common.sending") : t("bids.confirmAward")}
        </button>
        <button type="button" onClick={() => confirm(null)}>
          {t("common.cancel")}
        </button>
      </div>
    </div>
  );

  if (bids.isPending) return <Pending />;
  if (bids.isError) return <Problem error={bids.error} onRetry={() => void bids.refetch()} />;
  return (
    <section aria-labelledby="bids-title">
      <h2 id="bids-title">{t("bids.listTitle", { count: bids.data.length })}</h2>
      {awarded && (
        <div className="panel next-step" role="status">
          <h3>{t("trust.awardedTitle")}</h3>
          <p>
            {awarded.contract.fundedAt
              ? t("trust.awardedFunded", { worker: awarded.contract.workerName })
              : awarded.paysIn != null
                ? t("trust.awardedPay", { worker: awarded.contract.workerName, amount: yen(awarded.paysIn) })
                : t("deal.awardedPayOnContract", { worker: awarded.contract.workerName })}
          </p>
          <Link className="button primary" to={`/contracts/${awarded.contract.id}`}>
            {t("trust.openContract")}
          </Link>
        </div>
      )}
      {bids.data.length === 0 ? (
        <p>{t("bids.none")}</p>
      ) : narrow ? (
        // Phones: one card per bid, with everything (and the award button) inside the screen's width.
        <ul className="cards bid-cards">
          {bids.data.map((bid) => (
            <li key={bid.id} className="card">
              <h3>
                <Link to={`/workers/${bid.workerId}`}>{bid.workerName}</Link>
                    {bid.workerVerified && <> <span className="tag">{t("programmes.verified")}</span></>}
              </h3>
              <TeamOfBid bid={bid} />
              <dl className="bid-facts">
                <dt>{t("bids.amount")}</dt>
                <dd>{yen(bid.amount)}</dd>
                <dt>{t("bids.deliveryDays")}</dt>
                <dd>{t("bids.days", { count: bid.deliveryDays })}</dd>
                <dt>{t("bids.rating")}</dt>
                <dd>{rating(bid)}</dd>
                <dt>{t("bids.status")}</dt>
                <dd>{t(`bidStatus.${bid.status}`)}</dd>
              </dl>
              <p className="message" data-user-content>
                {bid.message}
              </p>
              {awardButton(bid)}
              {confirming?.id === bid.id && confirmDialog}
            </li>
          ))}
        </ul>
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
                    {bid.workerVerified && <> <span className="tag">{t("programmes.verified")}</span></>}
                    <TeamOfBid bid={bid} />
                  </td>
                  <td>{yen(bid.amount)}</td>
                  <td>{t("bids.days", { count: bid.deliveryDays })}</td>
                  <td>{rating(bid)}</td>
                  <td className="message" data-user-content>
                    {bid.message}
                  </td>
                  <td>{t(`bidStatus.${bid.status}`)}</td>
                  {canAward && <td>{awardButton(bid)}</td>}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {confirming && !narrow && confirmDialog}
    </section>
  );
}

/** What the award asks the business to pay into escrow, and why it differs from the bid's amount (the API's awardCost). */
function AwardCostLines({ bid }: { bid: Bid }) {
  const { t } = useTranslation();
  const cost = bid.awardCost;
  if (!cost) return null;
  return (
    <p data-testid="award-cost">
      <strong>{t("deal.awardPaysIn", { amount: yen(cost.paidIn) })}</strong>
      {cost.producerFee > 0 && <> {t("deal.awardProducerFee", { fee: yen(cost.producerFee) })}</>}
      {cost.withholdingTax > 0 && <> {t("deal.awardWithholding", { tax: yen(cost.withholdingTax) })}</>}
    </p>
  );
}

/** A team's bid says so, with the team's members: the business awards the team, represented by its director. */
function TeamOfBid({ bid }: { bid: Bid }) {
  const { t } = useTranslation();
  if (!bid.team) return null;
  return (
    <div className="team-of-bid" data-testid="team-bid">
      <p>
        <span className="tag">{t("teams.bid.teamBid")}</span> <Link to={`/teams/${bid.team.id}`}>{bid.team.name}</Link>
      </p>
      <p className="meta">
        {t("teams.bid.members", { names: bid.team.members.map((m) => t("teams.bid.memberRole", { name: m.displayName, role: t(`teams.roles.${m.role}`) })).join(t("teams.bid.separator")) })}
      </p>
    </div>
  );
}

import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import type { Account } from "../../api/client";
import { date, yen } from "../../ui/format";
import { Pending } from "../../ui/Pending";
import { Problem } from "../../ui/Problem";
import { useContract } from "./api";
import { DealPanel } from "./components/DealPanel";
import { Timeline } from "./components/Timeline";
import { SubmitWorkForm } from "./components/SubmitWorkForm";
import { Acceptance } from "./components/Acceptance";
import { QualityGate } from "./components/QualityGate";
import { ReviewForm } from "./components/ReviewForm";
import { Settlement } from "./components/Settlement";
import { ContractStatus } from "./components/ContractStatus";
import { AwardNotice } from "./components/AwardNotice";
import type { ReactNode } from "react";
import { HoldNotice, isOnHold } from "./components/HoldNotice";
import { Milestones } from "./components/Milestones";
import "../../i18n/dealWords";

/** Free revisions the business may still ask for (Contracts:FreeRevisions), shown while revisions can be asked. */
export function RevisionsLeft({ free, asked }: { free: number; asked: number }) {
  const { t } = useTranslation();
  const left = Math.max(0, free - asked);
  return <span className="revisions-left">{left > 0 ? t("deal.freeRevisionsLeft", { count: left }) : t("deal.freeRevisionsUsed", { count: free })}</span>;
}

/** A contract as one of its parties sees it; <paramref name="aside"/> is what the page composing it adds beside the deal. */
export function ContractPage({ account, aside }: { account: Account; aside?: ReactNode }) {
  const { t } = useTranslation();
  const { id = "" } = useParams();
  const detail = useContract(id);
  if (detail.isPending) return <Pending />;
  if (detail.isError) return <Problem error={detail.error} onRetry={() => void detail.refetch()} />;
  const { contract } = detail.data;
  const isWorker = contract.workerId === account.id;
  const isBusiness = contract.businessId === account.id;
  const isProducer = contract.producerId === account.id;
  const onHold = isOnHold(detail.data);
  const delivering = contract.status === "active" || contract.status === "revisionRequested";
  // A contract paid in milestones is delivered milestone by milestone (its list below), not as a whole.
  const inMilestones = detail.data.milestones.length > 0;
  return (
    <section>
      <h1>{contract.jobTitle}</h1>
      <p className="meta">
        <ContractStatus contract={contract} />
        <span>{yen(contract.amount)}</span>
        <span>{t("contracts.dueOn", { date: date(contract.deadline) })}</span>
        <span>
          {t("contracts.business")}: {contract.businessName}
        </span>
        <span>
          {t("contracts.worker")}: <Link to={`/workers/${contract.workerId}`}>{contract.workerName}</Link>
        </span>
        {(delivering || contract.status === "submitted" || contract.status === "inReview") && (
          <RevisionsLeft free={detail.data.freeRevisions} asked={contract.revisionCount} />
        )}
        <Link to={`/jobs/${contract.jobId}`}>{t("contracts.viewJob")}</Link>
      </p>
      <HoldNotice detail={detail.data} account={account} statementsDueAt={detail.data.disputeStatementsDueAt} />
      <div className="two-columns">
        <div>
          {isWorker && contract.status === "active" && detail.data.submissions.length === 0 && <AwardNotice id={id} funded={!!contract.fundedAt} />}
          {/* While a cancellation or a dispute holds the contract, a delivery would be refused: the form is not offered. */}
          {isWorker && delivering && onHold && <p className="notice">{t("deal.deliveryOnHold")}</p>}
          <Milestones detail={detail.data} account={account} />
          {isWorker && delivering && !onHold && !inMilestones &&
            (contract.fundedAt ? (
              <SubmitWorkForm id={id} revision={contract.status === "revisionRequested"} />
            ) : (
              <p className="notice">
                {contract.fundingDueOn ? t("contracts.awaitingFundingDue", { date: date(contract.fundingDueOn) }) : t("contracts.awaitingFunding")}
              </p>
            ))}
          {isProducer && contract.status === "inReview" && <QualityGate id={id} />}
          {isBusiness && contract.status === "submitted" && !onHold && <Acceptance id={id} worker={contract.workerName} delivery={detail.data.submissions.at(-1)} />}
          {contract.status === "completed" && (isWorker || isBusiness) && !detail.data.reviews.some((r) => r.reviewerId === account.id) && (
            <ReviewForm id={id} other={isWorker ? contract.businessName : contract.workerName} />
          )}
          <Timeline detail={detail.data} />
        </div>
        <div>
          {aside}
          <DealPanel detail={detail.data} account={account} />
          <Settlement id={id} fundingDueOn={contract.fundingDueOn} />
        </div>
      </div>
    </section>
  );
}

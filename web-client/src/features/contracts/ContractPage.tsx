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

export function ContractPage({ account }: { account: Account }) {
  const { t } = useTranslation();
  const { id = "" } = useParams();
  const detail = useContract(id);
  if (detail.isPending) return <Pending />;
  if (detail.isError) return <Problem error={detail.error} onRetry={() => void detail.refetch()} />;
  const { contract } = detail.data;
  const isWorker = contract.workerId === account.id;
  const isBusiness = contract.businessId === account.id;
  const isProducer = contract.producerId === account.id;
  return (
    <section>
      <h1>{contract.jobTitle}</h1>
      <p className="meta">
        <span className={`status status-${contract.status}`}>{t(`contractStatus.${contract.status}`)}</span>
        <span>{yen(contract.amount)}</span>
        <span>{t("contracts.dueOn", { date: date(contract.deadline) })}</span>
        <span>
          {t("contracts.business")}: {contract.businessName}
        </span>
        <span>
          {t("contracts.worker")}: <Link to={`/workers/${contract.workerId}`}>{contract.workerName}</Link>
        </span>
        <Link to={`/jobs/${contract.jobId}`}>{t("contracts.viewJob")}</Link>
      </p>
      <div className="two-columns">
        <div>
          {isWorker && (contract.status === "active" || contract.status === "revisionRequested") &&
            (contract.fundedAt ? <SubmitWorkForm id={id} revision={contract.status === "revisionRequested"} /> : <p className="notice">{t("contracts.awaitingFunding")}</p>)}
          {isProducer && contract.status === "inReview" && <QualityGate id={id} />}
          {isBusiness && contract.status === "submitted" && <Acceptance id={id} worker={contract.workerName} />}
          {contract.status === "completed" && (isWorker || isBusiness) && !detail.data.reviews.some((r) => r.reviewerId === account.id) && (
            <ReviewForm id={id} other={isWorker ? contract.businessName : contract.workerName} />
          )}
          <Timeline detail={detail.data} />
        </div>
        <div>
          <DealPanel detail={detail.data} account={account} />
          <Settlement id={id} />
        </div>
      </div>
    </section>
  );
}

import "../../../i18n/taskJobsWords";
// The transfer details' labels (payment number, account type) are the payment request's words.
import "../../../i18n/dealWords";
import { useTranslation } from "react-i18next";
import { date, yen } from "../../../ui/format";
import { Pending } from "../../../ui/Pending";
import { Problem } from "../../../ui/Problem";
import { useJobPaymentRequest } from "../api";

/**
 * The transfer a task job waits for: the whole amount (items × price) into the job's escrow, with the payment number
 * to write before the payer's name. The job opens on the board once an administrator confirms the transfer.
 */
export function TaskPaymentRequest({ jobId }: { jobId: string }) {
  const { t } = useTranslation();
  const request = useJobPaymentRequest(jobId, true);
  if (request.isPending) return <Pending />;
  if (request.isError) return <Problem error={request.error} onRetry={() => void request.refetch()} />;
  const p = request.data;
  const b = p.bankAccount;
  return (
    <section aria-labelledby="task-payment-title" className="card">
      <h2 id="task-payment-title">{t("taskJobs.paymentTitle")}</h2>
      <p>{t("taskJobs.paymentLead")}</p>
      <dl className="payment-figures">
        <dt>{t("taskJobs.paymentAmount")}</dt>
        <dd data-testid="payment-amount">{yen(p.amount)}</dd>
        <dt>{t("paymentRequest.number")}</dt>
        <dd data-testid="payment-reference">{p.reference}</dd>
        {p.dueOn && (
          <>
            <dt>{t("taskJobs.paymentDue")}</dt>
            <dd>{date(p.dueOn)}</dd>
          </>
        )}
        {b && (
          <>
            <dt>{t("taskJobs.paymentTo")}</dt>
            <dd>
              {b.bankName}
              {b.bankCode && `（${b.bankCode}）`} {b.branchName}
              {b.branchCode && `（${b.branchCode}）`} {t(`accountType.${b.accountType as "ordinary" | "current"}`)} {b.accountNumber}{" "}
              {b.holderKana}
            </dd>
          </>
        )}
      </dl>
    </section>
  );
}

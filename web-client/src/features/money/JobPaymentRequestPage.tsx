import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { date, yen } from "../../ui/format";
import { Pending } from "../../ui/Pending";
import { Problem } from "../../ui/Problem";
import { useJobPaymentRequest } from "./api";
import "../../i18n/dealWords";
import { TransferInstructions } from "./components/TransferInstructions";

/**
 * お支払いのご案内 of a task job or a contest: the whole of the job's escrow, asked for when it was posted, as a sheet to
 * print or save as PDF, as a contract's is (PaymentRequestPage). It stays readable once funded, as the record of what was paid.
 */
export function JobPaymentRequestPage() {
  const { t } = useTranslation();
  const { id = "" } = useParams();
  const request = useJobPaymentRequest(id);
  if (request.isPending) return <Pending />;
  if (request.isError) return <Problem error={request.error} onRetry={() => void request.refetch()} />;
  const p = request.data;
  return (
    <article className="document-sheet payment-request" aria-labelledby="payment-request-title">
      <p className="no-print">
        <Link to={`/jobs/${id}`}>{t("paymentRequest.backToJob")}</Link>
      </p>
      <div className="sheet-head">
        <h1 id="payment-request-title">{t("paymentRequest.title")}</h1>
        <dl className="sheet-numbers">
          <dt>{t("paymentRequest.number")}</dt>
          <dd data-testid="payment-reference">{p.reference}</dd>
          <dt>{t("paymentRequest.issuedOn")}</dt>
          <dd>{date(p.requestedAt)}</dd>
        </dl>
      </div>
      {p.status !== "pending" && (
        <p className="notice" role="status">
          {p.status === "confirmed" ? t("paymentRequest.funded") : t("paymentRequest.cancelled")}
        </p>
      )}
      <div className="sheet-parties">
        <p className="sheet-recipient">{t("paymentRequest.to", { name: p.businessName })}</p>
      </div>
      <p className="sheet-lead">{t("paymentRequest.jobIntro")}</p>
      <dl className="sheet-sums payment-figures">
        <dt>{t("paymentRequest.job")}</dt>
        <dd>{p.jobTitle}</dd>
        <dt>{t("paymentRequest.amount")}</dt>
        <dd>
          <strong className="sheet-total" data-testid="payment-amount">
            {yen(p.amount)}
          </strong>
        </dd>
        <dt>{t("paymentRequest.dueOn")}</dt>
        <dd data-testid="payment-due">{p.dueOn ? date(p.dueOn) : t("paymentRequest.noDue")}</dd>
      </dl>
      <TransferInstructions reference={p.reference} businessName={p.businessName} account={p.bankAccount} />
      <p className="sheet-note">{t("paymentRequest.feeNote")}</p>
      <p className="no-print">
        <button type="button" onClick={() => window.print()}>
          {t("paymentRequest.print")}
        </button>
      </p>
    </article>
  );
}

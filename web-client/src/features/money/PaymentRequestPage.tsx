import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { date, yen } from "../../ui/format";
import { Pending } from "../../ui/Pending";
import { Problem } from "../../ui/Problem";
import { usePaymentRequest } from "./api";
import "../../i18n/dealWords";
import { TransferInstructions } from "./components/TransferInstructions";

/**
 * お支払いのご案内: what the business pays into escrow, as a sheet of A4 it can print or save as PDF (the browser's print
 * makes the PDF; the print style sheet hides the site around it). The amount, the due date, the payment number to write
 * before the payer's name (振込人名義の前に番号), the operator's account, where the amount comes from (the withholding tax
 * is the business's to remit, not part of it), and what happens if the money is late.
 */
export function PaymentRequestPage() {
  const { t } = useTranslation();
  const { id = "" } = useParams();
  const request = usePaymentRequest(id);
  if (request.isPending) return <Pending />;
  if (request.isError) return <Problem error={request.error} onRetry={() => void request.refetch()} />;
  const p = request.data;
  // A payment for milestones is theirs (its split is theirs), not a top-up after a raised amount.
  const milestones = p.milestones ?? [];
  const topUp = milestones.length === 0 && p.lapsesOn == null && p.dueOn != null;
  return (
    <article className="document-sheet payment-request" aria-labelledby="payment-request-title">
      <p className="no-print">
        <Link to={`/contracts/${id}`}>{t("paymentRequest.back")}</Link>
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
          {p.status === "confirmed" ? t("paymentRequest.confirmed") : t("paymentRequest.cancelled")}
        </p>
      )}
      <div className="sheet-parties">
        <p className="sheet-recipient">{t("paymentRequest.to", { name: p.businessName })}</p>
      </div>
      <p className="sheet-lead">{t("paymentRequest.intro")}</p>
      {topUp && <p>{t("paymentRequest.topUp")}</p>}
      {milestones.length > 0 && (
        <p data-testid="payment-milestones">{t("paymentRequest.forMilestones", { titles: milestones.map((m) => `「${m.title}」`).join("") })}</p>
      )}
      <dl className="sheet-sums payment-figures">
        <dt>{t("paymentRequest.job")}</dt>
        <dd>{p.jobTitle}</dd>
        <dt>{t("paymentRequest.worker")}</dt>
        <dd>{p.workerName}</dd>
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

      {!topUp && (
        <section aria-labelledby="payment-breakdown-title">
          <h2 id="payment-breakdown-title" className="h3">
            {t("paymentRequest.breakdown")}
          </h2>
          <dl className="sheet-sums">
            <dt>{milestones.length > 0 ? t("paymentRequest.milestonesAmount") : t("paymentRequest.contractAmount")}</dt>
            <dd>{yen(p.contractAmount)}</dd>
            {p.withholdingTax > 0 && (
              <>
                <dt>{t("paymentRequest.withholding")}</dt>
                <dd>{yen(-p.withholdingTax)}</dd>
              </>
            )}
            {p.producerFee > 0 && (
              <>
                <dt>{t("paymentRequest.producerFee")}</dt>
                <dd>{yen(p.producerFee)}</dd>
              </>
            )}
            <dt>{t("paymentRequest.amount")}</dt>
            <dd>{yen(p.contractAmount - p.withholdingTax + p.producerFee)}</dd>
          </dl>
          {p.withholdingTax > 0 && <p className="sheet-note">{t("paymentRequest.withholdingNote", { tax: yen(p.withholdingTax) })}</p>}
        </section>
      )}

      {p.dueOn && (
        <section aria-labelledby="payment-late-title">
          <h2 id="payment-late-title" className="h3">
            {t("paymentRequest.lateTitle")}
          </h2>
          <p>
            {p.lapsesOn
              ? t("paymentRequest.lateText", { remind: date(p.remindOn), lapses: date(p.lapsesOn) })
              : t("paymentRequest.lateTextTopUp")}
          </p>
        </section>
      )}
      <p className="sheet-note">{t("paymentRequest.feeNote")}</p>

      <p className="no-print">
        <button type="button" className="primary" onClick={() => window.print()}>
          {t("paymentRequest.print")}
        </button>
      </p>
      <p className="no-print hint">{t("paymentRequest.printHint")}</p>
    </article>
  );
}

import "../../../i18n/adminWords";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { limits } from "../../../api/limits.gen";
import { ApiError } from "../../../api/client";
import { date, dateTime, yen } from "../../../ui/format";
import { Field } from "../../../ui/Field";
import { Problem } from "../../../ui/Problem";
import { Submit } from "../../../ui/Submit";
import { apiErrorsFor, textErrors } from "../../../ui/validation";
import { useConfirmTransfer, type PendingTransfer } from "../api";

export function TransferCard({ payment, onConfirmed }: { payment: PendingTransfer; onConfirmed: (payment: PendingTransfer) => void }) {
  const { t } = useTranslation();
  const confirm = useConfirmTransfer();
  const [note, setNote] = useState("");
  const noteErrors = textErrors(t, note, limits["Money.ConfirmPayment.Command"].note);
  const titleId = `transfer-${payment.id}`;
  function send(e: FormEvent) {
    e.preventDefault();
    if (noteErrors.length) return;
    if (!window.confirm(t("adminArea.transfers.confirmAsk", { business: payment.businessName, amount: yen(payment.amount) }))) return;
    confirm.mutate(
      { id: payment.id, note },
      { onSuccess: () => onConfirmed(payment) },
    );
  }
  const gone = confirm.error instanceof ApiError && confirm.error.code === "paymentNotPending";
  // A payment found by its number may be confirmed or cancelled already: it is shown, not confirmed again.
  if (payment.status !== "pending")
    return (
      <div aria-labelledby={titleId}>
        <h2 className="h3" id={titleId}>
          {payment.businessName}: {yen(payment.amount)}
        </h2>
        <p className="meta">
          {payment.reference && <strong className="reference">{t("adminArea.transfers.reference", { reference: payment.reference })}</strong>}
          <span className={`status status-${payment.status}`}>{t(`adminArea.transfers.status.${payment.status as "confirmed" | "cancelled"}`)}</span>
          <span>{payment.jobTitle}</span>
        </p>
        {payment.confirmationNote && <p className="message">{payment.confirmationNote}</p>}
      </div>
    );
  return (
    <form onSubmit={send} noValidate aria-labelledby={titleId}>
      <h2 className="h3" id={titleId}>
        {payment.businessName}: {yen(payment.amount)}
      </h2>
      <p className="meta">
        {payment.reference && (
          <strong className="reference" data-testid="transfer-reference">
            {t("adminArea.transfers.reference", { reference: payment.reference })}
          </strong>
        )}
        {payment.dueOn && <span>{t("adminArea.transfers.dueOn", { date: date(payment.dueOn) })}</span>}
        {payment.lapsesOn && <span>{t("adminArea.transfers.lapsesOn", { date: date(payment.lapsesOn) })}</span>}
      </p>
      <p className="meta">
        <span>{payment.jobTitle}</span>
        <time dateTime={payment.createdAt}>{t("adminArea.transfers.requestedAt", { date: dateTime(payment.createdAt) })}</time>
      </p>
      <Field label={t("adminArea.transfers.note")} hint={t("adminArea.transfers.noteHint")} errors={noteErrors} apiErrors={apiErrorsFor(confirm.error, "note")}>
        {(p) => <input {...p} value={note} onChange={(e) => setNote(e.target.value)} />}
      </Field>
      {gone ? (
        <p className="problem" role="alert">
          {t("adminArea.transfers.notPending")}
        </p>
      ) : (
        <Problem error={confirm.error} />
      )}
      <div className="actions">
        <Submit busy={confirm.isPending}>{t("adminArea.transfers.confirm")}</Submit>
      </div>
    </form>
  );
}

import "../../../i18n/adminWords";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { limits } from "../../../api/limits.gen";
import { yen } from "../../../ui/format";
import { Field } from "../../../ui/Field";
import { Problem } from "../../../ui/Problem";
import { Submit } from "../../../ui/Submit";
import { apiErrorsFor, textErrors } from "../../../ui/validation";
import { useRecordReturn, type BatchPayout, type PayoutBatch } from "../api";

export function ReturnForm({ batch, payout, onClose }: { batch: PayoutBatch; payout: BatchPayout; onClose: () => void }) {
  const { t } = useTranslation();
  const record = useRecordReturn(batch.id);
  const [reason, setReason] = useState("");
  const [touched, setTouched] = useState(false);
  const reasonErrors = textErrors(t, reason, limits["Payouts.RecordReturnedPayout.Command"].reason);
  function send(e: FormEvent) {
    e.preventDefault();
    setTouched(true);
    if (reasonErrors.length) return;
    if (!window.confirm(t("adminArea.batches.returnAsk", { name: payout.workerName, amount: yen(payout.net) }))) return;
    record.mutate({ workerId: payout.workerId, reason: reason.trim() }, { onSuccess: onClose });
  }
  return (
    <form onSubmit={send} noValidate className="confirm" aria-labelledby={`return-${payout.id}`}>
      <h4 id={`return-${payout.id}`}>{t("adminArea.batches.returnTitle")}</h4>
      <Field label={t("adminArea.batches.returnReason")} errors={touched ? reasonErrors : []} apiErrors={apiErrorsFor(record.error, "reason")}>
        {(p) => <input {...p} value={reason} onChange={(e) => setReason(e.target.value)} />}
      </Field>
      <Problem error={record.error} />
      <div className="actions">
        <Submit busy={record.isPending}>{t("adminArea.batches.returnButton")}</Submit>
        <button type="button" onClick={onClose}>
          {t("adminArea.users.cancel")}
        </button>
      </div>
    </form>
  );
}

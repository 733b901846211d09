import "../../../i18n/adminWords";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { yen } from "../../../ui/format";
import { Field } from "../../../ui/Field";
import { Problem } from "../../../ui/Problem";
import { Submit } from "../../../ui/Submit";
import { apiErrorsFor } from "../../../ui/validation";
import { useMarkBatchPaid, type PayoutBatch } from "../api";

/** Today in Japan as yyyy-mm-dd: the banks' day, whatever the administrator's computer says. */
function todayInJapan(): string {
  return new Intl.DateTimeFormat("sv-SE", { timeZone: "Asia/Tokyo" }).format(new Date());
}

export function MarkPaidForm({ batch }: { batch: PayoutBatch }) {
  const { t } = useTranslation();
  const mark = useMarkBatchPaid(batch.id);
  const [paidOn, setPaidOn] = useState(todayInJapan);
  function send(e: FormEvent) {
    e.preventDefault();
    if (!paidOn) return;
    if (!window.confirm(t("adminArea.batches.markPaidAsk", { count: batch.count, amount: yen(batch.totalNet) }))) return;
    mark.mutate(paidOn);
  }
  return (
    <form onSubmit={send} noValidate className="panel" aria-labelledby="mark-paid-title">
      <h2 id="mark-paid-title">{t("adminArea.batches.markPaidTitle")}</h2>
      <p>{t("adminArea.batches.markPaidText")}</p>
      <Field label={t("adminArea.batches.paidOn")} errors={paidOn ? [] : [t("validation.required")]} apiErrors={apiErrorsFor(mark.error, "paidOn")}>
        {(p) => <input {...p} type="date" required value={paidOn} onChange={(e) => setPaidOn(e.target.value)} />}
      </Field>
      <Problem error={mark.error} />
      <div className="actions">
        <Submit busy={mark.isPending}>{t("adminArea.batches.markPaid")}</Submit>
      </div>
    </form>
  );
}

import "../../../i18n/adminWords";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { ApiError } from "../../../api/client";
import { Field } from "../../../ui/Field";
import { Problem } from "../../../ui/Problem";
import { Submit } from "../../../ui/Submit";
import { apiErrorsFor } from "../../../ui/validation";
import { useCreatePayoutBatch } from "../api";

/**
 * "2026-11-21T19:12:05" in the browser's own time zone: what a datetime-local box with seconds shows and takes. Seconds,
 * because a cutoff at the start of the minute would leave out what was released a moment ago.
 */
export function localDateTimeValue(at: Date): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}T${pad(at.getHours())}:${pad(at.getMinutes())}:${pad(at.getSeconds())}`;
}

export function CreateBatchForm() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const create = useCreatePayoutBatch();
  const [cutoff, setCutoff] = useState(() => localDateTimeValue(new Date()));
  const [transferOn, setTransferOn] = useState("");
  const cutoffErrors = cutoff && !Number.isNaN(new Date(cutoff).getTime()) ? [] : [t("validation.required")];
  function send(e: FormEvent) {
    e.preventDefault();
    if (cutoffErrors.length) return;
    create.mutate(
      { cutoff: new Date(cutoff).toISOString(), ...(transferOn ? { transferOn } : {}) },
      { onSuccess: (batch) => navigate(`/admin/payout-batches/${batch.id}`) },
    );
  }
  const nobody = create.error instanceof ApiError && create.error.status === 409;
  return (
    <form onSubmit={send} noValidate className="panel" aria-labelledby="create-batch-title">
      <h2 id="create-batch-title">{t("adminArea.batches.createTitle")}</h2>
      <Field label={t("adminArea.batches.cutoff")} hint={t("adminArea.batches.cutoffHint")} errors={cutoffErrors} apiErrors={apiErrorsFor(create.error, "cutoff")}>
        {(p) => <input {...p} type="datetime-local" step={1} required value={cutoff} onChange={(e) => setCutoff(e.target.value)} />}
      </Field>
      <Field label={t("adminArea.batches.transferOn")} hint={t("adminArea.batches.transferOnHint")} apiErrors={apiErrorsFor(create.error, "transferOn")}>
        {(p) => <input {...p} type="date" value={transferOn} onChange={(e) => setTransferOn(e.target.value)} />}
      </Field>
      {nobody ? (
        <p className="problem" role="alert">
          {t("adminArea.batches.nobody")}
        </p>
      ) : (
        <Problem error={create.error} />
      )}
      <div className="actions">
        <Submit busy={create.isPending}>{t("adminArea.batches.create")}</Submit>
      </div>
    </form>
  );
}

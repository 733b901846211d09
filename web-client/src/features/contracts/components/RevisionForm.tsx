import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { limits } from "../../../api/limits.gen";
import { Field } from "../../../ui/Field";
import { Problem } from "../../../ui/Problem";
import { Submit } from "../../../ui/Submit";
import { apiErrorsFor, textErrors } from "../../../ui/validation";
import { useRequestRevision } from "../api";

export function RevisionForm({ id, label }: { id: string; label: string }) {
  const { t } = useTranslation();
  const revise = useRequestRevision(id);
  const [reason, setReason] = useState("");
  const [touched, setTouched] = useState(false);
  const error = textErrors(t, reason, limits["Contracts.RequestRevision.Command"].reason);
  function send(e: FormEvent) {
    e.preventDefault();
    setTouched(true);
    if (error.length) return;
    revise.mutate({ reason: reason.trim() });
  }
  return (
    <form onSubmit={send} noValidate className="form">
      <Field label={t("contracts.revisionReason")} hint={t("contracts.revisionReasonHint")} errors={touched ? error : []} apiErrors={apiErrorsFor(revise.error, "reason")}>
        {(p) => <textarea {...p} rows={3} value={reason} onChange={(e) => setReason(e.target.value)} />}
      </Field>
      <Problem error={revise.error} />
      <Submit busy={revise.isPending} className="secondary">
        {label}
      </Submit>
    </form>
  );
}

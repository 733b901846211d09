import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { limits } from "../../../api/limits.gen";
import { date, yen } from "../../../ui/format";
import { Field } from "../../../ui/Field";
import { Problem } from "../../../ui/Problem";
import { Submit } from "../../../ui/Submit";
import { apiErrorsFor, textErrors } from "../../../ui/validation";
import { useDecideDispute } from "../api";
import "../../../i18n/dealWords";

/**
 * The administrator's decision: the worker's share (at most what the escrow can pay) and the reason. Final. While the
 * office still waits for a party's account (until <c>waitingUntil</c>), the form says so and is not sent: the API would
 * refuse it (409 awaitingStatements).
 */
export function DecideForm({ id, maxWorkerShare, waitingUntil }: { id: string; maxWorkerShare: number; waitingUntil?: string | null }) {
  const { t } = useTranslation();
  const decide = useDecideDispute(id);
  const [share, setShare] = useState("");
  const [reason, setReason] = useState("");
  const [touched, setTouched] = useState(false);
  const value = Number(share);
  const shareErrors = share === "" || !Number.isInteger(value) || value < 0 || value > maxWorkerShare ? [t("validation.between", { min: 0, max: maxWorkerShare })] : [];
  const reasonErrors = textErrors(t, reason, limits["Disputes.DecideDispute.Command"].reason);
  function send(e: FormEvent) {
    e.preventDefault();
    setTouched(true);
    if (shareErrors.length || reasonErrors.length) return;
    if (!window.confirm(t("admin.decideConfirm", { share: yen(value) }))) return;
    decide.mutate({ workerShare: value, reason: reason.trim() });
  }
  return (
    <form onSubmit={send} noValidate className="form panel" aria-labelledby="decide-title">
      <h2 id="decide-title">{t("admin.decideTitle")}</h2>
      <p>{t("admin.decideText")}</p>
      {waitingUntil && <p className="notice">{t("disputes.decideWaiting", { date: date(waitingUntil) })}</p>}
      <Field label={t("deal.workerShare")} hint={t("admin.maxShare", { amount: yen(maxWorkerShare) })} errors={touched ? shareErrors : []} apiErrors={apiErrorsFor(decide.error, "workerShare")}>
        {(p) => <input {...p} type="number" inputMode="numeric" min={0} max={maxWorkerShare} value={share} onChange={(e) => setShare(e.target.value)} />}
      </Field>
      <Field label={t("admin.reason")} errors={touched ? reasonErrors : []} apiErrors={apiErrorsFor(decide.error, "reason")}>
        {(p) => <textarea {...p} rows={3} value={reason} onChange={(e) => setReason(e.target.value)} />}
      </Field>
      <Problem error={decide.error} />
      <Submit busy={decide.isPending} disabled={!!waitingUntil}>
        {t("admin.decide")}
      </Submit>
    </form>
  );
}

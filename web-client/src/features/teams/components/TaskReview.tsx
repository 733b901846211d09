import "../../../i18n/teamWords";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { Field } from "../../../ui/Field";
import { Problem } from "../../../ui/Problem";
import { Submit } from "../../../ui/Submit";
import { apiErrorsFor, textErrors } from "../../../ui/validation";
import { useApproveTask, useReturnTask, type TeamTask } from "../api";
import { returnLimits } from "../rules";

/** The director's (or a leader's) check of a delivered task: approve it, or return it with the reason to fix. */
export function TaskReview({ task }: { task: TeamTask }) {
  const { t } = useTranslation();
  const approve = useApproveTask();
  const giveBack = useReturnTask();
  const [returning, setReturning] = useState(false);
  const [reason, setReason] = useState("");
  const [touched, setTouched] = useState(false);
  const errors = textErrors(t, reason, returnLimits.reason);
  if (task.status !== "submitted") return null;
  function submit(e: FormEvent) {
    e.preventDefault();
    setTouched(true);
    if (errors.length) return;
    giveBack.mutate({ taskId: task.id, reason: reason.trim() });
  }
  return (
    <div className="task-review">
      {!returning ? (
        <div className="actions">
          <button type="button" className="primary" disabled={approve.isPending} onClick={() => approve.mutate(task.id)} aria-label={t("teams.review.approveTask", { title: task.title })}>
            {t("teams.review.approve")}
          </button>
          <button type="button" onClick={() => setReturning(true)} aria-label={t("teams.review.returnTask", { title: task.title })}>
            {t("teams.review.return")}
          </button>
        </div>
      ) : (
        <form onSubmit={submit} noValidate className="form">
          <Field label={t("teams.review.reason")} errors={touched ? errors : []} apiErrors={apiErrorsFor(giveBack.error, "reason")}>
            {(p) => <textarea {...p} rows={3} value={reason} onChange={(e) => setReason(e.target.value)} />}
          </Field>
          <Problem error={giveBack.error} />
          <Submit busy={giveBack.isPending}>{t("teams.review.sendBack")}</Submit>
        </form>
      )}
      <Problem error={approve.error} />
    </div>
  );
}

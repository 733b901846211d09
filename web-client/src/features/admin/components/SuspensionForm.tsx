import "../../../i18n/adminWords";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { limits } from "../../../api/limits.gen";
import { ApiError } from "../../../api/client";
import { Field } from "../../../ui/Field";
import { Problem } from "../../../ui/Problem";
import { Submit } from "../../../ui/Submit";
import { apiErrorsFor, textErrors } from "../../../ui/validation";
import { useSuspension, type UserSummary } from "../api";

/** The refusals of suspending and reinstating that the form words itself (the API's 409 codes). */
const conflictCodes = ["alreadySuspended", "notSuspended", "cannotSuspendSelf"] as const;

/** What was just done, for the page to say. */
export interface SuspensionDone {
  action: "suspend" | "reinstate";
  name: string;
}

/** Suspending or reinstating needs a reason, which the audit trail keeps; the account's card shows the result. */
export function SuspensionForm({ user, onClose, onDone }: { user: UserSummary; onClose: () => void; onDone: (done: SuspensionDone) => void }) {
  const { t } = useTranslation();
  const action = user.status === "suspended" ? "reinstate" : "suspend";
  const change = useSuspension(action);
  const [reason, setReason] = useState("");
  const [touched, setTouched] = useState(false);
  const limit = action === "suspend" ? limits["Admin.SuspendUser.Command"].reason : limits["Admin.ReinstateUser.Command"].reason;
  const reasonErrors = textErrors(t, reason, limit);
  function send(e: FormEvent) {
    e.preventDefault();
    setTouched(true);
    if (reasonErrors.length) return;
    change.mutate(
      { id: user.id, reason: reason.trim() },
      {
        onSuccess: () => {
          onDone({ action, name: user.displayName });
          onClose();
        },
      },
    );
  }
  const code = change.error instanceof ApiError && change.error.status === 409 ? change.error.code : undefined;
  const known = conflictCodes.find((c) => c === code);
  return (
    <form onSubmit={send} noValidate className="confirm" aria-labelledby={`${action}-${user.id}`}>
      <h3 id={`${action}-${user.id}`}>{t(action === "suspend" ? "adminArea.users.suspendTitle" : "adminArea.users.reinstateTitle", { name: user.displayName })}</h3>
      <p>{t(action === "suspend" ? "adminArea.users.suspendText" : "adminArea.users.reinstateText")}</p>
      <Field
        label={t(action === "suspend" ? "adminArea.users.suspendReason" : "adminArea.users.reinstateReason")}
        hint={t("adminArea.users.reasonHint")}
        errors={touched ? reasonErrors : []}
        apiErrors={apiErrorsFor(change.error, "reason")}
      >
        {(p) => <input {...p} value={reason} onChange={(e) => setReason(e.target.value)} />}
      </Field>
      {known ? (
        <p className="problem" role="alert">
          {t(`adminArea.users.${known}`)}
        </p>
      ) : (
        <Problem error={change.error} />
      )}
      <div className="actions">
        <Submit busy={change.isPending} className={action === "suspend" ? "secondary" : "primary"}>
          {t(action === "suspend" ? "adminArea.users.suspend" : "adminArea.users.reinstate")}
        </Submit>
        <button type="button" onClick={onClose}>
          {t("adminArea.users.cancel")}
        </button>
      </div>
    </form>
  );
}

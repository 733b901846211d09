import "../../i18n/resetWords";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { ApiError } from "../../api/client";
import { limits } from "../../api/limits.gen";
import { Field } from "../../ui/Field";
import { Problem } from "../../ui/Problem";
import { Submit } from "../../ui/Submit";
import { apiErrorsFor, textErrors } from "../../ui/validation";
import { useResetPassword } from "./api";
import { useMailedToken } from "./mailedToken";

const resetLimits = limits["Accounts.ResetPassword.Command"];

/** Where the reset mail's link leads: a new password, once, within 30 minutes of the mail. */
export function ResetPasswordPage() {
  const { t } = useTranslation();
  const token = useMailedToken();
  const reset = useResetPassword();
  const [password, setPassword] = useState("");
  const [touched, setTouched] = useState(false);
  const errors = textErrors(t, password, resetLimits.newPassword);
  const linkSpent = !token || (reset.error instanceof ApiError && apiErrorsFor(reset.error, "token").length > 0);

  function submit(e: FormEvent) {
    e.preventDefault();
    setTouched(true);
    if (errors.length) return;
    reset.mutate({ token, newPassword: password });
  }

  return (
    <section className="narrow">
      <h1>{t("reset.title")}</h1>
      {reset.isSuccess ? (
        <div className="panel" role="status">
          <p>{t("reset.done")}</p>
          <p>
            <Link to="/signin">{t("auth.signIn")}</Link>
          </p>
        </div>
      ) : linkSpent ? (
        <div className="problem" role="alert">
          <p>{t("reset.linkSpent")}</p>
          <p>
            <Link to="/forgot-password">{t("reset.askAgain")}</Link>
          </p>
        </div>
      ) : (
        <form onSubmit={submit} noValidate className="form">
          <Field
            label={t("reset.newPassword")}
            hint={t("auth.passwordHint", { min: resetLimits.newPassword.minLength })}
            errors={touched ? errors : []}
            apiErrors={apiErrorsFor(reset.error, "newPassword")}
          >
            {(p) => <input {...p} type="password" autoComplete="new-password" value={password} onChange={(e) => setPassword(e.target.value)} />}
          </Field>
          <p className="hint">{t("reset.endsSessions")}</p>
          <Problem error={reset.error} />
          <Submit busy={reset.isPending}>{t("reset.save")}</Submit>
        </form>
      )}
    </section>
  );
}

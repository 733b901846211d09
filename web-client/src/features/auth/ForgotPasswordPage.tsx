import "../../i18n/resetWords";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router";
import { limits } from "../../api/limits.gen";
import { Field } from "../../ui/Field";
import { Problem } from "../../ui/Problem";
import { Submit } from "../../ui/Submit";
import { apiErrorsFor, textErrors } from "../../ui/validation";
import { useRequestPasswordReset } from "./api";

/**
 * Asks for a link to choose a new password. The answer reads the same whether or not an account has the address, so
 * the page says what happens if one does (issue 27: it tells nobody who has an account).
 */
export function ForgotPasswordPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const request = useRequestPasswordReset();
  const [email, setEmail] = useState(params.get("email") ?? "");
  const [touched, setTouched] = useState(false);
  const errors = !/^[^@\s]+@[^@\s]+$/.test(email.trim())
    ? [t("validation.email")]
    : textErrors(t, email, limits["Accounts.RequestPasswordReset.Command"].email);

  function submit(e: FormEvent) {
    e.preventDefault();
    setTouched(true);
    if (errors.length) return;
    request.mutate(email.trim());
  }

  return (
    <section className="narrow">
      <h1>{t("reset.askTitle")}</h1>
      {request.isSuccess ? (
        <div className="panel" role="status">
          <p>{t("reset.sent", { email: email.trim() })}</p>
          <p>{t("reset.sentHint")}</p>
        </div>
      ) : (
        <>
          <p>{t("reset.askIntro")}</p>
          <form onSubmit={submit} noValidate className="form">
            <Field label={t("auth.email")} errors={touched ? errors : []} apiErrors={apiErrorsFor(request.error, "email")}>
              {(p) => <input {...p} type="email" autoComplete="email" value={email} onChange={(e) => setEmail(e.target.value)} />}
            </Field>
            <Problem error={request.error} />
            <Submit busy={request.isPending}>{t("reset.send")}</Submit>
          </form>
        </>
      )}
      <p>
        <Link to="/signin">{t("reset.backToSignIn")}</Link>
      </p>
    </section>
  );
}

import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { ApiError, type Account } from "../../api/client";
import { limits } from "../../api/limits.gen";
import { Field } from "../../ui/Field";
import { Problem } from "../../ui/Problem";
import { Submit } from "../../ui/Submit";
import { apiErrorsFor, textErrors } from "../../ui/validation";
import { useChangeEmail, useResendConfirmation } from "./api";
import { PasswordField } from "./components/PasswordField";

const changeLimits = limits["Accounts.ChangeEmail.Command"];

/** The account's address: whether it is confirmed (a new link if not), and a move to another address, confirmed there. */
export function EmailSettingsPage({ account }: { account: Account }) {
  const { t } = useTranslation();
  const resend = useResendConfirmation();
  const change = useChangeEmail();
  const [form, setForm] = useState({ newEmail: "", currentPassword: "" });
  const [touched, setTouched] = useState(false);
  const errors = {
    newEmail: !/^[^@\s]+@[^@\s]+$/.test(form.newEmail.trim()) ? [t("validation.email")] : textErrors(t, form.newEmail, changeLimits.newEmail),
    currentPassword: textErrors(t, form.currentPassword, changeLimits.currentPassword),
  };
  const taken = change.error instanceof ApiError && change.error.code === "emailTaken";

  function submit(e: FormEvent) {
    e.preventDefault();
    setTouched(true);
    if (errors.newEmail.length || errors.currentPassword.length) return;
    change.mutate({ newEmail: form.newEmail.trim(), currentPassword: form.currentPassword });
  }

  return (
    <section className="narrow">
      <h1>{t("emailSettings.title")}</h1>
      <div className="panel">
        <p>
          {t("emailSettings.current")} <strong data-user-content>{account.email}</strong>
        </p>
        {account.emailConfirmed ? (
          <p>{t("emailSettings.confirmed")}</p>
        ) : (
          <>
            <p>{t("emailSettings.notConfirmed")}</p>
            {resend.isSuccess ? (
              <p className="success" role="status">
                {t("emailSettings.resent", { email: account.email })}
              </p>
            ) : (
              <>
                <Problem error={resend.error} />
                <button type="button" disabled={resend.isPending} aria-busy={resend.isPending} onClick={() => resend.mutate()}>
                  {resend.isPending ? t("common.sending") : t("emailSettings.resend")}
                </button>
              </>
            )}
          </>
        )}
      </div>
      <h2>{t("emailSettings.changeTitle")}</h2>
      {change.isSuccess ? (
        <p className="success" role="status">
          {t("emailSettings.changeSent", { email: form.newEmail.trim() })}
        </p>
      ) : (
        <form onSubmit={submit} noValidate className="form">
          <Field
            label={t("emailSettings.newEmail")}
            errors={[...(touched ? errors.newEmail : []), ...(taken ? [t("conflicts.emailTaken")] : [])]}
            apiErrors={apiErrorsFor(change.error, "newEmail")}
          >
            {(p) => (
              <input {...p} type="email" autoComplete="email" value={form.newEmail} onChange={(e) => setForm({ ...form, newEmail: e.target.value })} />
            )}
          </Field>
          <PasswordField
            label={t("emailSettings.currentPassword")}
            hint={t("emailSettings.currentPasswordHint")}
            errors={touched ? errors.currentPassword : []}
            apiErrors={apiErrorsFor(change.error, "currentPassword")}
            value={form.currentPassword}
            onChange={(currentPassword) => setForm({ ...form, currentPassword })}
          />
          <Problem error={taken ? null : change.error} />
          <Submit busy={change.isPending}>{t("emailSettings.change")}</Submit>
        </form>
      )}
    </section>
  );
}

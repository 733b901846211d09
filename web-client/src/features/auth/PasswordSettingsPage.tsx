import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { limits } from "../../api/limits.gen";
import { Problem } from "../../ui/Problem";
import { Submit } from "../../ui/Submit";
import { apiErrorsFor, textErrors } from "../../ui/validation";
import { useChangePassword, useSignOutEverywhere } from "./api";
import { PasswordField } from "./components/PasswordField";

const changeLimits = limits["Accounts.ChangePassword.Command"];

/**
 * パスワードとログイン: a new password (the current one first; every other device is signed out and API tokens end, as
 * the API does), and signing out on every device at once — after a lost phone, or a PC shared at a telework centre.
 */
export function PasswordSettingsPage() {
  const { t } = useTranslation();
  const change = useChangePassword();
  const everywhere = useSignOutEverywhere();
  const navigate = useNavigate();
  const [form, setForm] = useState({ currentPassword: "", newPassword: "" });
  const [touched, setTouched] = useState(false);
  const errors = {
    currentPassword: textErrors(t, form.currentPassword, changeLimits.currentPassword),
    newPassword: textErrors(t, form.newPassword, changeLimits.newPassword),
  };

  function submit(e: FormEvent) {
    e.preventDefault();
    setTouched(true);
    if (errors.currentPassword.length || errors.newPassword.length) return;
    change.mutate(form, { onSuccess: () => setForm({ currentPassword: "", newPassword: "" }) });
  }

  return (
    <section className="narrow">
      <h1>{t("passwordSettings.title")}</h1>
      <h2>{t("passwordSettings.changeTitle")}</h2>
      {change.isSuccess && (
        <p className="success" role="status">
          {t("passwordSettings.changed")}
        </p>
      )}
      <form onSubmit={submit} noValidate className="form">
        <PasswordField
          label={t("passwordSettings.currentPassword")}
          errors={touched ? errors.currentPassword : []}
          apiErrors={apiErrorsFor(change.error, "currentPassword")}
          value={form.currentPassword}
          onChange={(currentPassword) => setForm({ ...form, currentPassword })}
        />
        <PasswordField
          label={t("passwordSettings.newPassword")}
          hint={t("auth.passwordHint", { min: changeLimits.newPassword.minLength })}
          errors={touched ? errors.newPassword : []}
          apiErrors={apiErrorsFor(change.error, "newPassword")}
          value={form.newPassword}
          onChange={(newPassword) => setForm({ ...form, newPassword })}
          isNew
        />
        <p className="hint">{t("passwordSettings.endsOthers")}</p>
        <Problem error={change.error} />
        <Submit busy={change.isPending}>{t("passwordSettings.save")}</Submit>
      </form>
      <h2>{t("passwordSettings.everywhereTitle")}</h2>
      <p>{t("passwordSettings.everywhereLead")}</p>
      <Problem error={everywhere.error} />
      <button
        type="button"
        disabled={everywhere.isPending}
        aria-busy={everywhere.isPending}
        onClick={() => everywhere.mutate(undefined, { onSuccess: () => navigate("/signin") })}
      >
        {t("passwordSettings.everywhere")}
      </button>
    </section>
  );
}

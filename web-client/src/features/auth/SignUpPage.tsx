import { useState, type FormEvent } from "react";
import { Trans, useTranslation } from "react-i18next";
import { Link, useNavigate, useSearchParams } from "react-router";
import { ApiError, type Role } from "../../api/client";
import { limits } from "../../api/limits.gen";
import { Field } from "../../ui/Field";
import { safeNext } from "../../ui/Marked";
import { Problem } from "../../ui/Problem";
import { Submit } from "../../ui/Submit";
import { useFocusFirstError } from "../../ui/useFocusFirstError";
import { apiErrorsFor, textErrors } from "../../ui/validation";
import { useSignUp } from "./api";

const roles: Role[] = ["worker", "business", "producer"];
/** The API's limits on a new account, from its OpenAPI document. */
const accountLimits = limits["Accounts.Register.Command"];

/** The versions of the terms of use and the privacy policy in force, which the person agrees to (the app reads them). */
export interface LegalInForce {
  terms: number;
  privacy: number;
}

export function SignUpPage({ legal }: { legal: LegalInForce | undefined }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const signUp = useSignUp();
  const [form, setForm] = useState({ displayName: "", email: "", password: "", role: "worker" as Role });
  // Consent is asked, never assumed: the box starts empty (issue 27).
  const [agreed, setAgreed] = useState(false);
  const [touched, setTouched] = useState<Record<string, boolean>>({});
  const set = (key: keyof typeof form) => (value: string) => {
    setForm((f) => ({ ...f, [key]: value }));
    setTouched((x) => ({ ...x, [key]: true }));
  };

  // The same limits as the API's validator, checked as the user types.
  const errors = {
    displayName: textErrors(t, form.displayName, accountLimits.displayName),
    email: !/^[^@\s]+@[^@\s]+$/.test(form.email) ? [t("validation.email")] : textErrors(t, form.email, accountLimits.email),
    password: textErrors(t, form.password, accountLimits.password),
    agreed: agreed ? [] : [t("signUpTerms.required")],
  };
  const shown = (key: keyof typeof errors) => (touched[key] ? errors[key] : []);
  // A taken address is said under the email field, where it can be changed (not as a page-wide "reload" message).
  const emailTaken = signUp.error instanceof ApiError && signUp.error.code === "emailTaken";

  const [attempts, setAttempts] = useState(0);
  const formRef = useFocusFirstError(attempts, signUp.error);

  function submit(e: FormEvent) {
    e.preventDefault();
    setTouched({ displayName: true, email: true, password: true, agreed: true });
    setAttempts((n) => n + 1);
    if (Object.values(errors).some((x) => x.length) || !legal) return;
    // A visitor who came to bid goes back to the job (only a path of this site is followed).
    signUp.mutate(
      { ...form, acceptedTermsVersion: legal.terms, acceptedPrivacyVersion: legal.privacy, language: i18n.language === "en" ? "en" : "ja" },
      { onSuccess: () => navigate(safeNext(params.get("next"))) },
    );
  }

  return (
    <section className="narrow">
      <h1>{t("auth.signUpTitle")}</h1>
      <form ref={formRef} onSubmit={submit} noValidate>
        <fieldset>
          <legend>{t("auth.role")}</legend>
          {roles.map((role) => (
            <label key={role} className="choice">
              <input type="radio" name="role" value={role} checked={form.role === role} onChange={() => set("role")(role)} />
              <span>
                <strong>{t(`roles.${role}`)}</strong> — {t(`auth.roleHint.${role}`)}
              </span>
            </label>
          ))}
        </fieldset>
        <Field label={t("auth.displayName")} hint={t("auth.displayNameHint")} errors={shown("displayName")} apiErrors={apiErrorsFor(signUp.error, "displayName")}>
          {(p) => <input {...p} autoComplete="name" value={form.displayName} onChange={(e) => set("displayName")(e.target.value)} />}
        </Field>
        <Field label={t("auth.email")} errors={emailTaken ? [...shown("email"), t("conflicts.emailTaken")] : shown("email")} apiErrors={apiErrorsFor(signUp.error, "email")}>
          {(p) => <input {...p} type="email" autoComplete="email" value={form.email} onChange={(e) => set("email")(e.target.value)} />}
        </Field>
        <Field label={t("auth.password")} hint={t("auth.passwordHint", { min: accountLimits.password.minLength })} errors={shown("password")} apiErrors={apiErrorsFor(signUp.error, "password")}>
          {(p) => <input {...p} type="password" autoComplete="new-password" value={form.password} onChange={(e) => set("password")(e.target.value)} />}
        </Field>
        <div className="field">
          <label className="choice">
            <input
              type="checkbox"
              checked={agreed}
              aria-invalid={shown("agreed").length ? true : undefined}
              aria-describedby={shown("agreed").length ? "terms-error" : undefined}
              onChange={(e) => {
                setAgreed(e.target.checked);
                setTouched((x) => ({ ...x, agreed: true }));
              }}
            />
            <span>
              {/* The links open the texts in a new tab, so that reading them loses nothing typed here. */}
              <Trans
                i18nKey="signUpTerms.agree"
                components={{ terms: <Link to="/legal/terms" target="_blank" />, privacy: <Link to="/legal/privacy" target="_blank" /> }}
              />
            </span>
          </label>
          {shown("agreed").length > 0 && (
            <p className="field-error" id="terms-error">
              {shown("agreed").join(" ")}
            </p>
          )}
          {/* A version published while the form was open: the API says so, and the links show the new text. */}
          {apiErrorsFor(signUp.error, "acceptedTermsVersion").length + apiErrorsFor(signUp.error, "acceptedPrivacyVersion").length > 0 && (
            <p className="field-error">{t("signUpTerms.changed")}</p>
          )}
        </div>
        <Problem error={emailTaken ? null : signUp.error} />
        <Submit busy={signUp.isPending}>{t("auth.signUp")}</Submit>
      </form>
      <p>
        {t("auth.haveAccount")}{" "}
        <Link to={params.get("next") ? `/signin?next=${encodeURIComponent(safeNext(params.get("next")))}` : "/signin"}>{t("auth.signIn")}</Link>
      </p>
    </section>
  );
}

import "../../i18n/adminWords";
import { useState, type FormEvent } from "react";
import { Trans, useTranslation } from "react-i18next";
import { Link } from "react-router";
import { ApiError } from "../../api/client";
import { limits } from "../../api/limits.gen";
import { Field } from "../../ui/Field";
import { Problem } from "../../ui/Problem";
import { Submit } from "../../ui/Submit";
import { apiErrorsFor, textErrors } from "../../ui/validation";
import { useAcceptOfficeInvitation, useOfficeInvitation } from "./api";
import { useMailedToken } from "./mailedToken";
import type { LegalInForce } from "./SignUpPage";

const invitationLimits = limits["Programmes.AcceptOfficeInvitation.Command"];

/**
 * Where an office invitation's mailed link leads (/office-invitation#token=…): the invited person chooses the account's
 * password and agrees to the terms of use and the privacy policy in force (as at sign-up), once, within 7 days, then
 * signs in. The token is taken out of the address bar as soon as it is read, as on the password-reset page.
 */
export function OfficeInvitationPage({ legal }: { legal: LegalInForce | undefined }) {
  const { t } = useTranslation();
  const token = useMailedToken();
  const accept = useAcceptOfficeInvitation();
  const invitation = useOfficeInvitation(token ?? "");
  const [password, setPassword] = useState("");
  const [touched, setTouched] = useState(false);
  // Consent is asked, never assumed: the box starts empty (issue 27).
  const [agreed, setAgreed] = useState(false);
  const errors = textErrors(t, password, invitationLimits.password);
  const agreedErrors = agreed ? [] : [t("signUpTerms.required")];
  const spentBy = (error: unknown) => error instanceof ApiError && (error.code === "invitationInvalid" || apiErrorsFor(error, "token").length > 0);
  const linkSpent = !token || spentBy(accept.error) || (!accept.isSuccess && spentBy(invitation.error));

  function submit(e: FormEvent) {
    e.preventDefault();
    setTouched(true);
    if (errors.length || agreedErrors.length || !legal) return;
    accept.mutate({ token, password, acceptedTermsVersion: legal.terms, acceptedPrivacyVersion: legal.privacy });
  }

  return (
    <section className="narrow">
      <h1>{t("office.invitation.title")}</h1>
      {accept.isSuccess ? (
        <div className="panel" role="status">
          <p>{t("office.invitation.done")}</p>
          <p>
            <Link to="/signin?next=%2Foffice">{t("auth.signIn")}</Link>
          </p>
        </div>
      ) : linkSpent ? (
        <div className="problem" role="alert">
          <p>{t("office.invitation.linkSpent")}</p>
        </div>
      ) : (
        <form onSubmit={submit} noValidate className="form">
          {invitation.data && (
            <p className="panel">
              {t("office.invitation.forWhom", {
                programme: invitation.data.programmeName,
                place: `${invitation.data.prefecture} ${invitation.data.municipalities.join("、")}`,
                email: invitation.data.email,
              })}
            </p>
          )}
          <p>{t("office.invitation.intro")}</p>
          <Field
            label={t("office.invitation.password")}
            hint={t("auth.passwordHint", { min: invitationLimits.password.minLength })}
            errors={touched ? errors : []}
            apiErrors={apiErrorsFor(accept.error, "password")}
          >
            {(p) => <input {...p} type="password" autoComplete="new-password" value={password} onChange={(e) => setPassword(e.target.value)} />}
          </Field>
          <div className="field">
            <label className="choice">
              <input
                type="checkbox"
                checked={agreed}
                aria-invalid={touched && agreedErrors.length ? true : undefined}
                aria-describedby={touched && agreedErrors.length ? "terms-error" : undefined}
                onChange={(e) => setAgreed(e.target.checked)}
              />
              <span>
                {/* The links open the texts in a new tab, so that reading them loses nothing typed here. */}
                <Trans
                  i18nKey="signUpTerms.agree"
                  components={{ terms: <Link to="/legal/terms" target="_blank" />, privacy: <Link to="/legal/privacy" target="_blank" /> }}
                />
              </span>
            </label>
            {touched && agreedErrors.length > 0 && (
              <p className="field-error" id="terms-error">
                {agreedErrors.join(" ")}
              </p>
            )}
            {/* A version published while the page was open: the API says so, and the links show the new text. */}
            {apiErrorsFor(accept.error, "acceptedTermsVersion").length + apiErrorsFor(accept.error, "acceptedPrivacyVersion").length > 0 && (
              <p className="field-error">{t("signUpTerms.changed")}</p>
            )}
          </div>
          <Problem error={accept.error} />
          <Submit busy={accept.isPending}>{t("office.invitation.save")}</Submit>
        </form>
      )}
    </section>
  );
}

import "../../i18n/adminWords";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { ApiError } from "../../api/client";
import { limits } from "../../api/limits.gen";
import { Field } from "../../ui/Field";
import { Problem } from "../../ui/Problem";
import { Submit } from "../../ui/Submit";
import { apiErrorsFor, textErrors } from "../../ui/validation";
import { useAcceptOfficeInvitation } from "./api";
import { useMailedToken } from "./mailedToken";

const invitationLimits = limits["Programmes.AcceptOfficeInvitation.Command"];

/**
 * Where an office invitation's link leads (/office-invitation#token): the invited person chooses the account's password,
 * once, within 7 days, then signs in. The token is taken out of the address bar as soon as it is read, as on the
 * password-reset page.
 */
export function OfficeInvitationPage() {
  const { t } = useTranslation();
  const token = useMailedToken();
  const accept = useAcceptOfficeInvitation();
  const [password, setPassword] = useState("");
  const [touched, setTouched] = useState(false);
  const errors = textErrors(t, password, invitationLimits.password);
  const linkSpent =
    !token || (accept.error instanceof ApiError && (accept.error.code === "invitationInvalid" || apiErrorsFor(accept.error, "token").length > 0));

  function submit(e: FormEvent) {
    e.preventDefault();
    setTouched(true);
    if (errors.length) return;
    accept.mutate({ token, password });
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
          <p>{t("office.invitation.intro")}</p>
          <Field
            label={t("office.invitation.password")}
            hint={t("auth.passwordHint", { min: invitationLimits.password.minLength })}
            errors={touched ? errors : []}
            apiErrors={apiErrorsFor(accept.error, "password")}
          >
            {(p) => <input {...p} type="password" autoComplete="new-password" value={password} onChange={(e) => setPassword(e.target.value)} />}
          </Field>
          <Problem error={accept.error} />
          <Submit busy={accept.isPending}>{t("office.invitation.save")}</Submit>
        </form>
      )}
    </section>
  );
}

import "../../i18n/adminWords";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router";
import { ApiError, type Account } from "../../api/client";
import { Field } from "../../ui/Field";
import { Problem } from "../../ui/Problem";
import { Submit } from "../../ui/Submit";
import { apiErrorsFor } from "../../ui/validation";
import { useConfirmTwoStep, useEnrolTwoStep } from "./api";
import { QrCode } from "./components/QrCode";
import { RecoveryCodes } from "./components/RecoveryCodes";
import { safeNext } from "../../ui/Marked";
import { needsTwoStep } from "./twoStepRequired";

/** Two-step sign-in: a secret for an authenticator app, confirmed with its first code; recovery codes shown once. */
export function TwoStepPage({ account }: { account: Account }) {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const next = params.get("next");
  // Read once: the account says enrolled as soon as it is confirmed, and the page must still show the codes.
  const [required] = useState(() => needsTwoStep(account));
  const enrol = useEnrolTwoStep();
  const confirm = useConfirmTwoStep();
  const [code, setCode] = useState("");
  const [touched, setTouched] = useState(false);
  const digits = code.replace(/\s/g, "");
  const codeErrors = /^[0-9]{6}$/.test(digits) ? [] : [t("twoStep.codeFormat")];

  function submit(e: FormEvent) {
    e.preventDefault();
    setTouched(true);
    if (codeErrors.length) return;
    confirm.mutate(digits);
  }

  const recoveryCodes = confirm.data?.recoveryCodes;
  const already = !recoveryCodes && (account.twoStepEnabled || [enrol.error, confirm.error].some((e) => e instanceof ApiError && e.status === 409));

  return (
    <section className="narrow">
      <h1>{t("twoStep.title")}</h1>
      {/* Why an administrator or office staff lands here after signing in, in one sentence, before anything else (issue 27). */}
      {required && !recoveryCodes && (
        <p className="notice" role="status">
          {t(account.role === "office" ? "office.twoStepNote" : "twoStep.adminNote")}
        </p>
      )}
      <p>{t("twoStep.intro")}</p>
      {already ? (
        <p className="notice" role="status">
          {t("twoStep.already")}
        </p>
      ) : recoveryCodes ? (
        <div className="panel printable">
          <p role="status">{t("twoStep.done")}</p>
          <RecoveryCodes codes={recoveryCodes} email={account.email} />
          {next && (
            <p className="no-print">
              <Link to={safeNext(next)}>{t("twoStep.continue")}</Link>
            </p>
          )}
        </div>
      ) : !enrol.data ? (
        <>
          <Problem error={enrol.error} />
          <button type="button" className="primary" disabled={enrol.isPending} aria-busy={enrol.isPending} onClick={() => enrol.mutate()}>
            {enrol.isPending ? t("common.sending") : t("twoStep.start")}
          </button>
        </>
      ) : (
        <>
          <div className="panel">
            <p>{t("twoStep.scan")}</p>
            <QrCode text={enrol.data.otpauthUri} label={t("twoStep.qrLabel")} />
            {/* A phone cannot scan its own screen: the otpauth:// link hands the key to the app on the same device. */}
            <p>
              <a className="button" href={enrol.data.otpauthUri}>{t("twoStep.openInApp")}</a>
            </p>
            <p className="hint">{t("twoStep.openInAppHint")}</p>
            <p>{t("twoStep.manual")}</p>
            <code className="secret" data-testid="two-step-secret">
              {enrol.data.secret}
            </code>
          </div>
          <form onSubmit={submit} noValidate className="form">
            <Field label={t("twoStep.code")} hint={t("twoStep.codeHint")} errors={touched ? codeErrors : []} apiErrors={apiErrorsFor(confirm.error, "code")}>
              {(p) => (
                <input {...p} inputMode="numeric" autoComplete="one-time-code" value={code} onChange={(e) => setCode(e.target.value)} />
              )}
            </Field>
            {!(confirm.error instanceof ApiError && confirm.error.status === 400) && <Problem error={confirm.error} />}
            <Submit busy={confirm.isPending}>{t("twoStep.confirm")}</Submit>
          </form>
        </>
      )}
    </section>
  );
}

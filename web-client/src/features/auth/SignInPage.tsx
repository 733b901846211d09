import "../../i18n/adminWords";
import { useEffect, useRef, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useSearchParams } from "react-router";
import { ApiError } from "../../api/client";
import { Field } from "../../ui/Field";
import { safeNext } from "../../ui/Marked";
import { Problem } from "../../ui/Problem";
import { Submit } from "../../ui/Submit";
import { useSignIn } from "./api";
import { afterSignIn } from "./twoStepRequired";

export function SignInPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const signIn = useSignIn();
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [code, setCode] = useState("");
  const codeRef = useRef<HTMLInputElement>(null);
  const next = safeNext(params.get("next"));

  const error = signIn.error instanceof ApiError ? signIn.error : null;
  // The API asks for the code only once the password was right (issue 27): from then on the form shows its field.
  const [codeWasAsked, setCodeWasAsked] = useState(false);
  const codeAsked = error?.code === "codeRequired";
  const codeWrong = error?.code === "codeWrong";
  const askCode = codeWasAsked || codeAsked || codeWrong;
  useEffect(() => {
    if (codeAsked || codeWrong) codeRef.current?.focus();
  }, [codeAsked, codeWrong, signIn.error]);

  function submit(e: FormEvent) {
    e.preventDefault();
    // Without two-step sign-in the code stays empty and is not sent at all.
    const trimmed = code.replace(/\s/g, "");
    signIn.mutate(trimmed ? { email, password, code: trimmed } : { email, password }, {
      onSuccess: (account) => navigate(afterSignIn(account, next)),
      onError: (e) => {
        if (e instanceof ApiError && (e.code === "codeRequired" || e.code === "codeWrong")) setCodeWasAsked(true);
      },
    });
  }

  const wrongPassword = error?.status === 401 && !codeAsked && !codeWrong;
  // Only the right password (and code) learns that the account is suspended, and whom to ask (issue 13).
  const suspended = error?.code === "accountSuspended";
  return (
    <section className="narrow">
      <h1>{t("auth.signInTitle")}</h1>
      <form onSubmit={submit} noValidate>
        <Field label={t("auth.email")}>
          {(p) => <input {...p} type="email" autoComplete="email" required value={email} onChange={(e) => setEmail(e.target.value)} />}
        </Field>
        <Field label={t("auth.password")}>
          {(p) => (
            <input {...p} type="password" autoComplete="current-password" required value={password} onChange={(e) => setPassword(e.target.value)} />
          )}
        </Field>
        {askCode && (
          <>
            {codeAsked && (
              <p className="notice" role="status">
                {t("auth.codeAsked")}
              </p>
            )}
            <Field label={t("auth.code")} hint={t("auth.codeHint")} errors={codeWrong ? [t("auth.codeWrong")] : []}>
              {(p) => (
                <input
                  {...p}
                  ref={codeRef}
                  autoComplete="one-time-code"
                  autoCapitalize="off"
                  spellCheck={false}
                  value={code}
                  onChange={(e) => setCode(e.target.value)}
                />
              )}
            </Field>
          </>
        )}
        {wrongPassword ? (
          <p className="problem" role="alert">
            {t("auth.wrongPassword")}
          </p>
        ) : suspended ? (
          <p className="problem" role="alert">
            {t("adminArea.suspendedSignIn")}
          </p>
        ) : codeAsked || codeWrong ? null : (
          <Problem error={signIn.error} />
        )}
        <Submit busy={signIn.isPending}>{t("auth.signIn")}</Submit>
      </form>
      <p>
        <Link to={email ? `/forgot-password?email=${encodeURIComponent(email)}` : "/forgot-password"}>{t("auth.forgotPassword")}</Link>
      </p>
      <p>
        {t("auth.noAccount")} <Link to={params.get("next") ? `/signup?next=${encodeURIComponent(next)}` : "/signup"}>{t("auth.signUp")}</Link>
      </p>
    </section>
  );
}

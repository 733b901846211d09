import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useSearchParams } from "react-router";
import { ApiError } from "../../api/client";
import { Field } from "../../ui/Field";
import { safeNext } from "../../ui/Marked";
import { Problem } from "../../ui/Problem";
import { Submit } from "../../ui/Submit";
import { useSignIn } from "./api";

export function SignInPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const signIn = useSignIn();
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [code, setCode] = useState("");

  function submit(e: FormEvent) {
    e.preventDefault();
    // Without two-step sign-in the code stays empty and is not sent at all.
    const trimmed = code.replace(/\s/g, "");
    signIn.mutate(trimmed ? { email, password, code: trimmed } : { email, password }, { onSuccess: () => navigate(safeNext(params.get("next"))) });
  }

  const wrong = signIn.error instanceof ApiError && signIn.error.status === 401;
  // Only the right password (and code) learns that the account is suspended, and whom to ask (issue 13).
  const suspended = signIn.error instanceof ApiError && signIn.error.code === "accountSuspended";
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
        <Field label={t("auth.code")} hint={t("auth.codeHint")}>
          {(p) => <input {...p} autoComplete="one-time-code" autoCapitalize="off" spellCheck={false} value={code} onChange={(e) => setCode(e.target.value)} />}
        </Field>
        {wrong ? (
          <p className="problem" role="alert">
            {t("auth.wrongPassword")}
          </p>
        ) : suspended ? (
          <p className="problem" role="alert">
            {t("adminArea.suspendedSignIn")}
          </p>
        ) : (
          <Problem error={signIn.error} />
        )}
        <Submit busy={signIn.isPending}>{t("auth.signIn")}</Submit>
      </form>
      <p>
        {t("auth.noAccount")} <Link to={params.get("next") ? `/signup?next=${encodeURIComponent(safeNext(params.get("next")))}` : "/signup"}>{t("auth.signUp")}</Link>
      </p>
    </section>
  );
}

import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { limits } from "../../api/limits.gen";
import { date } from "../../ui/format";
import { Field } from "../../ui/Field";
import { Loaded } from "../../ui/Loaded";
import { Problem } from "../../ui/Problem";
import { Submit } from "../../ui/Submit";
import { apiErrorsFor, fieldErrorText, textErrors } from "../../ui/validation";
import { tokenScopes, useCreateToken, useRevokeToken, useTokens, type TokenScope } from "./api";
import "../../i18n/dealWords";

/** A scope's key among the words: "jobs:write" → "jobsWrite" (i18next reads a colon as a namespace). */
const scopeWord = (scope: TokenScope) => scope.replace(/:(\w)/, (_, c: string) => c.toUpperCase()) as "read";

/** API tokens for integrations: the secret is shown once, at creation, and never again. */
export function TokensPage() {
  const { t } = useTranslation();
  const tokens = useTokens();
  const create = useCreateToken();
  const revoke = useRevokeToken();
  const [name, setName] = useState("");
  const [scopes, setScopes] = useState<TokenScope[]>(["read"]);
  const [touched, setTouched] = useState(false);
  const nameErrors = textErrors(t, name, limits["Tokens.CreateToken.Command"].name);
  const scopeErrors = scopes.length === 0 ? [t("tokens.scopesRequired")] : [];

  function toggle(scope: TokenScope, on: boolean) {
    setScopes((chosen) => tokenScopes.filter((s) => (s === scope ? on : chosen.includes(s))));
  }

  function submit(e: FormEvent) {
    e.preventDefault();
    setTouched(true);
    if (nameErrors.length || scopeErrors.length) return;
    create.mutate({ name: name.trim(), scopes }, { onSuccess: () => (setName(""), setScopes(["read"]), setTouched(false)) });
  }

  return (
    <section>
      <h1>{t("tokens.title")}</h1>
      <p>{t("tokens.intro")}</p>
      <p>{t("tokens.endsWithRecovery")}</p>
      <form onSubmit={submit} noValidate className="form panel">
        <Field label={t("tokens.name")} hint={t("tokens.nameHint")} errors={touched ? nameErrors : []} apiErrors={apiErrorsFor(create.error, "name")}>
          {(p) => <input {...p} value={name} onChange={(e) => setName(e.target.value)} />}
        </Field>
        <fieldset aria-describedby="token-scopes-hint">
          <legend>{t("tokens.scopes")}</legend>
          <p id="token-scopes-hint" className="hint">{t("tokens.scopesHint")}</p>
          {tokenScopes.map((scope) => (
            <label key={scope} className="choice">
              <input type="checkbox" name="scopes" value={scope} checked={scopes.includes(scope)} onChange={(e) => toggle(scope, e.target.checked)} />
              <span>
                {t(`tokens.scope.${scopeWord(scope)}`)} <code lang="en" translate="no">{scope}</code>
              </span>
            </label>
          ))}
          {touched && scopeErrors.map((error) => <p key={error} className="field-error" role="alert">{error}</p>)}
          {apiErrorsFor(create.error, "scopes").map((error) => <p key={error.message} className="field-error" role="alert">{fieldErrorText(t, error)}</p>)}
        </fieldset>
        <Problem error={create.error} />
        <Submit busy={create.isPending}>{t("tokens.create")}</Submit>
      </form>
      {create.data && (
        <div className="panel notice" role="status">
          <p>{t("tokens.showOnce")}</p>
          <code className="secret" data-testid="new-token">{create.data.token}</code>
        </div>
      )}
      <Problem error={revoke.error} />
      <Loaded query={tokens}>
      {(data) => data.length === 0 ? (
        <p>{t("tokens.none")}</p>
      ) : (
        <ul className="cards">
          {data.map((token) => (
            <li key={token.id} className="card">
              <h2 className="h3">{token.name}</h2>
              <p className="meta">{t("tokens.created", { date: date(token.createdAt) })}</p>
              <p className="meta">
                {token.lastUsedAt ? t("tokens.lastUsed", { date: date(token.lastUsedAt) }) : t("tokens.neverUsed")}
                {token.expiresAt && <> · {t("tokens.expires", { date: date(token.expiresAt) })}</>}
              </p>
              <p className="meta" data-testid="token-scopes">
                {token.madeBeforeScopes ? t("tokens.allScopes") : t("tokens.scopesOf", { scopes: token.scopes.join(", ") })}
              </p>
              <button type="button" disabled={revoke.isPending} onClick={() => token.id && revoke.mutate(token.id)} aria-label={t("tokens.revokeName", { name: token.name ?? "" })}>
                {t("tokens.revoke")}
              </button>
            </li>
          ))}
        </ul>
      )}
      </Loaded>
    </section>
  );
}

import type { i18n as I18n, TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import { Link, useLocation } from "react-router";
import { ApiError, NetworkError } from "../api/client";
import { fileSize } from "./upload";

/** The words for a 409, from its code (conflicts.* in both languages; ConflictCodeTests keeps the list whole). */
export function conflictText(t: TFunction, i18n: I18n, error: ApiError) {
  const key = `conflicts.${error.code ?? ""}`;
  if (error.code && i18n.exists(key)) return t(key as "conflicts.duplicate");
  return [t("errors.conflict"), i18n.language === "en" ? error.detail : ""].filter(Boolean).join(" ");
}

/**
 * The session ended under the page (its idle or absolute lifetime, a sign-out elsewhere): said in the reader's language,
 * with a sign-in link that comes back to this page, where the forms that keep drafts (ui/drafts.ts) restore what was
 * typed (issue 27).
 */
function SessionEnded() {
  const { t } = useTranslation();
  const { pathname, search } = useLocation();
  return (
    <div className="problem" role="alert">
      <p>{t("errors.sessionEnded")}</p>
      <p>
        <Link to={`/signin?next=${encodeURIComponent(pathname + search)}`}>{t("errors.signInAgain")}</Link>
      </p>
    </div>
  );
}

/** A failed load or action, in words: a lost connection offers a retry; an API problem shows its detail. */
export function Problem({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t, i18n } = useTranslation();
  if (!error) return null;
  if (error instanceof ApiError && error.status === 401) return <SessionEnded />;
  let text: string;
  if (error instanceof NetworkError) text = t("errors.network");
  else if (error instanceof ApiError) {
    // A 403 that says what to do (accept the job's NDA, have one's identity checked, a job for beginners) is worded from
    // its code (forbidden.* in both languages); another stays "not allowed".
    if (error.status === 403 && error.code && i18n.exists(`forbidden.${error.code}`)) text = t(`forbidden.${error.code}` as "forbidden.ndaRequired");
    else if (error.status === 403) text = t("errors.forbidden");
    else if (error.status === 404) text = t("errors.notFound");
    // A conflict is worded from its stable code; "someone may have changed it, reload" is kept for a lost race
    // ("duplicate") and for a code this client does not know yet, with the API's English detail for English readers.
    else if (error.status === 409) text = conflictText(t, i18n, error);
    else if (error.status === 429) text = t("errors.tooMany");
    // If-Match named a version someone replaced meanwhile (another tab): nothing was saved (issue 25).
    else if (error.status === 412) text = t("errors.stale");
    // The API names the limit that was passed: a file's, or the person's storage.
    else if (error.status === 413 && error.maxBytes !== undefined)
      text = t(error.code === "quotaExceeded" ? "errors.quotaFull" : "errors.tooLargeMax", { max: fileSize(error.maxBytes) });
    else if (error.status === 413) text = t("errors.tooLarge");
    // The API names what it found in the file; only English readers get its words.
    else if (error.status === 415) text = [t("errors.fileType"), i18n.language === "en" ? error.detail : ""].filter(Boolean).join(" ");
    else if (error.status === 400 && Object.keys(error.fields).length) text = t("errors.fields");
    else if (error.status >= 500) text = t("errors.server");
    else text = error.detail ?? error.title;
  } else text = t("errors.unknown");
  // An unconfirmed address is put right on the e-mail settings page, which sends the link again.
  const unconfirmed = error instanceof ApiError && error.status === 403 && error.code === "emailNotConfirmed";
  return (
    <div className="problem" role="alert">
      <p>{text}</p>
      {unconfirmed && (
        <p>
          <Link to="/settings/email">{t("emailSettings.resend")}</Link>
        </p>
      )}
      {onRetry && (error instanceof NetworkError || (error instanceof ApiError && error.status >= 500)) && (
        <button type="button" onClick={onRetry}>
          {t("common.retry")}
        </button>
      )}
    </div>
  );
}

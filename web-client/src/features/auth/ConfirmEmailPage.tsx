import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { ApiError } from "../../api/client";
import { Problem } from "../../ui/Problem";
import { apiErrorsFor } from "../../ui/validation";
import { useConfirmEmail } from "./api";
import { useMailedToken } from "./mailedToken";

/**
 * Where a confirmation mail's link leads. The address is confirmed by a click, not by opening the page: a mail
 * scanner that opens every link in a mail must not confirm an address for someone who never read it.
 */
export function ConfirmEmailPage() {
  const { t } = useTranslation();
  const token = useMailedToken();
  const confirm = useConfirmEmail();
  const linkSpent = !token || (confirm.error instanceof ApiError && apiErrorsFor(confirm.error, "token").length > 0);

  return (
    <section className="narrow">
      <h1>{t("confirmEmail.title")}</h1>
      {confirm.isSuccess ? (
        <div className="panel" role="status">
          <p>{t("confirmEmail.done", { email: confirm.data.email })}</p>
          <p>
            <Link to="/">{t("confirmEmail.continue")}</Link>
          </p>
        </div>
      ) : linkSpent ? (
        <div className="problem" role="alert">
          <p>{t("confirmEmail.linkSpent")}</p>
          <p>
            <Link to="/settings/email">{t("confirmEmail.askAgain")}</Link>
          </p>
        </div>
      ) : (
        <>
          <p>{t("confirmEmail.intro")}</p>
          <Problem error={confirm.error} />
          <button type="button" className="primary" disabled={confirm.isPending} aria-busy={confirm.isPending} onClick={() => confirm.mutate(token)}>
            {confirm.isPending ? t("common.sending") : t("confirmEmail.confirm")}
          </button>
        </>
      )}
    </section>
  );
}

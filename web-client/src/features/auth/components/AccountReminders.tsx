import { useTranslation } from "react-i18next";
import { Link, useLocation } from "react-router";
import type { Account } from "../../../api/client";
import { needsTwoStep } from "../twoStepRequired";

/**
 * What the signed-in person must still do, said on every page until it is done: confirm their address (until then
 * they can look but not bid, post or be paid), and, for an administrator, turn on two-step sign-in. Each note goes
 * as soon as the account says it is done.
 */
export function AccountReminders({ account }: { account: Account }) {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  return (
    <>
      {!account.emailConfirmed && pathname !== "/settings/email" && pathname !== "/confirm-email" && (
        <p className="notice reminder">
          {t("emailSettings.reminder", { email: account.email })} <Link to="/settings/email">{t("emailSettings.reminderLink")}</Link>
        </p>
      )}
      {needsTwoStep(account) && pathname !== "/two-step" && (
        <p className="notice reminder">
          {t("twoStep.reminder")} <Link to="/two-step">{t("twoStep.reminderLink")}</Link>
        </p>
      )}
    </>
  );
}

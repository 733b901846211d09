import { useTranslation } from "react-i18next";
import { Link, useLocation } from "react-router";
import { yen } from "../../../ui/format";
import { useMyPayouts } from "../api";

/**
 * Tells a worker who has saved no bank account that her earnings cannot be transferred until she does, with what waits
 * and a link to add one: on the pages about her money and her contracts (the app places it), and on the payouts page
 * itself, above the form. Nothing shows while the worker's payouts load or once an account is saved.
 */
export function BankAccountNotice() {
  const { t } = useTranslation();
  const payouts = useMyPayouts();
  const here = useLocation().pathname === "/payouts";
  if (!payouts.data?.bankAccountMissing) return null;
  return (
    <aside className="notice bank-account-notice" role="status" aria-labelledby="bank-account-notice-title">
      <strong id="bank-account-notice-title">{t("payouts.missingTitle")}</strong>
      <p>
        {t("payouts.missingText")}
        {payouts.data.availableBalance > 0 && ` ${t("payouts.missingWaiting", { amount: yen(payouts.data.availableBalance) })}`}
      </p>
      {!here && (
        <p>
          <Link to="/payouts#bank-account">{t("payouts.missingLink")}</Link>
        </p>
      )}
    </aside>
  );
}

import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { date, yen } from "../../../ui/format";
import { usePaymentRequest } from "../api";

/**
 * Beside a contract, for its business (or the producer who brokered it): while a payment into escrow is asked for, how
 * much, by when and with which payment number, and the printable payment request. Shows nothing once the money is
 * confirmed, nor to a producer the contract does not pay through (the API refuses it).
 */
export function PaymentPanel({ contractId }: { contractId: string }) {
  const { t } = useTranslation();
  const request = usePaymentRequest(contractId);
  const p = request.data;
  if (!p || p.status !== "pending") return null;
  return (
    <aside className="panel payment-panel" aria-labelledby="payment-panel-title">
      <h2 id="payment-panel-title">{t("contracts.payTitle")}</h2>
      <p>
        {p.dueOn
          ? t("contracts.payText", { amount: yen(p.amount), date: date(p.dueOn), reference: p.reference })
          : t("contracts.payTextNoDate", { amount: yen(p.amount), reference: p.reference })}
      </p>
      <p>
        <Link className="button primary" to={`/contracts/${contractId}/payment-request`}>
          {t("contracts.payNow")}
        </Link>
      </p>
    </aside>
  );
}

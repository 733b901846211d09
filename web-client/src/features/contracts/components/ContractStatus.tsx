import { useTranslation } from "react-i18next";
import type { Contract } from "../../../api/client";
import { date } from "../../../ui/format";

/**
 * A contract's state as its parties read it: 入金待ち (awaiting payment) with the due date while the business's money
 * into escrow is not yet confirmed, instead of 作業中, which would tell the worker to start; otherwise its status.
 */
export function ContractStatus({ contract }: { contract: Contract }) {
  const { t } = useTranslation();
  const awaitingPayment = contract.status === "active" && !contract.fundedAt;
  return (
    <>
      <span className={`status status-${awaitingPayment ? "awaitingPayment" : contract.status}`} data-testid="contract-status">
        {t(`contractStatus.${awaitingPayment ? "awaitingPayment" : contract.status}`)}
      </span>
      {contract.fundingDueOn && <span>{t("contracts.fundingDue", { date: date(contract.fundingDueOn) })}</span>}
    </>
  );
}

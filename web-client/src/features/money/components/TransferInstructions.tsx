import { useTranslation } from "react-i18next";
import type { components } from "../../../api/schema";

type ReceivingAccount = components["schemas"]["Money.GetPaymentRequest.ReceivingAccountView"];

/**
 * How to transfer, on every お支払いのご案内 (a contract's escrow, a task job's or a contest's): the payment number to
 * write before the payer's name (振込人名義の前に番号), by which the office matches the transfer, and the operator's
 * receiving account.
 */
export function TransferInstructions({ reference, businessName, account }: { reference: string; businessName: string; account?: ReceivingAccount | null }) {
  const { t } = useTranslation();
  return (
    <>
      <section aria-labelledby="payment-reference-title">
        <h2 id="payment-reference-title" className="h3">
          {t("paymentRequest.reference")}: <span className="reference">{reference}</span>
        </h2>
        <p>{t("paymentRequest.referenceHow")}</p>
        <p>
          <strong>{t("paymentRequest.example", { reference, name: businessName })}</strong>
        </p>
      </section>
      <section aria-labelledby="payment-bank-title">
        <h2 id="payment-bank-title" className="h3">
          {t("paymentRequest.bankTitle")}
        </h2>
        {account ? (
          <dl className="sheet-sums bank-account" data-testid="payment-bank">
            <dt>{t("paymentRequest.bank")}</dt>
            <dd>
              {account.bankName}
              {account.bankCode && `（${account.bankCode}）`}
            </dd>
            <dt>{t("paymentRequest.branch")}</dt>
            <dd>
              {account.branchName}
              {account.branchCode && `（${account.branchCode}）`}
            </dd>
            <dt>{t("paymentRequest.accountType")}</dt>
            <dd>{t(`accountType.${account.accountType as "ordinary" | "current"}`)}</dd>
            <dt>{t("paymentRequest.accountNumber")}</dt>
            <dd>{account.accountNumber}</dd>
            <dt>{t("paymentRequest.holder")}</dt>
            <dd>{account.holderKana}</dd>
          </dl>
        ) : (
          <p>{t("paymentRequest.noAccount")}</p>
        )}
      </section>
    </>
  );
}

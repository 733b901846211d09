import { useTranslation } from "react-i18next";
import { date, yen } from "../../../ui/format";
import { Pending } from "../../../ui/Pending";
import { Problem } from "../../../ui/Problem";
import { useSettlement } from "../api";
import "../../../i18n/dealWords";

/**
 * お金の内訳: the split the award fixed, what the business pays into escrow (the amount less the tax it withholds, plus
 * the producer's fee) and where the escrow stands. Once an agreed cancellation or an administrator's decision closed the
 * contract paying the worker a share, the split shown is the share's (what the ledger released and the invoices bill),
 * with what went back to the business, never the whole amount's.
 */
export function Settlement({ id, fundingDueOn }: { id: string; fundingDueOn?: string | null }) {
  const { t } = useTranslation();
  const settlement = useSettlement(id);
  if (settlement.isPending) return <Pending />;
  if (settlement.isError) return <Problem error={settlement.error} />;
  const s = settlement.data;
  // A share paid on a cancellation or a decision: its split is what was paid, not the whole amount's.
  const paid = s.paid ?? null;
  const split = paid ?? s;
  return (
    <aside className="panel" aria-labelledby="settlement-title">
      <h2 id="settlement-title">{t("settlement.title")}</h2>
      <dl className="amounts">
        <dt>{t("settlement.amount")}</dt>
        <dd>{yen(s.amount)}</dd>
        {paid && (
          <>
            <dt>{t(s.closedBy === "decision" ? "settlement.paidByDecision" : "settlement.paidOnCancellation")}</dt>
            <dd data-testid="share-paid">{yen(paid.amount)}</dd>
          </>
        )}
        <dt>{t("settlement.platformFee")}</dt>
        <dd>{yen(split.platformFee)}</dd>
        <dt>{t("settlement.producerFee")}</dt>
        <dd>{yen(split.producerFee)}</dd>
        <dt>{t("settlement.withholdingTax")}</dt>
        <dd>{yen(split.withholdingTax)}</dd>
        <dt>{t("settlement.workerNet")}</dt>
        <dd>{yen(split.workerNet)}</dd>
        <dt>{t("settlement.escrowTotal")}</dt>
        <dd data-testid="escrow-total">{yen(s.escrowTotal)}</dd>
        {paid && (
          <>
            <dt>{t("settlement.refunded")}</dt>
            <dd>{yen(s.refunded ?? 0)}</dd>
          </>
        )}
        <dt>{t("settlement.escrow")}</dt>
        <dd>
          {paid
            ? t(s.closedBy === "decision" ? "settlement.settledByDecision" : "settlement.settledOnCancellation")
            : s.released
              ? t("settlement.released")
              : s.funded
                ? t("settlement.held", { amount: yen(s.escrowBalance) })
                : fundingDueOn
                  ? t("settlement.awaitingPaymentDue", { date: date(fundingDueOn) })
                  : t("settlement.notFunded")}
        </dd>
      </dl>
      {split.withholdingTax > 0 && (
        <p className="hint">{s.withholdingInEscrow ? t("settlement.withholdingInEscrow") : t("settlement.withholdingOutside")}</p>
      )}
    </aside>
  );
}

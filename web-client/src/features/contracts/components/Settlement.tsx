import { useTranslation } from "react-i18next";
import { date, yen } from "../../../ui/format";
import { Pending } from "../../../ui/Pending";
import { Problem } from "../../../ui/Problem";
import { useSettlement } from "../api";

/**
 * お金の内訳: the split the award fixed, what the business pays into escrow (the amount less the tax it withholds, plus
 * the producer's fee) and where the escrow stands.
 */
export function Settlement({ id, fundingDueOn }: { id: string; fundingDueOn?: string | null }) {
  const { t } = useTranslation();
  const settlement = useSettlement(id);
  if (settlement.isPending) return <Pending />;
  if (settlement.isError) return <Problem error={settlement.error} />;
  const s = settlement.data;
  return (
    <aside className="panel" aria-labelledby="settlement-title">
      <h2 id="settlement-title">{t("settlement.title")}</h2>
      <dl className="amounts">
        <dt>{t("settlement.amount")}</dt>
        <dd>{yen(s.amount)}</dd>
        <dt>{t("settlement.platformFee")}</dt>
        <dd>{yen(s.platformFee)}</dd>
        <dt>{t("settlement.producerFee")}</dt>
        <dd>{yen(s.producerFee)}</dd>
        <dt>{t("settlement.withholdingTax")}</dt>
        <dd>{yen(s.withholdingTax)}</dd>
        <dt>{t("settlement.workerNet")}</dt>
        <dd>{yen(s.workerNet)}</dd>
        <dt>{t("settlement.escrowTotal")}</dt>
        <dd data-testid="escrow-total">{yen(s.escrowTotal)}</dd>
        <dt>{t("settlement.escrow")}</dt>
        <dd>
          {s.released
            ? t("settlement.released")
            : s.funded
              ? t("settlement.held", { amount: yen(s.escrowBalance) })
              : fundingDueOn
                ? t("settlement.awaitingPaymentDue", { date: date(fundingDueOn) })
                : t("settlement.notFunded")}
        </dd>
      </dl>
      {s.withholdingTax > 0 && (
        <p className="hint">{s.withholdingInEscrow ? t("settlement.withholdingInEscrow") : t("settlement.withholdingOutside")}</p>
      )}
    </aside>
  );
}

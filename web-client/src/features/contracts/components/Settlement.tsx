import { useTranslation } from "react-i18next";
import { yen } from "../../../ui/format";
import { Pending } from "../../../ui/Pending";
import { Problem } from "../../../ui/Problem";
import { useSettlement } from "../api";

export function Settlement({ id }: { id: string }) {
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
        <dt>{t("settlement.escrow")}</dt>
        <dd>{s.released ? t("settlement.released") : s.funded ? t("settlement.held", { amount: yen(s.escrowBalance) }) : t("settlement.notFunded")}</dd>
      </dl>
    </aside>
  );
}

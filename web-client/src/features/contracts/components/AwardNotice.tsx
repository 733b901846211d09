import { useTranslation } from "react-i18next";
import { yen } from "../../../ui/format";
import { useSettlement } from "../api";

/**
 * 受注のお知らせ: what the worker who won the job takes home from it, as the award fixed the split (the amount less the
 * platform fee and, where the law applies, the income tax the business withholds), until the work is delivered; and
 * that the work starts once the business's payment is confirmed.
 */
export function AwardNotice({ id, funded }: { id: string; funded: boolean }) {
  const { t } = useTranslation();
  const settlement = useSettlement(id);
  const s = settlement.data;
  if (!s) return null;
  const figures = { amount: yen(s.amount), fee: yen(s.platformFee), tax: yen(s.withholdingTax), net: yen(s.workerNet) };
  return (
    <section className="panel award-notice" aria-labelledby="award-notice-title">
      <h2 id="award-notice-title">{t("contracts.awardNoticeTitle")}</h2>
      <p data-testid="award-take-home">{s.withholdingTax > 0 ? t("contracts.awardNoticeTextTax", figures) : t("contracts.awardNoticeText", figures)}</p>
      {!funded && <p>{t("contracts.awardNoticeFunding")}</p>}
    </section>
  );
}

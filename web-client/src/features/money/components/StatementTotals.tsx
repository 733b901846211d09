import { useTranslation } from "react-i18next";
import type { Schemas } from "../../../api/client";
import { date, yen } from "../../../ui/format";

type Statement = Schemas["Money.Statement"];

export function StatementTotals({ data }: { data: Statement }) {
  const { t } = useTranslation();
  const s = data.totals;
  if (data.role === "business")
    return (
      <>
        <dl className="amounts totals">
          <dt>{t("trust.released")}</dt>
          <dd>{yen(s.gross)}</dd>
          <dt>{t("trust.producerFees")}</dt>
          <dd>{yen(s.producerFees)}</dd>
          <dt>{t("trust.withholdingToRemit")}</dt>
          <dd>
            <strong>{yen(s.withholdingTax)}</strong>
          </dd>
          <dt>{t("trust.paidIn")}</dt>
          <dd>{yen(-(s.paidIn ?? 0))}</dd>
          <dt>{t("trust.refunded")}</dt>
          <dd>{yen(s.refunded ?? 0)}</dd>
          <dt>{t("trust.netOfEntries")}</dt>
          <dd>{yen(s.net)}</dd>
        </dl>
        <section className="panel" aria-labelledby="remit-title">
          <h2 id="remit-title" className="h3">
            {t("trust.withholdingToRemit")}
          </h2>
          <p>{t("trust.withholdingExplained")}</p>
          {(s.remittances ?? []).length === 0 ? (
            <p>{t("trust.noRemittance")}</p>
          ) : (
            <ul>
              {(s.remittances ?? []).map((r) => (
                <li key={r.dueOn}>
                  <strong>{t("trust.remitBy", { date: date(r.dueOn), amount: yen(r.amount) })}</strong>
                </li>
              ))}
            </ul>
          )}
        </section>
      </>
    );
  if (data.role === "producer")
    return (
      <dl className="amounts totals">
        <dt>{t("trust.commissions")}</dt>
        <dd>
          <strong>{yen(s.net)}</strong>
        </dd>
      </dl>
    );
  return (
    <dl className="amounts totals">
      <dt>{t("trust.earningsGross")}</dt>
      <dd>{yen(s.gross)}</dd>
      <dt>{t("trust.platformFees")}</dt>
      <dd>−{yen(s.platformFees)}</dd>
      <dt>{t("trust.withholdingTax")}</dt>
      <dd>−{yen(s.withholdingTax)}</dd>
      <dt>{t("trust.earningsNet")}</dt>
      <dd>
        <strong>{yen(s.earned ?? 0)}</strong>
      </dd>
      <dt>{t("trust.paidOut")}</dt>
      <dd>{yen(-(s.paidOut ?? 0))}</dd>
      <dt>{t("trust.balanceChange")}</dt>
      <dd>{yen(s.net)}</dd>
    </dl>
  );
}

import { useTranslation } from "react-i18next";
import { date, yen } from "../../../ui/format";
import type { ContractDocument } from "../api";
import "../../../i18n/dealWords";

/**
 * The lines of a document after its amount, as pairs of a description list: the income tax withheld (a deduction, so
 * with the minus sign), the net paid, and the day the withholding reaches the tax office. The list of a contract's
 * documents and the printable sheet both show them, in the same words and signs.
 */
export function Deductions({ document: d }: { document: ContractDocument }) {
  const { t } = useTranslation();
  return (
    <>
      {d.withholdingTax > 0 && (
        <>
          <dt>{t("documents.withholding")}</dt>
          <dd data-testid="document-withholding">−{yen(d.withholdingTax)}</dd>
        </>
      )}
      {d.netPaid != null && (
        <>
          <dt>{t("documents.netPaid")}</dt>
          <dd>{yen(d.netPaid)}</dd>
        </>
      )}
      {d.remitBy && (
        <>
          <dt>{t("documents.remitBy")}</dt>
          <dd>{date(d.remitBy)}</dd>
        </>
      )}
    </>
  );
}

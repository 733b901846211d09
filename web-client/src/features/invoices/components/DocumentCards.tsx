import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { date, yen } from "../../../ui/format";
import { Deductions } from "./Deductions";
import type { ContractDocument } from "../api";
import { documentKindKey } from "../documentKind";
import "../../../i18n/dealWords";

/**
 * Documents as cards, each with the link to its A4 sheet (DocumentPage): a contract's (ContractDocuments) and a task
 * job's (TaskJobDocuments) read the same. level: the cards' heading level under the list's own heading.
 */
export function DocumentCards({ list, sheetPath, level = 3 }: { list: ContractDocument[]; sheetPath: (d: ContractDocument) => string; level?: 3 | 4 }) {
  const { t } = useTranslation();
  const Heading = level === 3 ? "h3" : "h4";
  return (
    <ul className="cards">
      {list.map((d) => (
        <li key={d.id} className="card document">
          <Heading>{t(documentKindKey(d))}</Heading>
          <p className="meta">
            <span>{t("documents.number", { number: d.number })}</span>
            <span>{date(d.issuedAt)}</span>
            <span>{d.qualified ? t("documents.qualified") : t("documents.notQualified")}</span>
          </p>
          <dl className="pairs">
            <dt>{t("documents.issuer")}</dt>
            <dd>
              <span data-user-content>{d.issuer.name}</span>
              {d.issuer.invoiceNumber && <> （{d.issuer.invoiceNumber}）</>}
              {d.onBehalfOf && <> — {t("documents.onBehalfOf", { name: d.onBehalfOf.name })}</>}
            </dd>
            <dt>{t("documents.recipient")}</dt>
            <dd data-user-content>{d.recipient.name}</dd>
            <dt>{t("documents.description")}</dt>
            {/* Stored as issued: a document is never reworded (its wording is issue 11's). */}
            <dd data-issued-text>{d.description}</dd>
            <dt>{t("documents.amount")}</dt>
            <dd>{yen(d.amount)}</dd>
            {d.consumptionTax != null && (
              <>
                <dt>{t("documents.consumptionTax", { rate: d.taxRate })}</dt>
                <dd>{yen(d.consumptionTax)}</dd>
              </>
            )}
            <Deductions document={d} />
          </dl>
          <p>
            <Link to={sheetPath(d)}>{t("documents.open", { kind: t(documentKindKey(d)), number: d.number })}</Link>
          </p>
        </li>
      ))}
    </ul>
  );
}

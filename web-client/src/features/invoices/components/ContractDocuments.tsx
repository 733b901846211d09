import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { date, yen } from "../../../ui/format";
import { Loaded } from "../../../ui/Loaded";
import { Deductions } from "./Deductions";
import { useDocuments } from "../api";
import { documentKindKey } from "../documentKind";
import "../../../i18n/dealWords";

/** A contract's documents once its money is released; each opens as its own A4 sheet to print (DocumentPage). */
export function ContractDocuments({ contractId }: { contractId: string }) {
  const { t } = useTranslation();
  const documents = useDocuments(contractId);
  return (
    <section aria-labelledby="documents-heading">
      <h2 id="documents-heading">{t("documents.title")}</h2>
      <Loaded query={documents}>
        {(list) =>
          list.length === 0 ? (
            <p>{t("documents.none")}</p>
          ) : (
            <ul className="cards">
              {list.map((d) => (
                <li key={d.id} className="card document">
                  <h3>{t(documentKindKey(d))}</h3>
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
                    <Link to={`/contracts/${contractId}/documents/${d.id}`}>{t("documents.open", { kind: t(documentKindKey(d)), number: d.number })}</Link>
                  </p>
                </li>
              ))}
            </ul>
          )
        }
      </Loaded>
    </section>
  );
}

import type { UseQueryResult } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { date, yen } from "../../ui/format";
import { Pending } from "../../ui/Pending";
import { Problem } from "../../ui/Problem";
import { Deductions } from "./components/Deductions";
import { useDocuments, useTaskJobDocuments, type ContractDocument } from "./api";
import { documentKindKey } from "./documentKind";
import "../../i18n/dealWords";
import "../../i18n/taskJobsWords";

/** The sheet's title: an invoice of a registered issuer, a receipt otherwise, and the withholding notice. */
function titleKey(d: ContractDocument) {
  if (d.kind === "withholdingNotice") return "sheet.titleNotice" as const;
  return d.qualified ? ("sheet.titleInvoice" as const) : ("sheet.titleReceipt" as const);
}

/** The job's title of a fee's line: what follows the fee's label, Japanese or (before issue 27) English. */
export const feeLineTitle = (description: string) => description.replace(/^(Platform fee|Producer's fee): |^(サービス利用料|プロデューサー手数料)：/, "");

/**
 * One document of a contract as a sheet of A4 (the print style sheet hides the site around it), laid out as a Japanese
 * qualified invoice reads (適格請求書, 消費税法第57条の4第1項): title and number, the recipient with 御中 (a business) or 様
 * (a person), the date, the issuer with its registration number, what was supplied, the amount for the 10% rate and the
 * consumption tax it contains, the total. A receipt of an unregistered issuer says that it is not a qualified invoice;
 * the withholding notice states the tax and the day it must reach the tax office (所得税法第204条第1項).
 */
export function DocumentPage() {
  const { t } = useTranslation();
  const { id = "", documentId = "" } = useParams();
  return <DocumentSheet documents={useDocuments(id)} documentId={documentId} back={{ to: `/contracts/${id}`, label: t("disputes.backToContract") }} />;
}

/** One document of a task job's close (issue 24), as the same sheet. */
export function TaskJobDocumentPage() {
  const { t } = useTranslation();
  const { id = "", documentId = "" } = useParams();
  return <DocumentSheet documents={useTaskJobDocuments(id)} documentId={documentId} back={{ to: `/task-jobs/${id}`, label: t("taskJobs.backToJob") }} />;
}

function DocumentSheet({ documents, documentId, back }: {
  documents: UseQueryResult<ContractDocument[]>;
  documentId: string;
  back: { to: string; label: string };
}) {
  const { t } = useTranslation();
  if (documents.isPending) return <Pending />;
  if (documents.isError) return <Problem error={documents.error} onRetry={() => void documents.refetch()} />;
  const d = documents.data.find((x) => x.id === documentId);
  if (!d)
    return (
      <section>
        <h1>{t("documents.sheet.missing")}</h1>
        <p>
          <Link to={back.to}>{back.label}</Link>
        </p>
      </section>
    );
  const corrected = d.correctsId ? documents.data.find((x) => x.id === d.correctsId) : undefined;
  // The worker is the recipient only of the platform's invoice: a person (様); every other recipient is the business (御中).
  const recipient = d.kind === "platformInvoice" ? t("documents.sheet.person", { name: d.recipient.name }) : t("documents.sheet.business", { name: d.recipient.name });
  const fee = d.kind === "producerInvoice" || d.kind === "platformInvoice";
  // A fee's stored description names the fee before the job's title (サービス利用料：…; "Platform fee: …" in documents
  // issued before issue 27); the sheet names the fee in the reader's language instead, so the line is the job's title.
  const description = fee ? feeLineTitle(d.description) : d.description;
  const taxExcluded = d.consumptionTax != null ? d.amount - d.consumptionTax : null;
  return (
    <article className="document-sheet" aria-labelledby="document-title">
      <p className="no-print">
        <Link to={back.to}>{back.label}</Link>
      </p>
      <div className="sheet-head">
        <h1 id="document-title">{t(`documents.${titleKey(d)}`)}</h1>
        <p className="sheet-subtitle">{d.qualified ? t("documents.qualified") : t(documentKindKey(d))}</p>
        <dl className="sheet-numbers">
          <dt>{t("documents.sheet.number")}</dt>
          <dd data-testid="document-number">{d.number}</dd>
          <dt>{t("documents.sheet.issuedOn")}</dt>
          <dd>{date(d.issuedAt)}</dd>
        </dl>
      </div>

      {corrected && <p className="notice">{t("documents.sheet.corrects", { number: corrected.number, date: date(corrected.issuedAt) })}</p>}

      <div className="sheet-parties">
        <p className="sheet-recipient">
          <span data-testid="document-recipient">{recipient}</span>
        </p>
        <div className="sheet-issuer">
          <p>
            <strong>{d.issuer.name}</strong>
          </p>
          {d.issuer.invoiceNumber && (
            <p>
              {t("documents.sheet.registration")}: <span data-testid="document-registration">{d.issuer.invoiceNumber}</span>
            </p>
          )}
          {d.onBehalfOf && d.kind !== "withholdingNotice" && <p>{t("documents.onBehalfOf", { name: d.onBehalfOf.name })}</p>}
          {d.onBehalfOf && d.kind === "withholdingNotice" && <p>{t("documents.sheet.payee", { name: d.onBehalfOf.name })}</p>}
        </div>
      </div>

      <p className="sheet-lead">
        {d.kind === "withholdingNotice" ? t("documents.sheet.noticeLead") : d.qualified ? t("documents.sheet.lead") : t("documents.sheet.receiptLead")}
      </p>
      <p className="sheet-total">
        <span>{d.kind === "withholdingNotice" ? t("documents.withholding") : t("documents.sheet.total")}</span>{" "}
        <strong data-testid="document-total">{yen(d.kind === "withholdingNotice" ? d.withholdingTax : d.amount)}</strong>
        {d.kind !== "withholdingNotice" && <span> {t("documents.sheet.taxIncluded")}</span>}
      </p>

      <table className="sheet-table">
        <thead>
          <tr>
            <th scope="col">{t("documents.description")}</th>
            <th scope="col">{t("documents.sheet.rate")}</th>
            <th scope="col">{t("documents.amount")}</th>
          </tr>
        </thead>
        <tbody>
          <tr>
            <td>
              {fee && <span className="sheet-line-kind">{t(`documents.sheet.fee.${d.kind as "producerInvoice" | "platformInvoice"}`)}: </span>}
              {description}
            </td>
            <td className="number">{t("documents.sheet.ratePercent", { rate: d.taxRate })}</td>
            <td className="number">{yen(d.amount)}</td>
          </tr>
        </tbody>
      </table>

      <dl className="sheet-sums">
        {d.consumptionTax != null ? (
          <>
            <dt>{t("documents.sheet.rateTotal", { rate: d.taxRate })}</dt>
            <dd data-testid="document-rate-total">{yen(d.amount)}</dd>
            <dt>{t("documents.sheet.taxExcluded")}</dt>
            <dd>{yen(taxExcluded ?? 0)}</dd>
            <dt>{t("documents.consumptionTax", { rate: d.taxRate })}</dt>
            <dd data-testid="document-tax">{yen(d.consumptionTax)}</dd>
          </>
        ) : (
          <>
            <dt>{t("documents.sheet.total")}</dt>
            <dd>{yen(d.amount)}</dd>
          </>
        )}
        <Deductions document={d} />
      </dl>

      {d.consumptionTax != null && <p className="sheet-note">{t("documents.sheet.rounding")}</p>}
      {!d.qualified && d.kind !== "withholdingNotice" && (
        <p className="sheet-note" data-testid="document-not-qualified">
          {t("documents.sheet.notQualified")}
        </p>
      )}
      {d.kind === "withholdingNotice" && <p className="sheet-note">{t("documents.sheet.noticeNote")}</p>}

      <p className="no-print">
        <button type="button" onClick={() => window.print()}>
          {t("documents.print")}
        </button>
      </p>
    </article>
  );
}

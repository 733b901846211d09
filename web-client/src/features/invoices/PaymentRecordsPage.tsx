import { useState } from "react";
import { useTranslation } from "react-i18next";
import { yen } from "../../ui/format";
import { Loaded } from "../../ui/Loaded";
import { Problem } from "../../ui/Problem";
import { usePaymentRecords, usePaymentRecordsCsv } from "./api";
import { TaxDetailsForm } from "./components/TaxDetailsForm";

const thisYear = () => Number(new Intl.DateTimeFormat("en", { year: "numeric", timeZone: "Asia/Tokyo" }).format(new Date()));

/**
 * The yearly payment record (支払調書): a business's per-payee totals and tax withheld, or a worker's per-payer totals
 * for its tax return; and the tax details (registration number, legal name, address) documents print.
 */
export function PaymentRecordsPage() {
  const { t } = useTranslation();
  const [year, setYear] = useState(thisYear());
  const records = usePaymentRecords(year);
  const csv = usePaymentRecordsCsv();

  function download() {
    csv.mutate(year, {
      onSuccess: (blob) => {
        const url = URL.createObjectURL(blob);
        const a = document.createElement("a");
        a.href = url;
        a.download = `payment-records-${year}.csv`;
        a.click();
        URL.revokeObjectURL(url);
      },
    });
  }

  return (
    <section>
      <h1>{t("paymentRecords.title")}</h1>
      <form className="filters" onSubmit={(e) => e.preventDefault()}>
        <label>
          {t("paymentRecords.year")}
          <select value={year} onChange={(e) => setYear(Number(e.target.value))}>
            {[0, 1, 2].map((back) => (
              <option key={back} value={thisYear() - back}>
                {thisYear() - back}
              </option>
            ))}
          </select>
        </label>
        <button type="button" onClick={download} disabled={csv.isPending}>
          {t("paymentRecords.csv")}
        </button>
      </form>
      <Problem error={csv.error} />
      <Loaded query={records}>
        {(data) => (
          <>
            <p className="hint">{data.side === "payer" ? t("paymentRecords.payerLead") : t("paymentRecords.payeeLead")}</p>
            {data.rows.length === 0 ? (
              <p>{t("paymentRecords.none")}</p>
            ) : (
              <ul className="cards">
                {data.rows.map((r) => (
                  <li key={`${r.partyId}-${r.category}`} className="card">
                    <h2 className="h3">{r.name}</h2>
                    <p className="meta">
                      {/* The 支払調書 form's own term for the kind of fee (デザイン料, 翻訳料…): Japanese in every language, as filed. */}
                      <span lang="ja">{r.kind}</span>
                      <span>{t("paymentRecords.contracts", { count: r.contracts })}</span>
                      {data.side === "payer" && <span>{r.filingRequired ? t("paymentRecords.file") : t("paymentRecords.noFiling")}</span>}
                    </p>
                    <dl className="pairs">
                      <dt>{t("paymentRecords.amount")}</dt>
                      <dd>{yen(r.amount)}</dd>
                      <dt>{t("paymentRecords.withheld")}</dt>
                      <dd>{yen(r.withholdingTax)}</dd>
                      <dt>{t("paymentRecords.address")}</dt>
                      <dd>{r.postalAddress || t("paymentRecords.noAddress")}</dd>
                    </dl>
                  </li>
                ))}
              </ul>
            )}
            <p className="hint">{t("paymentRecords.myNumber")}</p>
          </>
        )}
      </Loaded>
      <TaxDetailsForm />
    </section>
  );
}

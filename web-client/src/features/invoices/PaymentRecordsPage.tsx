import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { yen } from "../../ui/format";
import { Field } from "../../ui/Field";
import { Loaded } from "../../ui/Loaded";
import { Problem } from "../../ui/Problem";
import { Submit } from "../../ui/Submit";
import { apiErrorsFor } from "../../ui/validation";
import { usePaymentRecords, usePaymentRecordsCsv, useSaveTaxDetails, useTaxDetails, type TaxDetailsInput, type TaxDetailsView } from "./api";

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

/**
 * A producer's profile: a producer has no other profile than what its documents print (no worker profile, no payment
 * records), so its registration number, legal name and address are kept here (PUT /api/me/tax-details).
 */
export function ProducerProfilePage() {
  const { t } = useTranslation();
  return (
    <section className="narrow">
      <h1>{t("taxDetails.profileTitle")}</h1>
      <p className="hint">{t("taxDetails.profileLead")}</p>
      <TaxDetailsForm />
    </section>
  );
}

/** The tax details documents print; producers keep theirs here (they have no payment records). */
export function TaxDetailsForm() {
  const details = useTaxDetails();
  return <Loaded query={details}>{(saved) => <TaxDetailsFields saved={saved} />}</Loaded>;
}

function TaxDetailsFields({ saved }: { saved: TaxDetailsView }) {
  const { t } = useTranslation();
  const save = useSaveTaxDetails();
  const [form, setForm] = useState<TaxDetailsInput>({ invoiceNumber: saved.invoiceNumber ?? "", legalName: saved.legalName, postalAddress: saved.postalAddress });

  function submit(e: FormEvent) {
    e.preventDefault();
    save.mutate({ ...form, invoiceNumber: form.invoiceNumber?.trim().toUpperCase() || null });
  }

  return (
    <form onSubmit={submit} noValidate className="form panel">
      <h2>{t("taxDetails.title")}</h2>
      <Field label={t("taxDetails.invoiceNumber")} hint={t("taxDetails.invoiceNumberHint")} apiErrors={apiErrorsFor(save.error, "invoiceNumber")}>
        {(p) => <input {...p} autoComplete="off" maxLength={14} value={form.invoiceNumber ?? ""} onChange={(e) => setForm({ ...form, invoiceNumber: e.target.value })} />}
      </Field>
      <Field label={t("taxDetails.legalName")} hint={t("taxDetails.legalNameHint")} apiErrors={apiErrorsFor(save.error, "legalName")}>
        {(p) => <input {...p} autoComplete="name" value={form.legalName} onChange={(e) => setForm({ ...form, legalName: e.target.value })} />}
      </Field>
      <Field label={t("taxDetails.postalAddress")} hint={t("taxDetails.postalAddressHint")} apiErrors={apiErrorsFor(save.error, "postalAddress")}>
        {(p) => <input {...p} autoComplete="street-address" value={form.postalAddress} onChange={(e) => setForm({ ...form, postalAddress: e.target.value })} />}
      </Field>
      <Problem error={save.error} />
      {save.isSuccess && (
        <p role="status" className="notice">
          {t("taxDetails.saved")}
        </p>
      )}
      <Submit busy={save.isPending}>{t("taxDetails.save")}</Submit>
    </form>
  );
}

import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { Field } from "../../../ui/Field";
import { Loaded } from "../../../ui/Loaded";
import { Problem } from "../../../ui/Problem";
import { Submit } from "../../../ui/Submit";
import { apiErrorsFor } from "../../../ui/validation";
import { useSaveTaxDetails, useTaxDetails, type TaxDetailsInput, type TaxDetailsView } from "../api";

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

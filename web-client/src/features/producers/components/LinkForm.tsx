import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { limits } from "../../../api/limits.gen";
import { Field } from "../../../ui/Field";
import { Problem } from "../../../ui/Problem";
import { Submit } from "../../../ui/Submit";
import { apiErrorsFor, textErrors } from "../../../ui/validation";
import { useLinkProducer } from "../api";

/** The API's limits on a link, from its OpenAPI document; the fee is typed as a percentage of the rate. */
const linkLimits = limits["Producers.LinkProducer.Command"];
const percent = (rate: number) => Math.round(rate * 10_000) / 100;
const feePercent = { min: percent(linkLimits.feeRate.minimum), max: percent(linkLimits.feeRate.maximum) };

export function LinkForm() {
  const { t } = useTranslation();
  const link = useLinkProducer();
  const [form, setForm] = useState({ producerEmail: "", canPostJobs: true, canAward: false, feePercent: "5" });
  const [touched, setTouched] = useState(false);
  const fee = Number(form.feePercent);
  const errors = {
    producerEmail: !/^[^@\s]+@[^@\s]+$/.test(form.producerEmail)
      ? [t("validation.email")]
      : textErrors(t, form.producerEmail, linkLimits.producerEmail),
    feePercent:
      !Number.isFinite(fee) || fee < feePercent.min || fee > feePercent.max
        ? [t("validation.between", feePercent)]
        : !/^\d+(\.\d{1,2})?$/.test(form.feePercent.trim())
          ? [t("validation.feeRatePrecision")]
          : [],
  };
  function submit(e: FormEvent) {
    e.preventDefault();
    setTouched(true);
    if (errors.producerEmail.length || errors.feePercent.length) return;
    link.mutate(
      { producerEmail: form.producerEmail.trim(), canPostJobs: form.canPostJobs, canAward: form.canAward, feeRate: Math.round(fee * 100) / 10_000 },
      { onSuccess: () => (setForm({ ...form, producerEmail: "" }), setTouched(false)) },
    );
  }
  return (
    <form onSubmit={submit} noValidate className="form panel" aria-labelledby="link-title">
      <h2 id="link-title">{t("links.formTitle")}</h2>
      <Field label={t("links.producerEmail")} hint={t("links.producerEmailHint")} errors={touched ? errors.producerEmail : []} apiErrors={apiErrorsFor(link.error, "producerEmail")}>
        {(p) => <input {...p} type="email" value={form.producerEmail} onChange={(e) => setForm({ ...form, producerEmail: e.target.value })} />}
      </Field>
      <label className="choice">
        <input type="checkbox" checked={form.canPostJobs} onChange={(e) => setForm({ ...form, canPostJobs: e.target.checked })} />
        <span>{t("links.canPostJobs")}</span>
      </label>
      <label className="choice">
        <input type="checkbox" checked={form.canAward} onChange={(e) => setForm({ ...form, canAward: e.target.checked })} />
        <span>{t("links.canAward")}</span>
      </label>
      <Field label={t("links.fee")} hint={t("links.feeHint", feePercent)} errors={touched ? errors.feePercent : []} apiErrors={apiErrorsFor(link.error, "feeRate")}>
        {(p) => <input {...p} type="number" inputMode="decimal" min={feePercent.min} max={feePercent.max} step={0.01} value={form.feePercent} onChange={(e) => setForm({ ...form, feePercent: e.target.value })} />}
      </Field>
      <Problem error={link.error} />
      <Submit busy={link.isPending}>{t("links.submit")}</Submit>
    </form>
  );
}

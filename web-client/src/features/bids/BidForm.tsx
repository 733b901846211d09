import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import type { Job } from "../../api/client";
import { yen } from "../../ui/format";
import { Field } from "../../ui/Field";
import { Problem } from "../../ui/Problem";
import { Submit } from "../../ui/Submit";
import { apiErrorsFor } from "../../ui/validation";
import { usePlaceBid } from "./api";

export function BidForm({ job }: { job: Job }) {
  const { t } = useTranslation();
  const place = usePlaceBid(job.id);
  const [form, setForm] = useState({ amount: "", deliveryDays: "", message: "" });
  const [touched, setTouched] = useState<Record<string, boolean>>({});
  const set = (key: keyof typeof form, value: string) => {
    setForm((f) => ({ ...f, [key]: value }));
    setTouched((x) => ({ ...x, [key]: true }));
  };
  const amount = Number(form.amount);
  const days = Number(form.deliveryDays);
  const errors: Record<string, string[]> = {
    amount: !form.amount ? [t("validation.required")] : !Number.isInteger(amount) || amount < 1 || amount > 100_000_000 ? [t("validation.between", { min: 1, max: "100,000,000" })] : [],
    deliveryDays: !form.deliveryDays ? [t("validation.required")] : !Number.isInteger(days) || days < 1 || days > 365 ? [t("validation.between", { min: 1, max: 365 })] : [],
    message: !form.message.trim() ? [t("validation.required")] : form.message.length > 5000 ? [t("validation.maxLength", { max: 5000 })] : [],
  };
  const shown = (key: string) => (touched[key] ? (errors[key] ?? []) : []);

  function submit(e: FormEvent) {
    e.preventDefault();
    setTouched({ amount: true, deliveryDays: true, message: true });
    if (Object.values(errors).some((x) => x.length)) return;
    place.mutate({ amount, deliveryDays: days, message: form.message.trim() }, { onSuccess: () => setForm({ amount: "", deliveryDays: "", message: "" }) });
  }

  if (place.isSuccess)
    return (
      <p className="success" role="status">
        {t("bids.placed")}
      </p>
    );
  return (
    <form onSubmit={submit} noValidate className="form" aria-labelledby="bid-form-title">
      <h2 id="bid-form-title">{t("bids.formTitle")}</h2>
      <Field label={t("bids.amount")} hint={t("bids.amountHint", { min: yen(job.budgetMin), max: yen(job.budgetMax) })} errors={shown("amount")} apiErrors={apiErrorsFor(place.error, "amount")}>
        {(p) => <input {...p} type="number" inputMode="numeric" min={1} value={form.amount} onChange={(e) => set("amount", e.target.value)} />}
      </Field>
      <Field label={t("bids.deliveryDays")} hint={t("bids.deliveryDaysHint")} errors={shown("deliveryDays")} apiErrors={apiErrorsFor(place.error, "deliveryDays")}>
        {(p) => <input {...p} type="number" inputMode="numeric" min={1} max={365} value={form.deliveryDays} onChange={(e) => set("deliveryDays", e.target.value)} />}
      </Field>
      <Field label={t("bids.message")} hint={t("bids.messageHint")} errors={shown("message")} apiErrors={apiErrorsFor(place.error, "message")}>
        {(p) => <textarea {...p} rows={4} value={form.message} onChange={(e) => set("message", e.target.value)} />}
      </Field>
      <Problem error={place.error} />
      <Submit busy={place.isPending}>{t("bids.submit")}</Submit>
    </form>
  );
}

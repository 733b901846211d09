import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import type { Account } from "../../api/client";
import { limits } from "../../api/limits.gen";
import { date } from "../../ui/format";
import { Field } from "../../ui/Field";
import { Loaded } from "../../ui/Loaded";
import { Problem } from "../../ui/Problem";
import { Submit } from "../../ui/Submit";
import { apiErrorsFor, textErrors } from "../../ui/validation";
import { useChangeLink, useLinkProducer, useProducerLinks } from "./api";

/** A business links producers and says what they may do; a producer sees the same links as its clients. */
export function ProducerLinksPage({ account }: { account: Account }) {
  const { t } = useTranslation();
  const links = useProducerLinks();
  const change = useChangeLink();
  const isProducer = account.role === "producer";
  return (
    <section>
      <h1>{isProducer ? t("links.clientsTitle") : t("links.producersTitle")}</h1>
      {!isProducer && <LinkForm />}
      <Problem error={change.error} />
      <Loaded query={links}>
      {(data) => data.length === 0 ? (
        <p>{isProducer ? t("links.noClients") : t("links.noProducers")}</p>
      ) : (
        <ul className="cards">
          {data.map((link) => (
            <li key={link.id} className="card">
              <h2 className="h3">{isProducer ? link.businessName : link.producerName}</h2>
              <p className="meta">
                <span className={`status status-${link.status}`}>{t(`linkStatus.${link.status}`)}</span>
                <span>{link.canPostJobs ? t("links.mayPost") : t("links.mayNotPost")}</span>
                <span>{link.canAward ? t("links.mayAward") : t("links.mayNotAward")}</span>
                <span>{t("links.feeValue", { percent: (link.feeRate * 100).toFixed(2) })}</span>
                <span>{date(link.createdAt)}</span>
              </p>
              <div className="actions">
                {isProducer && link.status === "pending" && (
                  <>
                    <button type="button" className="primary" disabled={change.isPending} onClick={() => change.mutate({ id: link.id, change: "accept" })}>
                      {t("links.accept")}
                    </button>
                    <button type="button" disabled={change.isPending} onClick={() => change.mutate({ id: link.id, change: "decline" })}>
                      {t("links.decline")}
                    </button>
                  </>
                )}
                {(link.status === "active" || (!isProducer && link.status === "pending")) && (
                  <button type="button" disabled={change.isPending} onClick={() => change.mutate({ id: link.id, change: "end" })}>
                    {t("links.end")}
                  </button>
                )}
              </div>
            </li>
          ))}
        </ul>
      )}
      </Loaded>
    </section>
  );
}

/** The API's limits on a link, from its OpenAPI document; the fee is typed as a percentage of the rate. */
const linkLimits = limits["Producers.LinkProducer.Command"];
const percent = (rate: number) => Math.round(rate * 10_000) / 100;
const feePercent = { min: percent(linkLimits.feeRate.minimum), max: percent(linkLimits.feeRate.maximum) };

function LinkForm() {
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

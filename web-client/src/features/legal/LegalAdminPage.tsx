import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { limits } from "../../api/limits.gen";
import { date } from "../../ui/format";
import { Field } from "../../ui/Field";
import { Loaded } from "../../ui/Loaded";
import { Problem } from "../../ui/Problem";
import { Submit } from "../../ui/Submit";
import { apiErrorsFor, textErrors } from "../../ui/validation";
import { type LegalDocument, useLegalDocument, usePublishLegal } from "./api";
import type { LegalKind } from "./keys";

const publishLimits = limits["Legal.PublishLegalDocument.Command"];

/**
 * The operator's texts: an administrator edits the version in force of the terms or the privacy policy and publishes
 * it as the next version (recorded in the audit trail). Everyone who has not accepted it is shown it at their next
 * sign-in.
 */
export function LegalAdminPage() {
  const { t } = useTranslation();
  const [kind, setKind] = useState<LegalKind>("terms");
  const current = useLegalDocument(kind);
  const [published, setPublished] = useState<number | null>(null);

  return (
    <section>
      <h1>{t("legal.adminTitle")}</h1>
      <p>{t("legal.adminIntro")}</p>
      <fieldset>
        <legend>{t("legal.adminWhich")}</legend>
        {(["terms", "privacy"] as const).map((k) => (
          <label key={k} className="choice">
            <input type="radio" name="kind" value={k} checked={kind === k} onChange={() => (setKind(k), setPublished(null))} />
            <span>{t(`legal.${k}`)}</span>
          </label>
        ))}
      </fieldset>
      {published !== null && (
        <p className="success" role="status">
          {t("legal.published", { version: published })}
        </p>
      )}
      <Loaded query={current}>
        {/* A new form for each document and version: it starts from the text in force. */}
        {(d) => <PublishForm key={`${d.kind}-${d.version}`} document={d} onPublished={setPublished} />}
      </Loaded>
    </section>
  );
}

function PublishForm({ document, onPublished }: { document: LegalDocument; onPublished: (version: number) => void }) {
  const { t } = useTranslation();
  const publish = usePublishLegal();
  const [form, setForm] = useState({ bodyJa: document.bodyJa, bodyEn: document.bodyEn });
  const [touched, setTouched] = useState(false);
  const errors = { bodyJa: textErrors(t, form.bodyJa, publishLimits.bodyJa), bodyEn: textErrors(t, form.bodyEn, publishLimits.bodyEn) };

  function submit(e: FormEvent) {
    e.preventDefault();
    setTouched(true);
    if (errors.bodyJa.length || errors.bodyEn.length) return;
    publish.mutate({ kind: document.kind, ...form }, { onSuccess: (d) => onPublished(d.version) });
  }

  return (
    <>
      <p className="meta">{t("legal.version", { version: document.version, date: date(document.publishedAt) })}</p>
      <form onSubmit={submit} noValidate className="form">
        <Field label={t("legal.bodyJa")} hint={t("legal.bodyHint")} errors={touched ? errors.bodyJa : []} apiErrors={apiErrorsFor(publish.error, "bodyJa")}>
          {(p) => <textarea {...p} rows={14} lang="ja" value={form.bodyJa} onChange={(e) => setForm({ ...form, bodyJa: e.target.value })} />}
        </Field>
        <Field label={t("legal.bodyEn")} hint={t("legal.bodyHint")} errors={touched ? errors.bodyEn : []} apiErrors={apiErrorsFor(publish.error, "bodyEn")}>
          {(p) => <textarea {...p} rows={14} lang="en" value={form.bodyEn} onChange={(e) => setForm({ ...form, bodyEn: e.target.value })} />}
        </Field>
        <Problem error={publish.error} />
        <Submit busy={publish.isPending}>{t("legal.publish")}</Submit>
      </form>
    </>
  );
}

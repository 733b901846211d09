import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { jobCategories, type JobCategory } from "../../../api/client";
import { limits } from "../../../api/limits.gen";
import { Field } from "../../../ui/Field";
import { Problem } from "../../../ui/Problem";
import { Submit } from "../../../ui/Submit";
import { useFocusFirstError } from "../../../ui/useFocusFirstError";
import { apiErrorsFor, fieldErrorText, textErrors, wholeNumberErrors } from "../../../ui/validation";
import { usePostJob } from "../api";
import { AttachFiles } from "../../../ui/AttachFiles";
import type { StoredFile } from "../../../api/client";
import { useDraft } from "../../../ui/drafts";

/** The API's limits (JobRules), from its OpenAPI document, checked as the user types so the server rarely has to refuse. */
export const jobLimits = limits["Jobs.PostJob.Command"];

export interface Client {
  id: string;
  name: string;
}

function inDays(days: number) {
  const d = new Date(Date.now() + days * 86_400_000);
  return d.toISOString().slice(0, 10);
}

/**
 * Posts a job; a producer (clients given) posts it for one of its clients. The quality-gate choice shows only where a
 * producer can check the work: for a producer, or a business with an active producer link (`canAskReview`).
 */
export function PostJobForm({ clients, canAskReview = !!clients }: { clients?: Client[]; canAskReview?: boolean }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const post = usePostJob();
  // Kept as a draft (files aside, uploaded at once): a session that expires under a long job post loses none of it.
  const [form, setForm, clearDraft] = useDraft("job", {
    businessId: clients?.[0]?.id ?? "",
    title: "",
    description: "",
    // None until the business picks one: a preset category went unnoticed and put jobs where no fitting worker looked.
    category: "" as JobCategory | "",
    budgetMin: "",
    budgetMax: "",
    deadline: inDays(14),
    region: "",
    producerReview: false,
    membersOnly: false,
    confidentialFiles: false,
    beginners: false,
    nda: "none" as "none" | "template",
    verifiedOnly: false,
    fullDescription: "",
  });
  const [files, setFiles] = useState<StoredFile[]>([]);
  // The files visitors may download: none unless the business ticks them.
  const [publicIds, setPublicIds] = useState<ReadonlySet<string>>(new Set());
  const [touched, setTouched] = useState<Record<string, boolean>>({});
  const [attempts, setAttempts] = useState(0);
  const formRef = useFocusFirstError(attempts, post.error);
  // The deadline is a day: the moment the form opened is "now" enough (the API checks again on submit).
  const [now] = useState(() => Date.now());
  const set = <K extends keyof typeof form>(key: K, value: (typeof form)[K]) => {
    setForm((f) => ({ ...f, [key]: value }));
    setTouched((x) => ({ ...x, [key]: true }));
  };

  const min = Number(form.budgetMin);
  const max = Number(form.budgetMax);
  const deadline = new Date(`${form.deadline}T23:59:59+09:00`);
  const errors: Record<string, string[]> = {
    businessId: clients && !form.businessId ? [t("validation.required")] : [],
    category: form.category ? [] : [t("postJob.categoryRequired")],
    title: textErrors(t, form.title, jobLimits.title),
    description: textErrors(t, form.description, jobLimits.description),
    budgetMin: wholeNumberErrors(t, form.budgetMin, jobLimits.budgetMin),
    budgetMax: wholeNumberErrors(t, form.budgetMax, jobLimits.budgetMax).length
      ? wholeNumberErrors(t, form.budgetMax, jobLimits.budgetMax)
      : max < min
        ? [t("validation.budgetMaxBelowMin")]
        : [],
    deadline: !form.deadline || Number.isNaN(deadline.getTime())
      ? [t("validation.required")]
      : deadline.getTime() <= now
        ? [t("validation.deadlineInPast")]
        : deadline.getTime() > now + 365 * 86_400_000
          ? [t("validation.deadlineTooFar")]
          : [],
    region: textErrors(t, form.region, jobLimits.region),
  };
  const shown = (key: string) => (touched[key] ? (errors[key] ?? []) : []);

  function submit(e: FormEvent) {
    e.preventDefault();
    setTouched(Object.fromEntries(Object.keys(errors).map((k) => [k, true])));
    const category = form.category;
    if (Object.values(errors).some((x) => x.length) || !category) {
      setAttempts((n) => n + 1);
      return;
    }
    post.mutate(
      {
        title: form.title.trim(),
        description: form.description.trim(),
        category,
        budgetMin: min,
        budgetMax: max,
        deadline: deadline.toISOString(),
        region: form.region.trim() || undefined,
        businessId: clients ? form.businessId : undefined,
        producerReview: canAskReview && form.producerReview,
        membersOnly: form.membersOnly,
        fileIds: files.map((f) => f.id),
        confidentialFiles: form.confidentialFiles,
        publicFileIds: form.confidentialFiles || form.nda !== "none" ? [] : files.filter((f) => publicIds.has(f.id)).map((f) => f.id),
        beginners: form.beginners,
        nda: form.nda,
        verifiedOnly: form.verifiedOnly,
        fullDescription: form.nda === "none" ? undefined : form.fullDescription.trim() || undefined,
      },
      { onSuccess: (job) => (clearDraft(), navigate(`/jobs/${job.id}`)) },
    );
  }

  const apiErrors = (field: string) => apiErrorsFor(post.error, field);
  return (
    <form ref={formRef} onSubmit={submit} noValidate className="form">
      {/* What a recruitment notice must state accurately: the Freelance Act, art. 12, and the MHLW guideline for
          self-employed teleworkers. Each item below is one of the job's own fields. */}
      <section className="panel" aria-labelledby="notice-items-title">
        <h2 id="notice-items-title" className="h3">{t("postJob.noticeTitle")}</h2>
        <p>{t("postJob.noticeLead")}</p>
        <ul>
          <li>{t("postJob.noticeWork")}</li>
          <li>{t("postJob.noticeDeadline")}</li>
          <li>{t("postJob.noticePay")}</li>
          <li>{t("postJob.noticeOrderer")}</li>
          <li>{t("postJob.noticeQuestions")}</li>
        </ul>
      </section>
      {clients && (
        <Field label={t("postJob.client")} hint={t("postJob.clientHint")} errors={shown("businessId")} apiErrors={apiErrors("businessId")}>
          {(p) => (
            <select {...p} value={form.businessId} onChange={(e) => set("businessId", e.target.value)}>
              {clients.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
            </select>
          )}
        </Field>
      )}
      <Field label={t("postJob.title")} hint={t("postJob.titleHint", { max: jobLimits.title.maxLength })} errors={shown("title")} apiErrors={apiErrors("title")}>
        {(p) => <input {...p} value={form.title} onChange={(e) => set("title", e.target.value)} />}
      </Field>
      <Field label={t("postJob.description")} hint={t("postJob.descriptionHint")} errors={shown("description")} apiErrors={apiErrors("description")}>
        {(p) => <textarea {...p} rows={6} value={form.description} onChange={(e) => set("description", e.target.value)} />}
      </Field>
      <Field label={t("postJob.category")} hint={t("postJob.categoryHint")} errors={shown("category")} apiErrors={apiErrors("category")}>
        {(p) => (
          <select {...p} value={form.category} onChange={(e) => set("category", e.target.value as JobCategory)}>
            <option value="" disabled>
              {t("postJob.categoryChoose")}
            </option>
            {jobCategories.map((c) => (
              <option key={c} value={c}>
                {t(`categories.${c}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      {/* One hint above both boxes, so the two boxes line up side by side. */}
      <fieldset className="budget">
        <legend>{t("words.budget")}</legend>
        <p className="hint">{t("postJob.budgetHint")}</p>
        <div className="row">
        <Field label={t("postJob.budgetMin")} errors={shown("budgetMin")} apiErrors={apiErrors("budgetMin")}>
          {(p) => <input {...p} type="number" inputMode="numeric" min={jobLimits.budgetMin.minimum} max={jobLimits.budgetMin.maximum} value={form.budgetMin} onChange={(e) => set("budgetMin", e.target.value)} />}
        </Field>
        <Field label={t("postJob.budgetMax")} errors={shown("budgetMax")} apiErrors={apiErrors("budgetMax")}>
          {(p) => <input {...p} type="number" inputMode="numeric" min={jobLimits.budgetMax.minimum} max={jobLimits.budgetMax.maximum} value={form.budgetMax} onChange={(e) => set("budgetMax", e.target.value)} />}
        </Field>
        </div>
      </fieldset>
      <Field label={t("postJob.deadline")} hint={t("postJob.deadlineHint")} errors={shown("deadline")} apiErrors={apiErrors("deadline")}>
        {(p) => <input {...p} type="date" value={form.deadline} onChange={(e) => set("deadline", e.target.value)} />}
      </Field>
      <Field label={t("postJob.region")} hint={t("postJob.regionHint")} errors={shown("region")} apiErrors={apiErrors("region")}>
        {(p) => <input {...p} value={form.region} onChange={(e) => set("region", e.target.value)} />}
      </Field>
      {canAskReview && (
        <label className="choice">
          <input type="checkbox" checked={form.producerReview} onChange={(e) => set("producerReview", e.target.checked)} />
          <span>
            {t("postJob.producerReview")} — {t("postJob.producerReviewHint")}
          </span>
        </label>
      )}
      <label className="choice">
        <input type="checkbox" checked={form.membersOnly} onChange={(e) => set("membersOnly", e.target.checked)} />
        <span>
          {t("postJob.membersOnly")} — {t("postJob.membersOnlyHint")}
        </span>
      </label>
      <label className="choice">
        <input type="checkbox" checked={form.beginners} onChange={(e) => set("beginners", e.target.checked)} />
        <span>
          {t("postJob.beginners")} — {t("postJob.beginnersHint")}
        </span>
      </label>
      <Field label={t("postJob.nda")} hint={t("postJob.ndaHint")} apiErrors={apiErrors("nda")}>
        {(p) => (
          <select {...p} value={form.nda} onChange={(e) => set("nda", e.target.value as "none" | "template")}>
            <option value="none">{t("postJob.ndaNone")}</option>
            <option value="template">{t("postJob.ndaTemplate")}</option>
          </select>
        )}
      </Field>
      {form.nda !== "none" && (
        <>
          <Field label={t("postJob.fullDescription")} hint={t("postJob.fullDescriptionHint")} apiErrors={apiErrors("fullDescription")}>
            {(p) => <textarea {...p} rows={5} value={form.fullDescription} onChange={(e) => set("fullDescription", e.target.value)} />}
          </Field>
          <label className="choice">
            <input type="checkbox" checked={form.verifiedOnly} onChange={(e) => set("verifiedOnly", e.target.checked)} />
            <span>{t("postJob.verifiedOnly")}</span>
          </label>
        </>
      )}
      <fieldset>
        <legend>{t("files.reference")}</legend>
        <AttachFiles onChange={setFiles} />
        <label className="choice">
          <input type="checkbox" checked={form.confidentialFiles} onChange={(e) => set("confidentialFiles", e.target.checked)} />
          <span>{t("files.confidential")}</span>
        </label>
        {files.length > 0 && !form.confidentialFiles && (
          <fieldset>
            <legend>{t("files.publicTitle")}</legend>
            <p className="hint">{t("files.publicHint")}</p>
            {files.map((f) => (
              <label className="choice" key={f.id}>
                <input
                  type="checkbox"
                  checked={publicIds.has(f.id)}
                  onChange={(e) =>
                    setPublicIds((ids) => {
                      const next = new Set(ids);
                      if (e.target.checked) next.add(f.id);
                      else next.delete(f.id);
                      return next;
                    })
                  }
                />
                <span>{t("files.publicFile", { name: f.name })}</span>
              </label>
            ))}
            {apiErrors("publicFileIds").length > 0 && (
              <p className="field-error">{apiErrors("publicFileIds").map((e) => fieldErrorText(t, e)).join(" ")}</p>
            )}
          </fieldset>
        )}
      </fieldset>
      <Problem error={post.error} />
      <Submit busy={post.isPending}>{t("postJob.submit")}</Submit>
    </form>
  );
}

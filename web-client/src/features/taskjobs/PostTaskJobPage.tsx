import "../../i18n/taskJobsWords";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { jobCategories, type JobCategory } from "../../api/client";
import { limits } from "../../api/limits.gen";
import { Field } from "../../ui/Field";
import { date, yen } from "../../ui/format";
import { Problem } from "../../ui/Problem";
import { Submit } from "../../ui/Submit";
import { apiErrorsFor } from "../../ui/validation";
import { usePostTaskJob, type PostTaskJobCommand } from "./api";
import { commandOf, draftProblems, firstShortRow, highestPlaceholder, itemCountOf, deadlineDays, maxDaysOpen, totalOf, type DraftProblem, type FieldDraft, type TaskJobDraft } from "./rules";

const newField = (): FieldDraft => ({ label: "", kind: "text", maxLength: "200", options: "" });
const limit = limits["TaskJobs.PostTaskJob.Command"];

/**
 * タスク形式の依頼: the business writes the instructions once, says what each answer holds, how many items (or a CSV of
 * each item's inputs for ##1##…), the price of one item, how many one worker may do, and the deadline. The total it
 * will transfer into the job's escrow is shown as it types; after posting it lands on the job with its payment request.
 */
export function PostTaskJobPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const post = usePostTaskJob();
  // None until the business picks one, as on the job form: a preset category goes unnoticed.
  const [category, setCategory] = useState<JobCategory | "">("");
  const [draft, setDraft] = useState<TaskJobDraft>({
    title: "",
    instructions: "",
    pricePerItem: "",
    items: "count",
    itemCount: "",
    itemsCsv: "",
    perWorkerCap: "",
    deadline: "",
    fields: [newField()],
  });
  const [tried, setTried] = useState(false);
  // The page's moment: the deadline's bounds stay put while the business fills the form.
  const [now] = useState(() => Date.now());
  const problems = draftProblems(draft, now);
  const set = (change: Partial<TaskJobDraft>) => setDraft((d) => ({ ...d, ...change }));
  const setField = (i: number, change: Partial<FieldDraft>) => set({ fields: draft.fields.map((f, j) => (j === i ? { ...f, ...change } : f)) });
  const words = (name: string) =>
    tried ? (problems[name] ?? []).map((p: DraftProblem) => t(`taskJobs.problems.${p}`, { max: limit.itemCount.maximum, days: maxDaysOpen, last: date(deadlineDays(now).max), placeholder: highestPlaceholder(draft.instructions), row: firstShortRow(draft) })) : [];
  const count = itemCountOf(draft);
  const total = totalOf(draft);

  function submit(e: FormEvent) {
    e.preventDefault();
    setTried(true);
    if (Object.keys(problems).length > 0 || !category) return;
    post.mutate(commandOf(draft, category) as PostTaskJobCommand, { onSuccess: (job) => void navigate(`/task-jobs/${job.jobId}`) });
  }

  return (
    <section className="narrow">
      <h1>{t("taskJobs.postHeading")}</h1>
      <p>{t("taskJobs.postLead")}</p>
      <form onSubmit={submit} noValidate>
        <Field label={t("taskJobs.title")} errors={words("title")} apiErrors={apiErrorsFor(post.error, "title")}>
          {(p) => <input {...p} value={draft.title} maxLength={limit.title.maxLength} onChange={(e) => set({ title: e.target.value })} />}
        </Field>
        <Field label={t("taskJobs.category")} errors={tried && !category ? [t("postJob.categoryRequired")] : []} apiErrors={apiErrorsFor(post.error, "category")}>
          {(p) => (
            <select {...p} value={category} onChange={(e) => setCategory(e.target.value as JobCategory)}>
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
        <Field label={t("taskJobs.instructions")} hint={t("taskJobs.instructionsHint")} errors={words("instructions")} apiErrors={apiErrorsFor(post.error, "instructions")}>
          {(p) => <textarea {...p} rows={6} value={draft.instructions} maxLength={limit.instructions.maxLength} onChange={(e) => set({ instructions: e.target.value })} />}
        </Field>
        <fieldset>
          <legend>{t("taskJobs.answerFields")}</legend>
          {draft.fields.map((f, i) => (
            <div key={i} className="card">
              <Field label={t("taskJobs.fieldLabel", { n: i + 1 })} errors={words(`fields.${i}`)}>
                {(p) => <input {...p} value={f.label} onChange={(e) => setField(i, { label: e.target.value })} />}
              </Field>
              <Field label={t("taskJobs.fieldKind")}>
                {(p) => (
                  <select {...p} value={f.kind} onChange={(e) => setField(i, { kind: e.target.value as FieldDraft["kind"] })}>
                    <option value="text">{t("taskJobs.kinds.text")}</option>
                    <option value="choice">{t("taskJobs.kinds.choice")}</option>
                    <option value="file">{t("taskJobs.kinds.file")}</option>
                  </select>
                )}
              </Field>
              {f.kind === "text" && (
                <Field label={t("taskJobs.maxLength")}>
                  {(p) => <input {...p} inputMode="numeric" value={f.maxLength} onChange={(e) => setField(i, { maxLength: e.target.value })} />}
                </Field>
              )}
              {f.kind === "choice" && (
                <Field label={t("taskJobs.options")} hint={t("taskJobs.optionsHint")}>
                  {(p) => <textarea {...p} rows={3} value={f.options} onChange={(e) => setField(i, { options: e.target.value })} />}
                </Field>
              )}
              {draft.fields.length > 1 && (
                <button type="button" onClick={() => set({ fields: draft.fields.filter((_, j) => j !== i) })}>
                  {t("taskJobs.removeField", { n: i + 1 })}
                </button>
              )}
            </div>
          ))}
          {words("fields").map((w) => (
            <p key={w} className="field-error">
              {w}
            </p>
          ))}
          {draft.fields.length < limit.fields.maxItems && (
            <button type="button" onClick={() => set({ fields: [...draft.fields, newField()] })}>
              {t("taskJobs.addField")}
            </button>
          )}
        </fieldset>
        <fieldset>
          <legend>{t("taskJobs.items")}</legend>
          {/* One option a line, as every choice of the site (a user trial saw both run together on one line at 360 px). */}
          <label className="choice">
            <input type="radio" name="items" checked={draft.items === "count"} onChange={() => set({ items: "count" })} /> {t("taskJobs.itemsByCount")}
          </label>
          <label className="choice">
            <input type="radio" name="items" checked={draft.items === "csv"} onChange={() => set({ items: "csv" })} /> {t("taskJobs.itemsByCsv")}
          </label>
          {draft.items === "count" ? (
            <Field label={t("taskJobs.itemCount")} hint={t("taskJobs.itemCountHint", { max: limit.itemCount.maximum.toLocaleString() })} errors={words("itemCount")} apiErrors={apiErrorsFor(post.error, "itemCount")}>
              {(p) => <input {...p} inputMode="numeric" value={draft.itemCount} onChange={(e) => set({ itemCount: e.target.value })} />}
            </Field>
          ) : (
            <Field label={t("taskJobs.itemsCsv")} hint={t("taskJobs.itemsCsvHint")} errors={words("itemsCsv")} apiErrors={apiErrorsFor(post.error, "itemsCsv")}>
              {(p) => <textarea {...p} rows={6} value={draft.itemsCsv} onChange={(e) => set({ itemsCsv: e.target.value })} />}
            </Field>
          )}
        </fieldset>
        <Field label={t("taskJobs.pricePerItem")} errors={words("pricePerItem")} apiErrors={apiErrorsFor(post.error, "pricePerItem")}>
          {(p) => <input {...p} inputMode="numeric" value={draft.pricePerItem} onChange={(e) => set({ pricePerItem: e.target.value })} />}
        </Field>
        <Field label={t("taskJobs.perWorkerCap")} hint={t("taskJobs.perWorkerCapHint")} errors={words("perWorkerCap")} apiErrors={apiErrorsFor(post.error, "perWorkerCap")}>
          {(p) => <input {...p} inputMode="numeric" value={draft.perWorkerCap} onChange={(e) => set({ perWorkerCap: e.target.value })} />}
        </Field>
        <Field label={t("taskJobs.deadline")} hint={t("taskJobs.deadlineHint", { days: maxDaysOpen })} errors={words("deadline")} apiErrors={apiErrorsFor(post.error, "deadline")}>
          {(p) => <input {...p} type="date" min={deadlineDays(now).min} max={deadlineDays(now).max} value={draft.deadline} onChange={(e) => set({ deadline: e.target.value })} />}
        </Field>
        <p className="total" role="status" data-testid="task-total">
          {Number.isFinite(total) && total > 0 ? t("taskJobs.total", { n: count.toLocaleString(), price: yen(total / count), total: yen(total) }) : t("taskJobs.totalUnknown")}
        </p>
        <p className="hint">{t("taskJobs.escrowHint")}</p>
        <Problem error={post.error} />
        <Submit busy={post.isPending}>{t("taskJobs.post")}</Submit>
      </form>
    </section>
  );
}

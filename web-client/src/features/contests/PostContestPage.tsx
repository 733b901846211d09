import "../../i18n/contestWords";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { jobCategories, type JobCategory, type StoredFile } from "../../api/client";
import { AttachFiles } from "../../ui/AttachFiles";
import { Field } from "../../ui/Field";
import { Problem } from "../../ui/Problem";
import { Submit } from "../../ui/Submit";
import { useFocusFirstError } from "../../ui/useFocusFirstError";
import { apiErrorsFor, textErrors } from "../../ui/validation";
import { usePostContest } from "./api";
import { contestDeadlineDays, contestLimits, deadlineDayRange, deadlineErrors, deadlineOf, minimumEntriesErrors, prizeErrors } from "./rules";

/**
 * A business posts a contest (issue 24): the brief, reference files, the prize (asked for into escrow at once), the
 * deadline (3 to 30 days), the minimum of entries and whether the winner's copyright transfers; usable at 360 px.
 */
export function PostContestPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const post = usePostContest();
  // The deadline is a day: the moment the page opened is "now" enough (the API checks again on submit).
  const [now] = useState(() => Date.now());
  const range = deadlineDayRange(now);
  const [form, setForm] = useState({
    title: "",
    description: "",
    // None until the business picks one, as on the job form: a preset category goes unnoticed.
    category: "" as JobCategory | "",
    prize: "",
    deadline: range.min,
    minimumEntries: "3",
    copyrightTransfers: false,
  });
  const [files, setFiles] = useState<StoredFile[]>([]);
  const [touched, setTouched] = useState<Record<string, boolean>>({});
  const [attempts, setAttempts] = useState(0);
  const formRef = useFocusFirstError(attempts, post.error);
  const set = <K extends keyof typeof form>(key: K, value: (typeof form)[K]) => {
    setForm((f) => ({ ...f, [key]: value }));
    setTouched((x) => ({ ...x, [key]: true }));
  };
  const errors: Record<string, string[]> = {
    title: textErrors(t, form.title, contestLimits.title),
    description: textErrors(t, form.description, contestLimits.description),
    category: form.category ? [] : [t("postJob.categoryRequired")],
    prize: prizeErrors(t, form.prize),
    deadline: deadlineErrors(t, form.deadline, now),
    minimumEntries: minimumEntriesErrors(t, form.minimumEntries),
  };
  const shown = (key: string) => (touched[key] ? (errors[key] ?? []) : []);
  const apiErrors = (field: string) => apiErrorsFor(post.error, field);

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
        prize: Number(form.prize),
        deadline: deadlineOf(form.deadline).toISOString(),
        minimumEntries: Number(form.minimumEntries),
        copyrightTransfers: form.copyrightTransfers,
        fileIds: files.map((f) => f.id),
      },
      { onSuccess: (contest) => navigate(`/contests/${contest.id}`) },
    );
  }

  return (
    <section className="narrow">
      <h1>{t("contests.postHeading")}</h1>
      <p>{t("contests.postLead")}</p>
      <form ref={formRef} onSubmit={submit} noValidate className="form">
        <Field label={t("contests.titleField")} errors={shown("title")} apiErrors={apiErrors("title")}>
          {(p) => <input {...p} value={form.title} onChange={(e) => set("title", e.target.value)} />}
        </Field>
        <Field label={t("contests.brief")} hint={t("contests.briefHint")} errors={shown("description")} apiErrors={apiErrors("description")}>
          {(p) => <textarea {...p} rows={6} value={form.description} onChange={(e) => set("description", e.target.value)} />}
        </Field>
        <Field label={t("postJob.category")} errors={shown("category")} apiErrors={apiErrors("category")}>
          {(p) => (
            <select {...p} value={form.category} onChange={(e) => set("category", e.target.value as JobCategory)}>
              <option value="" disabled>{t("postJob.categoryChoose")}</option>
              {jobCategories.map((c) => (
                <option key={c} value={c}>{t(`categories.${c}`)}</option>
              ))}
            </select>
          )}
        </Field>
        <fieldset>
          <legend>{t("contests.referenceFiles")}</legend>
          <AttachFiles onChange={setFiles} max={contestLimits.fileIds.maxItems} />
        </fieldset>
        <Field
          label={t("contests.prize")}
          hint={t("contests.prizeHint", { min: contestLimits.prize.minimum.toLocaleString() })}
          errors={shown("prize")}
          apiErrors={apiErrors("prize")}
        >
          {(p) => (
            <input {...p} type="number" inputMode="numeric" min={contestLimits.prize.minimum} max={contestLimits.prize.maximum}
              value={form.prize} onChange={(e) => set("prize", e.target.value)} />
          )}
        </Field>
        <Field
          label={t("contests.deadline")}
          hint={t("contests.deadlineHint", { min: contestDeadlineDays.min, max: contestDeadlineDays.max })}
          errors={shown("deadline")}
          apiErrors={apiErrors("deadline")}
        >
          {(p) => <input {...p} type="date" min={range.min} max={range.max} value={form.deadline} onChange={(e) => set("deadline", e.target.value)} />}
        </Field>
        <Field label={t("contests.minimumEntries")} hint={t("contests.minimumEntriesHint")} errors={shown("minimumEntries")} apiErrors={apiErrors("minimumEntries")}>
          {(p) => (
            <input {...p} type="number" inputMode="numeric" min={contestLimits.minimumEntries.minimum} max={contestLimits.minimumEntries.maximum}
              value={form.minimumEntries} onChange={(e) => set("minimumEntries", e.target.value)} />
          )}
        </Field>
        <fieldset>
          <legend>{t("contests.copyright")}</legend>
          <label className="choice">
            <input type="radio" name="copyright" checked={!form.copyrightTransfers} onChange={() => set("copyrightTransfers", false)} />
            <span>{t("contests.copyrightStays")}</span>
          </label>
          <label className="choice">
            <input type="radio" name="copyright" checked={form.copyrightTransfers} onChange={() => set("copyrightTransfers", true)} />
            <span>{t("contests.copyrightTransfers")}</span>
          </label>
          <p className="hint">{t("contests.copyrightLosers")}</p>
        </fieldset>
        {post.isError && <Problem error={post.error} />}
        <Submit busy={post.isPending}>{t("contests.postSubmit")}</Submit>
      </form>
    </section>
  );
}

import "../../../i18n/teamWords";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { date } from "../../../ui/format";
import { Field } from "../../../ui/Field";
import { Problem } from "../../../ui/Problem";
import { Submit } from "../../../ui/Submit";
import { apiErrorsFor } from "../../../ui/validation";
import { useMarkUnavailable, useMyUnavailability } from "../api";
import { absenceErrors, hasErrors, type AbsenceForm as Form } from "../rules";

/**
 * 休みの登録: the days a member cannot work, from–to. Its teams' boards show it away; the reason ("子どもの発熱") stays
 * with the member and is never shown to the team.
 */
export function AbsenceForm() {
  const { t } = useTranslation();
  const mark = useMarkUnavailable();
  const marked = useMyUnavailability();
  const [form, setForm] = useState<Form>({ from: "", to: "", reason: "" });
  const [touched, setTouched] = useState(false);
  const errors = absenceErrors(t, form);
  const shown = (key: keyof Form) => (touched ? errors[key] : []);
  const set = (key: keyof Form, value: string) =>
    // A one-day absence is the common case (a child's fever): the last day follows the first until it is changed.
    setForm((f) => ({ ...f, [key]: value, ...(key === "from" && (!f.to || f.to === f.from) ? { to: value } : {}) }));
  function submit(e: FormEvent) {
    e.preventDefault();
    setTouched(true);
    if (hasErrors(errors)) return;
    mark.mutate({ from: form.from, to: form.to, reason: form.reason.trim() }, { onSuccess: () => (setForm({ from: "", to: "", reason: "" }), setTouched(false)) });
  }
  return (
    <section className="panel" aria-labelledby="absence-title">
      <h2 id="absence-title">{t("teams.away.title")}</h2>
      {marked.data && marked.data.length > 0 && (
        <ul className="inline-list" data-testid="my-absences">
          {marked.data.map((a) => (
            <li key={a.id}>
              {a.from === a.to ? date(a.from) : t("teams.away.range", { from: date(a.from), to: date(a.to) })}
              {a.reason && <> ({a.reason})</>}
            </li>
          ))}
        </ul>
      )}
      <form onSubmit={submit} noValidate className="form">
        <Field label={t("teams.away.from")} errors={shown("from")} apiErrors={apiErrorsFor(mark.error, "from")}>
          {(p) => <input {...p} type="date" value={form.from} onChange={(e) => set("from", e.target.value)} />}
        </Field>
        <Field label={t("teams.away.to")} errors={shown("to")} apiErrors={apiErrorsFor(mark.error, "to")}>
          {(p) => <input {...p} type="date" min={form.from || undefined} value={form.to} onChange={(e) => set("to", e.target.value)} />}
        </Field>
        <Field label={t("teams.away.reason")} hint={t("teams.away.reasonHint")} errors={shown("reason")} apiErrors={apiErrorsFor(mark.error, "reason")}>
          {(p) => <input {...p} value={form.reason} onChange={(e) => set("reason", e.target.value)} />}
        </Field>
        {mark.isSuccess && (
          <p className="success" role="status">
            {t("teams.away.marked")}
          </p>
        )}
        <Problem error={mark.error} />
        <Submit busy={mark.isPending}>{t("teams.away.submit")}</Submit>
      </form>
    </section>
  );
}

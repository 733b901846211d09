import "../../../i18n/teamWords";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { Field } from "../../../ui/Field";
import { Problem } from "../../../ui/Problem";
import { Submit } from "../../../ui/Submit";
import { apiErrorsFor } from "../../../ui/validation";
import { useCreateTeam } from "../api";
import { hasErrors, splitSkills, teamErrors, teamLimits, type TeamForm } from "../rules";

/** A worker or a producer makes a team and becomes its director; the team's page opens next, to invite its members. */
export function CreateTeamForm() {
  const { t } = useTranslation();
  const create = useCreateTeam();
  const navigate = useNavigate();
  const [form, setForm] = useState<TeamForm>({ name: "", description: "", region: "", skills: "", weeklyHours: "20" });
  const [touched, setTouched] = useState(false);
  const errors = teamErrors(t, form);
  const shown = (key: keyof TeamForm) => (touched ? errors[key] : []);
  const set = (key: keyof TeamForm, value: string) => setForm((f) => ({ ...f, [key]: value }));
  function submit(e: FormEvent) {
    e.preventDefault();
    setTouched(true);
    if (hasErrors(errors)) return;
    create.mutate(
      { name: form.name.trim(), description: form.description.trim(), region: form.region.trim(), skills: splitSkills(form.skills), weeklyHours: Number(form.weeklyHours) },
      { onSuccess: (team) => void navigate(`/teams/${team.id}`) },
    );
  }
  return (
    <form onSubmit={submit} noValidate className="form panel" aria-labelledby="create-team-title">
      <h2 id="create-team-title">{t("teams.create.title")}</h2>
      <p className="hint">{t("teams.create.intro")}</p>
      <Field label={t("teams.create.name")} errors={shown("name")} apiErrors={apiErrorsFor(create.error, "name")}>
        {(p) => <input {...p} maxLength={teamLimits.name.maxLength} value={form.name} onChange={(e) => set("name", e.target.value)} />}
      </Field>
      <Field label={t("teams.create.description")} errors={shown("description")} apiErrors={apiErrorsFor(create.error, "description")}>
        {(p) => <textarea {...p} rows={3} value={form.description} onChange={(e) => set("description", e.target.value)} />}
      </Field>
      <Field label={t("teams.create.region")} hint={t("teams.create.regionHint")} errors={shown("region")} apiErrors={apiErrorsFor(create.error, "region")}>
        {(p) => <input {...p} value={form.region} onChange={(e) => set("region", e.target.value)} />}
      </Field>
      <Field label={t("teams.create.skills")} hint={t("teams.create.skillsHint")} errors={shown("skills")} apiErrors={apiErrorsFor(create.error, "skills")}>
        {(p) => <input {...p} value={form.skills} onChange={(e) => set("skills", e.target.value)} />}
      </Field>
      <Field label={t("teams.create.weeklyHours")} hint={t("teams.create.weeklyHoursHint")} errors={shown("weeklyHours")} apiErrors={apiErrorsFor(create.error, "weeklyHours")}>
        {(p) => (
          <input {...p} type="number" inputMode="numeric" min={teamLimits.weeklyHours.minimum} max={teamLimits.weeklyHours.maximum} value={form.weeklyHours} onChange={(e) => set("weeklyHours", e.target.value)} />
        )}
      </Field>
      <Problem error={create.error} />
      <Submit busy={create.isPending}>{t("teams.create.submit")}</Submit>
    </form>
  );
}

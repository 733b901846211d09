import "../../../i18n/teamWords";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { Field } from "../../../ui/Field";
import { Problem } from "../../../ui/Problem";
import { Submit } from "../../../ui/Submit";
import { apiErrorsFor, wholeNumberErrors } from "../../../ui/validation";
import { useUpdateMyHours } from "../api";
import { membershipLimits } from "../rules";

/**
 * A member states the hours a week it gives a team (PUT /api/teams/{id}/members/me), which the director's board weighs
 * its tasks against. Joining a team sets none, so a new member is asked here; folded, one per team in the list.
 */
export function WeeklyHoursForm({ teamId, teamName, hours }: { teamId: string; teamName: string; hours: number }) {
  const { t } = useTranslation();
  const save = useUpdateMyHours(teamId);
  const [value, setValue] = useState(hours > 0 ? String(hours) : "");
  const [touched, setTouched] = useState(false);
  const errors = wholeNumberErrors(t, value, membershipLimits.weeklyHours);
  function submit(e: FormEvent) {
    e.preventDefault();
    setTouched(true);
    if (errors.length) return;
    save.mutate({ weeklyHours: Number(value) });
  }
  return (
    <details className="folded">
      <summary>{hours > 0 ? t("teams.hoursForm.change") : t("teams.hoursForm.give")}</summary>
      <form onSubmit={submit} noValidate className="form" aria-label={t("teams.hoursForm.label", { team: teamName })}>
        <Field label={t("teams.create.weeklyHours")} hint={t("teams.create.weeklyHoursHint")} errors={touched ? errors : []} apiErrors={apiErrorsFor(save.error, "weeklyHours")}>
          {(p) => (
            <input {...p} type="number" inputMode="numeric" min={membershipLimits.weeklyHours.minimum} max={membershipLimits.weeklyHours.maximum} value={value} onChange={(e) => setValue(e.target.value)} />
          )}
        </Field>
        <Problem error={save.error} />
        {save.isSuccess && (
          <p className="success" role="status">
            {t("teams.hoursForm.saved")}
          </p>
        )}
        <Submit busy={save.isPending}>{t("teams.hoursForm.save")}</Submit>
      </form>
    </details>
  );
}

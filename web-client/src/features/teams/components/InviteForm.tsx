import "../../../i18n/teamWords";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { Field } from "../../../ui/Field";
import { Problem } from "../../../ui/Problem";
import { Submit } from "../../../ui/Submit";
import { apiErrorsFor } from "../../../ui/validation";
import { useInviteMember, type TeamRole } from "../api";
import { inviteErrors } from "../rules";

/** The director invites a person by e-mail as a leader or a member; the person answers from its own teams page. */
export function InviteForm({ teamId }: { teamId: string }) {
  const { t } = useTranslation();
  const invite = useInviteMember(teamId);
  const [email, setEmail] = useState("");
  const [role, setRole] = useState<Exclude<TeamRole, "director">>("member");
  const [touched, setTouched] = useState(false);
  const [sentTo, setSentTo] = useState("");
  const errors = inviteErrors(t, email);
  function submit(e: FormEvent) {
    e.preventDefault();
    setTouched(true);
    if (errors.length) return;
    const address = email.trim();
    invite.mutate({ email: address, role }, { onSuccess: () => (setSentTo(address), setEmail(""), setTouched(false)) });
  }
  return (
    <form onSubmit={submit} noValidate className="form panel" aria-labelledby="invite-title">
      <h2 id="invite-title">{t("teams.invite.title")}</h2>
      <Field label={t("teams.invite.email")} errors={touched ? errors : []} apiErrors={apiErrorsFor(invite.error, "email")}>
        {(p) => <input {...p} type="email" autoComplete="off" value={email} onChange={(e) => setEmail(e.target.value)} />}
      </Field>
      <fieldset className="choices">
        <legend>{t("teams.invite.role")}</legend>
        {(["member", "leader"] as const).map((r) => (
          <label key={r} className="choice">
            <input type="radio" name="invite-role" checked={role === r} onChange={() => setRole(r)} />
            <span>{t(`teams.roles.${r}`)}</span>
          </label>
        ))}
      </fieldset>
      {sentTo && !invite.isPending && (
        <p className="success" role="status">
          {t("teams.invite.sent", { email: sentTo })}
        </p>
      )}
      <Problem error={invite.error} />
      <Submit busy={invite.isPending}>{t("teams.invite.submit")}</Submit>
    </form>
  );
}

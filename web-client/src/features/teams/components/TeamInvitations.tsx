import "../../../i18n/teamWords";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { date } from "../../../ui/format";
import { Problem } from "../../../ui/Problem";
import { useAnswerInvitation, useMyTeamInvitations } from "../api";

/** The invitations to the signed-in person's address, each accepted or declined with one tap. Nothing when there are none. */
export function TeamInvitations() {
  const { t } = useTranslation();
  const invitations = useMyTeamInvitations();
  const answer = useAnswerInvitation();
  if (!invitations.data?.length) return null;
  return (
    <section className="panel" aria-labelledby="team-invitations-title">
      <h2 id="team-invitations-title">{t("teams.invitations.title")}</h2>
      <ul className="cards">
        {invitations.data.map((i) => (
          <li key={i.id} className="card">
            <h3 className="h3">
              <Link to={`/teams/${i.teamId}`}>{i.teamName}</Link>
            </h3>
            <p className="meta">
              <span>{t("teams.invitations.from", { name: i.invitedByName, role: t(`teams.roles.${i.role}`) })}</span>
              <span>{date(i.createdAt)}</span>
            </p>
            <div className="actions">
              <button type="button" className="primary" disabled={answer.isPending} onClick={() => answer.mutate({ id: i.id, accept: true })}>
                {t("teams.invitations.accept")}
              </button>
              <button type="button" disabled={answer.isPending} onClick={() => answer.mutate({ id: i.id, accept: false })}>
                {t("teams.invitations.decline")}
              </button>
            </div>
          </li>
        ))}
      </ul>
      <Problem error={answer.error} />
    </section>
  );
}

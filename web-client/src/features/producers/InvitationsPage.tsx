import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { date } from "../../ui/format";
import { Loaded } from "../../ui/Loaded";
import { useMyInvitations } from "./api";

export function InvitationsPage() {
  const { t } = useTranslation();
  const invitations = useMyInvitations();
  return (
    <section>
      <h1>{t("invitations.title")}</h1>
      <Loaded query={invitations}>
      {(data) => data.length === 0 ? (
        <p>{t("invitations.none")}</p>
      ) : (
        <ul className="cards">
          {data.map((i) => (
            <li key={i.id} className="card">
              <h2 className="h3">
                <Link to={`/jobs/${i.jobId}`}>{i.jobTitle}</Link>
              </h2>
              <p className="meta">
                <span>{t("words.invitedBy", { name: i.invitedByName, role: t(`roles.${i.invitedByRole}`) })}</span>
                <span>{date(i.createdAt)}</span>
                <span className={`status status-${i.jobStatus}`}>{t(`jobStatus.${i.jobStatus}`)}</span>
              </p>
            </li>
          ))}
        </ul>
      )}
      </Loaded>
    </section>
  );
}

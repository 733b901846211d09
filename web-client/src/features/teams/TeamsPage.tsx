import "../../i18n/teamWords";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { Account } from "../../api/client";
import { Loaded } from "../../ui/Loaded";
import { useMyTeams } from "./api";
import { CreateTeamForm } from "./components/CreateTeamForm";
import { TeamInvitations } from "./components/TeamInvitations";
import { TeamSearch } from "./components/TeamSearch";
import { WeeklyHoursForm } from "./components/WeeklyHoursForm";

/**
 * チーム: a worker's or a producer's teams with the invitations waiting for it and the form to make one; a business
 * comes here to find a team (the search sits beside worker search in its menu).
 */
export function TeamsPage({ account }: { account: Account }) {
  const { t } = useTranslation();
  const canLead = account.role === "worker" || account.role === "producer";
  return (
    <section>
      <h1>{canLead ? t("teams.title") : t("teams.search.pageTitle")}</h1>
      {canLead && <TeamInvitations />}
      {canLead && <MyTeams />}
      <TeamSearch />
      {canLead && <CreateTeamForm />}
    </section>
  );
}

function MyTeams() {
  const { t } = useTranslation();
  const teams = useMyTeams();
  return (
    <section aria-labelledby="my-teams-title">
      <h2 id="my-teams-title">{t("teams.mine")}</h2>
      <Loaded query={teams}>
        {(mine) =>
          mine.length === 0 ? (
            <p>{t("teams.noneYet")}</p>
          ) : (
            <ul className="cards">
              {mine.map((team) => (
                <li key={team.id} className="card">
                  <h3 className="h3">
                    <Link to={`/teams/${team.id}`}>{team.name}</Link>
                  </h3>
                  <p className="meta">
                    <span>{t(`teams.roles.${team.role}`)}</span>
                    {/* 0 is what the API answers for a member who has given no hours yet (joining sets none). */}
                    <span>{team.weeklyHours > 0 ? t("teams.weeklyHoursValue", { hours: team.weeklyHours }) : t("teams.weeklyHoursNotGiven")}</span>
                    {team.role !== "member" && <Link to={`/teams/${team.id}/board`}>{t("teams.board.link")}</Link>}
                  </p>
                  <WeeklyHoursForm teamId={team.id} teamName={team.name} hours={team.weeklyHours} />
                </li>
              ))}
            </ul>
          )
        }
      </Loaded>
      <p>
        <Link to="/my-tasks">{t("teams.myTasks.link")}</Link>
      </p>
    </section>
  );
}

import "../../i18n/teamWords";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { date } from "../../ui/format";
import { Loaded } from "../../ui/Loaded";
import { Problem } from "../../ui/Problem";
import { useRemoveMember, useTeam } from "./api";
import { InviteForm } from "./components/InviteForm";
import { TeamThread } from "./components/TeamThread";
import type { Account } from "../../api/client";

/** A team's public face (name, region, skills, members, record); its director also invites and removes members here. */
export function TeamPage({ account }: { account: Account }) {
  const { t } = useTranslation();
  const { id = "" } = useParams();
  const team = useTeam(id);
  const remove = useRemoveMember(id);
  return (
    <Loaded query={team}>
      {(team) => (
        <article>
          <h1>{team.name}</h1>
          <p className="meta">
            {team.region && <span>{team.region}</span>}
            <span>{t("teams.search.director", { name: team.directorName })}</span>
            <span>{t("teams.search.completed", { count: team.completedContracts })}</span>
            <span>{team.rating != null ? t("bids.ratingValue", { rating: team.rating.toFixed(1), count: team.reviewCount }) : t("bids.noRating")}</span>
          </p>
          {team.myRole && <p className="notice">{t("teams.yourRole", { role: t(`teams.roles.${team.myRole}`) })}</p>}
          {team.description && (
            <p className="message" data-user-content>
              {team.description}
            </p>
          )}
          {team.skills.length > 0 && (
            <ul className="inline-list tags" aria-label={t("teams.create.skills")}>
              {team.skills.map((s) => (
                <li key={s} className="tag">
                  {s}
                </li>
              ))}
            </ul>
          )}
          {(team.myRole === "director" || team.myRole === "leader") && (
            <p>
              <Link className="button primary" to={`/teams/${team.id}/board`}>
                {t("teams.board.link")}
              </Link>
            </p>
          )}
          <section aria-labelledby="members-title">
            <h2 id="members-title">{t("teams.members", { count: team.members.length })}</h2>
            <ul className="cards">
              {team.members.map((m) => (
                <li key={m.userId} className="card">
                  <h3 className="h3">{m.displayName}</h3>
                  <p className="meta">
                    <span>{t(`teams.roles.${m.role}`)}</span>
                    <span>{t("teams.joined", { date: date(m.joinedAt) })}</span>
                  </p>
                  {team.myRole === "director" && m.role !== "director" && (
                    <button type="button" disabled={remove.isPending} onClick={() => remove.mutate(m.userId)} aria-label={t("teams.removeMember", { name: m.displayName })}>
                      {t("teams.remove")}
                    </button>
                  )}
                </li>
              ))}
            </ul>
            <Problem error={remove.error} />
          </section>
          {team.myRole === "director" && <InviteForm teamId={team.id} />}
          {team.myRole && <TeamThread teamId={team.id} account={account} />}
        </article>
      )}
    </Loaded>
  );
}

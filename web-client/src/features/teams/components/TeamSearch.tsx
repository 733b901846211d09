import "../../../i18n/teamWords";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { Loaded } from "../../../ui/Loaded";
import { useTeamSearch } from "../api";

/** Team search beside worker search: words in the name, description or skills, and a region; most completed first. */
export function TeamSearch() {
  const { t } = useTranslation();
  const [typed, setTyped] = useState({ q: "", region: "" });
  const [asked, setAsked] = useState({ q: "", region: "" });
  const teams = useTeamSearch(asked.q, asked.region);
  function submit(e: FormEvent) {
    e.preventDefault();
    setAsked({ q: typed.q.trim(), region: typed.region.trim() });
  }
  return (
    <section aria-labelledby="team-search-title">
      <h2 id="team-search-title">{t("teams.search.title")}</h2>
      <form role="search" onSubmit={submit} className="form filters" aria-labelledby="team-search-title">
        <label>
          {t("teams.search.words")}
          <input type="search" value={typed.q} onChange={(e) => setTyped({ ...typed, q: e.target.value })} />
        </label>
        <label>
          {t("teams.search.region")}
          <input value={typed.region} onChange={(e) => setTyped({ ...typed, region: e.target.value })} />
        </label>
        <button type="submit">{t("teams.search.submit")}</button>
      </form>
      <Loaded query={teams}>
        {(found) =>
          found.length === 0 ? (
            <p>{t("teams.search.none")}</p>
          ) : (
            <ul className="cards">
              {found.map((team) => (
                <li key={team.id} className="card">
                  <h3 className="h3">
                    <Link to={`/teams/${team.id}`}>{team.name}</Link>
                  </h3>
                  <p className="meta">
                    {team.region && <span>{team.region}</span>}
                    <span>{t("teams.search.director", { name: team.directorName })}</span>
                    <span>{t("teams.search.members", { count: team.memberCount })}</span>
                    <span>{t("teams.search.completed", { count: team.completedContracts })}</span>
                  </p>
                  {team.skills.length > 0 && (
                    <ul className="inline-list tags">
                      {team.skills.map((s) => (
                        <li key={s} className="tag">
                          {s}
                        </li>
                      ))}
                    </ul>
                  )}
                </li>
              ))}
            </ul>
          )
        }
      </Loaded>
    </section>
  );
}

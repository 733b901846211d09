import "../../../i18n/teamWords";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { api, call } from "../../../api/client";
import { yen } from "../../../ui/format";
import { teamKeys } from "../api";

/**
 * On a contract's page, for the team's director or a leader: the way to its tasks, with the director's share left.
 * A contract that is not a team's (or a reader who does not run the team) answers 404, and nothing is shown.
 */
export function ContractTeamTasks({ contractId }: { contractId: string }) {
  const { t } = useTranslation();
  const tasks = useQuery({
    queryKey: teamKeys.contractTasks(contractId),
    queryFn: () => call(api.GET("/api/contracts/{id}/tasks", { params: { path: { id: contractId } } })),
    retry: false,
  });
  if (!tasks.data) return null;
  return (
    <section className="panel" aria-labelledby="team-tasks-title">
      <h2 id="team-tasks-title">{t("teams.split.panelTitle")}</h2>
      <p>{t("teams.split.panelText", { count: tasks.data.tasks.length, left: yen(tasks.data.unassigned) })}</p>
      <Link className="button primary" to={`/contracts/${contractId}/tasks`}>
        {t("teams.split.open")}
      </Link>
    </section>
  );
}

import "../../i18n/teamWords";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { dateTime, yen } from "../../ui/format";
import { Loaded } from "../../ui/Loaded";
import { useContractTasks, useTeam } from "./api";
import { TaskForm } from "./components/TaskForm";
import { TaskReview } from "./components/TaskReview";

/**
 * A team contract split into tasks (director, leaders): what the team receives, what the tasks take, the director's share
 * left, each task with its state (and approve/return once delivered), and the form for the next task.
 */
export function ContractTasksPage() {
  const { t } = useTranslation();
  const { id = "" } = useParams();
  const tasks = useContractTasks(id);
  const team = useTeam(tasks.data?.teamId ?? "");
  return (
    <section>
      <h1>{t("teams.split.title")}</h1>
      <p>
        <Link to={`/contracts/${id}`}>{t("teams.split.back")}</Link>
      </p>
      <Loaded query={tasks}>
        {(c) => (
          <>
            <dl className="amounts" data-testid="split-figures">
              <dt>{t("teams.split.amount")}</dt>
              <dd>{yen(c.amount)}</dd>
              <dt>{t("teams.split.fee")}</dt>
              <dd>{yen(c.platformFee)}</dd>
              {c.withholdingTax > 0 && (
                <>
                  <dt>{t("teams.split.withholding")}</dt>
                  <dd>{yen(c.withholdingTax)}</dd>
                </>
              )}
              <dt>{t("teams.split.tasksTotal")}</dt>
              <dd>{yen(c.tasksTotal)}</dd>
              <dt>{t("teams.split.directorShare")}</dt>
              <dd data-testid="director-share">{yen(c.unassigned)}</dd>
            </dl>
            <p className="hint">{t("teams.split.shareNote", { deadline: dateTime(c.deadline) })}</p>
            <section aria-labelledby="tasks-title">
              <h2 id="tasks-title">{t("teams.split.tasks", { count: c.tasks.length })}</h2>
              <ul className="cards">
                {c.tasks.map((task) => (
                  <li key={task.id} className="card" data-testid="contract-task">
                    <h3 className="h3">
                      <Link to={`/tasks/${task.id}`}>{task.title}</Link>
                    </h3>
                    <p className="meta">
                      <span>{task.assigneeName}</span>
                      <span>{yen(task.amount)}</span>
                      <span>{t("teams.task.due", { date: dateTime(task.dueAt) })}</span>
                      <span className={`status status-${task.status}`}>{t(`teams.taskStatus.${task.status}`)}</span>
                    </p>
                    <TaskReview task={task} />
                  </li>
                ))}
              </ul>
            </section>
            {team.data && c.unassigned > 0 && <TaskForm contract={c} members={team.data.members} />}
          </>
        )}
      </Loaded>
    </section>
  );
}

import "../../i18n/teamWords";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { dateTime, yen } from "../../ui/format";
import { Loaded } from "../../ui/Loaded";
import { useMyTasks } from "./api";
import { AbsenceForm } from "./components/AbsenceForm";

/** わたしのタスク: a member's tasks across its teams, soonest due first, each with its written terms; and its days away. */
export function MyTasksPage() {
  const { t } = useTranslation();
  const tasks = useMyTasks();
  return (
    <section>
      <h1>{t("teams.myTasks.title")}</h1>
      <Loaded query={tasks}>
        {(mine) =>
          mine.length === 0 ? (
            <p>{t("teams.myTasks.none")}</p>
          ) : (
            <ul className="cards">
              {mine.map((task) => (
                <li key={task.id} className="card" data-testid="my-task">
                  <h2 className="h3">
                    <Link to={`/tasks/${task.id}`}>{task.title}</Link>
                  </h2>
                  <p className="meta">
                    <span>{task.teamName}</span>
                    <span>{task.jobTitle}</span>
                  </p>
                  <p className="meta">
                    <span>{yen(task.amount)}</span>
                    <strong>{t("teams.task.due", { date: dateTime(task.dueAt) })}</strong>
                    <span className={`status status-${task.status}`}>{t(`teams.taskStatus.${task.status}`)}</span>
                  </p>
                  <Link to={`/tasks/${task.id}/terms`}>{t("teams.terms.link")}</Link>
                </li>
              ))}
            </ul>
          )
        }
      </Loaded>
      <AbsenceForm />
    </section>
  );
}

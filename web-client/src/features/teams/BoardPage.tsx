import "../../i18n/teamWords";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { date, dateTime } from "../../ui/format";
import { Loaded } from "../../ui/Loaded";
import { Problem } from "../../ui/Problem";
import { useBoard, useReassignTask, useTeam } from "./api";
import { reassignCandidates } from "./rules";

/**
 * The director's board (GET /teams/{id}/board): each member's weekly hours against its open tasks' hours, who is away in
 * the coming week, and the tasks at risk, each with one-tap buttons that move it to a member who is not away.
 */
export function BoardPage() {
  const { t } = useTranslation();
  const { id = "" } = useParams();
  const board = useBoard(id);
  const team = useTeam(id);
  const reassign = useReassignTask();
  return (
    <section>
      <h1>{t("teams.board.title", { team: team.data?.name ?? "" })}</h1>
      <p>
        <Link to={`/teams/${id}`}>{t("teams.board.back")}</Link>
      </p>
      <Loaded query={board}>
        {(b) => (
          <>
            <section aria-labelledby="risk-title">
              <h2 id="risk-title">{t("teams.board.atRisk", { count: b.tasksAtRisk.length })}</h2>
              {b.tasksAtRisk.length === 0 ? (
                <p>{t("teams.board.noRisk")}</p>
              ) : (
                <ul className="cards">
                  {b.tasksAtRisk.map((task) => (
                    <li key={task.taskId} className="card" data-testid="task-at-risk">
                      <h3 className="h3">
                        <Link to={`/tasks/${task.taskId}`}>{task.title}</Link>
                      </h3>
                      <p className="meta">
                        <span>{task.assigneeName}</span>
                        <span>{t("teams.task.due", { date: dateTime(task.dueAt) })}</span>
                        <span className="status status-late">{t(`teams.board.reasons.${task.reason}`)}</span>
                      </p>
                      <div className="actions">
                        {reassignCandidates(b.members, task.assigneeId)
                          .slice(0, 3)
                          .map((m) => (
                            <button
                              key={m.userId}
                              type="button"
                              disabled={reassign.isPending}
                              onClick={() => reassign.mutate({ taskId: task.taskId, assigneeId: m.userId })}
                            >
                              {t("teams.board.reassignTo", { name: m.displayName })}
                            </button>
                          ))}
                      </div>
                    </li>
                  ))}
                </ul>
              )}
              <Problem error={reassign.error} />
              {reassign.isSuccess && (
                <p className="success" role="status">
                  {t("teams.board.reassigned", { name: reassign.data.assigneeName })}
                </p>
              )}
            </section>
            <section aria-labelledby="load-title">
              <h2 id="load-title">{t("teams.board.load")}</h2>
              <ul className="cards">
                {b.members.map((m) => {
                  // 0 is what the API answers for a member who has given no hours yet (joining sets none).
                  const hours = m.weeklyHours > 0 ? t("teams.board.hours", { open: m.openTaskHours, weekly: m.weeklyHours }) : t("teams.board.hoursNotGiven", { open: m.openTaskHours });
                  return (
                    <li key={m.userId} className="card" data-testid="board-member">
                      <h3 className="h3">{m.displayName}</h3>
                      <p className="meta">
                        <span>{t(`teams.roles.${m.role}`)}</span>
                        <span>{hours}</span>
                        <span>{t("teams.board.openTasks", { count: m.openTasks })}</span>
                      </p>
                      <progress max={Math.max(m.weeklyHours, m.openTaskHours, 1)} value={m.openTaskHours} aria-label={hours} />
                      {m.awayFrom && (
                        <p className="notice">{t("teams.board.away", { from: date(m.awayFrom), to: date(m.awayTo) })}</p>
                      )}
                    </li>
                  );
                })}
              </ul>
            </section>
          </>
        )}
      </Loaded>
    </section>
  );
}

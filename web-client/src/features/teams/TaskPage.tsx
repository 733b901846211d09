import "../../i18n/teamWords";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import type { Account } from "../../api/client";
import { dateTime, yen } from "../../ui/format";
import { FileList } from "../../ui/FileList";
import { Loaded } from "../../ui/Loaded";
import { Problem } from "../../ui/Problem";
import { useReassignTask, useTask, useTeam, type TeamTask } from "./api";
import { DeliverTaskForm } from "./components/DeliverTaskForm";
import { TaskReview } from "./components/TaskReview";

/**
 * One task: what to do, by when, for how much, its history; its member delivers it here, the director (or a leader)
 * approves, returns or moves it to another member.
 */
export function TaskPage({ account }: { account: Account }) {
  const { t } = useTranslation();
  const { id = "" } = useParams();
  const detail = useTask(id);
  return (
    <Loaded query={detail}>
      {({ task, steps, files }) => {
        const mine = task.assigneeId === account.id;
        return (
          <article>
            <h1>{task.title}</h1>
            <p className="meta">
              <span>{task.teamName}</span>
              <span>{task.jobTitle}</span>
              <span className={`status status-${task.status}`}>{t(`teams.taskStatus.${task.status}`)}</span>
            </p>
            <dl className="facts">
              <dt>{t("teams.task.assignee")}</dt>
              <dd>{task.assigneeName}</dd>
              <dt>{t("teams.task.amount")}</dt>
              <dd>{yen(task.amount)}</dd>
              <dt>{t("teams.task.hours")}</dt>
              <dd>{task.hours}</dd>
              <dt>{t("teams.task.dueAt")}</dt>
              <dd>{dateTime(task.dueAt)}</dd>
            </dl>
            {task.instructions && (
              <p className="message" data-user-content>
                {task.instructions}
              </p>
            )}
            {files.length > 0 && (
              <section aria-labelledby="shared-files-title">
                <h2 id="shared-files-title">{t("teams.task.sharedFiles")}</h2>
                <FileList files={files} label={t("teams.task.sharedFiles")} />
              </section>
            )}
            <p>
              <Link to={`/tasks/${task.id}/terms`}>{t("teams.terms.link")}</Link>
              {!mine && (
                <>
                  {" · "}
                  <Link to={`/contracts/${task.contractId}/tasks`}>{t("teams.split.title")}</Link>
                </>
              )}
            </p>
            {mine ? <DeliverTaskForm task={task} /> : <TaskReview task={task} />}
            {!mine && <Reassign task={task} />}
            <section aria-labelledby="steps-title">
              <h2 id="steps-title">{t("teams.steps.title")}</h2>
              <ol className="timeline">
                {steps.map((s) => (
                  <li key={s.id}>
                    <strong>{t(`teams.steps.${s.kind}`, { actor: s.actorName, assignee: s.assigneeName })}</strong> <span className="meta">{dateTime(s.createdAt)}</span>
                    {s.message && (
                      <p className="message" data-user-content>
                        {s.message}
                      </p>
                    )}
                    <FileList files={s.files ?? []} />
                  </li>
                ))}
              </ol>
            </section>
          </article>
        );
      }}
    </Loaded>
  );
}

/** Moving a task still to do (assigned or returned) to another member, with its history and a new written notice. */
function Reassign({ task }: { task: TeamTask }) {
  const { t } = useTranslation();
  const team = useTeam(task.teamId);
  const reassign = useReassignTask();
  const [to, setTo] = useState("");
  if (task.status !== "assigned" && task.status !== "returned") return null;
  const others = team.data?.members.filter((m) => m.userId !== task.assigneeId) ?? [];
  return (
    <section className="panel" aria-labelledby="reassign-title">
      <h2 id="reassign-title">{t("teams.reassign.title")}</h2>
      <div className="actions">
        <label>
          <span className="visually-hidden">{t("teams.reassign.to")}</span>
          <select value={to} onChange={(e) => setTo(e.target.value)} aria-label={t("teams.reassign.to")}>
            <option value="">{t("teams.task.chooseMember")}</option>
            {others.map((m) => (
              <option key={m.userId} value={m.userId}>
                {m.displayName}
              </option>
            ))}
          </select>
        </label>
        <button type="button" disabled={!to || reassign.isPending} onClick={() => reassign.mutate({ taskId: task.id, assigneeId: to })}>
          {t("teams.reassign.submit")}
        </button>
      </div>
      <Problem error={reassign.error} />
    </section>
  );
}

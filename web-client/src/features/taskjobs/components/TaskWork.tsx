import "../../../i18n/taskJobsWords";
import { useEffect, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { Field } from "../../../ui/Field";
import { dateTime, yen } from "../../../ui/format";
import { Problem } from "../../../ui/Problem";
import { Submit } from "../../../ui/Submit";
import { uploadFile } from "../../../ui/upload";
import { useReturnTaskItem, useSubmitTaskItem, useTakeTaskItem, useTaskSubmissions, type TaskItem, type TaskJob } from "../api";
import { answerProblems, fillPlaceholders, minutesLeft } from "../rules";

/**
 * The worker's item screen, made for one hand on a phone: one item at a time, its instructions with the item's own
 * inputs in place, the answer fields, the minutes left of the 60, and after submitting, the next item one tap away.
 */
export function TaskWork({ job }: { job: TaskJob }) {
  const { t } = useTranslation();
  const take = useTakeTaskItem(job.jobId);
  const [submitted, setSubmitted] = useState(false);
  const [returned, setReturned] = useState(false);
  const item = job.myItem ?? take.data;
  return (
    <section aria-labelledby="task-work-title" className="task-work">
      <h2 id="task-work-title">{t("taskJobs.workTitle")}</h2>
      {job.mine && (
        <p className="meta" data-testid="my-counts">
          {t("taskJobs.myCounts", {
            submitted: job.mine.submitted, approved: job.mine.approved, rejected: job.mine.rejected, earned: yen(job.mine.approved * job.pricePerItem),
          })}
        </p>
      )}
      {(submitted || returned) && !item && (
        <p role="status" className="notice">
          {returned ? t("taskJobs.returned") : t("taskJobs.submitted")}
        </p>
      )}
      {item ? (
        <TaskItemForm
          key={item.id}
          job={job}
          item={item}
          onSubmitted={() => {
            setSubmitted(true);
            setReturned(false);
            take.reset();
          }}
          onReturned={() => {
            setReturned(true);
            take.reset();
          }}
        />
      ) : (
        <>
          {!submitted && <WorkPreview job={job} />}
          <button type="button" className="primary wide" disabled={take.isPending || job.itemsLeft === 0} onClick={() => take.mutate()}>
            {submitted ? t("taskJobs.nextItem") : t("taskJobs.takeItem")}
          </button>
          <p className="hint">{t("taskJobs.takeHint", { minutes: job.minutesToSubmit })}</p>
          <Problem error={take.error} />
        </>
      )}
      <MyRejections jobId={job.jobId} />
    </section>
  );
}

/**
 * What the work is, before the worker starts the clock (a user trial could not see it without taking an item): the
 * instructions, each item's own inputs shown as "…", and the fields an answer has.
 */
function WorkPreview({ job }: { job: TaskJob }) {
  const { t } = useTranslation();
  return (
    <div className="task-preview" data-testid="task-preview">
      <h3>{t("taskJobs.previewTitle")}</h3>
      <div className="instructions" data-user-content style={{ whiteSpace: "pre-wrap" }}>
        {job.instructions.replace(/##[0-9]{1,3}##/g, "…")}
      </div>
      <p>{t("taskJobs.previewFields")}</p>
      <ul className="plain">
        {job.fields.map((f, i) => (
          <li key={i}>
            <span data-user-content>{f.label}</span>（{t(`taskJobs.kinds.${f.kind}`)}）
          </li>
        ))}
      </ul>
    </div>
  );
}

function TaskItemForm({ job, item, onSubmitted, onReturned }: { job: TaskJob; item: TaskItem; onSubmitted: () => void; onReturned: () => void }) {
  const { t } = useTranslation();
  const submit = useSubmitTaskItem(job.jobId);
  const giveBack = useReturnTaskItem(job.jobId);
  const [answers, setAnswers] = useState<string[]>(item.fields.map(() => ""));
  const [tried, setTried] = useState(false);
  const [uploading, setUploading] = useState(false);
  const now = useMinute();
  const left = minutesLeft(item.dueAt, now);
  const problems = answerProblems(item.fields, answers);
  const setAnswer = (i: number, value: string) => setAnswers((all) => all.map((a, j) => (j === i ? value : a)));

  function send(e: FormEvent) {
    e.preventDefault();
    setTried(true);
    if (problems.some((p) => p !== null)) return;
    submit.mutate({ itemId: item.id, answers: answers.map((a) => a.trim()) }, { onSuccess: onSubmitted });
  }

  return (
    <form onSubmit={send} noValidate className="task-item" aria-labelledby="task-item-title">
      <h3 id="task-item-title">{t("taskJobs.itemNumber", { number: item.number })}</h3>
      <p className={left <= 10 ? "notice warning" : "notice"} role="timer" data-testid="minutes-left">
        {t("taskJobs.minutesLeft", { n: left, due: dateTime(item.dueAt, now) })}
      </p>
      <div className="instructions" data-user-content style={{ whiteSpace: "pre-wrap" }}>
        {fillPlaceholders(item.instructions, item.inputs)}
      </div>
      {item.inputs.length > 0 && (
        <ol className="task-inputs" aria-label={t("taskJobs.inputs")} data-user-content>
          {item.inputs.map((input, i) => (
            <li key={i}>{input}</li>
          ))}
        </ol>
      )}
      {item.fields.map((f, i) => {
        const errors = tried && problems[i] ? [t(`taskJobs.answerProblems.${problems[i]}`, { max: f.maxLength ?? 0 })] : [];
        const hint = f.kind === "text" && f.maxLength ? t("taskJobs.charactersOf", { length: (answers[i] ?? "").length, max: f.maxLength }) : undefined;
        return (
          <Field key={i} label={f.label} hint={hint} errors={errors} apiErrors={[]}>
            {(p) =>
              f.kind === "text" ? (
                <textarea {...p} rows={3} value={answers[i] ?? ""} onChange={(e) => setAnswer(i, e.target.value)} />
              ) : f.kind === "choice" ? (
                <select {...p} value={answers[i] ?? ""} onChange={(e) => setAnswer(i, e.target.value)}>
                  <option value="">{t("taskJobs.choose")}</option>
                  {(f.options ?? []).map((o) => (
                    <option key={o} value={o}>
                      {o}
                    </option>
                  ))}
                </select>
              ) : (
                <input
                  {...p}
                  type="file"
                  onChange={(e) => {
                    const file = e.target.files?.[0];
                    if (!file) return;
                    setUploading(true);
                    uploadFile(file, () => {})
                      .promise.then((stored) => setAnswer(i, stored.id))
                      .catch(() => setAnswer(i, ""))
                      .finally(() => setUploading(false));
                  }}
                />
              )
            }
          </Field>
        );
      })}
      <Problem error={submit.error ?? giveBack.error} />
      <Submit busy={submit.isPending} disabled={uploading || left === 0 || giveBack.isPending} className="primary wide">
        {t("taskJobs.submit")}
      </Submit>
      <button type="button" className="wide" disabled={submit.isPending || giveBack.isPending} onClick={() => giveBack.mutate(item.id, { onSuccess: onReturned })}>
        {t("taskJobs.returnItem")}
      </button>
    </form>
  );
}

/** The time, moved on each minute, so that the minutes left count down while the worker reads. */
function useMinute() {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), 30_000);
    return () => clearInterval(timer);
  }, []);
  return now;
}

/** The worker's rejected answers with the business's reasons, so that it learns what the business wants. */
function MyRejections({ jobId }: { jobId: string }) {
  const { t } = useTranslation();
  const rejected = useTaskSubmissions(jobId, true, "rejected");
  if (!rejected.data || rejected.data.length === 0) return null;
  return (
    <section aria-labelledby="my-rejections-title">
      <h3 id="my-rejections-title">{t("taskJobs.myRejections")}</h3>
      <ul className="plain">
        {rejected.data.map((s) => (
          <li key={s.id}>
            {t("taskJobs.itemNumber", { number: s.itemNumber })}: <span data-user-content>{s.reason}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}

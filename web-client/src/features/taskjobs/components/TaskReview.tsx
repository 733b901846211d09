import "../../../i18n/taskJobsWords";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { limits } from "../../../api/limits.gen";
import { Field } from "../../../ui/Field";
import { Problem } from "../../../ui/Problem";
import { Submit } from "../../../ui/Submit";
import { fileUrl } from "../../../ui/upload";
import {
  answersCsvUrl,
  useApproveTaskSubmission,
  useApproveTaskSubmissions,
  useRejectTaskSubmission,
  useTaskReviewQueue,
  type TaskJob,
  type TaskSubmission,
} from "../api";

const reasonLimit = limits["TaskJobs.RejectTaskSubmission.Command"].reason;

/**
 * The business's review: the answers waiting, each approved or rejected with a reason the worker reads; several
 * approved at once; every answer as a CSV. The rejection cap (3 items or 30% of a worker's submitted ones) is said
 * before the business meets it, and a refused rejection says why (conflicts.rejectionCapReached).
 */
export function TaskReview({ job }: { job: TaskJob }) {
  const { t } = useTranslation();
  const waiting = useTaskReviewQueue(job.jobId);
  const bulk = useApproveTaskSubmissions(job.jobId);
  const [chosen, setChosen] = useState<string[]>([]);
  const list = waiting.data?.pages.flat() ?? [];
  const more = waiting.hasNextPage;
  const toggle = (id: string) => setChosen((c) => (c.includes(id) ? c.filter((x) => x !== id) : [...c, id]));
  return (
    <section aria-labelledby="task-review-title" className="task-review">
      <h2 id="task-review-title">{t("taskJobs.reviewTitle")}</h2>
      {job.review && (
        <p className="meta" data-testid="review-counts">
          {t("taskJobs.reviewCounts", { submitted: job.review.submitted, approved: job.review.approved, rejected: job.review.rejected })}
        </p>
      )}
      {job.status === "open" ? <p className="hint">{t("taskJobs.reviewHint")}</p> : <p className="notice">{t(`jobStatus.${job.status}`)}</p>}
      <p>
        <a href={answersCsvUrl(job.jobId)} download>
          {t("taskJobs.exportCsv")}
        </a>
      </p>
      <Problem error={waiting.error} onRetry={() => void waiting.refetch()} />
      {waiting.isSuccess && list.length === 0 && <p>{t("taskJobs.nothingToReview")}</p>}
      {list.length > 0 && (
        <div className="actions">
          <button type="button" onClick={() => setChosen(chosen.length === list.length ? [] : list.map((s) => s.id))}>
            {chosen.length === list.length ? t("taskJobs.chooseNone") : t("taskJobs.chooseAll")}
          </button>
          <button
            type="button"
            className="primary"
            disabled={chosen.length === 0 || bulk.isPending}
            onClick={() => bulk.mutate(chosen, { onSuccess: () => setChosen([]) })}
          >
            {t("taskJobs.approveChosen", { n: chosen.length })}
          </button>
          {bulk.isSuccess && <p role="status">{t("taskJobs.approvedCount", { n: bulk.data.count })}</p>}
          <Problem error={bulk.error} />
        </div>
      )}
      <ul className="plain">
        {list.map((s) => (
          <ReviewedAnswer key={s.id} job={job} submission={s} chosen={chosen.includes(s.id)} onToggle={() => toggle(s.id)} />
        ))}
      </ul>
      {more && (
        <p>
          <button type="button" disabled={waiting.isFetchingNextPage} aria-busy={waiting.isFetchingNextPage} onClick={() => void waiting.fetchNextPage()}>
            {waiting.isFetchingNextPage ? t("common.sending") : t("taskJobs.moreAnswers")}
          </button>
        </p>
      )}
    </section>
  );
}

function ReviewedAnswer({ job, submission: s, chosen, onToggle }: { job: TaskJob; submission: TaskSubmission; chosen: boolean; onToggle: () => void }) {
  const { t } = useTranslation();
  const approve = useApproveTaskSubmission(job.jobId);
  const reject = useRejectTaskSubmission(job.jobId);
  const [rejecting, setRejecting] = useState(false);
  const [reason, setReason] = useState("");
  const [tried, setTried] = useState(false);
  const reasonErrors = tried && !reason.trim() ? [t("validation.required")] : [];

  function sendRejection(e: FormEvent) {
    e.preventDefault();
    setTried(true);
    if (!reason.trim()) return;
    reject.mutate({ submissionId: s.id, reason: reason.trim() });
  }

  return (
    <li className="card" data-testid="task-answer" data-item={s.itemNumber}>
      <h3 className="h3">
        <label>
          <input type="checkbox" checked={chosen} onChange={onToggle} /> {t("taskJobs.itemNumber", { number: s.itemNumber })}
        </label>
      </h3>
      <p className="meta" data-user-content>
        {s.workerName}
      </p>
      {s.inputs.length > 0 && (
        <p className="meta" data-user-content>
          {s.inputs.join(" / ")}
        </p>
      )}
      <dl>
        {job.fields.map((f, i) => (
          <div key={i}>
            <dt data-user-content>{f.label}</dt>
            <dd data-user-content>
              {f.kind !== "file" ? (
                s.answers[i]
              ) : s.answers[i] ? (
                <a href={fileUrl(s.answers[i] ?? "")} download>
                  {t("taskJobs.downloadFileAnswer")}
                </a>
              ) : (
                t("taskJobs.fileAnswer")
              )}
            </dd>
          </div>
        ))}
      </dl>
      <div className="actions">
        <button type="button" className="primary" disabled={approve.isPending} onClick={() => approve.mutate(s.id)}>
          {t("taskJobs.approve")}
        </button>
        <button type="button" onClick={() => setRejecting((r) => !r)} aria-expanded={rejecting}>
          {t("taskJobs.reject")}
        </button>
      </div>
      <Problem error={approve.error} />
      {rejecting && (
        <form onSubmit={sendRejection} noValidate>
          <Field label={t("taskJobs.reason")} hint={t("taskJobs.reasonHint")} errors={reasonErrors}>
            {(p) => <textarea {...p} rows={3} value={reason} maxLength={reasonLimit.maxLength} onChange={(e) => setReason(e.target.value)} />}
          </Field>
          <Problem error={reject.error} />
          <Submit busy={reject.isPending}>{t("taskJobs.sendRejection")}</Submit>
        </form>
      )}
    </li>
  );
}

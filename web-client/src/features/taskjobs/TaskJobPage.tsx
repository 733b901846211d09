import "../../i18n/taskJobsWords";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { ApiError, type Account } from "../../api/client";
import { date, yen } from "../../ui/format";
import { Gone } from "../../ui/Gone";
import { Pending } from "../../ui/Pending";
import { Problem } from "../../ui/Problem";
import { useTaskJob, type TaskJob } from "./api";
import { TaskReview } from "./components/TaskReview";
import { TaskWork } from "./components/TaskWork";
import { TaskPaymentRequest } from "./components/TaskPaymentRequest";
import { TaskJobSpec } from "./components/TaskJobSpec";

/**
 * A task job: its business sees the payment it asked for (until confirmed), then reviews the answers; a worker works
 * through its items one at a time on the item screen. An administrator, who pays its workers, reads the job and its
 * counts in any state and acts on nothing here. Anyone else reads what the job is. Whoever reads the page without
 * working it (the business, its producers, administrators) reads the instructions and the answer's fields as written. After the close, the business, each
 * worker paid and administrators read the documents of the payments (documents: the app's composition, from the
 * invoices feature; perWorker for the business and administrators, who read every worker's).
 */
export function TaskJobPage({ account, documents }: { account: Account | null; documents?: (perWorker: boolean) => ReactNode }) {
  const { t } = useTranslation();
  const { id = "" } = useParams();
  const job = useTaskJob(id);
  if (job.isPending) return <Pending />;
  // A task job the reader may not read (closed, or a mistyped link: the API says not which) points to the open jobs, as
  // a job's page does, instead of a bare "not found" (trial 7).
  if (job.isError && job.error instanceof ApiError && job.error.status === 404)
    return <Gone title={t("jobs.goneTitle")} text={t("jobs.gone")} to="/jobs" link={t("jobs.goneLink")} />;
  if (job.isError) return <Problem error={job.error} onRetry={() => void job.refetch()} />;
  const j = job.data;
  const isOwner = !!account && account.id === j.businessId;
  const administers = account?.role === "administrator";
  const working = !isOwner && account?.role === "worker" && j.status === "open";
  return (
    <section className="narrow task-job">
      <h1 data-user-content>{j.title}</h1>
      {/* On a phone the worker's item comes first, under the thumb; the job's facts follow it. */}
      {!working && <TaskJobFacts job={j} />}
      {isOwner ? (
        <>
          {j.status === "unfunded" && <TaskPaymentRequest jobId={j.jobId} />}
          {j.status !== "unfunded" && <TaskReview job={j} />}
        </>
      ) : administers ? (
        <TaskJobCounts job={j} />
      ) : working ? (
        <>
          <TaskWork job={j} />
          <TaskJobFacts job={j} />
        </>
      ) : (
        <p className="notice">{j.status === "open" ? t("taskJobs.workersOnly") : t(`jobStatus.${j.status}`)}</p>
      )}
      {!working && <TaskJobSpec job={j} />}
      {j.myPay && (
        <p className="notice" data-testid="my-pay">
          {t("taskJobs.myPay", { net: yen(j.myPay.net), date: date(j.myPay.paymentDueOn) })}
          {j.myPay.bankAccountMissing && (
            <>
              {" "}
              <strong>{t("taskJobs.myPayNoAccount")}</strong> <Link to="/payouts">{t("taskJobs.myPayAddAccount")}</Link>
            </>
          )}
        </p>
      )}
      {j.status === "completed" && (isOwner || administers || (account?.role === "worker" && (j.mine?.approved ?? 0) > 0)) && documents?.(isOwner || administers)}
    </section>
  );
}

/** What an administrator reads: the answers by status, as the business reviews them, and where the job stands. */
function TaskJobCounts({ job }: { job: TaskJob }) {
  const { t } = useTranslation();
  return (
    <>
      {job.review && (
        <p className="meta" data-testid="review-counts">
          {t("taskJobs.reviewCounts", { submitted: job.review.submitted, approved: job.review.approved, rejected: job.review.rejected })}
        </p>
      )}
      {/* The status as the job's other pages show it, apart from the sentence (a trial read them run together). */}
      <p className="meta">
        <span className={`status status-${job.status}`}>{t(`jobStatus.${job.status}`)}</span>
      </p>
      <p className="notice">{t("taskJobs.administratorReads")}</p>
    </>
  );
}

function TaskJobFacts({ job }: { job: TaskJob }) {
  const { t } = useTranslation();
  return (
    <dl className="task-facts">
      <dt>{t("taskJobs.pricePerItem")}</dt>
      <dd data-testid="price-per-item">{yen(job.pricePerItem)}</dd>
      <dt>{t("taskJobs.itemsLeftLabel")}</dt>
      <dd data-testid="items-left">{t("taskJobs.itemsLeftOf", { left: job.itemsLeft, all: job.itemCount })}</dd>
      <dt>{t("taskJobs.perWorkerCap")}</dt>
      <dd>{t("taskJobs.itemsCount", { n: job.perWorkerCap })}</dd>
      <dt>{t("taskJobs.timeLimit")}</dt>
      <dd>{t("taskJobs.minutes", { n: job.minutesToSubmit })}</dd>
      <dt>{t("taskJobs.deadline")}</dt>
      <dd>{date(job.deadline)}</dd>
      <dt>{t("taskJobs.business")}</dt>
      <dd data-user-content>{job.businessName}</dd>
    </dl>
  );
}

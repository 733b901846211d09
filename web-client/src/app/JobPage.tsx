import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { ApiError, type Account } from "../api/client";
import { BidsTable } from "../features/bids/components/BidsTable";
import { JobQuestions } from "../features/conversations/components/JobQuestions";
import { underNda, useCancelJob, useJob } from "../features/jobs/api";
import { EditJobFiles } from "../features/jobs/components/EditJobFiles";
import { JobNda } from "../features/jobs/components/JobNda";
import { useProducerLinks } from "../features/producers/api";
import { RecommendedWorkers } from "../features/producers/components/RecommendedWorkers";
import { FileList } from "../ui/FileList";
import { date, yen, yenRange } from "../ui/format";
import { Pending } from "../ui/Pending";
import { Problem } from "../ui/Problem";
import { WorkerBid } from "./components/WorkerBid";

// The API names this module in the page it sends for /jobs/{id} (api/Jobs/ShowJobPage.cs reads the build manifest),
// so that a shared job link preloads its code: renaming or moving this file means changing ShowJobPage.JobPageModule.

/** A job's page, for visitors too (the public board): signing up to bid brings the visitor back here. */
export function JobPage({ account }: { account: Account | null }) {
  const { t } = useTranslation();
  const { id = "" } = useParams();
  const job = useJob(id);
  // Only a producer acts on a job through its link to the client.
  const links = useProducerLinks(account?.role === "producer");
  const cancel = useCancelJob(id);
  if (job.isPending) return <Pending />;
  // A link shared on LINE stays useful after the job closes: a job the reader may not see (awarded, closed, members
  // only, or a mistyped link: the API does not say which) points to the open ones instead of ending at "not found".
  if (job.isError && job.error instanceof ApiError && job.error.status === 404)
    return (
      <section>
        <h1>{t("jobs.goneTitle")}</h1>
        <p>{t("jobs.gone")}</p>
        <p>
          <Link to="/jobs">{t("jobs.goneLink")}</Link>
        </p>
      </section>
    );
  if (job.isError) return <Problem error={job.error} onRetry={() => void job.refetch()} />;
  const j = job.data;
  const isOwner = !!account && j.businessId === account.id;
  const link = account?.role === "producer" ? links.data?.find((l) => l.businessId === j.businessId && l.status === "active") : undefined;
  const canSeeBids = isOwner || !!link;
  // A task job or a contest takes no bids: it is worked on its own page.
  const ownPage = j.format === "contest" ? `/contests/${j.id}` : j.format === "task" ? `/task-jobs/${j.id}` : null;
  // Neither has a budget range nor a delivery date: a contest pays its prize (budgetMin = budgetMax) to one entry and
  // closes its entries on its deadline; a task job pays its price per item (the budget, too) until its deadline.
  const pay = j.format === "contest" ? t("jobs.contestPrize", { prize: yen(j.budgetMax) })
    : j.format === "task" ? t("jobs.taskPrice", { price: yen(j.pricePerItem ?? j.budgetMax) })
    : yenRange(j.budgetMin, j.budgetMax);
  const deadlineName = j.format === "contest" ? t("jobs.entriesClose") : j.format === "task" ? t("jobs.taskDeadline") : t("jobs.noticeDeadline");
  return (
    <article>
      <h1>{j.title}</h1>
      <p className="meta">
        <span className="tag">{t(`categories.${j.category}`)}</span>
        <span className={`status status-${j.status}`}>{t(`jobStatus.${j.status}`)}</span>
        <span>{pay}</span>
        <span>{ownPage ? `${deadlineName} ${date(j.deadline)}` : t("jobs.deadlineOn", { date: date(j.deadline) })}</span>
        {j.region && <span>{j.region}</span>}
        <span>{j.businessName}</span>
        {j.producerReview && <span>{t("jobs.producerChecks")}</span>}
        {j.membersOnly && <span className="tag">{t("jobs.membersOnly")}</span>}
        {j.beginners && <span className="tag beginner">{t("jobs.beginners")}{j.beginnerBadgeName ? `（${j.beginnerBadgeName}）` : ""}</span>}
        {underNda(j) && <span className="tag">{t("jobs.ndaMark")}</span>}
        {j.verifiedOnly && <span className="tag">{t("jobs.verifiedOnly")}</span>}
      </p>
      {/* A task job or a contest is worked on its own page; its business pays its escrow by the job's payment request. */}
      {ownPage && (
        <p className="notice" data-testid="job-format">
          <Link to={ownPage}>
            {j.format === "contest" ? t("jobs.openContest") : t("jobs.openTaskJob")}
          </Link>
          {canSeeBids && (
            <>
              {" "}
              <Link to={`/jobs/${j.id}/payment-request`}>{t("jobs.jobPaymentRequest")}</Link>
            </>
          )}
        </p>
      )}
      <h2>{t("jobs.description")}</h2>
      <p className="message">{j.description}</p>
      {/* Under an NDA the files come with the full description, for those who may read them. */}
      <JobNda job={j} account={account} isParty={canSeeBids} />
      {/* The recruitment notice's items together (Freelance Act art. 12; MHLW guideline for self-employed teleworkers). */}
      <section aria-labelledby="notice-title">
        <h2 id="notice-title">{t("jobs.noticeTitle")}</h2>
        <dl className="pairs">
          <dt>{t("jobs.noticeWork")}</dt>
          <dd>
            {t(`categories.${j.category}`)}: {j.title}
          </dd>
          <dt>{deadlineName}</dt>
          <dd>{date(j.deadline)}</dd>
          <dt>{t("jobs.noticePay")}</dt>
          <dd>
            {pay} {t("jobs.noticeTaxIncluded")}
          </dd>
          <dt>{t("jobs.noticeOrderer")}</dt>
          <dd>{j.businessName}</dd>
          <dt>{t("jobs.noticeQuestions")}</dt>
          <dd>{t("jobs.noticeQuestionsHow")}</dd>
        </dl>
      </section>
      {/* A visitor gets only the files the business made public (the API decides), and the public Q&A. */}
      {!underNda(j) && (j.files?.length ?? 0) > 0 && (
        <section aria-labelledby="job-files-title">
          <h2 id="job-files-title">{t("files.reference")}</h2>
          {/* Its business sees what each reader gets: confidential files, or which ones visitors may download. */}
          {canSeeBids && j.confidentialFiles && <p className="tag confidential">{t("jobs.filesConfidential")}</p>}
          {canSeeBids && !j.confidentialFiles && (j.files ?? []).some((f) => f.public) && (
            <p className="hint">{t("jobs.filesPublic", { names: (j.files ?? []).filter((f) => f.public).map((f) => f.name).join("、") })}</p>
          )}
          <FileList files={j.files ?? []} label={t("files.reference")} />
        </section>
      )}
      {!underNda(j) && j.confidentialFiles && (j.files?.length ?? 0) === 0 && <p className="notice">{t("files.confidentialHidden")}</p>}
      <JobQuestions jobId={j.id} canAsk={account?.role === "worker" && j.status === "open"} canAnswer={isOwner || !!link?.canPostJobs} />
      {account?.role === "worker" && j.status === "open" && !ownPage && <WorkerBid account={account} job={j} />}
      {!account && j.status === "open" && (
        <section className="panel" aria-labelledby="join-title">
          <h2 id="join-title">{t("jobs.signUpToBidTitle")}</h2>
          <p>{t("jobs.signUpToBid")}</p>
          <p className="actions">
            <Link className="button primary" to={`/signup?next=${encodeURIComponent(`/jobs/${j.id}`)}`}>
              {t("jobs.signUpAndBid")}
            </Link>
            <Link className="button" to={`/signin?next=${encodeURIComponent(`/jobs/${j.id}`)}`}>
              {t("jobs.signInAndBid")}
            </Link>
          </p>
        </section>
      )}
      {/* A contest's entries and a task job's answers are not bids: they are read and chosen on the format's own page. */}
      {canSeeBids && !ownPage && <BidsTable job={j} canAward={isOwner || !!link?.canAward} />}
      {canSeeBids && j.status === "open" && <RecommendedWorkers job={j} />}
      {(isOwner || !!link?.canPostJobs) && j.status === "open" && <EditJobFiles job={j} />}
      {isOwner && j.status === "open" && (
        <section className="panel" aria-labelledby="cancel-title">
          <h2 id="cancel-title">{t("jobs.cancelTitle")}</h2>
          <p>{t("jobs.cancelText")}</p>
          <Problem error={cancel.error} />
          <button type="button" disabled={cancel.isPending} onClick={() => window.confirm(t("jobs.cancelConfirm")) && cancel.mutate()}>
            {t("jobs.cancel")}
          </button>
        </section>
      )}
    </article>
  );
}

import { useTranslation } from "react-i18next";
import { Link, Navigate, useParams } from "react-router";
import { ApiError, type Account, type Job } from "../api/client";
import { BidPanel } from "../features/bids/components/BidPanel";
import { BidsTable } from "../features/bids/components/BidsTable";
import { useCancelJob, useJob, useJobs } from "../features/jobs/api";
import { profileMissing, useWorker } from "../features/workers/api";
import { PostJobForm } from "../features/jobs/components/PostJobForm";
import { ContractDocuments } from "../features/invoices/components/ContractDocuments";
import { useProducerLinks } from "../features/producers/api";
import { RecommendedWorkers } from "../features/producers/components/RecommendedWorkers";
import { date, yenRange } from "../ui/format";
import { FileList } from "../ui/FileList";
import { JobQuestions } from "../features/conversations/components/JobQuestions";
import { ContractThread } from "../features/conversations/components/ContractThread";
import { ContractPage } from "../features/contracts/ContractPage";
import { Pending } from "../ui/Pending";
import { Problem } from "../ui/Problem";

// Pages that compose several features live here, so that features never import one another.

export function HomePage({ account }: { account: Account | null }) {
  const { t } = useTranslation();
  if (account?.role === "worker") return <WorkerLanding account={account} />;
  if (account?.role === "business") return <BusinessLanding />;
  if (account?.role === "producer") return <ProducerLanding account={account} />;
  if (account?.role === "administrator") return <Navigate to="/admin" replace />;
  if (account) return <Navigate to="/jobs" replace />;
  return (
    <section className="welcome">
      <h1>{t("home.title")}</h1>
      <p>{t("home.lead")}</p>
      <ul className="cards three">
        <li className="card">
          <h2 className="h3">{t("roles.worker")}</h2>
          <p>{t("home.worker")}</p>
        </li>
        <li className="card">
          <h2 className="h3">{t("roles.business")}</h2>
          <p>{t("home.business")}</p>
        </li>
        <li className="card">
          <h2 className="h3">{t("roles.producer")}</h2>
          <p>{t("home.producer")}</p>
        </li>
      </ul>
      <p className="actions">
        <Link className="button primary" to="/signup">
          {t("auth.signUp")}
        </Link>
        <Link className="button" to="/signin">
          {t("auth.signIn")}
        </Link>
      </p>
    </section>
  );
}

// Onboarding (issue 13): a new account lands where its first step is. A worker without a profile goes to the profile
// (which says why it matters); a business without jobs sees how it works and 仕事を依頼する; a producer without
// clients sees how a client links. Once past the first step, each lands on its usual page.

function WorkerLanding({ account }: { account: Account }) {
  const profile = useWorker(account.id);
  if (profile.isPending) return <Pending />;
  if (profileMissing(profile)) return <Navigate to="/profile" replace />;
  return <Navigate to="/jobs" replace />;
}

function BusinessLanding() {
  const { t } = useTranslation();
  const jobs = useJobs({ mine: true });
  if (jobs.isPending) return <Pending />;
  if ((jobs.data?.pages[0]?.items.length ?? 0) > 0 || jobs.isError) return <Navigate to="/my-jobs" replace />;
  return (
    <section className="narrow welcome" aria-labelledby="welcome-title">
      <h1 id="welcome-title">{t("words.businessWelcome")}</h1>
      <p>{t("words.businessHow1")}</p>
      <p>{t("words.businessHow2")}</p>
      <p className="actions">
        <Link className="button primary" to="/jobs/new">
          {t("nav.postJob")}
        </Link>
      </p>
    </section>
  );
}

function ProducerLanding({ account }: { account: Account }) {
  const { t } = useTranslation();
  const links = useProducerLinks();
  if (links.isPending) return <Pending />;
  if ((links.data?.length ?? 0) > 0 || links.isError) return <Navigate to="/pipeline" replace />;
  return (
    <section className="narrow welcome" aria-labelledby="welcome-title">
      <h1 id="welcome-title">{t("words.producerWelcome")}</h1>
      <p>{t("words.producerHow1")}</p>
      <p>{t("words.producerHow2")}</p>
      <p>
        <strong>{t("words.producerEmail", { email: account.email })}</strong>
      </p>
      <p className="actions">
        <Link className="button primary" to="/producers">
          {t("words.producerLinks")}
        </Link>
      </p>
    </section>
  );
}

/** In place of the bid form while the worker has no profile: what to fill in, and why. */
function ProfileFirst({ jobId }: { jobId: string }) {
  const { t } = useTranslation();
  return (
    <section className="panel" aria-labelledby="profile-first-title">
      <h2 id="profile-first-title">{t("words.profileTitle")}</h2>
      <p>{t("words.bidNeedsProfile")}</p>
      <p className="actions">
        <Link className="button primary" to={`/profile?next=${encodeURIComponent(`/jobs/${jobId}`)}`}>
          {t("words.profileGo")}
        </Link>
      </p>
    </section>
  );
}

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
  return (
    <article>
      <h1>{j.title}</h1>
      <p className="meta">
        <span className="tag">{t(`categories.${j.category}`)}</span>
        <span className={`status status-${j.status}`}>{t(`jobStatus.${j.status}`)}</span>
        <span>{yenRange(j.budgetMin, j.budgetMax)}</span>
        <span>{t("jobs.deadlineOn", { date: date(j.deadline) })}</span>
        {j.region && <span>{j.region}</span>}
        <span>{j.businessName}</span>
        {j.producerReview && <span>{t("jobs.producerChecks")}</span>}
        {j.membersOnly && <span className="tag">{t("jobs.membersOnly")}</span>}
      </p>
      <h2>{t("jobs.description")}</h2>
      <p className="message">{j.description}</p>
      {/* The recruitment notice's items together (Freelance Act art. 12; MHLW guideline for self-employed teleworkers). */}
      <section aria-labelledby="notice-title">
        <h2 id="notice-title">{t("jobs.noticeTitle")}</h2>
        <dl className="pairs">
          <dt>{t("jobs.noticeWork")}</dt>
          <dd>
            {t(`categories.${j.category}`)}: {j.title}
          </dd>
          <dt>{t("jobs.noticeDeadline")}</dt>
          <dd>{date(j.deadline)}</dd>
          <dt>{t("jobs.noticePay")}</dt>
          <dd>
            {yenRange(j.budgetMin, j.budgetMax)} {t("jobs.noticeTaxIncluded")}
          </dd>
          <dt>{t("jobs.noticeOrderer")}</dt>
          <dd>{j.businessName}</dd>
          <dt>{t("jobs.noticeQuestions")}</dt>
          <dd>{t("jobs.noticeQuestionsHow")}</dd>
        </dl>
      </section>
      {/* A visitor gets only the files the business made public (the API decides), and the public Q&A. */}
      {(j.files?.length ?? 0) > 0 && (
        <section aria-labelledby="job-files-title">
          <h2 id="job-files-title">{t("files.reference")}</h2>
          <FileList files={j.files ?? []} label={t("files.reference")} />
        </section>
      )}
      {j.confidentialFiles && (j.files?.length ?? 0) === 0 && <p className="notice">{t("files.confidentialHidden")}</p>}
      <JobQuestions jobId={j.id} canAsk={account?.role === "worker" && j.status === "open"} canAnswer={isOwner || !!link?.canPostJobs} />
      {account?.role === "worker" && j.status === "open" && <WorkerBid account={account} job={j} />}
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
      {canSeeBids && <BidsTable job={j} canAward={isOwner || !!link?.canAward} />}
      {canSeeBids && j.status === "open" && <RecommendedWorkers job={j} />}
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

/** The worker's part of a job page: 応募済み, the bid form, or the profile to fill in first. */
function WorkerBid({ account, job }: { account: Account; job: Job }) {
  const profile = useWorker(account.id);
  const missing = profileMissing(profile);
  return <BidPanel job={job} instead={missing ? <ProfileFirst jobId={job.id} /> : undefined} />;
}

export function PostJobPage({ account }: { account: Account }) {
  const { t } = useTranslation();
  // A business's links too: the quality-gate box shows only when it has a producer to check the work.
  const links = useProducerLinks();
  if (account.role === "business")
    return (
      <section className="narrow">
        <h1>{t("postJob.heading")}</h1>
        <p>{t("postJob.lead")}</p>
        <PostJobForm canAskReview={!!links.data?.some((l) => l.status === "active")} />
      </section>
    );
  if (links.isPending) return <Pending />;
  if (links.isError) return <Problem error={links.error} onRetry={() => void links.refetch()} />;
  const clients = links.data.filter((l) => l.status === "active" && l.canPostJobs).map((l) => ({ id: l.businessId, name: l.businessName }));
  return (
    <section className="narrow">
      <h1>{t("postJob.headingForClient")}</h1>
      {clients.length === 0 ? <p>{t("postJob.noClients")}</p> : <PostJobForm clients={clients} />}
    </section>
  );
}

/** A contract with its message thread below it. */
export function ContractWithThreadPage({ account }: { account: Account }) {
  const { id = "" } = useParams();
  return (
    <>
      <ContractPage account={account} />
      <ContractThread contractId={id} account={account} />
      <ContractDocuments contractId={id} />
    </>
  );
}

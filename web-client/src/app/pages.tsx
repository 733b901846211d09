import { useTranslation } from "react-i18next";
import { Link, Navigate, useParams } from "react-router";
import type { Account } from "../api/client";
import { AdminLayout } from "../features/admin/AdminLayout";
import { DecideForm } from "../features/admin/DecideForm";
import { BidForm } from "../features/bids/BidForm";
import { useDispute } from "../features/disputes/api";
import { DisputeView } from "../features/disputes/DisputeView";
import { BidsTable } from "../features/bids/BidsTable";
import { useCancelJob, useJob } from "../features/jobs/api";
import { PostJobForm } from "../features/jobs/PostJobForm";
import { ContractDocuments } from "../features/invoices/ContractDocuments";
import { useProducerLinks } from "../features/producers/api";
import { RecommendedWorkers } from "../features/producers/RecommendedWorkers";
import { date, yen } from "../ui/format";
import { FileList } from "../ui/FileList";
import { JobQuestions } from "../features/conversations/JobQuestions";
import { ContractThread } from "../features/conversations/ContractThread";
import { ContractPage } from "../features/contracts/ContractPage";
import { Pending } from "../ui/Pending";
import { Problem } from "../ui/Problem";

// Pages that compose several features live here, so that features never import one another.

export function HomePage({ account }: { account: Account | null }) {
  const { t } = useTranslation();
  if (account?.role === "worker") return <Navigate to="/jobs" replace />;
  if (account?.role === "business") return <Navigate to="/my-jobs" replace />;
  if (account?.role === "producer") return <Navigate to="/pipeline" replace />;
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

/** A job's page, for visitors too (the public board): signing up to bid brings the visitor back here. */
export function JobPage({ account }: { account: Account | null }) {
  const { t } = useTranslation();
  const { id = "" } = useParams();
  const job = useJob(id);
  // Only a producer acts on a job through its link to the client.
  const links = useProducerLinks(account?.role === "producer");
  const cancel = useCancelJob(id);
  if (job.isPending) return <Pending />;
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
        <span>
          {yen(j.budgetMin)} – {yen(j.budgetMax)}
        </span>
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
            {yen(j.budgetMin)} 〜 {yen(j.budgetMax)} {t("jobs.noticeTaxIncluded")}
          </dd>
          <dt>{t("jobs.noticeOrderer")}</dt>
          <dd>{j.businessName}</dd>
          <dt>{t("jobs.noticeQuestions")}</dt>
          <dd>{t("jobs.noticeQuestionsHow")}</dd>
        </dl>
      </section>
      {account && (j.files?.length ?? 0) > 0 && (
        <section aria-labelledby="job-files-title">
          <h2 id="job-files-title">{t("files.reference")}</h2>
          <FileList files={j.files ?? []} label={t("files.reference")} />
        </section>
      )}
      {j.confidentialFiles && (j.files?.length ?? 0) === 0 && <p className="notice">{t("files.confidentialHidden")}</p>}
      {account && <JobQuestions jobId={j.id} canAsk={account.role === "worker" && j.status === "open"} canAnswer={isOwner || !!link?.canPostJobs} />}
      {account?.role === "worker" && j.status === "open" && <BidForm job={j} />}
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

export function PostJobPage({ account }: { account: Account }) {
  const { t } = useTranslation();
  const links = useProducerLinks(account.role === "producer");
  if (account.role === "business")
    return (
      <section className="narrow">
        <h1>{t("postJob.heading")}</h1>
        <p>{t("postJob.lead")}</p>
        <PostJobForm />
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

/** An administrator's view of one dispute: the parties' file and, while open, the decision form. */
export function AdminDisputePage() {
  const { t } = useTranslation();
  const { id = "" } = useParams();
  const dispute = useDispute(id);
  return (
    <AdminLayout>
      {dispute.isPending ? (
        <Pending />
      ) : dispute.isError ? (
        <>
          <h1>{t("admin.disputes")}</h1>
          <Problem error={dispute.error} onRetry={() => void dispute.refetch()} />
        </>
      ) : (
        <>
          <DisputeView detail={dispute.data} canState={false} />
          {dispute.data.dispute.status === "open" && <DecideForm id={id} maxWorkerShare={dispute.data.maxWorkerShare} />}
        </>
      )}
    </AdminLayout>
  );
}

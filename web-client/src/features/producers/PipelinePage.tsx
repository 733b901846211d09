import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { date, yen } from "../../ui/format";
import { Pending } from "../../ui/Pending";
import { Problem } from "../../ui/Problem";
import { usePipeline } from "./api";

export function PipelinePage() {
  const { t } = useTranslation();
  const pipeline = usePipeline();
  if (pipeline.isPending) return <Pending />;
  if (pipeline.isError) return <Problem error={pipeline.error} onRetry={() => void pipeline.refetch()} />;
  const { atRisk = [], jobs = [] } = pipeline.data;
  return (
    <section>
      <h1>{t("pipeline.title")}</h1>
      <p>
        <Link className="button primary" to="/jobs/new">
          {t("pipeline.postForClient")}
        </Link>
      </p>
      <section aria-labelledby="at-risk-title">
        <h2 id="at-risk-title">{t("pipeline.atRisk")}</h2>
        {atRisk.length === 0 ? (
          <p>{t("pipeline.noneAtRisk")}</p>
        ) : (
          <ul className="cards">
            {atRisk.map((r) => (
              <li key={r.contract.id} className={`card ${r.overdue ? "overdue" : "soon"}`}>
                <h3>
                  <Link to={`/contracts/${r.contract.id}`}>{r.contract.jobTitle}</Link>
                </h3>
                <p className="meta">
                  <strong>{r.overdue ? t("pipeline.overdue") : t("pipeline.hoursLeft", { count: r.hoursLeft })}</strong>
                  <span>{t(`contractStatus.${r.contract.status}`)}</span>
                  <span>
                    {r.contract.businessName} → {r.contract.workerName}
                  </span>
                  <span>{t("contracts.dueOn", { date: date(r.contract.deadline) })}</span>
                </p>
              </li>
            ))}
          </ul>
        )}
      </section>
      {/* A heading only over jobs: a status with none is left out rather than shown as an empty section. */}
      {jobs.filter((group) => (group.jobs?.length ?? 0) > 0).map((group) => (
        <section key={group.status} aria-labelledby={`group-${group.status}`}>
          <h2 id={`group-${group.status}`}>
            {t(`jobStatus.${group.status ?? "open"}`)} ({group.jobs?.length ?? 0})
          </h2>
          <ul className="cards">
            {(group.jobs ?? []).map((job) => (
              <li key={job.id} className="card">
                <h3>
                  <Link to={`/jobs/${job.id}`}>{job.title}</Link>
                </h3>
                <p className="meta">
                  <span>{job.businessName}</span>
                  {/* What was agreed where a contract exists; the budget ceiling only while there is none. */}
                  <span>{job.contractAmount != null ? t("trust.contractAmount", { amount: yen(job.contractAmount) }) : t("trust.budgetUpTo", { amount: yen(job.budgetMax) })}</span>
                  {job.contractId && <Link to={`/contracts/${job.contractId}`}>{t("trust.openContract")}</Link>}
                  <span>{t("jobs.bidCount", { count: job.bidCount })}</span>
                  <span>{t("jobs.deadlineOn", { date: date(job.deadline) })}</span>
                </p>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </section>
  );
}

import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { Job } from "../../api/client";
import { date, yen } from "../../ui/format";

export function JobCard({ job }: { job: Job }) {
  const { t } = useTranslation();
  return (
    <li className="card">
      <h3>
        <Link to={`/jobs/${job.id}`}>{job.title}</Link>
      </h3>
      <p className="meta">
        <span className="tag">{t(`categories.${job.category}`)}</span>
        <span>
          {yen(job.budgetMin)} – {yen(job.budgetMax)}
        </span>
        <span>{t("jobs.deadlineOn", { date: date(job.deadline) })}</span>
        {job.region && <span>{job.region}</span>}
        <span>{t("jobs.bidCount", { count: job.bidCount })}</span>
        <span className={`status status-${job.status}`}>{t(`jobStatus.${job.status}`)}</span>
      </p>
      <p className="meta">{job.businessName}</p>
    </li>
  );
}

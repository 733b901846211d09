import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { Job } from "../../api/client";
import { date, yenRange } from "../../ui/format";
import { Marked } from "../../ui/Marked";

/** One job in a list; a search result marks where its words matched (ranges from the API, rendered as text). */
export function JobCard({ job }: { job: Job }) {
  const { t } = useTranslation();
  return (
    <li className="card">
      {/* h2: the cards sit under the page's h1 (axe heading-order). */}
      <h2 className="h3">
        <Link to={`/jobs/${job.id}`}>
          <Marked text={job.title} highlights={job.match?.titleHighlights} />
        </Link>
      </h2>
      <p className="meta">
        <span className="tag">{t(`categories.${job.category}`)}</span>
        <span>{yenRange(job.budgetMin, job.budgetMax)}</span>
        <span>{t("jobs.deadlineOn", { date: date(job.deadline) })}</span>
        {job.region && <span>{job.region}</span>}
        <span>{t("jobs.bidCount", { count: job.bidCount })}</span>
        <span className={`status status-${job.status}`}>{t(`jobStatus.${job.status}`)}</span>
        {job.membersOnly && <span className="tag">{t("jobs.membersOnly")}</span>}
      </p>
      {job.match && (
        <p className="snippet">
          <Marked text={job.match.snippet.text} highlights={job.match.snippet.highlights} />
        </p>
      )}
      <p className="meta">{job.businessName}</p>
    </li>
  );
}

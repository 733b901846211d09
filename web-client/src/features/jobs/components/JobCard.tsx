import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { Job } from "../../../api/client";
import { date, yen, yenRange } from "../../../ui/format";
import { Marked } from "../../../ui/Marked";

/** One job in a list; a search result marks where its words matched (ranges from the API, rendered as text). */
export function JobCard({ job, showStatus = true }: { job: Job; showStatus?: boolean }) {
  const { t } = useTranslation();
  return (
    <li className="card">
      {/* h2: the cards sit under the page's h1 (axe heading-order). */}
      <h2 className="h3">
        <Link to={job.format === "task" ? `/task-jobs/${job.id}` : job.format === "contest" ? `/contests/${job.id}` : `/jobs/${job.id}`} data-user-content>
          <Marked text={job.title} highlights={job.match?.titleHighlights} />
        </Link>
      </h2>
      <p className="meta">
        <span className="tag">{t(`categories.${job.category}`)}</span>
        {/* A task job pays per item: its price and the items still to take say more than a budget range. */}
        {job.format === "task" && job.pricePerItem != null ? (
          <>
            <span data-testid="task-price">{t("jobs.taskPrice", { price: yen(job.pricePerItem) })}</span>
            <span data-testid="task-left">{t("jobs.taskLeft", { n: job.itemsLeft ?? 0 })}</span>
          </>
        ) : (
          <span>{yenRange(job.budgetMin, job.budgetMax)}</span>
        )}
        <span>{t("jobs.deadlineOn", { date: date(job.deadline) })}</span>
        {job.region && <span data-user-content>{job.region}</span>}
        {job.format !== "task" && <span>{t("jobs.bidCount", { count: job.bidCount })}</span>}
        {/* On the open board every job is open: saying 募集中 on each card is noise. */}
        {showStatus && <span className={`status status-${job.status}`}>{t(`jobStatus.${job.status}`)}</span>}
        {job.membersOnly && <span className="tag">{t("jobs.membersOnly")}</span>}
        {job.beginners && <span className="tag beginner">{t("jobs.beginners")}</span>}
      </p>
      {job.match ? (
        <p className="snippet">
          <Marked text={job.match.snippet.text} highlights={job.match.snippet.highlights} />
        </p>
      ) : (
        <p className="summary" data-user-content>
          {/* The card shows two lines (CSS line-clamp): a phone need not lay out a description of thousands of characters
              twenty times only to hide it. 300 characters fill two lines at any width the site is used at. */}
          {summaryOf(job)}
        </p>
      )}
      <p className="meta" data-user-content>
        {job.businessName}
      </p>
    </li>
  );
}

/**
 * What a card shows of a job's description, at most 300 characters. A task job's instructions name each item's own
 * inputs as ##1##, ##2##… (filled in when a worker takes an item): a list shows them as "…", not as codes.
 */
function summaryOf(job: Job): string {
  const text = job.format === "task" ? job.description.replace(/##[0-9]{1,3}##/g, "…") : job.description;
  return text.length > 300 ? text.slice(0, 300) : text;
}

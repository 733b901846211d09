import "../../i18n/adminWords";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { date, yen } from "../../ui/format";
import { Pending } from "../../ui/Pending";
import { Problem } from "../../ui/Problem";
import { useDuePayouts } from "./api";

/** Released pay not yet transferred (a contract's, a milestone's, a team member's, a task job's), by its payment date: late and due-within-7-days first. */
export function DuePayoutsPage() {
  const { t } = useTranslation();
  const due = useDuePayouts();
  return (
    <section>
      <h1>{t("adminArea.due.title")}</h1>
      <p>{t("adminArea.due.lead")}</p>
      {due.isPending ? (
        <Pending />
      ) : due.isError ? (
        <Problem error={due.error} onRetry={() => void due.refetch()} />
      ) : due.data.length === 0 ? (
        <p>{t("adminArea.due.none")}</p>
      ) : (
        <ul className="cards">
          {due.data.map((d) => (
            <li key={`${d.milestoneId ?? d.contractId ?? d.jobId}:${d.workerId}`} className={d.late ? "card overdue" : "card"}>
              <h2 className="h3">
                {d.workerName}: {yen(d.net)}
              </h2>
              <p className="meta">
                <span className={d.dueSoon ? "status" : undefined}>{t("adminArea.due.dueOn", { date: date(d.paymentDueOn) })}</span>
                {d.late ? <span className="status">{t("adminArea.due.late")}</span> : d.dueSoon && <span className="status">{t("adminArea.due.soon")}</span>}
                {d.bankAccountMissing && (
                  <span className="status status-bankMissing" data-testid="bank-missing">
                    {t("adminArea.due.bankMissing")}
                  </span>
                )}
                {d.bankAccountHeld && <span className="status">{t("adminArea.due.bankHeld")}</span>}
                <span>
                  {/* A task job's page is where its pay comes from; a contract's page is its parties' only (no administrator reads it). */}
                  {d.contractId == null ? <Link to={`/task-jobs/${d.jobId}`}>{d.jobTitle}</Link> : d.jobTitle}
                  {d.milestoneTitle && t("adminArea.due.milestone", { title: d.milestoneTitle })}
                  {d.contractId == null && t("adminArea.due.taskJob")}
                </span>
              </p>
              {d.workerSuspended && <p className="notice">{t("adminArea.due.suspended")}</p>}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

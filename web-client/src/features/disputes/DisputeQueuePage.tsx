import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { dateTime, yen } from "../../ui/format";
import { Pending } from "../../ui/Pending";
import { Problem } from "../../ui/Problem";
import { useDisputes } from "./api";

/** The disputes waiting for a decision (or decided), newest first. */
export function DisputeQueuePage() {
  const { t } = useTranslation();
  const [status, setStatus] = useState<"open" | "decided">("open");
  const queue = useDisputes(status);
  return (
    <section>
      <h1>{t("admin.queueTitle")}</h1>
      <div className="choices" role="group" aria-label={t("admin.queueTitle")}>
        {(["open", "decided"] as const).map((s) => (
          <button key={s} type="button" aria-pressed={status === s} onClick={() => setStatus(s)}>
            {t(`admin.${s}`)}
          </button>
        ))}
      </div>
      {queue.isPending ? (
        <Pending />
      ) : queue.isError ? (
        <Problem error={queue.error} onRetry={() => void queue.refetch()} />
      ) : queue.data.items.length === 0 ? (
        <p>{t("admin.none")}</p>
      ) : (
        <ul className="cards">
          {queue.data.items.map((d) => (
            <li key={d.id} className="card">
              <h2 className="h3">
                <Link to={`/admin/disputes/${d.id}`}>{d.jobTitle}</Link>
              </h2>
              <p className="meta">
                <span>{yen(d.amount)}</span>
                <span>{d.businessName}</span>
                <span>{d.workerName}</span>
                <time dateTime={d.createdAt}>{dateTime(d.createdAt)}</time>
              </p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

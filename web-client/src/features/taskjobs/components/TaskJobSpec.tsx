import "../../../i18n/taskJobsWords";
import { useTranslation } from "react-i18next";
import type { TaskJob } from "../api";

/**
 * What the job asks of its workers, read-only, for whoever reads the page without working it (the business, its
 * producers, administrators): a trial found only the worker's item screen showed the instructions and the answer's
 * fields. The instructions are shown as written, ##1## placeholders and all, since that is what the business wrote and
 * checks; every field must be answered (the API refuses an empty one), so each is marked required.
 */
export function TaskJobSpec({ job }: { job: TaskJob }) {
  const { t } = useTranslation();
  const placeholders = /##[0-9]{1,3}##/.test(job.instructions);
  return (
    <section aria-labelledby="task-spec-title" className="task-spec" data-testid="task-spec">
      <h2 id="task-spec-title">{t("taskJobs.instructions")}</h2>
      <div className="instructions" data-user-content style={{ whiteSpace: "pre-wrap" }}>
        {job.instructions}
      </div>
      {placeholders && <p className="hint">{t("taskJobs.placeholdersRead")}</p>}
      <h3>{t("taskJobs.answerFields")}</h3>
      <ol className="task-spec-fields">
        {job.fields.map((f, i) => (
          <li key={i}>
            <span data-user-content>{f.label}</span>
            {f.kind === "text" && f.maxLength != null
              ? t("taskJobs.fieldFactsMax", { kind: t(`taskJobs.kinds.${f.kind}`), max: f.maxLength })
              : t("taskJobs.fieldFacts", { kind: t(`taskJobs.kinds.${f.kind}`) })}
            {f.kind === "choice" && (f.options ?? []).length > 0 && (
              <ul aria-label={t("taskJobs.options")} className="task-spec-options">
                {(f.options ?? []).map((o) => (
                  <li key={o} data-user-content>
                    {o}
                  </li>
                ))}
              </ul>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}

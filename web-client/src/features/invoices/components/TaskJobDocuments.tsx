import { useTranslation } from "react-i18next";
import { Loaded } from "../../../ui/Loaded";
import { DocumentCards } from "./DocumentCards";
import { useTaskJobDocuments, type ContractDocument } from "../api";
import "../../../i18n/dealWords";
import "../../../i18n/taskJobsWords";

/**
 * The worker a task job's document is for: the issuer of its invoice (or the one the operator issued it for, under
 * 媒介者交付特例), the recipient of the operator's fee invoice, the one the withholding notice is about.
 */
export const workerOf = (d: ContractDocument) => (d.kind === "platformInvoice" ? d.recipient : (d.onBehalfOf ?? d.issuer));

/**
 * A task job's documents after its close (issue 24), each opening as the A4 sheet a contract's documents open as: a
 * worker reads its own; the job's business reads each worker's, under the worker's name.
 */
export function TaskJobDocuments({ jobId, perWorker }: { jobId: string; perWorker: boolean }) {
  const { t } = useTranslation();
  const documents = useTaskJobDocuments(jobId);
  const sheetPath = (d: ContractDocument) => `/task-jobs/${jobId}/documents/${d.id}`;
  return (
    <section aria-labelledby="task-documents-heading">
      <h2 id="task-documents-heading">{t("documents.title")}</h2>
      <Loaded query={documents}>
        {(list) => {
          if (list.length === 0) return <p>{t("taskJobs.documentsNone")}</p>;
          if (!perWorker) return <DocumentCards list={list} sheetPath={sheetPath} />;
          const workers = [...new Map(list.map((d) => [workerOf(d).id ?? "", workerOf(d).name])).entries()];
          return workers.map(([id, name]) => (
            <section key={id} aria-label={t("taskJobs.documentsOf", { name })}>
              <h3 data-user-content>{t("taskJobs.documentsOf", { name })}</h3>
              <DocumentCards list={list.filter((d) => (workerOf(d).id ?? "") === id)} sheetPath={sheetPath} level={4} />
            </section>
          ));
        }}
      </Loaded>
    </section>
  );
}

import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { ApiError, type Account, type Job } from "../../../api/client";
import { FileList } from "../../../ui/FileList";
import { Pending } from "../../../ui/Pending";
import { Problem } from "../../../ui/Problem";
import { fileUrl } from "../../../ui/upload";
import { underNda, useAcceptNda, useConfidential, useNdaTemplate } from "../api";

/**
 * A job under an NDA on its page (issue 29): the confidential part (the full description and the files) for those who
 * may read it — the job's business and producers, a worker who accepted —, and for another worker the NDA to read and
 * accept. The API decides; the page only avoids asking for what it would refuse, and words the refusal it gets
 * (ndaRequired, identityNotVerified) with what to do next.
 */
export function JobNda({ job, account, isParty }: { job: Job; account: Account | null; isParty: boolean }) {
  const { t, i18n } = useTranslation();
  const isWorker = account?.role === "worker";
  const mayRead = isParty || (isWorker && job.ndaAccepted === true);
  const confidential = useConfidential(job.id, underNda(job) && mayRead);
  const accept = useAcceptNda(job.id);
  const template = useNdaTemplate(job.nda === "template" && isWorker && !mayRead);
  if (!underNda(job)) return null;
  if (mayRead)
    return (
      <section aria-labelledby="confidential-title">
        <h2 id="confidential-title">{t("nda.confidentialTitle")}</h2>
        {isWorker && <p className="hint">{t("nda.accepted")}</p>}
        {confidential.isPending ? (
          <Pending />
        ) : confidential.isError ? (
          <Problem error={confidential.error} onRetry={() => void confidential.refetch()} />
        ) : (
          <>
            <p className="message" data-user-content>
              {confidential.data.fullDescription || t("nda.noFullDescription")}
            </p>
            {confidential.data.files.length > 0 && (
              <>
                <h3>{t("nda.confidentialFiles")}</h3>
                <FileList files={confidential.data.files} label={t("nda.confidentialFiles")} />
              </>
            )}
          </>
        )}
      </section>
    );
  if (!isWorker)
    return <p className="notice">{account ? t("nda.workersOnly") : t("nda.signIn")}</p>;
  const identityMissing = accept.error instanceof ApiError && accept.error.code === "identityNotVerified";
  return (
    <section className="panel" aria-labelledby="nda-title">
      <h2 id="nda-title">{t("nda.title")}</h2>
      <p>{t("nda.lead")}</p>
      {job.verifiedOnly && <p className="notice">{t("nda.verifiedOnly")}</p>}
      {job.nda === "template" && template.data && (
        <details>
          <summary>{t("nda.readTemplate", { version: template.data.version })}</summary>
          <p className="message">{i18n.language === "en" ? template.data.english : template.data.japanese}</p>
        </details>
      )}
      {job.nda === "file" && job.ndaFileId && (
        <p>
          <a href={fileUrl(job.ndaFileId)} target="_blank" rel="noreferrer">
            {t("nda.readFile")}
          </a>
        </p>
      )}
      <Problem error={accept.error} />
      {identityMissing && (
        <p>
          <Link to="/programmes">{t("nda.askIdentityCheck")}</Link>
        </p>
      )}
      <button type="button" className="primary" disabled={accept.isPending} onClick={() => accept.mutate()}>
        {t("nda.accept")}
      </button>
    </section>
  );
}

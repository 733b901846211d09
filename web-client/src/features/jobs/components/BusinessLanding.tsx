import { useTranslation } from "react-i18next";
import { Link, Navigate } from "react-router";
import { Pending } from "../../../ui/Pending";
import { useJobs } from "../api";

/** A business's first page: how it works and 仕事を依頼する while it has posted no job, else its jobs. */
export function BusinessLanding() {
  const { t } = useTranslation();
  const jobs = useJobs({ mine: true });
  if (jobs.isPending) return <Pending />;
  if ((jobs.data?.pages[0]?.items.length ?? 0) > 0 || jobs.isError) return <Navigate to="/my-jobs" replace />;
  return (
    <section className="narrow welcome" aria-labelledby="welcome-title">
      <h1 id="welcome-title">{t("words.businessWelcome")}</h1>
      <p>{t("words.businessHow1")}</p>
      <p>{t("words.businessHow2")}</p>
      <p className="actions">
        <Link className="button primary" to="/jobs/new">
          {t("nav.postJob")}
        </Link>
      </p>
    </section>
  );
}

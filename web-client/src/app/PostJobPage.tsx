import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { Account } from "../api/client";
import { PostJobForm } from "../features/jobs/components/PostJobForm";
import { useProducerLinks } from "../features/producers/api";
import { Pending } from "../ui/Pending";
import { Problem } from "../ui/Problem";

/** A business posts its own job; a producer posts for a client whose link lets it. */
export function PostJobPage({ account }: { account: Account }) {
  const { t } = useTranslation();
  // A business's links too: the quality-gate box shows only when it has a producer to check the work.
  const links = useProducerLinks();
  if (account.role === "business")
    return (
      <section className="narrow">
        <h1>{t("postJob.heading")}</h1>
        <p>{t("postJob.lead")}</p>
        {/* The other ways of working have forms of their own: many small items paid per approved item (タスク形式), and
            proposals to choose one from for a prize (コンペ形式). */}
        <ul className="inline-list">
          <li>
            <Link to="/task-jobs/new">{t("postJob.taskLink")}</Link>
          </li>
          <li>
            <Link to="/contests/new">{t("postJob.contestLink")}</Link>
          </li>
        </ul>
        <PostJobForm canAskReview={!!links.data?.some((l) => l.status === "active")} />
      </section>
    );
  if (links.isPending) return <Pending />;
  if (links.isError) return <Problem error={links.error} onRetry={() => void links.refetch()} />;
  const clients = links.data.filter((l) => l.status === "active" && l.canPostJobs).map((l) => ({ id: l.businessId, name: l.businessName }));
  return (
    <section className="narrow">
      <h1>{t("postJob.headingForClient")}</h1>
      {clients.length === 0 ? <p>{t("postJob.noClients")}</p> : <PostJobForm clients={clients} />}
    </section>
  );
}

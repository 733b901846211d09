import { useTranslation } from "react-i18next";
import { Link, Navigate } from "react-router";
import type { Account } from "../api/client";
import { BusinessLanding } from "../features/jobs/components/BusinessLanding";
import { ProducerLanding } from "../features/producers/components/ProducerLanding";
import { BankAccountNotice } from "../features/payouts/components/BankAccountNotice";
import { WorkerLanding } from "../features/workers/components/WorkerLanding";

/**
 * The site's front page: who it is for, to a visitor. Onboarding (issue 13): a new account lands where its first step
 * is. A worker without a profile goes to the profile (which says why it matters); a business without jobs sees how it
 * works and 仕事を依頼する; a producer without clients sees how a client links. Once past the first step, each lands on
 * its usual page.
 */
export function HomePage({ account }: { account: Account | null }) {
  const { t } = useTranslation();
  if (account?.role === "worker")
    return (
      <>
        <BankAccountNotice />
        <WorkerLanding account={account} />
      </>
    );
  if (account?.role === "business") return <BusinessLanding />;
  if (account?.role === "producer") return <ProducerLanding account={account} />;
  if (account?.role === "administrator") return <Navigate to="/admin" replace />;
  if (account) return <Navigate to="/jobs" replace />;
  return (
    <section className="welcome">
      <h1>{t("home.title")}</h1>
      <p>{t("home.lead")}</p>
      <ul className="cards three">
        <li className="card">
          <h2 className="h3">{t("roles.worker")}</h2>
          <p>{t("home.worker")}</p>
        </li>
        <li className="card">
          <h2 className="h3">{t("roles.business")}</h2>
          <p>{t("home.business")}</p>
        </li>
        <li className="card">
          <h2 className="h3">{t("roles.producer")}</h2>
          <p>{t("home.producer")}</p>
        </li>
      </ul>
      <p className="actions">
        <Link className="button primary" to="/signup">
          {t("auth.signUp")}
        </Link>
        <Link className="button" to="/signin">
          {t("auth.signIn")}
        </Link>
      </p>
    </section>
  );
}

import { useTranslation } from "react-i18next";
import { Link, Navigate } from "react-router";
import type { Account } from "../../../api/client";
import { Pending } from "../../../ui/Pending";
import { useProducerLinks } from "../api";

/** A producer's first page: how a client links (by the producer's email) while it has none, else the pipeline. */
export function ProducerLanding({ account }: { account: Account }) {
  const { t } = useTranslation();
  const links = useProducerLinks();
  if (links.isPending) return <Pending />;
  if ((links.data?.length ?? 0) > 0 || links.isError) return <Navigate to="/pipeline" replace />;
  return (
    <section className="narrow welcome" aria-labelledby="welcome-title">
      <h1 id="welcome-title">{t("words.producerWelcome")}</h1>
      <p>{t("words.producerHow1")}</p>
      <p>{t("words.producerHow2")}</p>
      <p>
        <strong>{t("words.producerEmail", { email: account.email })}</strong>
      </p>
      <p className="actions">
        <Link className="button primary" to="/producers">
          {t("words.producerLinks")}
        </Link>
      </p>
    </section>
  );
}

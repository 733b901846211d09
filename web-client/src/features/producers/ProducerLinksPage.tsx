import { useTranslation } from "react-i18next";
import type { Account } from "../../api/client";
import { date } from "../../ui/format";
import { Loaded } from "../../ui/Loaded";
import { Problem } from "../../ui/Problem";
import { useChangeLink, useProducerLinks } from "./api";
import { LinkForm } from "./components/LinkForm";

/** A business links producers and says what they may do; a producer sees the same links as its clients. */
export function ProducerLinksPage({ account }: { account: Account }) {
  const { t } = useTranslation();
  const links = useProducerLinks();
  const change = useChangeLink();
  const isProducer = account.role === "producer";
  return (
    <section>
      <h1>{isProducer ? t("links.clientsTitle") : t("links.producersTitle")}</h1>
      {!isProducer && <LinkForm />}
      <Problem error={change.error} />
      <Loaded query={links}>
      {(data) => data.length === 0 ? (
        <p>{isProducer ? t("links.noClients") : t("links.noProducers")}</p>
      ) : (
        <ul className="cards">
          {data.map((link) => (
            <li key={link.id} className="card">
              <h2 className="h3">{isProducer ? link.businessName : link.producerName}</h2>
              <p className="meta">
                <span className={`status status-${link.status}`}>{t(`linkStatus.${link.status}`)}</span>
                <span>{link.canPostJobs ? t("links.mayPost") : t("links.mayNotPost")}</span>
                <span>{link.canAward ? t("links.mayAward") : t("links.mayNotAward")}</span>
                <span>{t("links.feeValue", { percent: (link.feeRate * 100).toFixed(2) })}</span>
                <span>{date(link.createdAt)}</span>
              </p>
              <div className="actions">
                {isProducer && link.status === "pending" && (
                  <>
                    <button type="button" className="primary" disabled={change.isPending} onClick={() => change.mutate({ id: link.id, change: "accept" })}>
                      {t("links.accept")}
                    </button>
                    <button type="button" disabled={change.isPending} onClick={() => change.mutate({ id: link.id, change: "decline" })}>
                      {t("links.decline")}
                    </button>
                  </>
                )}
                {(link.status === "active" || (!isProducer && link.status === "pending")) && (
                  <button type="button" disabled={change.isPending} onClick={() => change.mutate({ id: link.id, change: "end" })}>
                    {t("links.end")}
                  </button>
                )}
              </div>
            </li>
          ))}
        </ul>
      )}
      </Loaded>
    </section>
  );
}

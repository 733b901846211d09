import "../../i18n/adminWords";
import { useTranslation } from "react-i18next";
import { dateTime } from "../../ui/format";
import { LoadMore } from "../../ui/LoadMore";
import { Pending } from "../../ui/Pending";
import { Problem } from "../../ui/Problem";
import { useAuditTrail } from "./api";
import { AuditEntryDetail } from "./components/AuditEntryDetail";

/** The administrators' audit trail, newest first: who did what, when and from where. */
export function AuditPage() {
  const { t } = useTranslation();
  const trail = useAuditTrail();
  const items = trail.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <section>
      <h1>{t("adminArea.audit.title")}</h1>
      <p>{t("adminArea.audit.lead")}</p>
      {trail.isPending ? (
        <Pending />
      ) : trail.isError ? (
        <Problem error={trail.error} onRetry={() => void trail.refetch()} />
      ) : items.length === 0 ? (
        <p>{t("adminArea.audit.none")}</p>
      ) : (
        <>
          <ul className="cards">
            {items.map((e) => (
              <li key={e.id} className="card">
                <h2 className="h3">{t(`adminArea.audit.actions.${e.action}`)}</h2>
                <p className="meta">
                  <time dateTime={e.createdAt}>{dateTime(e.createdAt)}</time>
                  <span>{e.administratorName}</span>
                  {e.clientAddress && <span>{t("adminArea.audit.from", { address: e.clientAddress })}</span>}
                </p>
                <dl className="pairs">
                  <div>
                    <dt>{t("adminArea.audit.object")}</dt>
                    <dd className="wrap-anywhere">{e.objectId}</dd>
                  </div>
                </dl>
                <AuditEntryDetail entry={e} />
              </li>
            ))}
          </ul>
          <LoadMore hasMore={!!trail.hasNextPage} loading={trail.isFetchingNextPage} onMore={() => void trail.fetchNextPage()} />
        </>
      )}
    </section>
  );
}

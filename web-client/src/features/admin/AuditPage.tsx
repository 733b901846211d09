import { useTranslation } from "react-i18next";
import type { TFunction } from "i18next";
import type { Role } from "../../api/client";
import { date, dateTime, yen } from "../../ui/format";
import { LoadMore } from "../../ui/LoadMore";
import { Pending } from "../../ui/Pending";
import { Problem } from "../../ui/Problem";
import { useAuditTrail, type AuditEntry } from "./api";

/** The detail fields the trail records, labelled in the reader's language; amounts in yen, days as dates. */
const detailKinds = {
  contractId: "id",
  batchId: "id",
  workerId: "id",
  amount: "yen",
  workerShare: "yen",
  refund: "yen",
  totalNet: "yen",
  totalFees: "yen",
  net: "yen",
  count: "number",
  cutoff: "dateTime",
  transferOn: "date",
  paidOn: "date",
  role: "role",
  email: "text",
  note: "text",
  reason: "text",
  suspendedReason: "text",
} as const;

type DetailKey = keyof typeof detailKinds;

function detailValue(t: TFunction, key: DetailKey, value: unknown): string {
  if (value === null || value === undefined) return "";
  switch (detailKinds[key]) {
    case "yen":
      return typeof value === "number" ? yen(value) : String(value);
    case "number":
      return typeof value === "number" ? value.toLocaleString() : String(value);
    case "dateTime":
      return dateTime(String(value));
    case "date":
      return date(String(value));
    case "role":
      return t(`roles.${value as Role}`);
    default:
      return String(value);
  }
}

/** What an action changed, as labelled pairs; a field this client does not know yet is left out rather than shown raw. */
function Detail({ entry }: { entry: AuditEntry }) {
  const { t } = useTranslation();
  const detail = (entry.detail ?? {}) as Record<string, unknown>;
  const known = Object.keys(detail).filter((k): k is DetailKey => k in detailKinds && detail[k] !== null && detail[k] !== undefined);
  if (known.length === 0) return null;
  return (
    <dl className="pairs">
      {known.map((k) => (
        <div key={k}>
          <dt>{t(`adminArea.audit.details.${k}`)}</dt>
          <dd className={detailKinds[k] === "id" || k === "email" ? "wrap-anywhere" : "message"}>{detailValue(t, k, detail[k])}</dd>
        </div>
      ))}
    </dl>
  );
}

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
                <Detail entry={e} />
              </li>
            ))}
          </ul>
          <LoadMore hasMore={!!trail.hasNextPage} loading={trail.isFetchingNextPage} onMore={() => void trail.fetchNextPage()} />
        </>
      )}
    </section>
  );
}

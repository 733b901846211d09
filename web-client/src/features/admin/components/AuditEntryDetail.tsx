import "../../../i18n/adminWords";
import { useTranslation } from "react-i18next";
import type { TFunction } from "i18next";
import type { Role } from "../../../api/client";
import { date, dateTime, yen } from "../../../ui/format";
import type { AuditEntry } from "../api";

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
export function AuditEntryDetail({ entry }: { entry: AuditEntry }) {
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

import "../../i18n/adminWords";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { date, dateTime, yen } from "../../ui/format";
import { Pending } from "../../ui/Pending";
import { Problem } from "../../ui/Problem";
import { usePayoutBatch, zenginFileUrl } from "./api";
import { MarkPaidForm } from "./components/MarkPaidForm";
import { PayoutCard } from "./components/PayoutCard";

/** One batch: its totals, the Zengin file, marking it paid, its transfers and recording a returned one. */
export function PayoutBatchPage() {
  const { t } = useTranslation();
  const { id = "" } = useParams();
  const batch = usePayoutBatch(id);
  if (batch.isPending) return <Pending />;
  if (batch.isError) return <Problem error={batch.error} onRetry={() => void batch.refetch()} />;
  const b = batch.data;
  return (
    <section>
      <p>
        <Link to="/admin/payout-batches">{t("adminArea.batches.back")}</Link>
      </p>
      <h1>{t("adminArea.batches.detailTitle", { date: dateTime(b.cutoff) })}</h1>
      <p className="meta">
        <span className="status">{t(`adminArea.batches.${b.status}`)}</span>
        <span>{t("adminArea.batches.count", { count: b.count })}</span>
        <span>{t("adminArea.batches.totalNet", { amount: yen(b.totalNet) })}</span>
        <span>{t("adminArea.batches.totalFees", { amount: yen(b.totalFees) })}</span>
        <span>{t("adminArea.batches.transferOnDate", { date: date(b.transferOn) })}</span>
        {b.paidOn && <span>{t("adminArea.batches.paidOnDate", { date: date(b.paidOn) })}</span>}
      </p>
      <p className="actions">
        <a className="button primary" href={zenginFileUrl(b.id)} download>
          {t("adminArea.batches.download")}
        </a>
      </p>
      <p className="hint">{t("adminArea.batches.downloadHint")}</p>
      {b.status === "gathered" && <MarkPaidForm batch={b} />}
      <h2>{t("adminArea.batches.payouts")}</h2>
      <ul className="cards">
        {(b.payouts ?? []).map((p) => (
          <li key={p.id} className="card">
            <PayoutCard batch={b} payout={p} />
          </li>
        ))}
      </ul>
    </section>
  );
}

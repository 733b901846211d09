import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { limits } from "../../api/limits.gen";
import { date, dateTime, yen } from "../../ui/format";
import { Field } from "../../ui/Field";
import { Pending } from "../../ui/Pending";
import { Problem } from "../../ui/Problem";
import { Submit } from "../../ui/Submit";
import { apiErrorsFor, textErrors } from "../../ui/validation";
import { useMarkBatchPaid, usePayoutBatch, useRecordReturn, zenginFileUrl, type PayoutBatch } from "./api";

/** Today in Japan as yyyy-mm-dd: the banks' day, whatever the administrator's computer says. */
function todayInJapan(): string {
  return new Intl.DateTimeFormat("sv-SE", { timeZone: "Asia/Tokyo" }).format(new Date());
}

type BatchPayout = NonNullable<PayoutBatch["payouts"]>[number];

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

function MarkPaidForm({ batch }: { batch: PayoutBatch }) {
  const { t } = useTranslation();
  const mark = useMarkBatchPaid(batch.id);
  const [paidOn, setPaidOn] = useState(todayInJapan);
  function send(e: FormEvent) {
    e.preventDefault();
    if (!paidOn) return;
    if (!window.confirm(t("adminArea.batches.markPaidAsk", { count: batch.count, amount: yen(batch.totalNet) }))) return;
    mark.mutate(paidOn);
  }
  return (
    <form onSubmit={send} noValidate className="panel" aria-labelledby="mark-paid-title">
      <h2 id="mark-paid-title">{t("adminArea.batches.markPaidTitle")}</h2>
      <p>{t("adminArea.batches.markPaidText")}</p>
      <Field label={t("adminArea.batches.paidOn")} errors={paidOn ? [] : [t("validation.required")]} apiErrors={apiErrorsFor(mark.error, "paidOn")}>
        {(p) => <input {...p} type="date" required value={paidOn} onChange={(e) => setPaidOn(e.target.value)} />}
      </Field>
      <Problem error={mark.error} />
      <div className="actions">
        <Submit busy={mark.isPending}>{t("adminArea.batches.markPaid")}</Submit>
      </div>
    </form>
  );
}

function PayoutCard({ batch, payout }: { batch: PayoutBatch; payout: BatchPayout }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <article aria-labelledby={`payout-${payout.id}`}>
      <h3 id={`payout-${payout.id}`}>
        {payout.workerName}: {yen(payout.net)}
      </h3>
      <dl className="pairs">
        <dt>{t("adminArea.batches.account")}</dt>
        <dd>
          {payout.bankCode}-{payout.branchCode} {t(`accountType.${payout.accountType}`)} {payout.accountNumber}
        </dd>
        <dt>{t("adminArea.batches.holder")}</dt>
        <dd>{payout.holderName}</dd>
        <dt>{t("adminArea.batches.fee")}</dt>
        <dd>{yen(payout.transferFee)}</dd>
      </dl>
      <p className="meta">
        <span className="status">{t(`adminArea.batches.status.${payout.status}`)}</span>
      </p>
      {payout.returnedReason && <p className="message">{t("adminArea.batches.returnedBecause", { reason: payout.returnedReason })}</p>}
      {batch.status === "paid" && payout.status === "paid" &&
        (open ? (
          <ReturnForm batch={batch} payout={payout} onClose={() => setOpen(false)} />
        ) : (
          <div className="actions">
            <button type="button" onClick={() => setOpen(true)}>
              {t("adminArea.batches.returnTitle")}
              <span className="visually-hidden">: {payout.workerName}</span>
            </button>
          </div>
        ))}
    </article>
  );
}

function ReturnForm({ batch, payout, onClose }: { batch: PayoutBatch; payout: BatchPayout; onClose: () => void }) {
  const { t } = useTranslation();
  const record = useRecordReturn(batch.id);
  const [reason, setReason] = useState("");
  const [touched, setTouched] = useState(false);
  const reasonErrors = textErrors(t, reason, limits["Payouts.RecordReturnedPayout.Command"].reason);
  function send(e: FormEvent) {
    e.preventDefault();
    setTouched(true);
    if (reasonErrors.length) return;
    if (!window.confirm(t("adminArea.batches.returnAsk", { name: payout.workerName, amount: yen(payout.net) }))) return;
    record.mutate({ workerId: payout.workerId, reason: reason.trim() }, { onSuccess: onClose });
  }
  return (
    <form onSubmit={send} noValidate className="confirm" aria-labelledby={`return-${payout.id}`}>
      <h4 id={`return-${payout.id}`}>{t("adminArea.batches.returnTitle")}</h4>
      <Field label={t("adminArea.batches.returnReason")} errors={touched ? reasonErrors : []} apiErrors={apiErrorsFor(record.error, "reason")}>
        {(p) => <input {...p} value={reason} onChange={(e) => setReason(e.target.value)} />}
      </Field>
      <Problem error={record.error} />
      <div className="actions">
        <Submit busy={record.isPending}>{t("adminArea.batches.returnButton")}</Submit>
        <button type="button" onClick={onClose}>
          {t("adminArea.users.cancel")}
        </button>
      </div>
    </form>
  );
}

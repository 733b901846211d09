import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router";
import { ApiError } from "../../api/client";
import { date, dateTime, yen } from "../../ui/format";
import { Field } from "../../ui/Field";
import { LoadMore } from "../../ui/LoadMore";
import { Pending } from "../../ui/Pending";
import { Problem } from "../../ui/Problem";
import { Submit } from "../../ui/Submit";
import { apiErrorsFor } from "../../ui/validation";
import { useCreatePayoutBatch, usePayoutBatches } from "./api";

/**
 * "2026-11-21T19:12:05" in the browser's own time zone: what a datetime-local box with seconds shows and takes. Seconds,
 * because a cutoff at the start of the minute would leave out what was released a moment ago.
 */
export function localDateTimeValue(at: Date): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}T${pad(at.getHours())}:${pad(at.getMinutes())}:${pad(at.getSeconds())}`;
}

/** Payout batches, newest first, and the form that gathers a new one. */
export function PayoutBatchesPage() {
  const { t } = useTranslation();
  const batches = usePayoutBatches();
  const items = batches.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <section>
      <h1>{t("adminArea.batches.title")}</h1>
      <p>{t("adminArea.batches.lead")}</p>
      <CreateBatchForm />
      <h2>{t("adminArea.batches.listTitle")}</h2>
      {batches.isPending ? (
        <Pending />
      ) : batches.isError ? (
        <Problem error={batches.error} onRetry={() => void batches.refetch()} />
      ) : items.length === 0 ? (
        <p>{t("adminArea.batches.none")}</p>
      ) : (
        <>
          <ul className="cards">
            {items.map((b) => (
              <li key={b.id} className="card">
                <h3>
                  <Link to={`/admin/payout-batches/${b.id}`}>{t("adminArea.batches.detailTitle", { date: dateTime(b.cutoff) })}</Link>
                </h3>
                <p className="meta">
                  <span className="status">{t(`adminArea.batches.${b.status}`)}</span>
                  <span>{t("adminArea.batches.count", { count: b.count })}</span>
                  <span>{t("adminArea.batches.totalNet", { amount: yen(b.totalNet) })}</span>
                  <span>{t("adminArea.batches.transferOnDate", { date: date(b.transferOn) })}</span>
                  {b.paidOn && <span>{t("adminArea.batches.paidOnDate", { date: date(b.paidOn) })}</span>}
                </p>
              </li>
            ))}
          </ul>
          <LoadMore hasMore={!!batches.hasNextPage} loading={batches.isFetchingNextPage} onMore={() => void batches.fetchNextPage()} />
        </>
      )}
    </section>
  );
}

function CreateBatchForm() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const create = useCreatePayoutBatch();
  const [cutoff, setCutoff] = useState(() => localDateTimeValue(new Date()));
  const [transferOn, setTransferOn] = useState("");
  const cutoffErrors = cutoff && !Number.isNaN(new Date(cutoff).getTime()) ? [] : [t("validation.required")];
  function send(e: FormEvent) {
    e.preventDefault();
    if (cutoffErrors.length) return;
    create.mutate(
      { cutoff: new Date(cutoff).toISOString(), ...(transferOn ? { transferOn } : {}) },
      { onSuccess: (batch) => navigate(`/admin/payout-batches/${batch.id}`) },
    );
  }
  const nobody = create.error instanceof ApiError && create.error.status === 409;
  return (
    <form onSubmit={send} noValidate className="panel" aria-labelledby="create-batch-title">
      <h2 id="create-batch-title">{t("adminArea.batches.createTitle")}</h2>
      <Field label={t("adminArea.batches.cutoff")} hint={t("adminArea.batches.cutoffHint")} errors={cutoffErrors} apiErrors={apiErrorsFor(create.error, "cutoff")}>
        {(p) => <input {...p} type="datetime-local" step={1} required value={cutoff} onChange={(e) => setCutoff(e.target.value)} />}
      </Field>
      <Field label={t("adminArea.batches.transferOn")} hint={t("adminArea.batches.transferOnHint")} apiErrors={apiErrorsFor(create.error, "transferOn")}>
        {(p) => <input {...p} type="date" value={transferOn} onChange={(e) => setTransferOn(e.target.value)} />}
      </Field>
      {nobody ? (
        <p className="problem" role="alert">
          {t("adminArea.batches.nobody")}
        </p>
      ) : (
        <Problem error={create.error} />
      )}
      <div className="actions">
        <Submit busy={create.isPending}>{t("adminArea.batches.create")}</Submit>
      </div>
    </form>
  );
}

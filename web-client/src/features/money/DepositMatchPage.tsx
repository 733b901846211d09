import "../../i18n/adminWords";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { ApiError, type Schemas } from "../../api/client";
import { date, yen } from "../../ui/format";
import { Field } from "../../ui/Field";
import { Problem } from "../../ui/Problem";
import { Submit } from "../../ui/Submit";
import { apiErrorsFor } from "../../ui/validation";
import { statementText, useConfirmTransfers, useMatchDeposits, type DepositMatches } from "./api";

type Deposit = Schemas["Money.Deposit"];

/**
 * An administrator reads the bank's statement (a 全銀 file or a CSV, Shift_JIS or UTF-8) against the payments into
 * escrow: the deposits whose payment number and amount match a pending payment are listed to be confirmed in one step;
 * the rest are listed with why not. Nothing is confirmed by reading the file.
 */
export function DepositMatchPage() {
  const { t } = useTranslation();
  const match = useMatchDeposits();
  const confirm = useConfirmTransfers();
  const [file, setFile] = useState<File | null>(null);
  const [result, setResult] = useState<DepositMatches | null>(null);
  const [confirmedCount, setConfirmedCount] = useState<number | null>(null);

  async function read(e: FormEvent) {
    e.preventDefault();
    if (!file) return;
    setConfirmedCount(null);
    confirm.reset();
    const text = await statementText(file);
    match.mutate({ text, fileName: file.name }, { onSuccess: setResult });
  }

  const payer = (d: Deposit) => (
    <>
      {t("adminArea.matches.line", { line: d.line })}
      {d.date && ` · ${date(d.date)}`} · {t("adminArea.matches.payer", { name: d.payerName })} · <strong>{yen(d.amount)}</strong>
    </>
  );

  function confirmAll() {
    if (!result) return;
    const total = result.matched.reduce((sum, m) => sum + m.payment.amount, 0);
    if (!window.confirm(t("adminArea.matches.confirmAsk", { count: result.matched.length, amount: yen(total) }))) return;
    confirm.mutate(
      result.matched.map((m) => ({ id: m.payment.id, note: t("adminArea.matches.note", { date: m.deposit.date ?? "", name: m.deposit.payerName }).trim() })),
      { onSuccess: (done) => (setConfirmedCount(done.count), setResult(null)) },
    );
  }

  const stale = confirm.error instanceof ApiError && confirm.error.code === "paymentNotPending";
  return (
    <section>
      <p>
        <Link to="/admin/transfers">{t("adminArea.matches.back")}</Link>
      </p>
      <h1>{t("adminArea.matches.title")}</h1>
      <p>{t("adminArea.matches.lead")}</p>
      <form onSubmit={read} noValidate className="form">
        <Field label={t("adminArea.matches.file")} hint={t("adminArea.matches.fileHint")} apiErrors={apiErrorsFor(match.error, "text")}>
          {(p) => <input {...p} type="file" accept=".csv,.txt,.dat,text/csv,text/plain" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />}
        </Field>
        <Problem error={match.error instanceof ApiError && match.error.status === 400 ? null : match.error} />
        <Submit busy={match.isPending}>{t("adminArea.matches.read")}</Submit>
      </form>
      <p role="status" className="success">
        {confirmedCount != null && t("adminArea.matches.confirmed", { count: confirmedCount })}
      </p>
      {result && (
        <>
          <p>{t("adminArea.matches.deposits", { count: result.deposits })}</p>
          <h2>{t("adminArea.matches.matchedTitle")}</h2>
          {result.matched.length === 0 ? (
            <p>{t("adminArea.matches.noneMatched")}</p>
          ) : (
            <>
              <ul className="cards" data-testid="matched">
                {result.matched.map((m) => (
                  <li key={m.payment.id} className="card">
                    <p>{payer(m.deposit)}</p>
                    <p className="meta">
                      <strong className="reference">{t("adminArea.transfers.reference", { reference: m.payment.reference ?? "" })}</strong>
                      <span>{m.payment.businessName}</span>
                      <span>{m.payment.jobTitle}</span>
                    </p>
                  </li>
                ))}
              </ul>
              {stale ? (
                <p className="problem" role="alert">
                  {t("adminArea.matches.stale")}
                </p>
              ) : (
                <Problem error={confirm.error} />
              )}
              <p className="actions">
                <button type="button" className="primary" disabled={confirm.isPending} aria-busy={confirm.isPending} onClick={confirmAll}>
                  {confirm.isPending ? t("common.sending") : t("adminArea.matches.confirmAll", { count: result.matched.length })}
                </button>
              </p>
            </>
          )}
          {result.unmatched.length > 0 && (
            <>
              <h2>{t("adminArea.matches.unmatchedTitle")}</h2>
              <ul className="cards" data-testid="unmatched">
                {result.unmatched.map((m) => (
                  <li key={m.deposit.line} className="card">
                    <p>{payer(m.deposit)}</p>
                    <p className="field-error">{t(`adminArea.matches.reasons.${m.reason}`, { amount: yen(m.payment?.amount ?? 0) })}</p>
                    {m.payment && (
                      <p className="meta">
                        <strong className="reference">{t("adminArea.transfers.reference", { reference: m.payment.reference ?? "" })}</strong>
                        <span>{m.payment.businessName}</span>
                        <span>{m.payment.jobTitle}</span>
                      </p>
                    )}
                    {(m.candidates ?? []).length > 0 && (
                      <p className="meta">
                        {t("adminArea.matches.candidates")}
                        {(m.candidates ?? []).map((c) => `${c.reference ?? ""} ${c.businessName}（${c.jobTitle}）`).join("、")}
                      </p>
                    )}
                  </li>
                ))}
              </ul>
            </>
          )}
        </>
      )}
    </section>
  );
}

import "../../i18n/adminWords";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { yen } from "../../ui/format";
import { Field } from "../../ui/Field";
import { Pending } from "../../ui/Pending";
import { Problem } from "../../ui/Problem";
import { usePendingTransfers, type PendingTransfer } from "./api";
import { TransferCard } from "./components/TransferCard";

/**
 * The transfers businesses made into escrow, oldest first, each with its payment number (written before the payer's
 * name), payer, amount and due date, confirmed against the bank with an optional note; searched by payment number, so
 * that two transfers of one amount from one business are told apart. A bank statement is matched on its own page.
 */
export function TransfersPage() {
  const { t } = useTranslation();
  const [typed, setTyped] = useState("");
  const [reference, setReference] = useState("");
  const transfers = usePendingTransfers(reference);
  // What was just confirmed, worded at render so that switching the language rewords it too.
  const [done, setDone] = useState<PendingTransfer | null>(null);
  function search(e: FormEvent) {
    e.preventDefault();
    setReference(typed.trim());
  }
  return (
    <section>
      <h1>{t("adminArea.transfers.title")}</h1>
      <p>{t("adminArea.transfers.lead")}</p>
      <p>
        <Link to="/admin/transfers/match">{t("adminArea.transfers.matchLink")}</Link>
      </p>
      <form className="search-row" onSubmit={search} role="search" noValidate>
        <Field label={t("adminArea.transfers.search")} hint={t("adminArea.transfers.searchHint")}>
          {(p) => <input {...p} inputMode="numeric" autoComplete="off" value={typed} onChange={(e) => setTyped(e.target.value)} />}
        </Field>
        <div className="actions">
          <button type="submit">{t("adminArea.transfers.find")}</button>
          {reference && (
            <button type="button" onClick={() => (setTyped(""), setReference(""))}>
              {t("adminArea.transfers.showPending")}
            </button>
          )}
        </div>
      </form>
      <p role="status" className="success">
        {done && t("adminArea.transfers.confirmed", { title: done.jobTitle, amount: yen(done.amount) })}
      </p>
      {transfers.isPending ? (
        <Pending />
      ) : transfers.isError ? (
        <Problem error={transfers.error} onRetry={() => void transfers.refetch()} />
      ) : transfers.data.length === 0 ? (
        <p>{t("adminArea.transfers.none")}</p>
      ) : (
        <>
          {reference && <p>{t("adminArea.transfers.found", { count: transfers.data.length })}</p>}
          <ul className="cards">
            {transfers.data.map((p) => (
              <li key={p.id} className="card">
                <TransferCard payment={p} onConfirmed={setDone} />
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

import { useState } from "react";
import { useTranslation } from "react-i18next";
import { yen } from "../../ui/format";
import { Pending } from "../../ui/Pending";
import { Problem } from "../../ui/Problem";
import { usePendingTransfers, type PendingTransfer } from "./api";
import { TransferCard } from "./components/TransferCard";

/** The transfers businesses made into escrow, oldest first, each confirmed against the bank with an optional note. */
export function TransfersPage() {
  const { t } = useTranslation();
  const transfers = usePendingTransfers();
  // What was just confirmed, worded at render so that switching the language rewords it too.
  const [done, setDone] = useState<PendingTransfer | null>(null);
  return (
    <section>
      <h1>{t("adminArea.transfers.title")}</h1>
      <p>{t("adminArea.transfers.lead")}</p>
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
        <ul className="cards">
          {transfers.data.map((p) => (
            <li key={p.id} className="card">
              <TransferCard payment={p} onConfirmed={setDone} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

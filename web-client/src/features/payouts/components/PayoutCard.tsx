import "../../../i18n/adminWords";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { yen } from "../../../ui/format";
import type { BatchPayout, PayoutBatch } from "../api";
import { ReturnForm } from "./ReturnForm";

export function PayoutCard({ batch, payout }: { batch: PayoutBatch; payout: BatchPayout }) {
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

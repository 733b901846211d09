import { useTranslation } from "react-i18next";
import { date, yen } from "../../ui/format";
import { Loaded } from "../../ui/Loaded";
import { useMyPayouts } from "./api";
import { BankAccountForm } from "./components/BankAccountForm";
import { BankAccountNotice } from "./components/BankAccountNotice";

/**
 * A worker's money on its way out: the available balance and the day of the next transfer, the bank account it is paid
 * into (and, without one, that nothing can be transferred), and every payout.
 */
export function PayoutsPage() {
  const { t } = useTranslation();
  const payouts = useMyPayouts();
  return (
    <section>
      <h1>{t("payouts.title")}</h1>
      <BankAccountNotice />
      <Loaded query={payouts}>
        {(data) => (
          <>
            <div className="panel">
              <p className="big-number">
                {t("payouts.available")} <strong>{yen(data.availableBalance)}</strong>
              </p>
              <p className="hint">{t("payouts.availableHint", { minimum: yen(data.minimumYen) })}</p>
              {data.nextTransferOn ? (
                <p className="big-number" data-testid="next-transfer">
                  {t("payouts.nextTransfer")} <strong>{date(data.nextTransferOn)}</strong>
                </p>
              ) : (
                !data.bankAccountMissing && !data.bankAccountHeldReason && <p>{t("payouts.nextTransferWaits", { minimum: yen(data.minimumYen) })}</p>
              )}
              {data.bankAccountHeldReason && (
                <p className="field-error" role="alert">
                  {t("payouts.held", { reason: data.bankAccountHeldReason })}
                </p>
              )}
            </div>
            <h2>{t("payouts.history")}</h2>
            {data.payouts.items.length === 0 ? (
              <p>{t("payouts.none")}</p>
            ) : (
              <ul className="cards">
                {data.payouts.items.map((p) => (
                  <li key={p.id} className="card">
                    <p className="meta">
                      <span className={`status status-${p.status}`}>{t(`payoutStatus.${p.status}`)}</span>
                      <span>{t("payouts.transferOn", { date: date(p.transferOn) })}</span>
                    </p>
                    <p>
                      <strong>{yen(p.net)}</strong>
                      {p.transferFee > 0 && <span className="meta"> {t("payouts.fee", { fee: yen(p.transferFee) })}</span>}
                    </p>
                    {p.returnedReason && <p className="meta">{t("payouts.returnedBecause", { reason: p.returnedReason })}</p>}
                  </li>
                ))}
              </ul>
            )}
          </>
        )}
      </Loaded>
      <BankAccountForm />
    </section>
  );
}

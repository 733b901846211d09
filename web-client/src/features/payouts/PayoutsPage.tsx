import { useTranslation } from "react-i18next";
import { date, yen } from "../../ui/format";
import { Loaded } from "../../ui/Loaded";
import { useMyPayouts } from "./api";
import { BankAccountForm } from "./components/BankAccountForm";

/** A worker's money on its way out: the available balance, the bank account it is paid into, and every payout. */
export function PayoutsPage() {
  const { t } = useTranslation();
  const payouts = useMyPayouts();
  return (
    <section>
      <h1>{t("payouts.title")}</h1>
      <Loaded query={payouts}>
        {(data) => (
          <>
            <div className="panel">
              <p className="big-number">
                {t("payouts.available")} <strong>{yen(data.availableBalance)}</strong>
              </p>
              <p className="hint">{t("payouts.availableHint", { minimum: yen(data.minimumYen) })}</p>
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

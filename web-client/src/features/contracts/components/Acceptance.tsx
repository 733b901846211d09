import "../../../i18n/dealWords";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { Schemas } from "../../../api/client";
import { FileList } from "../../../ui/FileList";
import { LinkList } from "../../../ui/LinkList";
import { Linked } from "../../../ui/Linked";
import { date, dateTime, yen } from "../../../ui/format";
import { Problem } from "../../../ui/Problem";
import { useAcceptWork, useSettlement } from "../api";
import { RevisionForm } from "./RevisionForm";

/**
 * 検収する: the prominent action, under the delivery it accepts (its message, files and links: a trial found the button
 * above them, the files at the foot of the page in the timeline), confirmed with the real figures before any money moves (what is released, the worker's
 * net after the fees and the tax, and the day the business remits the tax); a revision request is the secondary way.
 */
export function Acceptance({ id, worker, delivery }: { id: string; worker: string; delivery?: Schemas["Contracts.Submission"] }) {
  const { t } = useTranslation();
  const accept = useAcceptWork(id);
  const settlement = useSettlement(id);
  const [confirming, setConfirming] = useState(false);
  const s = settlement.data;
  return (
    <section className="panel acceptance" aria-labelledby="review-submission-title">
      <h2 id="review-submission-title">{t("trust.acceptTitle")}</h2>
      <p>{t("trust.acceptText")}</p>
      {delivery && (
        <div className="delivery">
          <h3>{t("deal.latestDelivery", { date: dateTime(delivery.createdAt) })}</h3>
          {delivery.message && (
            <p className="message" data-user-content>
              <Linked text={delivery.message} />
            </p>
          )}
          <FileList files={delivery.files} />
          <LinkList links={delivery.links} />
        </div>
      )}
      {!confirming ? (
        <button type="button" className="primary wide" disabled={!s} onClick={() => setConfirming(true)}>
          {t("trust.acceptButton")}
        </button>
      ) : (
        s && (
          <div className="confirm" role="alertdialog" aria-modal="false" aria-labelledby="accept-confirm-title" aria-describedby="accept-confirm-text">
            <h3 id="accept-confirm-title">{t("trust.acceptConfirmTitle")}</h3>
            <div id="accept-confirm-text">
              {/* What leaves the escrow: the worker's net and the fees; a contract funded with the tax in it gives that back. */}
              <p>{t("trust.acceptReleases", { total: yen(s.escrowTotal - (s.withholdingInEscrow ? s.withholdingTax : 0)) })}</p>
              <ul>
                <li>
                  {s.withholdingTax > 0
                    ? t("trust.acceptToWorker", { worker, net: yen(s.workerNet), fee: yen(s.platformFee), tax: yen(s.withholdingTax) })
                    : t("trust.acceptToWorkerNoTax", { worker, net: yen(s.workerNet), fee: yen(s.platformFee) })}
                </li>
                {s.producerFee > 0 && <li>{t("trust.acceptProducerFee", { fee: yen(s.producerFee) })}</li>}
              </ul>
              {s.withholdingTax > 0 && s.withholdingInEscrow && <p>{t("trust.acceptWithholdingReturned", { tax: yen(s.withholdingTax) })}</p>}
              {s.withholdingTax > 0 && s.remitWithholdingBy && (
                <p>
                  <strong>{t("trust.acceptTaxDue", { tax: yen(s.withholdingTax), date: date(s.remitWithholdingBy) })}</strong>
                </p>
              )}
            </div>
            <Problem error={accept.error} />
            <div className="actions">
              <button type="button" className="primary" autoFocus disabled={accept.isPending} aria-busy={accept.isPending} onClick={() => accept.mutate(undefined)}>
                {accept.isPending ? t("common.sending") : t("trust.acceptYes")}
              </button>
              <button type="button" onClick={() => setConfirming(false)}>
                {t("trust.acceptNo")}
              </button>
            </div>
          </div>
        )
      )}
      <details className="secondary-action">
        <summary>{t("trust.revisionInstead")}</summary>
        <RevisionForm id={id} label={t("contracts.requestRevision")} />
      </details>
    </section>
  );
}

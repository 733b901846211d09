import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { Account, ContractDetail } from "../../../api/client";
import { date, yen } from "../../../ui/format";
import "../../../i18n/dealWords";

/** Whether a proposed cancellation or an open dispute holds the contract: nothing else moves it meanwhile. */
export function isOnHold(detail: ContractDetail) {
  const closed = detail.contract.status === "completed" || detail.contract.status === "cancelled";
  return detail.cancellation?.status === "proposed" || (!!detail.disputeId && !closed);
}

/**
 * What holds the contract, at the top of its page (first on a phone, above the work and the forms): what is asked, by
 * whom and by when, with the way to answer it. A proposal links to its answer in the deal panel; a dispute to its
 * page, where each party gives its account.
 */
export function HoldNotice({ detail, account, statementsDueAt }: { detail: ContractDetail; account: Account; statementsDueAt?: string | null }) {
  const { t } = useTranslation();
  if (!isOnHold(detail)) return null;
  const proposal = detail.cancellation?.status === "proposed" ? detail.cancellation : null;
  if (proposal) {
    const mine = proposal.proposedBy === account.id || (proposal.side === "business" && detail.contract.producerId === account.id);
    return (
      <section className="notice hold" role="status" aria-labelledby="hold-title">
        <h2 id="hold-title">{t("deal.cancelTitle")}</h2>
        <p>
          {mine
            ? t("deal.holdCancellationMine", { share: yen(proposal.workerShare), date: date(proposal.answerBy) })
            : t("deal.holdCancellation", { name: proposal.proposedByName, share: yen(proposal.workerShare), date: date(proposal.answerBy) })}
        </p>
        <p className="message">{proposal.reason}</p>
        {!mine && (
          <p>
            <a href="#cancel-deal-title">{t("deal.holdAnswer")}</a>
          </p>
        )}
      </section>
    );
  }
  const awaited = detail.disputeStatementAwaited && statementsDueAt;
  return (
    <section className="notice hold" role="status" aria-labelledby="hold-title">
      <h2 id="hold-title">{t("deal.holdDispute")}</h2>
      {/* Asked only of a side whose account the office still waits for (the API's disputeStatementAwaited). */}
      <p>{awaited ? t("deal.holdDisputeStatement", { date: date(statementsDueAt) }) : t("deal.holdDisputeWaiting")}</p>
      <p>
        <Link to={`/disputes/${detail.disputeId}`}>{t(awaited ? "deal.holdOpenDispute" : "deal.holdViewDispute")}</Link>
      </p>
    </section>
  );
}

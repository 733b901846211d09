import "../../../i18n/milestoneWords";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { Account, ContractDetail, Schemas } from "../../../api/client";
import { limits } from "../../../api/limits.gen";
import { date, dateTime, yen } from "../../../ui/format";
import { Field } from "../../../ui/Field";
import { Problem } from "../../../ui/Problem";
import { Submit } from "../../../ui/Submit";
import { DeliveryForm } from "./DeliveryForm";
import { apiErrorsFor, textErrors } from "../../../ui/validation";
import { useAcceptMilestone, useForwardMilestone, useFundMilestone, useRequestMilestoneRevision, useSubmitMilestone } from "../milestonesApi";
import { isOnHold } from "./HoldNotice";

type Milestone = Schemas["Contracts.Milestone"];

/**
 * The milestone list of a contract paid in parts (分割払い): each part with its amount, due date and where it stands, and
 * the one action its reader has on it (the business funds the next and accepts or sends back delivered work; the worker
 * delivers a funded part). One column, so that it reads on a 360 px phone.
 */
export function Milestones({ detail, account }: { detail: ContractDetail; account: Account }) {
  const { t } = useTranslation();
  const { contract, milestones } = detail;
  if (milestones.length === 0) return null;
  const isWorker = contract.workerId === account.id;
  const isBusiness = !isWorker;
  // The job's own producer checks delivered work first where the job has a producer's review.
  const isGate = contract.producerReview && contract.producerId === account.id;
  const live = contract.status === "active" && !isOnHold(detail);
  // A contract has one pending payment at a time: the next milestone is funded once it is confirmed.
  const paymentPending = milestones.some((m) => m.status === "unfunded" && m.paymentStatus === "pending");
  const accepted = milestones.filter((m) => m.status === "accepted").length;
  return (
    <section className="panel milestones" aria-labelledby="milestones-title">
      <h2 id="milestones-title">{t("milestones.title")}</h2>
      <p className="meta">{t("milestones.progress", { accepted, total: milestones.length })}</p>
      <ol className="milestone-list">
        {milestones.map((m) => (
          <li key={m.id} className="milestone" aria-labelledby={`milestone-${m.id}`}>
            <h3 id={`milestone-${m.id}`}>
              {m.position}. {m.title}
            </h3>
            <p className="meta">
              <span className={`status status-${m.status}`}>{t(`milestones.status.${m.status}`)}</span>
              <span>{yen(m.amount)}</span>
              <span>{t("milestones.dueOn", { date: date(m.dueOn) })}</span>
            </p>
            <MilestoneMoney milestone={m} isWorker={isWorker} />
            {live && isBusiness && m.status === "unfunded" && <FundMilestone id={contract.id} milestone={m} paymentPending={paymentPending} />}
            {live && isWorker && (m.status === "funded" || m.status === "revisionRequested") && (
              <DeliverMilestone id={contract.id} milestone={m} />
            )}
            {live && isWorker && m.status === "unfunded" && <p className="notice">{t("milestones.awaitingFunding")}</p>}
            {live && isBusiness && m.status === "submitted" && <AcceptMilestone id={contract.id} milestone={m} />}
            {live && isGate && m.status === "inReview" && <MilestoneGate id={contract.id} milestone={m} />}
          </li>
        ))}
      </ol>
    </section>
  );
}

function MilestoneMoney({ milestone: m, isWorker }: { milestone: Milestone; isWorker: boolean }) {
  const { t } = useTranslation();
  return (
    <ul className="milestone-money">
      {isWorker ? (
        <li>{t("milestones.workerNet", { net: yen(m.workerNet), tax: yen(m.withholdingTax), fee: yen(m.platformFee) })}</li>
      ) : (
        <li>{t("milestones.paidIn", { amount: yen(m.paidIn) })}</li>
      )}
      {m.status === "submitted" && m.inspectionEndsAt && <li>{t("milestones.inspectionEnds", { date: dateTime(m.inspectionEndsAt) })}</li>}
      {m.paymentDueOn ? (
        <li>{t("milestones.paidBy", { date: date(m.paymentDueOn) })}</li>
      ) : (
        m.latestPaymentOn && <li>{t("milestones.latestPayment", { date: date(m.latestPaymentOn) })}</li>
      )}
    </ul>
  );
}

function FundMilestone({ id, milestone, paymentPending }: { id: string; milestone: Milestone; paymentPending: boolean }) {
  const { t } = useTranslation();
  const fund = useFundMilestone(id);
  if (milestone.paymentStatus === "pending")
    return (
      <p className="notice">
        {t("milestones.paymentAsked")} <Link to={`/contracts/${id}/payment-request`}>{t("contracts.payNow")}</Link>
      </p>
    );
  if (paymentPending) return <p className="meta">{t("milestones.fundAfterPending")}</p>;
  return (
    <div>
      <Problem error={fund.error} />
      <button type="button" className="primary" disabled={fund.isPending} aria-busy={fund.isPending} onClick={() => fund.mutate(milestone.id)}>
        {fund.isPending ? t("common.sending") : t("milestones.fund", { amount: yen(milestone.paidIn) })}
      </button>
    </div>
  );
}

function DeliverMilestone({ id, milestone }: { id: string; milestone: Milestone }) {
  const { t } = useTranslation();
  const submit = useSubmitMilestone(id);
  return (
    <DeliveryForm
      draft={`milestone-${milestone.id}`}
      submitLabel={milestone.status === "revisionRequested" ? t("milestones.redeliver") : t("milestones.deliver")}
      send={(delivery, done) => submit.mutate({ milestoneId: milestone.id, ...delivery }, { onSuccess: done })}
      busy={submit.isPending}
      error={submit.error}
    />
  );
}

/** The producer's quality gate on a milestone's delivered work: forward it to the client, or send it back. */
function MilestoneGate({ id, milestone }: { id: string; milestone: Milestone }) {
  const { t } = useTranslation();
  const forward = useForwardMilestone(id);
  return (
    <div>
      <p>{t("milestones.gateText")}</p>
      <Problem error={forward.error} />
      <button type="button" className="primary wide" disabled={forward.isPending} aria-busy={forward.isPending} onClick={() => forward.mutate(milestone.id)}>
        {forward.isPending ? t("common.sending") : t("contracts.forward")}
      </button>
      <SendBackMilestone id={id} milestone={milestone} />
    </div>
  );
}

/**
 * Accepting releases the milestone's money at once, so it is asked twice, as accepting a whole contract is: one tap on a
 * phone never pays (a user trial found a milestone released without a question).
 */
function AcceptMilestone({ id, milestone }: { id: string; milestone: Milestone }) {
  const { t } = useTranslation();
  const accept = useAcceptMilestone(id);
  const [asking, setAsking] = useState(false);
  return (
    <div>
      <p>{t("milestones.acceptText", { amount: yen(milestone.paidIn) })}</p>
      <Problem error={accept.error} />
      {asking ? (
        <div className="confirm" role="alertdialog" aria-modal="false" aria-labelledby={`accept-${milestone.id}`}>
          <p id={`accept-${milestone.id}`}>{t("milestones.acceptAsk", { title: milestone.title, amount: yen(milestone.paidIn) })}</p>
          <div className="actions">
            <button type="button" className="primary" autoFocus disabled={accept.isPending} aria-busy={accept.isPending} onClick={() => accept.mutate(milestone.id)}>
              {accept.isPending ? t("common.sending") : t("milestones.acceptConfirm")}
            </button>
            <button type="button" onClick={() => setAsking(false)}>
              {t("common.cancel")}
            </button>
          </div>
        </div>
      ) : (
        <button type="button" className="primary wide" onClick={() => setAsking(true)}>
          {t("milestones.accept")}
        </button>
      )}
      <SendBackMilestone id={id} milestone={milestone} />
    </div>
  );
}

function SendBackMilestone({ id, milestone }: { id: string; milestone: Milestone }) {
  const { t } = useTranslation();
  const revise = useRequestMilestoneRevision(id);
  const [reason, setReason] = useState("");
  const [touched, setTouched] = useState(false);
  const errors = textErrors(t, reason, limits["Contracts.RequestMilestoneRevision.Command"].reason);
  function sendBack(e: FormEvent) {
    e.preventDefault();
    setTouched(true);
    if (errors.length) return;
    revise.mutate({ milestoneId: milestone.id, reason: reason.trim() });
  }
  return (
    <details className="secondary-action">
        <summary>{t("trust.revisionInstead")}</summary>
        <form onSubmit={sendBack} noValidate className="form">
          <Field label={t("contracts.revisionReason")} errors={touched ? errors : []} apiErrors={apiErrorsFor(revise.error, "reason")}>
            {(p) => <textarea {...p} rows={3} value={reason} onChange={(e) => setReason(e.target.value)} />}
          </Field>
          <Problem error={revise.error} />
          <Submit busy={revise.isPending} className="secondary">
            {t("contracts.requestRevision")}
          </Submit>
        </form>
    </details>
  );
}

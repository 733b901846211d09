import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { Account, ContractDetail } from "../../../api/client";
import { limits } from "../../../api/limits.gen";
import { date, yen } from "../../../ui/format";
import { AttachFiles, attachKey } from "../../../ui/AttachFiles";
import { Field } from "../../../ui/Field";
import { Folded } from "../../../ui/Folded";
import { Problem } from "../../../ui/Problem";
import { Submit } from "../../../ui/Submit";
import { apiErrorsFor, textErrors } from "../../../ui/validation";
import { useAnswerCancellation, useAnswerChange, useEscalate, useProposeCancellation, useProposeChange } from "../api";
import { isOnHold } from "./HoldNotice";
import "../../../i18n/dealWords";

/** The API's limits, from its OpenAPI document. */
const reasonLimit = limits["Contracts.ProposeChange.Command"].reason;
const cancelReasonLimit = limits["Contracts.ProposeCancellation.Command"].reason;
const statementLimit = limits["Disputes.AddStatement.Command"].body;

/** Days left until the inspection period ends, counting a part of a day as a day (0 once it has ended). */
export function daysLeft(endsAt: string, now = Date.now()) {
  return Math.max(0, Math.ceil((new Date(endsAt).getTime() - now) / 86_400_000));
}

/** The deal's clock on the contract page: terms, inspection countdown, changes, cancellation, the dispute. */
export function DealPanel({ detail, account }: { detail: ContractDetail; account: Account }) {
  const { t } = useTranslation();
  const c = detail.contract;
  const isWorker = c.workerId === account.id;
  const isBusinessSide = c.businessId === account.id || c.producerId === account.id;
  const closed = c.status === "completed" || c.status === "cancelled";
  const onHold = isOnHold(detail);
  const inProgress = c.status === "active" || c.status === "revisionRequested";
  return (
    <section className="panel deal" aria-label={t("deal.termsTitle")}>
      {c.termsVersion && (
        <p>
          <Link to={`/contracts/${c.id}/terms`}>{t("deal.termsLink", { version: c.termsVersion })}</Link>
        </p>
      )}
      {c.status === "submitted" && c.inspectionEndsAt && <Countdown endsAt={c.inspectionEndsAt} />}
      {c.closedBy && <p className="notice">{t(`deal.closedBy_${c.closedBy}`, { share: yen(c.workerShare ?? 0) })}</p>}
      {c.paymentDueOn && <p>{t("deal.paymentDue", { date: date(c.paymentDueOn) })}</p>}
      {onHold && <p className="notice">{t("deal.onHold")}</p>}
      {detail.disputeId && (
        <p>
          <Link to={`/disputes/${detail.disputeId}`}>{t("deal.disputeLink")}</Link>
        </p>
      )}
      {!closed && (isWorker || isBusinessSide) && <Changes detail={detail} isWorker={isWorker} canPropose={inProgress && !onHold} />}
      {!closed && (isWorker || isBusinessSide) && !detail.disputeId && <Cancellation detail={detail} isWorker={isWorker} />}
    </section>
  );
}

function Countdown({ endsAt }: { endsAt: string }) {
  const { t } = useTranslation();
  const left = daysLeft(endsAt);
  return (
    <div className="countdown">
      <p>
        <strong>{left === 0 ? t("deal.inspectionToday") : t("deal.inspectionLeft", { count: left })}</strong>
      </p>
      <p className="hint">{t("deal.inspectionHint", { date: date(endsAt) })}</p>
    </div>
  );
}

function Changes({ detail, isWorker, canPropose }: { detail: ContractDetail; isWorker: boolean; canPropose: boolean }) {
  const { t } = useTranslation();
  const c = detail.contract;
  const propose = useProposeChange(c.id);
  const answer = useAnswerChange();
  const pending = detail.changeRequests.find((r) => r.status === "pending");
  const mySide = isWorker ? "worker" : "business";
  const [deliveryDate, setDeliveryDate] = useState("");
  const [amount, setAmount] = useState("");
  const [reason, setReason] = useState("");
  const [touched, setTouched] = useState(false);
  const reasonErrors = textErrors(t, reason, reasonLimit);
  function send(e: FormEvent) {
    e.preventDefault();
    setTouched(true);
    if (reasonErrors.length) return;
    propose.mutate(
      {
        reason: reason.trim(),
        amount: amount ? Number(amount) : undefined,
        deliveryDate: deliveryDate ? new Date(`${deliveryDate}T23:59:00+09:00`).toISOString() : undefined,
      },
      { onSuccess: () => (setReason(""), setAmount(""), setDeliveryDate(""), setTouched(false)) },
    );
  }
  if (!pending && !canPropose) return null;
  return (
    <div aria-labelledby="changes-title">
      <h3 id="changes-title">{t("deal.changesTitle")}</h3>
      <p className="hint">{t("deal.changesText")}</p>
      {pending ? (
        <div>
          <p>
            {t("deal.changePending", {
              name: pending.proposedByName,
              what: [
                pending.amount != null ? t("deal.changeAmount", { amount: yen(pending.amount) }) : "",
                pending.deliveryDate ? t("deal.changeDate", { date: date(pending.deliveryDate) }) : "",
              ]
                .filter(Boolean)
                .join(" / "),
            })}
          </p>
          <p className="message">{pending.reason}</p>
          {pending.side === mySide ? (
            <p>{t("deal.waitingAnswer")}</p>
          ) : (
            <p className="actions">
              <button type="button" className="primary" disabled={answer.isPending} onClick={() => answer.mutate({ requestId: pending.id, answer: "accept" })}>
                {t("deal.acceptChange")}
              </button>
              <button type="button" disabled={answer.isPending} onClick={() => answer.mutate({ requestId: pending.id, answer: "decline" })}>
                {t("deal.declineChange")}
              </button>
            </p>
          )}
          <Problem error={answer.error} />
        </div>
      ) : (
        <Folded summary={t("deal.showChangeForm")}>
        <form onSubmit={send} noValidate className="form">
          <Field label={t("deal.newDeliveryDate")} apiErrors={apiErrorsFor(propose.error, "deliveryDate")}>
            {(p) => <input {...p} type="date" value={deliveryDate} onChange={(e) => setDeliveryDate(e.target.value)} />}
          </Field>
          <Field label={t("deal.newAmount")} apiErrors={apiErrorsFor(propose.error, "amount")}>
            {(p) => <input {...p} type="number" inputMode="numeric" min={1} value={amount} onChange={(e) => setAmount(e.target.value)} />}
          </Field>
          <Field label={t("deal.changeReason")} errors={touched ? reasonErrors : []} apiErrors={apiErrorsFor(propose.error, "reason")}>
            {(p) => <textarea {...p} rows={2} value={reason} onChange={(e) => setReason(e.target.value)} />}
          </Field>
          <Problem error={propose.error} />
          <Submit busy={propose.isPending} className="secondary">
            {t("deal.propose")}
          </Submit>
        </form>
        </Folded>
      )}
    </div>
  );
}

function Cancellation({ detail, isWorker }: { detail: ContractDetail; isWorker: boolean }) {
  const { t } = useTranslation();
  const c = detail.contract;
  const open = detail.cancellation?.status === "proposed" ? detail.cancellation : null;
  const mayDeclineRevision = isWorker && c.status === "revisionRequested" && c.revisionCount > detail.freeRevisions;
  const propose = useProposeCancellation(c.id, mayDeclineRevision);
  const answer = useAnswerCancellation(c.id);
  const [share, setShare] = useState("");
  const [reason, setReason] = useState("");
  const [touched, setTouched] = useState(false);
  const [escalating, setEscalating] = useState(false);
  const mySide = isWorker ? "worker" : "business";
  const reasonErrors = textErrors(t, reason, cancelReasonLimit);
  const shareValue = Number(share);
  const shareErrors = share === "" || !Number.isInteger(shareValue) || shareValue < 0 || shareValue > c.amount ? [t("validation.between", { min: 0, max: c.amount })] : [];
  function send(e: FormEvent) {
    e.preventDefault();
    setTouched(true);
    if (reasonErrors.length || shareErrors.length) return;
    propose.mutate({ reason: reason.trim(), workerShare: shareValue }, { onSuccess: () => (setReason(""), setShare(""), setTouched(false)) });
  }
  return (
    <div aria-labelledby="cancel-deal-title">
      <h3 id="cancel-deal-title">{t("deal.cancelTitle")}</h3>
      {open ? (
        <div>
          <p>{t("deal.cancelPending", { name: open.proposedByName, share: yen(open.workerShare), date: date(open.answerBy) })}</p>
          <p className="message">{open.reason}</p>
          {open.side === mySide ? (
            <p>{t("deal.waitingAnswer")}</p>
          ) : (
            <p className="actions">
              <button type="button" className="primary" disabled={answer.isPending} onClick={() => answer.mutate("accept")}>
                {t("deal.acceptCancel")}
              </button>
              <button type="button" disabled={answer.isPending} aria-expanded={escalating} onClick={() => setEscalating(true)}>
                {t("deal.declineCancel")}
              </button>
            </p>
          )}
          {escalating && <Escalation contractId={c.id} onBack={() => setEscalating(false)} />}
          <Problem error={answer.error} />
        </div>
      ) : (
        <Folded summary={mayDeclineRevision ? t("deal.declineRevision") : t("deal.showCancelForm")}>
        <form onSubmit={send} noValidate className="form">
          <p className="hint">{mayDeclineRevision ? t("deal.declineRevisionText", { count: detail.freeRevisions }) : t("deal.cancelText", { days: detail.cancellationAnswerDays })}</p>
          <Field label={t("deal.workerShare")} hint={t("deal.workerShareHint", { amount: yen(c.amount) })} errors={touched ? shareErrors : []} apiErrors={apiErrorsFor(propose.error, "workerShare")}>
            {(p) => <input {...p} type="number" inputMode="numeric" min={0} max={c.amount} value={share} onChange={(e) => setShare(e.target.value)} />}
          </Field>
          <Field label={t("deal.cancelReason")} errors={touched ? reasonErrors : []} apiErrors={apiErrorsFor(propose.error, "reason")}>
            {(p) => <textarea {...p} rows={2} value={reason} onChange={(e) => setReason(e.target.value)} />}
          </Field>
          <Problem error={propose.error} />
          <Submit busy={propose.isPending} className="secondary">
            {mayDeclineRevision ? t("deal.declineRevision") : t("deal.proposeCancel")}
          </Submit>
        </form>
        </Folded>
      )}
    </div>
  );
}

/**
 * Declining a cancellation sends the contract to the office: asked for confirmation, with the party's own account of
 * what happened (text and files), which becomes its first statement in the dispute. Declining and stating are two
 * requests: if the statement fails after the dispute opened, the party is sent to the dispute page to give it there.
 */
function Escalation({ contractId, onBack }: { contractId: string; onBack: () => void }) {
  const { t } = useTranslation();
  const escalate = useEscalate(contractId);
  const [body, setBody] = useState("");
  const [fileIds, setFileIds] = useState<string[]>([]);
  const [filesKey] = useState(attachKey);
  const [touched, setTouched] = useState(false);
  const errors = textErrors(t, body, statementLimit);
  function send(e: FormEvent) {
    e.preventDefault();
    setTouched(true);
    if (errors.length) return;
    escalate.mutate({ body: body.trim(), fileIds });
  }
  return (
    <form onSubmit={send} noValidate className="form confirm" role="alertdialog" aria-modal="false" aria-labelledby="escalate-title" aria-describedby="escalate-text">
      <h4 id="escalate-title">{t("deal.escalateTitle")}</h4>
      <p id="escalate-text">{t("deal.escalateText")}</p>
      <Field label={t("deal.escalateBody")} errors={touched ? errors : []} apiErrors={apiErrorsFor(escalate.error, "body")}>
        {(p) => <textarea {...p} rows={4} value={body} onChange={(e) => setBody(e.target.value)} autoFocus />}
      </Field>
      <AttachFiles key={filesKey} onChange={(files) => setFileIds(files.map((f) => f.id))} />
      {escalate.data?.statementError ? (
        <p className="notice">
          {t("deal.escalateNoStatement")} <Link to={`/disputes/${escalate.data.disputeId}`}>{t("deal.disputeLink")}</Link>
        </p>
      ) : (
        <Problem error={escalate.error} />
      )}
      <div className="actions">
        <Submit busy={escalate.isPending}>{t("deal.escalateSend")}</Submit>
        <button type="button" onClick={onBack} disabled={escalate.isPending}>
          {t("deal.escalateBack")}
        </button>
      </div>
    </form>
  );
}

import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import type { Account, ContractDetail, StoredFile } from "../../api/client";
import { AttachFiles } from "../../ui/AttachFiles";
import { FileList } from "../../ui/FileList";
import { LinkList } from "../../ui/LinkList";
import { limits } from "../../api/limits.gen";
import { date, dateTime, yen } from "../../ui/format";
import { Field } from "../../ui/Field";
import { Pending } from "../../ui/Pending";
import { Problem } from "../../ui/Problem";
import { Submit } from "../../ui/Submit";
import { apiErrorsFor, textErrors } from "../../ui/validation";
import { useAcceptWork, useContract, useForwardSubmission, useLeaveReview, useRequestRevision, useSettlement, useSubmitWork } from "./api";
import { DealPanel } from "./components/DealPanel";

export function ContractPage({ account }: { account: Account }) {
  const { t } = useTranslation();
  const { id = "" } = useParams();
  const detail = useContract(id);
  if (detail.isPending) return <Pending />;
  if (detail.isError) return <Problem error={detail.error} onRetry={() => void detail.refetch()} />;
  const { contract } = detail.data;
  const isWorker = contract.workerId === account.id;
  const isBusiness = contract.businessId === account.id;
  const isProducer = contract.producerId === account.id;
  return (
    <section>
      <h1>{contract.jobTitle}</h1>
      <p className="meta">
        <span className={`status status-${contract.status}`}>{t(`contractStatus.${contract.status}`)}</span>
        <span>{yen(contract.amount)}</span>
        <span>{t("contracts.dueOn", { date: date(contract.deadline) })}</span>
        <span>
          {t("contracts.business")}: {contract.businessName}
        </span>
        <span>
          {t("contracts.worker")}: <Link to={`/workers/${contract.workerId}`}>{contract.workerName}</Link>
        </span>
        <Link to={`/jobs/${contract.jobId}`}>{t("contracts.viewJob")}</Link>
      </p>
      <div className="two-columns">
        <div>
          {isWorker && (contract.status === "active" || contract.status === "revisionRequested") &&
            (contract.fundedAt ? <SubmitWorkForm id={id} revision={contract.status === "revisionRequested"} /> : <p className="notice">{t("contracts.awaitingFunding")}</p>)}
          {isProducer && contract.status === "inReview" && <QualityGate id={id} />}
          {isBusiness && contract.status === "submitted" && <Acceptance id={id} worker={contract.workerName} />}
          {contract.status === "completed" && (isWorker || isBusiness) && !detail.data.reviews.some((r) => r.reviewerId === account.id) && (
            <ReviewForm id={id} other={isWorker ? contract.businessName : contract.workerName} />
          )}
          <Timeline detail={detail.data} />
        </div>
        <div>
          <DealPanel detail={detail.data} account={account} />
          <Settlement id={id} />
        </div>
      </div>
    </section>
  );
}

function Timeline({ detail }: { detail: ContractDetail }) {
  const { t } = useTranslation();
  const c = detail.contract;
  const events: { at: string; text: string; body?: string; links?: string[]; files?: StoredFile[] }[] = [
    { at: c.createdAt, text: t("timeline.awarded", { worker: c.workerName }) },
    ...(c.fundedAt ? [{ at: c.fundedAt, text: t("timeline.funded") }] : []),
    ...detail.submissions.map((s) => ({ at: s.createdAt, text: t("timeline.submitted"), body: s.message, links: s.links, files: s.files })),
    ...detail.revisionRequests.map((r) => ({ at: r.createdAt, text: t("timeline.revisionRequested"), body: r.reason, files: r.files })),
    ...(c.completedAt ? [{ at: c.completedAt, text: t("timeline.accepted") }] : []),
    ...(c.releasedAt ? [{ at: c.releasedAt, text: t("timeline.released") }] : []),
    ...detail.reviews.map((r) => ({ at: r.createdAt, text: t("timeline.reviewed", { name: r.reviewerName, rating: r.rating }), body: r.comment })),
  ].sort((a, b) => a.at.localeCompare(b.at));
  return (
    <section aria-labelledby="timeline-title">
      <h2 id="timeline-title">{t("timeline.title")}</h2>
      <ol className="timeline">
        {events.map((e, i) => (
          <li key={i}>
            <time dateTime={e.at}>{dateTime(e.at)}</time>
            <strong>{e.text}</strong>
            {e.body && <p className="message">{e.body}</p>}
            {e.files && <FileList files={e.files} />}
            {e.links && <LinkList links={e.links} />}
          </li>
        ))}
      </ol>
    </section>
  );
}

/** The API's limits on a delivery, from its OpenAPI document. */
const submitLimits = limits["Contracts.SubmitWork.Command"];
/** Not in the document (a count checked by a predicate in the API's validator): keep in step with Delivery.cs. */
const maxLinks = 10;

function SubmitWorkForm({ id, revision }: { id: string; revision: boolean }) {
  const { t } = useTranslation();
  const submit = useSubmitWork(id);
  const [message, setMessage] = useState("");
  const [links, setLinks] = useState("");
  const [files, setFiles] = useState<StoredFile[]>([]);
  const [round, setRound] = useState(0);
  const [touched, setTouched] = useState(false);
  const list = links.split(/\s+/).filter(Boolean);
  const errors = {
    message: textErrors(t, message, submitLimits.message),
    links:
      list.length > maxLinks
        ? [t("validation.tooManyLinks")]
        : list.some((l) => !/^https?:\/\/\S+$/i.test(l))
          ? [t("validation.linkNotHttp")]
          : (list.map((l) => textErrors(t, l, submitLimits.links.items)).find((e) => e.length) ?? []),
  };
  function send(e: FormEvent) {
    e.preventDefault();
    setTouched(true);
    if (errors.message.length || errors.links.length) return;
    submit.mutate(
      { message: message.trim(), links: list, fileIds: files.map((f) => f.id) },
      { onSuccess: () => (setMessage(""), setLinks(""), setFiles([]), setRound((r) => r + 1), setTouched(false)) },
    );
  }
  return (
    <form onSubmit={send} noValidate className="form panel" aria-labelledby="submit-title">
      <h2 id="submit-title">{revision ? t("contracts.resubmitTitle") : t("contracts.submitTitle")}</h2>
      <Field label={t("contracts.submissionMessage")} hint={t("contracts.submissionMessageHint")} errors={touched ? errors.message : []} apiErrors={apiErrorsFor(submit.error, "message")}>
        {(p) => <textarea {...p} rows={5} value={message} onChange={(e) => setMessage(e.target.value)} />}
      </Field>
      <Field label={t("contracts.links")} hint={t("contracts.linksHint")} errors={touched ? errors.links : []} apiErrors={apiErrorsFor(submit.error, "links")}>
        {(p) => <textarea {...p} rows={3} value={links} onChange={(e) => setLinks(e.target.value)} />}
      </Field>
      <AttachFiles key={round} onChange={setFiles} />
      <Problem error={submit.error} />
      <Submit busy={submit.isPending}>{t("contracts.submit")}</Submit>
    </form>
  );
}

function RevisionForm({ id, label }: { id: string; label: string }) {
  const { t } = useTranslation();
  const revise = useRequestRevision(id);
  const [reason, setReason] = useState("");
  const [touched, setTouched] = useState(false);
  const error = textErrors(t, reason, limits["Contracts.RequestRevision.Command"].reason);
  function send(e: FormEvent) {
    e.preventDefault();
    setTouched(true);
    if (error.length) return;
    revise.mutate({ reason: reason.trim() });
  }
  return (
    <form onSubmit={send} noValidate className="form">
      <Field label={t("contracts.revisionReason")} hint={t("contracts.revisionReasonHint")} errors={touched ? error : []} apiErrors={apiErrorsFor(revise.error, "reason")}>
        {(p) => <textarea {...p} rows={3} value={reason} onChange={(e) => setReason(e.target.value)} />}
      </Field>
      <Problem error={revise.error} />
      <Submit busy={revise.isPending} className="secondary">
        {label}
      </Submit>
    </form>
  );
}

/**
 * 検収する: the prominent action, confirmed with the real figures before any money moves (what is released, the worker's
 * net after the fees and the tax, and the day the business remits the tax); a revision request is the secondary way.
 */
function Acceptance({ id, worker }: { id: string; worker: string }) {
  const { t } = useTranslation();
  const accept = useAcceptWork(id);
  const settlement = useSettlement(id);
  const [confirming, setConfirming] = useState(false);
  const s = settlement.data;
  return (
    <section className="panel acceptance" aria-labelledby="review-submission-title">
      <h2 id="review-submission-title">{t("trust.acceptTitle")}</h2>
      <p>{t("trust.acceptText")}</p>
      {!confirming ? (
        <button type="button" className="primary wide" disabled={!s} onClick={() => setConfirming(true)}>
          {t("trust.acceptButton")}
        </button>
      ) : (
        s && (
          <div className="confirm" role="alertdialog" aria-modal="false" aria-labelledby="accept-confirm-title" aria-describedby="accept-confirm-text">
            <h3 id="accept-confirm-title">{t("trust.acceptConfirmTitle")}</h3>
            <div id="accept-confirm-text">
              <p>{t("trust.acceptReleases", { total: yen(s.escrowTotal) })}</p>
              <ul>
                <li>
                  {s.withholdingTax > 0
                    ? t("trust.acceptToWorker", { worker, net: yen(s.workerNet), fee: yen(s.platformFee), tax: yen(s.withholdingTax) })
                    : t("trust.acceptToWorkerNoTax", { worker, net: yen(s.workerNet), fee: yen(s.platformFee) })}
                </li>
                {s.producerFee > 0 && <li>{t("trust.acceptProducerFee", { fee: yen(s.producerFee) })}</li>}
              </ul>
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

function QualityGate({ id }: { id: string }) {
  const { t } = useTranslation();
  const forward = useForwardSubmission(id);
  return (
    <section className="panel" aria-labelledby="gate-title">
      <h2 id="gate-title">{t("contracts.gateTitle")}</h2>
      <p>{t("contracts.gateText")}</p>
      <Problem error={forward.error} />
      <button type="button" className="primary" disabled={forward.isPending} aria-busy={forward.isPending} onClick={() => forward.mutate(undefined)}>
        {forward.isPending ? t("common.sending") : t("contracts.forward")}
      </button>
      <RevisionForm id={id} label={t("contracts.sendBack")} />
    </section>
  );
}

/** The API's limits on a review, from its OpenAPI document: the stars and the comment's length. */
const reviewLimits = limits["Contracts.LeaveReview.Command"];
const stars = Array.from({ length: reviewLimits.rating.maximum - reviewLimits.rating.minimum + 1 }, (_, i) => reviewLimits.rating.minimum + i);

function ReviewForm({ id, other }: { id: string; other: string }) {
  const { t } = useTranslation();
  const review = useLeaveReview(id);
  const [rating, setRating] = useState<number>(reviewLimits.rating.maximum);
  const [comment, setComment] = useState("");
  function send(e: FormEvent) {
    e.preventDefault();
    review.mutate({ rating, comment: comment.trim() });
  }
  return (
    <form onSubmit={send} noValidate className="form panel" aria-labelledby="review-title">
      <h2 id="review-title">{t("contracts.reviewTitle", { name: other })}</h2>
      <fieldset>
        <legend>{t("contracts.rating")}</legend>
        <div className="stars">
          {stars.map((n) => (
            <label key={n} className="choice">
              <input type="radio" name="rating" value={n} checked={rating === n} onChange={() => setRating(n)} />
              <span>{t("contracts.stars", { count: n })}</span>
            </label>
          ))}
        </div>
      </fieldset>
      <Field label={t("contracts.comment")} errors={textErrors(t, comment, reviewLimits.comment)} apiErrors={apiErrorsFor(review.error, "comment")}>
        {(p) => <textarea {...p} rows={3} value={comment} onChange={(e) => setComment(e.target.value)} />}
      </Field>
      <Problem error={review.error} />
      <Submit busy={review.isPending}>{t("contracts.sendReview")}</Submit>
    </form>
  );
}

function Settlement({ id }: { id: string }) {
  const { t } = useTranslation();
  const settlement = useSettlement(id);
  if (settlement.isPending) return <Pending />;
  if (settlement.isError) return <Problem error={settlement.error} />;
  const s = settlement.data;
  return (
    <aside className="panel" aria-labelledby="settlement-title">
      <h2 id="settlement-title">{t("settlement.title")}</h2>
      <dl className="amounts">
        <dt>{t("settlement.amount")}</dt>
        <dd>{yen(s.amount)}</dd>
        <dt>{t("settlement.platformFee")}</dt>
        <dd>{yen(s.platformFee)}</dd>
        <dt>{t("settlement.producerFee")}</dt>
        <dd>{yen(s.producerFee)}</dd>
        <dt>{t("settlement.withholdingTax")}</dt>
        <dd>{yen(s.withholdingTax)}</dd>
        <dt>{t("settlement.workerNet")}</dt>
        <dd>{yen(s.workerNet)}</dd>
        <dt>{t("settlement.escrow")}</dt>
        <dd>{s.released ? t("settlement.released") : s.funded ? t("settlement.held", { amount: yen(s.escrowBalance) }) : t("settlement.notFunded")}</dd>
      </dl>
    </aside>
  );
}

import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { Schemas } from "../../../api/client";
import { limits } from "../../../api/limits.gen";
import { AttachFiles, attachKey } from "../../../ui/AttachFiles";
import { date, dateTime, yen } from "../../../ui/format";
import { Field } from "../../../ui/Field";
import { FileList } from "../../../ui/FileList";
import { LinkList } from "../../../ui/LinkList";
import { Problem } from "../../../ui/Problem";
import { Submit } from "../../../ui/Submit";
import { apiErrorsFor, textErrors } from "../../../ui/validation";
import { useAddStatement } from "../api";

type DisputeDetail = Schemas["Disputes.DisputeDetail"];

/** A dispute as both parties and the administrator read it: the proposal, both sides' statements, the submitted work. */
export function DisputeView({ detail, canState }: { detail: DisputeDetail; canState: boolean }) {
  const { t } = useTranslation();
  const d = detail.dispute;
  return (
    <article>
      <h1>{t("disputes.title", { title: d.jobTitle })}</h1>
      <p className="meta">
        <span className={`status status-${d.status}`}>{t(`disputes.status_${d.status}`)}</span>
        <span>{yen(d.amount)}</span>
        <span>{d.businessName}</span>
        <span>{d.workerName}</span>
        <span>{t("disputes.escrow", { amount: yen(detail.escrowBalance) })}</span>
        <Link to={`/contracts/${d.contractId}`}>{t("disputes.backToContract")}</Link>
      </p>
      {d.status === "decided" && (
        <section className="notice">
          <p>
            <strong>{t("disputes.decision", { share: yen(d.workerShare ?? 0) })}</strong>
          </p>
          {d.decisionReason && <p className="message">{d.decisionReason}</p>}
        </section>
      )}
      {detail.awaitingStatements && d.statementsDueAt && (
        <section className="notice" aria-labelledby="awaiting-title">
          <h2 id="awaiting-title">{t("disputes.awaiting", { date: date(d.statementsDueAt) })}</h2>
          <p>{t("disputes.awaitingSides", { sides: detail.awaitedSides.map((s) => t(`disputes.side_${s}`)).join("、") })}</p>
        </section>
      )}
      <section aria-labelledby="proposal-title">
        <h2 id="proposal-title">{t("disputes.proposal")}</h2>
        <p>{t("disputes.proposalText", { name: detail.cancellation.proposedByName, share: yen(detail.cancellation.workerShare) })}</p>
        <p className="message">{detail.cancellation.reason}</p>
      </section>
      <section aria-labelledby="statements-title">
        <h2 id="statements-title">{t("disputes.statements")}</h2>
        {detail.statements.length === 0 ? (
          <p>{t("disputes.noStatements")}</p>
        ) : (
          <ol className="timeline">
            {detail.statements.map((s) => (
              <li key={s.id}>
                <time dateTime={s.createdAt}>{dateTime(s.createdAt)}</time>
                <strong>
                  {s.authorName}（{t(`disputes.side_${s.side}`)}）
                </strong>
                <p className="message">{s.body}</p>
                <FileList files={s.files ?? []} />
              </li>
            ))}
          </ol>
        )}
        {canState && d.status === "open" && <StatementForm id={d.id} />}
      </section>
      <section aria-labelledby="dispute-submissions-title">
        <h2 id="dispute-submissions-title">{t("disputes.submissions")}</h2>
        {detail.submissions.length === 0 && <p>{t("disputes.noSubmissions")}</p>}
        <ol className="timeline">
          {detail.submissions.map((s) => (
            <li key={s.id}>
              <time dateTime={s.createdAt}>{dateTime(s.createdAt)}</time>
              <p className="message">{s.message}</p>
              <FileList files={s.files ?? []} />
              <LinkList links={s.links} />
            </li>
          ))}
        </ol>
      </section>
      <section aria-labelledby="dispute-thread-title">
        <h2 id="dispute-thread-title">{t("disputes.thread")}</h2>
        {detail.messages.length === 0 ? (
          <p>{t("disputes.noMessages")}</p>
        ) : (
          <ol className="timeline">
            {detail.messages.map((m) => (
              <li key={m.id}>
                <p className="meta">
                  <strong>{m.senderName}</strong> <time dateTime={m.createdAt}>{dateTime(m.createdAt)}</time>
                </p>
                <p className="message">{m.body}</p>
                {m.files.length > 0 && <p className="meta">{m.files.map((f) => f.name).join("、")}</p>}
              </li>
            ))}
          </ol>
        )}
      </section>
    </article>
  );
}

function StatementForm({ id }: { id: string }) {
  const { t } = useTranslation();
  const add = useAddStatement(id);
  const [body, setBody] = useState("");
  const [fileIds, setFileIds] = useState<string[]>([]);
  const [filesKey, setFilesKey] = useState(attachKey);
  const [touched, setTouched] = useState(false);
  const errors = textErrors(t, body, limits["Disputes.AddStatement.Command"].body);
  function send(e: FormEvent) {
    e.preventDefault();
    setTouched(true);
    if (errors.length) return;
    add.mutate({ body: body.trim(), fileIds }, { onSuccess: () => (setBody(""), setFileIds([]), setFilesKey(attachKey()), setTouched(false)) });
  }
  return (
    <form onSubmit={send} noValidate className="form panel" aria-labelledby="statement-title">
      <h3 id="statement-title">{t("disputes.addStatement")}</h3>
      <Field label={t("disputes.statementBody")} errors={touched ? errors : []} apiErrors={apiErrorsFor(add.error, "body")}>
        {(p) => <textarea {...p} rows={4} value={body} onChange={(e) => setBody(e.target.value)} />}
      </Field>
      <p className="hint">{t("disputes.statementFiles")}</p>
      <AttachFiles key={filesKey} onChange={(files) => setFileIds(files.map((f) => f.id))} />
      <Problem error={add.error} />
      <Submit busy={add.isPending}>{t("disputes.send")}</Submit>
    </form>
  );
}

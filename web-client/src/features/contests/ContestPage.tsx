import "../../i18n/contestWords";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import type { Account, StoredFile } from "../../api/client";
import { AttachFiles } from "../../ui/AttachFiles";
import { Field } from "../../ui/Field";
import { FileList } from "../../ui/FileList";
import { dateTime, yen } from "../../ui/format";
import { Pending } from "../../ui/Pending";
import { Problem } from "../../ui/Problem";
import { Submit } from "../../ui/Submit";
import { textErrors } from "../../ui/validation";
import { useChooseWinner, useContest, useDecideWinner, useReviewEntry, useSubmitEntry, type Contest, type ContestEntry } from "./api";
import { entryLimits, reviewLimits } from "./rules";

/**
 * One contest (issue 24): its brief, prize, deadline, minimum and copyright terms, shown before anyone enters; a
 * worker's entry form and its own entries; the business's entries with previews, private ratings and the winner's
 * choice; when the business chose none in time, the administrators' choice by its ratings. Which entries arrive is the
 * API's decision (an entrant reads only its own until the winner is chosen).
 */
export function ContestPage({ account }: { account: Account }) {
  const { t } = useTranslation();
  const { id = "" } = useParams();
  const contest = useContest(id);
  if (contest.isPending) return <Pending />;
  if (contest.isError) return <Problem error={contest.error} onRetry={() => void contest.refetch()} />;
  const c = contest.data;
  const mine = c.businessId === account.id;
  const judging = mine || account.role === "producer" || account.role === "administrator";
  // The business chose none within its 14 days and the contest met its minimum: the office chooses, by the business's ratings.
  const deciding = account.role === "administrator" && c.phase === "administrator";
  return (
    <section>
      <h1>{c.title}</h1>
      <p className="meta">
        <span>{c.businessName}</span> <span>{t(`categories.${c.category}`)}</span> <span>{t(`contests.phase.${c.phase}`)}</span>
      </p>
      <Terms contest={c} />
      <h2>{t("contests.brief")}</h2>
      <p className="pre-wrap">{c.description}</p>
      <FileList files={c.referenceFiles} label={t("contests.referenceFiles")} />
      {c.contractId && (mine || c.entries.some((e) => e.winner && e.workerId === account.id)) && (
        <p>
          <Link to={`/contracts/${c.contractId}`}>{t("contests.toContract")}</Link>
        </p>
      )}
      {account.role === "worker" && c.phase === "entering" && <EntryForm contestId={c.id} />}
      {account.role === "worker" && c.phase === "awaitingPrize" && <p>{t("contests.notFunded")}</p>}
      {(mine || account.role === "producer") && c.phase === "awaitingPrize" && (
        <p>
          {t("contests.awaitingPrize", { prize: yen(c.prize) })} <Link to={`/jobs/${c.id}/payment-request`}>{t("contests.paymentRequest")}</Link>
        </p>
      )}
      {deciding && <p className="notice">{t("contests.decideLead")}</p>}
      <Entries
        contest={c}
        judging={judging}
        canReview={mine || account.role === "producer"}
        chooser={mine && c.phase === "choosing" ? "business" : deciding ? "administrator" : null}
        workerId={account.id}
      />
    </section>
  );
}

/** What an entrant agrees to, before entering: the prize, the deadline, the minimum and the copyright terms. */
function Terms({ contest: c }: { contest: Contest }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="contest-terms">
      <h2 id="contest-terms" className="h3">{t("contests.terms")}</h2>
      <dl className="facts">
      <dt>{t("contests.prize")}</dt>
      <dd><strong>{yen(c.prize)}</strong></dd>
      <dt>{t("contests.deadline")}</dt>
      <dd><time dateTime={c.entriesCloseAt}>{dateTime(c.entriesCloseAt, new Date(), { withYear: true })}</time></dd>
      <dt>{t("contests.minimumEntries")}</dt>
      <dd>{t("contests.minimumTerms", { minimum: c.minimumEntries, entries: c.entryCount })}</dd>
      <dt>{t("contests.chooseBy")}</dt>
      <dd><time dateTime={c.chooseBy}>{dateTime(c.chooseBy, new Date(), { withYear: true })}</time></dd>
      <dt>{t("contests.copyright")}</dt>
      <dd>
        {t(c.copyrightTransfers ? "contests.copyrightTransfers" : "contests.copyrightStays")} {t("contests.copyrightLosers")}
      </dd>
      </dl>
    </section>
  );
}

function EntryForm({ contestId }: { contestId: string }) {
  const { t } = useTranslation();
  const submit = useSubmitEntry(contestId);
  const [note, setNote] = useState("");
  const [files, setFiles] = useState<StoredFile[]>([]);
  // AttachFiles starts afresh after each entry, so that the next entry's files are its own.
  const [round, setRound] = useState(0);
  const [touched, setTouched] = useState(false);
  const errors = {
    note: textErrors(t, note, entryLimits.note),
    files: files.length === 0 ? [t("contests.filesRequired")] : [],
  };
  function send(e: FormEvent) {
    e.preventDefault();
    setTouched(true);
    if (errors.note.length || errors.files.length) return;
    submit.mutate(
      { note: note.trim(), fileIds: files.map((f) => f.id) },
      { onSuccess: () => (setNote(""), setFiles([]), setTouched(false), setRound((n) => n + 1)) },
    );
  }
  return (
    <form onSubmit={send} noValidate className="form panel" aria-labelledby="enter-title">
      <h2 id="enter-title" className="h3">{t("contests.enter")}</h2>
      <p className="hint">{t("contests.enterHint")}</p>
      <fieldset>
        <legend>{t("contests.entryFiles")}</legend>
        <AttachFiles key={round} onChange={setFiles} max={entryLimits.fileIds.maxItems} />
        {touched && errors.files.map((m) => <p key={m} className="error" role="alert">{m}</p>)}
      </fieldset>
      <Field label={t("contests.note")} errors={touched ? errors.note : []}>
        {(p) => <textarea {...p} rows={3} value={note} onChange={(e) => setNote(e.target.value)} />}
      </Field>
      {submit.isError && <Problem error={submit.error} />}
      {submit.isSuccess && <p role="status">{t("contests.entered1")}</p>}
      <Submit busy={submit.isPending}>{t("contests.submitEntry")}</Submit>
    </form>
  );
}

type Chooser = "business" | "administrator" | null;

function Entries({ contest, judging, canReview, chooser, workerId }: { contest: Contest; judging: boolean; canReview: boolean; chooser: Chooser; workerId: string }) {
  const { t } = useTranslation();
  const byBusiness = useChooseWinner(contest.id);
  const byAdministrator = useDecideWinner(contest.id);
  const choose = chooser === "administrator" ? byAdministrator : byBusiness;
  const heading = judging ? t("contests.entries") : t("contests.myEntries");
  return (
    <section aria-labelledby="entries-title">
      <h2 id="entries-title">{heading}</h2>
      {choose.isError && <Problem error={choose.error} />}
      {contest.entries.length === 0 ? (
        <p>{t("contests.noEntries")}</p>
      ) : (
        <ul className="cards">
          {contest.entries.map((e, i) => (
            <li key={e.id} className="card" aria-label={t("contests.entryNumber", { number: i + 1 })}>
              <h3 className="h3">
                {t("contests.entryNumber", { number: i + 1 })}
                {e.winner && <strong> — {t("contests.winner")}</strong>}
              </h3>
              <p className="meta">
                <span>{e.workerId === workerId ? t("contests.you") : e.workerName}</span>{" "}
                <time dateTime={e.createdAt}>{dateTime(e.createdAt)}</time>
              </p>
              {e.note && <p className="pre-wrap">{e.note}</p>}
              <FileList files={e.files} />
              {canReview && <ReviewForm contestId={contest.id} entry={e} />}
              {chooser === "administrator" && (
                <p className="meta">
                  {t("contests.businessRating", { rating: e.rating ? `${"★".repeat(e.rating)} (${e.rating}/5)` : t("contests.notRated") })}
                  {e.comment && <> — {e.comment}</>}
                </p>
              )}
              {chooser && (
                <button type="button" className="primary" disabled={choose.isPending} onClick={() => {
                  if (window.confirm(t("contests.chooseConfirm", { number: i + 1, prize: yen(contest.prize) }))) choose.mutate(e.id);
                }}>
                  {t("contests.choose", { number: i + 1 })}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** The business's private rating and comment: never shown to the entrant; the administrator decides by them if it does not. */
function ReviewForm({ contestId, entry }: { contestId: string; entry: ContestEntry }) {
  const { t } = useTranslation();
  const review = useReviewEntry(contestId);
  const [rating, setRating] = useState(entry.rating ? String(entry.rating) : "");
  const [comment, setComment] = useState(entry.comment ?? "");
  return (
    <details>
      <summary>{entry.rating ? t("contests.rated", { rating: entry.rating }) : t("contests.review")}</summary>
      <form
        className="form"
        onSubmit={(e) => {
          e.preventDefault();
          review.mutate({ entryId: entry.id, rating: rating ? Number(rating) : undefined, comment: comment.trim() || undefined });
        }}
      >
        <p className="hint">{t("contests.reviewPrivate")}</p>
        <label>
          {t("contests.rating")}
          <select value={rating} onChange={(e) => setRating(e.target.value)}>
            <option value="">—</option>
            {[5, 4, 3, 2, 1].map((n) => (
              <option key={n} value={n}>{"★".repeat(n)}</option>
            ))}
          </select>
        </label>
        <label>
          {t("contests.comment")}
          <textarea rows={2} maxLength={reviewLimits.comment.maxLength} value={comment} onChange={(e) => setComment(e.target.value)} />
        </label>
        {review.isError && <Problem error={review.error} />}
        {review.isSuccess && <p role="status">{t("contests.reviewSaved")}</p>}
        <Submit busy={review.isPending}>{t("contests.saveReview")}</Submit>
      </form>
    </details>
  );
}

import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import type { Question } from "../../../api/client";
import { limits } from "../../../api/limits.gen";
import { dateTime } from "../../../ui/format";
import { Field } from "../../../ui/Field";
import { Pending } from "../../../ui/Pending";
import { Problem } from "../../../ui/Problem";
import { Submit } from "../../../ui/Submit";
import { apiErrorsFor, textErrors } from "../../../ui/validation";
import { useAnswerQuestion, useAskQuestion, useQuestions } from "../api";

const askLimits = limits["Conversations.AskQuestion.Command"];

/** A job's questions and answers; a worker asks while the job is open, the job's business or producer answers. */
export function JobQuestions({ jobId, canAsk, canAnswer }: { jobId: string; canAsk: boolean; canAnswer: boolean }) {
  const { t } = useTranslation();
  const questions = useQuestions(jobId);
  return (
    <section aria-labelledby="questions-title">
      <h2 id="questions-title">{t("questions.title")}</h2>
      {questions.isPending ? (
        <Pending />
      ) : questions.isError ? (
        <Problem error={questions.error} onRetry={() => void questions.refetch()} />
      ) : questions.data.length === 0 ? (
        <p>{t("questions.none")}</p>
      ) : (
        <ol className="questions">
          {questions.data.map((q) => (
            <QuestionItem key={q.id} jobId={jobId} question={q} canAnswer={canAnswer} />
          ))}
        </ol>
      )}
      {canAsk && <AskForm jobId={jobId} />}
    </section>
  );
}

function QuestionItem({ jobId, question: q, canAnswer }: { jobId: string; question: Question; canAnswer: boolean }) {
  const { t } = useTranslation();
  return (
    <li className="question">
      <p className="meta">
        <span>{q.askerName ?? (q.mine ? t("questions.you") : t("questions.aWorker"))}</span>
        <time dateTime={q.createdAt}>{dateTime(q.createdAt)}</time>
        {q.answerPublic === false && <span className="tag">{t("questions.private")}</span>}
      </p>
      <p className="message">{q.body}</p>
      {q.answer ? (
        <div className="answer">
          <strong>{t("questions.answer")}</strong>
          <p className="message">{q.answer}</p>
        </div>
      ) : canAnswer ? (
        <AnswerForm jobId={jobId} questionId={q.id} />
      ) : (
        <p className="hint">{t("questions.unanswered")}</p>
      )}
    </li>
  );
}

function AskForm({ jobId }: { jobId: string }) {
  const { t } = useTranslation();
  const ask = useAskQuestion(jobId);
  const [body, setBody] = useState("");
  const [touched, setTouched] = useState(false);
  const errors = textErrors(t, body, askLimits.body);
  function send(e: FormEvent) {
    e.preventDefault();
    setTouched(true);
    if (errors.length) return;
    ask.mutate(body.trim(), { onSuccess: () => (setBody(""), setTouched(false)) });
  }
  return (
    <form onSubmit={send} noValidate className="form panel" aria-labelledby="ask-title">
      <h3 id="ask-title">{t("questions.askTitle")}</h3>
      <Field label={t("questions.question")} hint={t("questions.noContactHint")} errors={touched ? errors : []} apiErrors={apiErrorsFor(ask.error, "body")}>
        {(p) => <textarea {...p} rows={3} value={body} onChange={(e) => setBody(e.target.value)} />}
      </Field>
      <Problem error={ask.error} />
      <Submit busy={ask.isPending}>{t("questions.ask")}</Submit>
    </form>
  );
}

function AnswerForm({ jobId, questionId }: { jobId: string; questionId: string }) {
  const { t } = useTranslation();
  const answer = useAnswerQuestion(jobId, questionId);
  const [body, setBody] = useState("");
  const [isPublic, setPublic] = useState(true);
  const [touched, setTouched] = useState(false);
  const errors = textErrors(t, body, limits["Conversations.AnswerQuestion.Command"].body);
  function send(e: FormEvent) {
    e.preventDefault();
    setTouched(true);
    if (errors.length) return;
    answer.mutate({ body: body.trim(), public: isPublic });
  }
  return (
    <form onSubmit={send} noValidate className="form">
      <Field label={t("questions.yourAnswer")} hint={t("questions.noContactHint")} errors={touched ? errors : []} apiErrors={apiErrorsFor(answer.error, "body")}>
        {(p) => <textarea {...p} rows={3} value={body} onChange={(e) => setBody(e.target.value)} />}
      </Field>
      <label className="choice">
        <input type="checkbox" checked={isPublic} onChange={(e) => setPublic(e.target.checked)} />
        <span>{t("questions.public")}</span>
      </label>
      <Problem error={answer.error} />
      <Submit busy={answer.isPending}>{t("questions.sendAnswer")}</Submit>
    </form>
  );
}

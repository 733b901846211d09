import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { limits } from "../../../api/limits.gen";
import { Field } from "../../../ui/Field";
import { Problem } from "../../../ui/Problem";
import { Submit } from "../../../ui/Submit";
import { apiErrorsFor, textErrors } from "../../../ui/validation";
import type { useAnswerTicket } from "../api";

/**
 * One more message on a ticket: the person writing again, or the office answering (the caller passes which, and names
 * the box: the person's question, or the office's answer).
 */
export function ReplyForm({ send, title, label, fieldLabel, hint }: {
  send: ReturnType<typeof useAnswerTicket>; title: string; label: string; fieldLabel?: string; hint?: string;
}) {
  const { t } = useTranslation();
  const [body, setBody] = useState("");
  const [touched, setTouched] = useState(false);
  const errors = textErrors(t, body, limits["Help.AnswerTicket.Command"].body);
  function submit(e: FormEvent) {
    e.preventDefault();
    setTouched(true);
    if (errors.length) return;
    send.mutate({ body: body.trim() }, { onSuccess: () => (setBody(""), setTouched(false)) });
  }
  return (
    <form onSubmit={submit} noValidate className="form panel" aria-labelledby="reply-title">
      <h2 id="reply-title">{title}</h2>
      <Field label={fieldLabel ?? t("help.body")} hint={hint} errors={touched ? errors : []} apiErrors={apiErrorsFor(send.error, "body")}>
        {(p) => <textarea {...p} rows={4} value={body} onChange={(e) => setBody(e.target.value)} />}
      </Field>
      <Problem error={send.error} />
      <Submit busy={send.isPending}>{label}</Submit>
    </form>
  );
}

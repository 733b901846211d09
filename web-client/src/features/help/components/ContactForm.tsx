import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { limits } from "../../../api/limits.gen";
import { Field } from "../../../ui/Field";
import { Problem } from "../../../ui/Problem";
import { Submit } from "../../../ui/Submit";
import { apiErrorsFor, textErrors } from "../../../ui/validation";
import { useContact } from "../api";

const limit = limits["Help.Contact.Command"];

/** The contact form: a question to the office, which answers in the product and by mail. */
export function ContactForm() {
  const { t } = useTranslation();
  const contact = useContact();
  const [subject, setSubject] = useState("");
  const [body, setBody] = useState("");
  const [touched, setTouched] = useState(false);
  const subjectErrors = textErrors(t, subject, limit.subject);
  const bodyErrors = textErrors(t, body, limit.body);
  function send(e: FormEvent) {
    e.preventDefault();
    setTouched(true);
    if (subjectErrors.length || bodyErrors.length) return;
    contact.mutate({ subject: subject.trim(), body: body.trim() }, { onSuccess: () => (setSubject(""), setBody(""), setTouched(false)) });
  }
  return (
    <form onSubmit={send} noValidate className="form panel" aria-labelledby="contact-title">
      <h2 id="contact-title">{t("help.contactTitle")}</h2>
      <p className="hint">{t("help.contactLead")}</p>
      <Field label={t("help.subject")} errors={touched ? subjectErrors : []} apiErrors={apiErrorsFor(contact.error, "subject")}>
        {(p) => <input {...p} value={subject} maxLength={limit.subject.maxLength} onChange={(e) => setSubject(e.target.value)} />}
      </Field>
      <Field label={t("help.body")} errors={touched ? bodyErrors : []} apiErrors={apiErrorsFor(contact.error, "body")}>
        {(p) => <textarea {...p} rows={5} value={body} onChange={(e) => setBody(e.target.value)} />}
      </Field>
      <Problem error={contact.error} />
      {contact.isSuccess && !contact.isPending && (
        <p className="notice" role="status">
          {t("help.sent")}
        </p>
      )}
      <Submit busy={contact.isPending}>{t("help.send")}</Submit>
    </form>
  );
}

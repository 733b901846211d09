import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import type { StoredFile } from "../../../api/client";
import { AttachFiles } from "../../../ui/AttachFiles";
import { useDraft } from "../../../ui/drafts";
import { limits } from "../../../api/limits.gen";
import { Field } from "../../../ui/Field";
import { Problem } from "../../../ui/Problem";
import { Submit } from "../../../ui/Submit";
import { apiErrorsFor, textErrors } from "../../../ui/validation";

/** What a delivery carries, the whole contract's or one milestone's: a note, links and files. */
export type Delivery = { message: string; links: string[]; fileIds: string[] };

/** The API's limits on a delivery, from its OpenAPI document (a milestone's delivery has the same). */
const deliveryLimits = limits["Contracts.SubmitWork.Command"];

/**
 * Delivering work: the note and links, kept as drafts under `draft` (a session expiring under the form loses nothing),
 * and files, uploaded at once. The same form delivers a contract and each milestone of one (issue 24: a milestone is
 * delivered "exactly as a contract").
 */
export function DeliveryForm({ draft, title, submitLabel, send, busy, error }: {
  draft: string;
  title?: string;
  submitLabel: string;
  send: (delivery: Delivery, done: () => void) => void;
  busy: boolean;
  error: unknown;
}) {
  const { t } = useTranslation();
  const [message, setMessage, clearMessage] = useDraft(`${draft}-message`, "");
  const [links, setLinks, clearLinks] = useDraft(`${draft}-links`, "");
  const [files, setFiles] = useState<StoredFile[]>([]);
  const [round, setRound] = useState(0);
  const [touched, setTouched] = useState(false);
  const list = links.split(/\s+/).filter(Boolean);
  const errors = {
    message: textErrors(t, message, deliveryLimits.message),
    links:
      list.length > deliveryLimits.links.maxItems
        ? [t("validation.tooManyLinks")]
        : list.some((l) => !/^https?:\/\/\S+$/i.test(l))
          ? [t("validation.linkNotHttp")]
          : (list.map((l) => textErrors(t, l, deliveryLimits.links.items)).find((e) => e.length) ?? []),
  };
  function onSubmit(e: FormEvent) {
    e.preventDefault();
    setTouched(true);
    if (errors.message.length || errors.links.length) return;
    send({ message: message.trim(), links: list, fileIds: files.map((f) => f.id) }, () => {
      clearMessage();
      clearLinks();
      setFiles([]);
      setRound((r) => r + 1);
      setTouched(false);
    });
  }
  const titleId = `${draft}-title`;
  return (
    <form onSubmit={onSubmit} noValidate className={title ? "form panel" : "form"} aria-labelledby={title ? titleId : undefined}>
      {title && <h2 id={titleId}>{title}</h2>}
      <Field label={t("contracts.submissionMessage")} hint={t("contracts.submissionMessageHint")} errors={touched ? errors.message : []} apiErrors={apiErrorsFor(error, "message")}>
        {(p) => <textarea {...p} rows={title ? 5 : 3} value={message} onChange={(e) => setMessage(e.target.value)} />}
      </Field>
      <Field label={t("contracts.links")} hint={t("contracts.linksHint")} errors={touched ? errors.links : []} apiErrors={apiErrorsFor(error, "links")}>
        {(p) => <textarea {...p} rows={title ? 3 : 2} value={links} onChange={(e) => setLinks(e.target.value)} />}
      </Field>
      <AttachFiles key={round} onChange={setFiles} />
      <Problem error={error} />
      <Submit busy={busy}>{submitLabel}</Submit>
    </form>
  );
}

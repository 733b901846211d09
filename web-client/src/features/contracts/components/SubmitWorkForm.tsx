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
import { useSubmitWork } from "../api";

/** The API's limits on a delivery, from its OpenAPI document. */
const submitLimits = limits["Contracts.SubmitWork.Command"];

export function SubmitWorkForm({ id, revision }: { id: string; revision: boolean }) {
  const { t } = useTranslation();
  const submit = useSubmitWork(id);
  // The note and links are kept as drafts (a session expiring under the form loses nothing); files are uploaded at once.
  const [message, setMessage, clearMessage] = useDraft("delivery-message", "");
  const [links, setLinks, clearLinks] = useDraft("delivery-links", "");
  const [files, setFiles] = useState<StoredFile[]>([]);
  const [round, setRound] = useState(0);
  const [touched, setTouched] = useState(false);
  const list = links.split(/\s+/).filter(Boolean);
  const errors = {
    message: textErrors(t, message, submitLimits.message),
    links:
      list.length > submitLimits.links.maxItems
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
      { onSuccess: () => (clearMessage(), clearLinks(), setFiles([]), setRound((r) => r + 1), setTouched(false)) },
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

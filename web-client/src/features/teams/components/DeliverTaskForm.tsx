import "../../../i18n/teamWords";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import type { StoredFile } from "../../../api/client";
import { AttachFiles } from "../../../ui/AttachFiles";
import { Field } from "../../../ui/Field";
import { Problem } from "../../../ui/Problem";
import { Submit } from "../../../ui/Submit";
import { apiErrorsFor, textErrors } from "../../../ui/validation";
import { useSubmitTask, type TeamTask } from "../api";
import { deliveryLimits } from "../rules";

/** The member delivers its task to the director (again after a return); the director then approves or returns it. */
export function DeliverTaskForm({ task }: { task: TeamTask }) {
  const { t } = useTranslation();
  const deliver = useSubmitTask(task.id);
  const [message, setMessage] = useState("");
  const [touched, setTouched] = useState(false);
  const [files, setFiles] = useState<StoredFile[]>([]);
  const [round, setRound] = useState(0);
  const errors = textErrors(t, message, deliveryLimits.message);
  if (task.status !== "assigned" && task.status !== "returned") return null;
  function submit(e: FormEvent) {
    e.preventDefault();
    setTouched(true);
    if (errors.length) return;
    deliver.mutate(
      { message: message.trim(), fileIds: files.map((f) => f.id) },
      { onSuccess: () => (setMessage(""), setFiles([]), setRound((r) => r + 1), setTouched(false)) },
    );
  }
  return (
    <form onSubmit={submit} noValidate className="form panel" aria-labelledby="deliver-title">
      <h2 id="deliver-title">{t("teams.deliver.title")}</h2>
      <Field label={t("teams.deliver.message")} hint={t("teams.deliver.hint")} errors={touched ? errors : []} apiErrors={apiErrorsFor(deliver.error, "message")}>
        {(p) => <textarea {...p} rows={4} value={message} onChange={(e) => setMessage(e.target.value)} />}
      </Field>
      <AttachFiles key={round} onChange={setFiles} />
      <Problem error={deliver.error} />
      <Submit busy={deliver.isPending}>{t("teams.deliver.submit")}</Submit>
    </form>
  );
}

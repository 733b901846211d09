import "../../../i18n/teamWords";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import type { StoredFile } from "../../../api/client";
import { AttachFiles } from "../../../ui/AttachFiles";
import { Field } from "../../../ui/Field";
import { Problem } from "../../../ui/Problem";
import { Submit } from "../../../ui/Submit";
import { apiErrorsFor } from "../../../ui/validation";
import { useCreateTask, type ContractTasks, type Team } from "../api";
import { hasErrors, taskErrors, taskLimits, type TaskForm as Form } from "../rules";

const empty: Form = { title: "", instructions: "", amount: "", hours: "", dueAt: "", assigneeId: "" };

/** One member's piece of the order; its amount is checked against what is still unassigned of the team's net. */
export function TaskForm({ contract, members }: { contract: ContractTasks; members: Team["members"] }) {
  const { t } = useTranslation();
  const create = useCreateTask(contract.contractId);
  const [form, setForm] = useState<Form>(empty);
  const [touched, setTouched] = useState(false);
  // The manual and the client's material shared with the member; a new AttachFiles after each task made starts empty.
  const [files, setFiles] = useState<StoredFile[]>([]);
  const [round, setRound] = useState(0);
  const errors = taskErrors(t, form, contract);
  const shown = (key: keyof Form) => (touched ? errors[key] : []);
  const set = (key: keyof Form, value: string) => setForm((f) => ({ ...f, [key]: value }));
  function submit(e: FormEvent) {
    e.preventDefault();
    setTouched(true);
    if (hasErrors(errors)) return;
    create.mutate(
      {
        title: form.title.trim(),
        instructions: form.instructions.trim(),
        amount: Number(form.amount),
        hours: Number(form.hours),
        dueAt: new Date(form.dueAt).toISOString(),
        assigneeId: form.assigneeId,
        fileIds: files.map((f) => f.id),
      },
      { onSuccess: () => (setForm(empty), setFiles([]), setRound((r) => r + 1), setTouched(false)) },
    );
  }
  return (
    <form onSubmit={submit} noValidate className="form panel" aria-labelledby="task-form-title">
      <h2 id="task-form-title">{t("teams.task.formTitle")}</h2>
      <Field label={t("teams.task.title")} errors={shown("title")} apiErrors={apiErrorsFor(create.error, "title")}>
        {(p) => <input {...p} maxLength={taskLimits.title.maxLength} value={form.title} onChange={(e) => set("title", e.target.value)} />}
      </Field>
      <Field label={t("teams.task.instructions")} errors={shown("instructions")} apiErrors={apiErrorsFor(create.error, "instructions")}>
        {(p) => <textarea {...p} rows={3} value={form.instructions} onChange={(e) => set("instructions", e.target.value)} />}
      </Field>
      <Field label={t("teams.task.assignee")} errors={shown("assigneeId")} apiErrors={apiErrorsFor(create.error, "assigneeId")}>
        {(p) => (
          <select {...p} value={form.assigneeId} onChange={(e) => set("assigneeId", e.target.value)}>
            <option value="">{t("teams.task.chooseMember")}</option>
            {members.map((m) => (
              <option key={m.userId} value={m.userId}>
                {m.displayName}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t("teams.task.amount")} hint={t("teams.task.amountHint", { left: contract.unassigned.toLocaleString() })} errors={shown("amount")} apiErrors={apiErrorsFor(create.error, "amount")}>
        {(p) => <input {...p} type="number" inputMode="numeric" min={taskLimits.amount.minimum} max={contract.unassigned} value={form.amount} onChange={(e) => set("amount", e.target.value)} />}
      </Field>
      <Field label={t("teams.task.hours")} errors={shown("hours")} apiErrors={apiErrorsFor(create.error, "hours")}>
        {(p) => <input {...p} type="number" inputMode="numeric" min={taskLimits.hours.minimum} max={taskLimits.hours.maximum} value={form.hours} onChange={(e) => set("hours", e.target.value)} />}
      </Field>
      <Field label={t("teams.task.dueAt")} errors={shown("dueAt")} apiErrors={apiErrorsFor(create.error, "dueAt")}>
        {(p) => <input {...p} type="datetime-local" value={form.dueAt} onChange={(e) => set("dueAt", e.target.value)} />}
      </Field>
      <p className="hint">{t("teams.task.filesHint")}</p>
      <AttachFiles key={round} onChange={setFiles} />
      <Problem error={create.error} />
      <Submit busy={create.isPending}>{t("teams.task.submit")}</Submit>
    </form>
  );
}

import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import type { Job, StoredFile, Versioned } from "../../../api/client";
import { AttachFiles, attachKey } from "../../../ui/AttachFiles";
import { Problem } from "../../../ui/Problem";
import { Submit } from "../../../ui/Submit";
import { useUpdateJob } from "../api";

/**
 * The business's own open job, edited where the API lets it change a job after posting: its reference files (kept,
 * removed, added), whether they are confidential, and which ones visitors may download.
 */
export function EditJobFiles({ job }: { job: Versioned<Job> }) {
  const { t } = useTranslation();
  const update = useUpdateJob(job.id);
  const [kept, setKept] = useState<StoredFile[]>(job.files ?? []);
  const [added, setAdded] = useState<StoredFile[]>([]);
  const [addKey, setAddKey] = useState(attachKey);
  const [confidential, setConfidential] = useState(job.confidentialFiles);
  // The version the form opened with, sent as If-Match: a save over another tab's change is refused (412), not lost.
  const [version, setVersion] = useState(job.etag);
  const [publicIds, setPublicIds] = useState<ReadonlySet<string>>(new Set((job.files ?? []).filter((f) => f.public).map((f) => f.id)));
  const all = [...kept, ...added];
  function save(e: FormEvent) {
    e.preventDefault();
    update.mutate(
      {
        fileIds: all.map((f) => f.id),
        confidentialFiles: confidential,
        publicFileIds: confidential ? [] : all.filter((f) => publicIds.has(f.id)).map((f) => f.id),
        etag: version,
      },
      { onSuccess: (saved) => (setKept(saved.files ?? []), setAdded([]), setAddKey(attachKey()), setVersion(saved.etag)) },
    );
  }
  return (
    <details className="panel">
      <summary>{t("jobs.editTitle")}</summary>
      <form onSubmit={save} noValidate className="form">
        <p className="hint">{t("jobs.editText")}</p>
        {kept.length > 0 && (
          <ul className="files">
            {kept.map((f) => (
              <li key={f.id}>
                {f.name}{" "}
                <button type="button" className="link" onClick={() => setKept(kept.filter((x) => x.id !== f.id))}>
                  {t("files.remove", { name: f.name })}
                </button>
              </li>
            ))}
          </ul>
        )}
        <AttachFiles key={addKey} max={Math.max(0, 10 - kept.length)} onChange={setAdded} />
        <label className="choice">
          <input type="checkbox" checked={confidential} onChange={(e) => setConfidential(e.target.checked)} />
          <span>{t("files.confidential")}</span>
        </label>
        {all.length > 0 && !confidential && (
          <fieldset>
            <legend>{t("files.publicTitle")}</legend>
            <p className="hint">{t("files.publicHint")}</p>
            {all.map((f) => (
              <label key={f.id} className="choice">
                <input
                  type="checkbox"
                  checked={publicIds.has(f.id)}
                  onChange={(e) => {
                    const next = new Set(publicIds);
                    if (e.target.checked) next.add(f.id);
                    else next.delete(f.id);
                    setPublicIds(next);
                  }}
                />
                <span>{t("files.publicFile", { name: f.name })}</span>
              </label>
            ))}
          </fieldset>
        )}
        <Problem error={update.error} />
        {update.isSuccess && (
          <p className="notice" role="status">
            {t("jobs.editSaved")}
          </p>
        )}
        <Submit busy={update.isPending}>{t("jobs.editSave")}</Submit>
      </form>
    </details>
  );
}

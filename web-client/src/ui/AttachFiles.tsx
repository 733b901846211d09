import { useRef, useState, type DragEvent } from "react";
import { useTranslation } from "react-i18next";
import { ApiError, type StoredFile } from "../api/client";
import { Problem } from "./Problem";
import { fileSize, uploadFile, UploadCancelled, type Upload } from "./upload";

interface Item {
  key: number;
  file: File;
  percent: number;
  upload?: Upload;
  stored?: StoredFile;
  error?: unknown;
}

let next = 0;

/** A file the API refused for what it is (too large, a type it never takes): sending the same bytes again cannot help. */
const refusedForGood = (error: unknown) => error instanceof ApiError && (error.status === 413 || error.status === 415);

/**
 * Files attached to something being written (a message, a delivery, a job): picked or dropped, each uploaded at once
 * with a progress bar (percent and a cancel button). A failed one can be retried or removed; the text being written is
 * untouched either way. The parent gets the ids of the files that are uploaded.
 */
export function AttachFiles({ onChange, max = 10 }: { onChange: (files: StoredFile[]) => void; max?: number }) {
  const { t } = useTranslation();
  const [items, setItems] = useState<Item[]>([]);
  const [over, setOver] = useState(false);
  const input = useRef<HTMLInputElement>(null);

  function update(list: Item[]) {
    setItems(list);
    onChange(list.flatMap((i) => (i.stored ? [i.stored] : [])));
  }

  function start(item: Item) {
    const upload = uploadFile(item.file, (percent) => setItems((all) => all.map((i) => (i.key === item.key ? { ...i, percent } : i))));
    setItems((all) => all.map((i) => (i.key === item.key ? { ...i, upload, error: undefined, percent: 0 } : i)));
    upload.promise.then(
      (stored) =>
        setItems((all) => {
          const list = all.map((i) => (i.key === item.key ? { ...i, stored, upload: undefined, percent: 100 } : i));
          onChange(list.flatMap((i) => (i.stored ? [i.stored] : [])));
          return list;
        }),
      (error) =>
        setItems((all) =>
          error instanceof UploadCancelled ? all.filter((i) => i.key !== item.key) : all.map((i) => (i.key === item.key ? { ...i, error, upload: undefined } : i)),
        ),
    );
  }

  function add(files: FileList | null) {
    if (!files) return;
    const room = Math.max(0, max - items.length);
    const added = Array.from(files)
      .slice(0, room)
      .map((file) => ({ key: next++, file, percent: 0 }));
    setItems((all) => [...all, ...added]);
    added.forEach(start);
  }

  function drop(e: DragEvent) {
    e.preventDefault();
    setOver(false);
    add(e.dataTransfer.files);
  }

  return (
    <div
      className={`attach${over ? " over" : ""}`}
      onDragOver={(e) => {
        e.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={drop}
    >
      <p className="hint">{t("files.dropHint", { max })}</p>
      <button type="button" onClick={() => input.current?.click()} disabled={items.length >= max}>
        {t("files.choose")}
      </button>
      <input ref={input} type="file" multiple hidden onChange={(e) => (add(e.target.files), (e.target.value = ""))} aria-label={t("files.choose")} />
      {items.length > 0 && (
        <ul className="uploads">
          {items.map((i) => (
            <li key={i.key}>
              <span className="name">
                {i.file.name} <span className="hint">{fileSize(i.file.size)}</span>
              </span>
              {i.upload && (
                <>
                  <progress max={100} value={i.percent} aria-label={t("files.progress", { name: i.file.name })} />
                  <span aria-live="polite">{t("files.percent", { percent: i.percent })}</span>
                  <button type="button" className="link" onClick={() => i.upload?.abort()}>
                    {t("files.cancel")}
                  </button>
                </>
              )}
              {i.stored && <span className="done">{t("files.uploaded")}</span>}
              {i.error !== undefined && (
                <>
                  <Problem error={i.error} />
                  {!refusedForGood(i.error) && (
                    <button type="button" onClick={() => start(i)}>
                      {t("files.retry")}
                    </button>
                  )}
                </>
              )}
              {!i.upload && (
                <button type="button" className="link" onClick={() => update(items.filter((x) => x.key !== i.key))}>
                  {t("files.remove", { name: i.file.name })}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** Called by a form after it was sent, so the list starts empty again. */
export const attachKey = () => next++;

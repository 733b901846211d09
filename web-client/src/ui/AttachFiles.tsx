// The words of files a draft kept travel with the pages that write (not in the first load's JavaScript).
import "../i18n/threadWords";
import { useEffect, useRef, useState, type DragEvent } from "react";
import { useTranslation } from "react-i18next";
import { ApiError, type StoredFile } from "../api/client";
import { Problem } from "./Problem";
import { fileSize, uploadFile, UploadCancelled, type Upload } from "./upload";

interface Item {
  key: number;
  name: string;
  size: number;
  /** The file picked on this page; a file kept from a draft has none (it is uploaded already). */
  file?: File;
  percent: number;
  upload?: Upload;
  stored?: StoredFile;
  error?: unknown;
}

let next = 0;

/**
 * What a draft keeps of the list (ui/drafts.ts): an uploaded file is on the server and is referenced by its id, so it is
 * kept whole and comes back as uploaded. A file still uploading (or refused) when the page was left cannot be kept: the
 * browser gives a page no way to read a picked file again. Only its name is kept, to tell the person to choose it again.
 */
export interface KeptFile {
  name: string;
  stored?: StoredFile;
}

/** A file the API refused for what it is (too large, a type it never takes): sending the same bytes again cannot help. */
const refusedForGood = (error: unknown) => error instanceof ApiError && (error.status === 413 || error.status === 415);

/**
 * Files attached to something being written (a message, a delivery, a job): picked or dropped, each uploaded at once
 * with a progress bar (percent and a cancel button). A failed one can be retried or removed; the text being written is
 * untouched either way. The parent gets the ids of the files that are uploaded. A form that keeps a draft passes what it
 * kept (<c>kept</c>) and keeps what <c>onKeep</c> gives it.
 */
export function AttachFiles({
  onChange,
  max = 10,
  kept = [],
  onKeep,
}: {
  onChange: (files: StoredFile[]) => void;
  max?: number;
  kept?: KeptFile[];
  onKeep?: (files: KeptFile[]) => void;
}) {
  const { t } = useTranslation();
  const [items, setItems] = useState<Item[]>(() =>
    kept.flatMap((k) => (k.stored ? [{ key: next++, name: k.stored.name, size: k.stored.size, stored: k.stored, percent: 100 }] : [])),
  );
  // Files that had not finished uploading when the page was left: named until the person has chosen files again.
  const [lost, setLost] = useState<string[]>(() => kept.flatMap((k) => (k.stored ? [] : [k.name])));
  const [over, setOver] = useState(false);
  const input = useRef<HTMLInputElement>(null);

  // Kept as the list changes (not at every percent of a progress bar: the kept list is the same then).
  const keeping = JSON.stringify([...items.map((i): KeptFile => (i.stored ? { name: i.name, stored: i.stored } : { name: i.name })), ...lost.map((name) => ({ name }))]);
  useEffect(() => onKeep?.(JSON.parse(keeping) as KeptFile[]), [keeping, onKeep]);

  function update(list: Item[]) {
    setItems(list);
    onChange(list.flatMap((i) => (i.stored ? [i.stored] : [])));
  }

  function start(item: Item & { file: File }) {
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
      .map((file) => ({ key: next++, name: file.name, size: file.size, file, percent: 0 }));
    setItems((all) => [...all, ...added]);
    setLost([]);
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
      {lost.length > 0 && (
        <p className="notice" role="status">
          {t("files.chooseAgain", { count: lost.length, names: lost.join(t("files.separator")) })}{" "}
          <button type="button" className="link" onClick={() => setLost([])}>
            {t("files.dismiss")}
          </button>
        </p>
      )}
      <button type="button" onClick={() => input.current?.click()} disabled={items.length >= max}>
        {t("files.choose")}
      </button>
      <input ref={input} type="file" multiple hidden onChange={(e) => (add(e.target.files), (e.target.value = ""))} aria-label={t("files.choose")} />
      {items.length > 0 && (
        <ul className="uploads">
          {items.map((i) => (
            <li key={i.key}>
              <span className="name">
                {i.name} <span className="hint">{fileSize(i.size)}</span>
              </span>
              {i.upload && (
                <>
                  <progress max={100} value={i.percent} aria-label={t("files.progress", { name: i.name })} />
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
                  {!refusedForGood(i.error) && i.file && (
                    <button type="button" onClick={() => start({ ...i, file: i.file! })}>
                      {t("files.retry")}
                    </button>
                  )}
                </>
              )}
              {!i.upload && (
                <button type="button" className="link" onClick={() => update(items.filter((x) => x.key !== i.key))}>
                  {t("files.remove", { name: i.name })}
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

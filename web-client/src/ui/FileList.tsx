import { useTranslation } from "react-i18next";
import type { StoredFile } from "../api/client";
import { fileSize, fileUrl, inlineTypes } from "./upload";

/** Files to download: images previewed, audio with a player that seeks (the API answers range requests). */
export function FileList({ files, label }: { files: StoredFile[]; label?: string }) {
  const { t } = useTranslation();
  if (files.length === 0) return null;
  return (
    <ul className="files" aria-label={label ?? t("files.title")}>
      {files.map((f) => (
        <li key={f.id} className="file">
          {inlineTypes.includes(f.contentType) && <img src={fileUrl(f.id, true)} alt={f.name} className="preview" loading="lazy" width={320} height={240} />}
          {f.contentType.startsWith("audio/") && (
            <audio controls preload="none" src={fileUrl(f.id)} aria-label={t("files.play", { name: f.name })}>
              <track kind="captions" />
            </audio>
          )}
          <a href={fileUrl(f.id)} download={f.name}>
            {t("files.download", { name: f.name })}
          </a>{" "}
          <span className="hint">{fileSize(f.size)}</span>
        </li>
      ))}
    </ul>
  );
}

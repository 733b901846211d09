import { ApiError, NetworkError, type StoredFile } from "../api/client";

/** An upload in flight: its progress (0–100) arrives through onProgress; abort() cancels it. */
export interface Upload {
  promise: Promise<StoredFile>;
  abort: () => void;
}

/** Thrown when the person cancelled the upload. */
export class UploadCancelled extends Error {
  constructor() {
    super("cancelled");
  }
}

/**
 * POST /api/files with XMLHttpRequest, because fetch reports no upload progress: a 100 MB interview recording on a
 * phone takes minutes, and the person sees the percent and may cancel. Errors are the API's problems, as elsewhere.
 */
export function uploadFile(file: File, onProgress: (percent: number) => void): Upload {
  const xhr = new XMLHttpRequest();
  const promise = new Promise<StoredFile>((resolve, reject) => {
    xhr.open("POST", "/api/files");
    xhr.setRequestHeader("X-CSRF", "1");
    xhr.responseType = "json";
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress(Math.min(100, Math.round((e.loaded / e.total) * 100)));
    };
    xhr.onload = () => {
      if (xhr.status === 201) resolve(xhr.response as StoredFile);
      else reject(new ApiError(xhr.status, xhr.response));
    };
    xhr.onerror = () => reject(new NetworkError());
    xhr.onabort = () => reject(new UploadCancelled());
    const form = new FormData();
    form.append("file", file, file.name);
    xhr.send(form);
  });
  return { promise, abort: () => xhr.abort() };
}

export const inlineTypes = ["image/png", "image/jpeg", "image/gif", "image/webp"];

export const fileUrl = (id: string, inline = false) => `/api/files/${encodeURIComponent(id)}${inline ? "?inline=1" : ""}`;

/** A size as people read it: 2.0 GB, 1.2 MB, 340 KB. */
export function fileSize(bytes: number): string {
  if (bytes >= 1024 * 1024 * 1024) return `${(bytes / 1024 / 1024 / 1024).toFixed(1)} GB`;
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${bytes} B`;
}

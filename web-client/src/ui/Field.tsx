import { useId, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { FieldError } from "../api/client";
import { fieldErrorText } from "./validation";

interface FieldProps {
  label: string;
  hint?: string;
  /** Messages from the form's own checks, already in the user's language. */
  errors?: string[];
  /** Errors the API returned for this field. */
  apiErrors?: FieldError[];
  children: (props: { id: string; "aria-describedby"?: string; "aria-invalid"?: boolean }) => ReactNode;
}

/** A labelled control with its hint and its errors under it, tied together for screen readers. */
export function Field({ label, hint, errors = [], apiErrors = [], children }: FieldProps) {
  const { t } = useTranslation();
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const messages = [...errors, ...apiErrors.map((e) => fieldErrorText(t, e))].filter((m, i, all) => m && all.indexOf(m) === i);
  const describedBy = [hint ? hintId : "", messages.length ? errorId : ""].filter(Boolean).join(" ") || undefined;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint && (
        <p className="hint" id={hintId}>
          {hint}
        </p>
      )}
      {children({ id, "aria-describedby": describedBy, "aria-invalid": messages.length ? true : undefined })}
      {messages.length > 0 && (
        <p className="field-error" id={errorId}>
          {messages.join(" ")}
        </p>
      )}
    </div>
  );
}

import { Field } from "../../../ui/Field";
import type { FieldError } from "../../../api/client";

/** A password box in a labelled field: the current one (the browser offers the saved password) or a new one. */
export function PasswordField(props: {
  label: string;
  hint?: string;
  errors: string[];
  apiErrors: FieldError[];
  value: string;
  onChange: (value: string) => void;
  isNew?: boolean;
}) {
  return (
    <Field label={props.label} hint={props.hint} errors={props.errors} apiErrors={props.apiErrors}>
      {(p) => (
        <input
          {...p}
          type="password"
          autoComplete={props.isNew ? "new-password" : "current-password"}
          value={props.value}
          onChange={(e) => props.onChange(e.target.value)}
        />
      )}
    </Field>
  );
}

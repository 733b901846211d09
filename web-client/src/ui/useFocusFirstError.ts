import { useEffect, useRef } from "react";

/**
 * After a refused submit (the form's own checks, counted by `attempts`, or the API's `error`), focus moves to the form's
 * first field in error, so that a keyboard or screen-reader user, or a phone whose keyboard hides the message, lands on
 * what to fix rather than on the button. Returns the ref for the form.
 */
export function useFocusFirstError(attempts: number, error: unknown) {
  const form = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (attempts === 0 && !error) return;
    form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [attempts, error]);
  return form;
}

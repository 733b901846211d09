import { useCallback, useState, type Dispatch, type SetStateAction } from "react";
import { useLocation } from "react-router";

/**
 * Drafts of what a person types into the forms that take work to fill (a message, a bid, a delivery note, a job post),
 * kept in this tab's sessionStorage per page and field as it is typed. When the session expires under the form, the
 * person signs in again and comes back to the page, and the form starts from its draft (issue 27). sessionStorage
 * belongs to the tab and is gone when it closes; signing out on purpose, or in as someone else, clears every draft.
 */
const prefix = "draft:";
const ownerKey = "draft-owner";

function storage(): Storage | null {
  try {
    return typeof window === "undefined" ? null : window.sessionStorage;
  } catch {
    // Storage refused (a browser setting): forms work, without drafts.
    return null;
  }
}

function read<T>(key: string): T | undefined {
  const text = storage()?.getItem(key);
  if (text == null) return undefined;
  try {
    return JSON.parse(text) as T;
  } catch {
    return undefined;
  }
}

/**
 * State like useState's, kept as a draft of this page's <paramref name="field"/>: restored when the form mounts again
 * in this tab, forgotten by <c>clear</c> once the form has been sent.
 */
export function useDraft<T>(field: string, initial: T): [T, Dispatch<SetStateAction<T>>, () => void] {
  const { pathname } = useLocation();
  const key = `${prefix}${pathname}:${field}`;
  const [value, setValue] = useState<T>(() => read<T>(key) ?? initial);
  const set: Dispatch<SetStateAction<T>> = useCallback(
    (next) =>
      setValue((previous) => {
        const value = typeof next === "function" ? (next as (p: T) => T)(previous) : next;
        try {
          storage()?.setItem(key, JSON.stringify(value));
        } catch {
          // Storage full: the draft is not kept, the form still works.
        }
        return value;
      }),
    [key],
  );
  const clear = useCallback(() => {
    storage()?.removeItem(key);
    setValue(initial);
    // The initial value is the form's empty state, the same on every render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);
  return [value, set, clear];
}

/** Forgets every draft of this tab. */
export function clearDrafts() {
  const s = storage();
  if (!s) return;
  for (const key of Object.keys(s)) if (key.startsWith(prefix) || key === ownerKey) s.removeItem(key);
}

/** Drafts belong to whoever typed them: a sign-in as someone else in this tab first forgets them. */
export function keepDraftsFor(accountId: string) {
  const s = storage();
  if (!s) return;
  if (s.getItem(ownerKey) !== accountId) clearDrafts();
  try {
    s.setItem(ownerKey, accountId);
  } catch {
    // Storage refused: nothing to keep.
  }
}

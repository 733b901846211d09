import { useState } from "react";

/** The last token taken from the address bar, so that a second read of the same page (React's strict mode) finds it. */
let taken: { path: string; token: string } | null = null;

function takeToken(): string {
  if (typeof window === "undefined") return "";
  const { hash, pathname, search } = window.location;
  const raw = hash.replace(/^#/, "");
  // A mailed link says #token=…; an office invitation's link is the bare token after '#' (its tokens hold no '=').
  const found = new URLSearchParams(raw).get("token") ?? (raw && !raw.includes("=") ? raw : null);
  if (found) {
    taken = { path: pathname, token: found };
    window.history.replaceState(window.history.state, "", pathname + search);
    return found;
  }
  return taken?.path === pathname ? taken.token : "";
}

/**
 * The token of a mailed link, which travels after '#' so that no server or proxy log ever records it: read once when the
 * page opens, then taken out of the address bar and the tab's history, so that it is not left for the next person at a
 * shared PC.
 */
export function useMailedToken(): string {
  const [token] = useState(takeToken);
  return token;
}

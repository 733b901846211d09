import type { ReactNode } from "react";
import { Navigate, useLocation } from "react-router";
import type { Account } from "../api/client";
import { needsTwoStep } from "../features/auth/twoStepRequired";
import { RequireAccount } from "./RequireAccount";

/**
 * A page of a programme office's desk: office staff and administrators. One without two-step sign-in, whom the API
 * refuses every office action, lands on the enrolment page instead, which says why, and comes back here after it
 * (as in the administrators' area), rather than on a desk of "You may not do this.".
 */
export function OfficeArea({ children }: { children: (account: Account) => ReactNode }) {
  const { pathname, search } = useLocation();
  return (
    <RequireAccount roles={["office", "administrator"]}>
      {(a) => (needsTwoStep(a) ? <Navigate to={`/two-step?next=${encodeURIComponent(pathname + search)}`} replace /> : children(a))}
    </RequireAccount>
  );
}

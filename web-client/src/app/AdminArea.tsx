import type { ReactNode } from "react";
import { Navigate, useLocation } from "react-router";
import type { Account } from "../api/client";
import { needsTwoStep } from "../features/auth/twoStepRequired";
import { lazyPage } from "./lazyPage";
import { RequireAccount } from "./RequireAccount";

// The menu comes with the first administrator's page, not with the shell every visitor loads.
const AdminLayout = lazyPage(() => import("./AdminLayout"), "AdminLayout");

/**
 * A page of the administrators' area: administrators only, inside its menu. One without two-step sign-in, whom the API
 * refuses every action, lands on the enrolment page instead, which says why, and comes back here after it.
 */
export function AdminArea({ children }: { children: (account: Account) => ReactNode }) {
  const { pathname, search } = useLocation();
  return (
    <RequireAccount roles={["administrator"]}>
      {(a) =>
        needsTwoStep(a) ? (
          <Navigate to={`/two-step?next=${encodeURIComponent(pathname + search)}`} replace />
        ) : (
          <AdminLayout>{children(a)}</AdminLayout>
        )
      }
    </RequireAccount>
  );
}

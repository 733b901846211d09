import type { ReactNode } from "react";
import type { Account } from "../api/client";
import { lazyPage } from "./lazyPage";
import { RequireAccount } from "./RequireAccount";

// The menu comes with the first administrator's page, not with the shell every visitor loads.
const AdminLayout = lazyPage(() => import("./AdminLayout"), "AdminLayout");

/** A page of the administrators' area: administrators only, inside its menu. */
export function AdminArea({ children }: { children: (account: Account) => ReactNode }) {
  return <RequireAccount roles={["administrator"]}>{(a) => <AdminLayout>{children(a)}</AdminLayout>}</RequireAccount>;
}

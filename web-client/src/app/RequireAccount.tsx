import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Navigate, useLocation } from "react-router";
import type { Account, Role } from "../api/client";
import { useMe } from "../features/auth/api";
import { Pending } from "../ui/Pending";
import { Problem } from "../ui/Problem";

/** Signed-in pages: without a session, sign in first and come back; the wrong role gets a plain refusal. */
export function RequireAccount({ roles, children }: { roles?: Role[]; children: (account: Account) => ReactNode }) {
  const { t } = useTranslation();
  const me = useMe();
  const location = useLocation();
  if (me.isPending) return <Pending />;
  if (me.isError) return <Problem error={me.error} onRetry={() => void me.refetch()} />;
  if (!me.data) return <Navigate to={`/signin?next=${encodeURIComponent(location.pathname + location.search)}`} replace />;
  if (roles && !roles.includes(me.data.role))
    return (
      <section>
        <h1>{t("errors.wrongRoleTitle")}</h1>
        <p>{t("errors.wrongRole")}</p>
      </section>
    );
  return <>{children(me.data)}</>;
}

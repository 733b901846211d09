import type { ReactNode } from "react";
import type { Account } from "../api/client";
import { useMe } from "../features/auth/api";
import { Pending } from "../ui/Pending";

/** A page visitors may read too: it gets the account when someone is signed in, else null. */
export function MaybeAccount({ children }: { children: (account: Account | null) => ReactNode }) {
  const me = useMe();
  if (me.isPending) return <Pending />;
  return <>{children(me.data ?? null)}</>;
}

import { Navigate } from "react-router";
import type { Account } from "../../../api/client";
import { Pending } from "../../../ui/Pending";
import { profileMissing, useWorker } from "../api";

/** A worker's first page: the profile while it is missing (a bid needs it), else the job board. */
export function WorkerLanding({ account }: { account: Account }) {
  const profile = useWorker(account.id);
  if (profile.isPending) return <Pending />;
  if (profileMissing(profile)) return <Navigate to="/profile" replace />;
  return <Navigate to="/jobs" replace />;
}

import type { Account, Job } from "../../api/client";
import { BidPanel } from "../../features/bids/components/BidPanel";
import { profileMissing, useWorker } from "../../features/workers/api";
import { ProfileFirst } from "../../features/workers/components/ProfileFirst";

/** The worker's part of a job page: 応募済み, the bid form, or the profile to fill in first. */
export function WorkerBid({ account, job }: { account: Account; job: Job }) {
  const profile = useWorker(account.id);
  const missing = profileMissing(profile);
  return <BidPanel job={job} instead={missing ? <ProfileFirst jobId={job.id} /> : undefined} />;
}

import { useTranslation } from "react-i18next";
import type { Account, Job } from "../../api/client";
import { underNda } from "../../features/jobs/api";
import { BidPanel } from "../../features/bids/components/BidPanel";
import { profileMissing, useWorker } from "../../features/workers/api";
import { ProfileFirst } from "../../features/workers/components/ProfileFirst";
import { useMyTeams } from "../../features/teams/api";

/**
 * The worker's part of a job page: 応募済み, the bid form, the profile to fill in first, or, on a job under an NDA not
 * yet accepted, the NDA first (a bid before it is refused: the worker would bid on a description it has not read). A
 * team's director or leader chooses in the form whether it bids for itself or for the team.
 */
export function WorkerBid({ account, job }: { account: Account; job: Job }) {
  const { t } = useTranslation();
  const profile = useWorker(account.id);
  const missing = profileMissing(profile);
  const ndaFirst = underNda(job) && job.ndaAccepted !== true;
  const instead = ndaFirst ? <p className="notice">{t("nda.acceptFirst")}</p> : missing ? <ProfileFirst jobId={job.id} /> : undefined;
  // The teams it may bid for: those it directs or leads (a plain member's bid for the team is refused).
  const teams = useMyTeams().data?.filter((team) => team.role !== "member") ?? [];
  return <BidPanel job={job} instead={instead} teams={teams} />;
}

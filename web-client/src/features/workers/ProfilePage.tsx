import type { Account } from "../../api/client";
import { Pending } from "../../ui/Pending";
import { Problem } from "../../ui/Problem";
import { profileMissing, useWorker } from "./api";
import { ProfileEditor, type ProfileForm } from "./components/ProfileEditor";

/** The worker's own profile: the form starts from the saved profile, or empty when there is none yet. */
export function ProfilePage({ account }: { account: Account }) {
  const current = useWorker(account.id);
  const missing = profileMissing(current);
  if (current.isPending) return <Pending />;
  if (current.isError && !missing) return <Problem error={current.error} onRetry={() => void current.refetch()} />;
  const initial: ProfileForm = current.data && !missing
    ? {
        bio: current.data.bio,
        skills: current.data.skills.join(", "),
        region: current.data.region,
        weeklyHours: String(current.data.weeklyHours),
        availability: current.data.availability,
        isIndividual: current.data.isIndividual ?? true,
        invoiceNumber: current.data.invoiceNumber ?? "",
        legalName: current.data.legalName ?? "",
        postalAddress: current.data.postalAddress ?? "",
        portfolio: current.data.portfolio ?? [],
      }
    : { bio: "", skills: "", region: "", weeklyHours: "10", availability: "", isIndividual: true, invoiceNumber: "", legalName: "", postalAddress: "", portfolio: [] };
  return <ProfileEditor account={account} initial={initial} missing={missing} etag={current.data?.etag} />;
}

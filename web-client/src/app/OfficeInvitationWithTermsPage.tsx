import { OfficeInvitationPage } from "../features/auth/OfficeInvitationPage";
import { useLegalVersions } from "../features/legal/api";

/** An office invitation's page (auth) with the versions of the terms and the privacy policy in force (legal), which the person agrees to. */
export function OfficeInvitationWithTermsPage() {
  const legal = useLegalVersions();
  return <OfficeInvitationPage legal={legal.data ? { terms: legal.data.terms.version, privacy: legal.data.privacy.version } : undefined} />;
}

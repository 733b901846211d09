import { SignUpPage } from "../features/auth/SignUpPage";
import { useLegalVersions } from "../features/legal/api";

/** Sign-up (auth) with the versions of the terms and the privacy policy in force (legal), which the person agrees to. */
export function SignUpWithTermsPage() {
  const legal = useLegalVersions();
  return <SignUpPage legal={legal.data ? { terms: legal.data.terms.version, privacy: legal.data.privacy.version } : undefined} />;
}

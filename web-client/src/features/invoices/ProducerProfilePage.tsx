import { useTranslation } from "react-i18next";
import { TaxDetailsForm } from "./components/TaxDetailsForm";

/**
 * A producer's profile: a producer has no other profile than what its documents print (no worker profile, no payment
 * records), so its registration number, legal name and address are kept here (PUT /api/me/tax-details).
 */
export function ProducerProfilePage() {
  const { t } = useTranslation();
  return (
    <section className="narrow">
      <h1>{t("taxDetails.profileTitle")}</h1>
      <p className="hint">{t("taxDetails.profileLead")}</p>
      <TaxDetailsForm />
    </section>
  );
}

import { useTranslation } from "react-i18next";
import { Loaded } from "../../ui/Loaded";
import { useBusinessProfile } from "./api";
import { WithholdingForm } from "./components/WithholdingForm";

/**
 * The business's own settings: today whether it is a withholding agent (Income Tax Act art. 204: a payer who must
 * withhold on fees for design, translation and writing paid to individuals; art. 200 exempts a sole proprietor who pays
 * no salaries). Explained in plain words, since the owner of a small brewery should not need a tax accountant to tick it.
 */
export function BusinessProfilePage() {
  const { t } = useTranslation();
  const profile = useBusinessProfile();
  return (
    <section className="narrow">
      <h1>{t("words.businessProfileTitle")}</h1>
      <Loaded query={profile}>{(data) => <WithholdingForm initial={data.isWithholdingAgent} etag={data.etag} />}</Loaded>
    </section>
  );
}

import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { Loaded } from "../../ui/Loaded";
import { Problem } from "../../ui/Problem";
import { Submit } from "../../ui/Submit";
import { useBusinessProfile, useUpdateBusinessProfile } from "./api";

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
      <Loaded query={profile}>{(data) => <WithholdingForm initial={data.isWithholdingAgent} />}</Loaded>
    </section>
  );
}

function WithholdingForm({ initial }: { initial: boolean }) {
  const { t } = useTranslation();
  const update = useUpdateBusinessProfile();
  const [agent, setAgent] = useState(initial);
  function save(e: FormEvent) {
    e.preventDefault();
    update.mutate({ isWithholdingAgent: agent });
  }
  return (
    <form onSubmit={save} noValidate className="form">
      <fieldset>
        <legend>{t("words.withholdingTitle")}</legend>
        <p id="withholding-explained">{t("words.withholdingExplained")}</p>
        <p className="hint">{t("words.withholdingUnsure")}</p>
        <label className="choice">
          <input type="checkbox" checked={agent} aria-describedby="withholding-explained" onChange={(e) => setAgent(e.target.checked)} />
          <span>{t("words.withholdingAgent")}</span>
        </label>
      </fieldset>
      <Problem error={update.error} />
      {update.isSuccess && (
        <p className="success" role="status">
          {t("words.withholdingSaved")}
        </p>
      )}
      <Submit busy={update.isPending}>{t("words.save")}</Submit>
    </form>
  );
}

import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { Problem } from "../../../ui/Problem";
import { Submit } from "../../../ui/Submit";
import { useUpdateBusinessProfile } from "../api";

/** The setting as read with its ETag, sent back as If-Match so that a save from a stale tab is refused (412). */
export function WithholdingForm({ initial, etag }: { initial: boolean; etag?: string }) {
  const { t } = useTranslation();
  const update = useUpdateBusinessProfile();
  const [agent, setAgent] = useState(initial);
  const [version, setVersion] = useState(etag);
  function save(e: FormEvent) {
    e.preventDefault();
    update.mutate({ isWithholdingAgent: agent, etag: version }, { onSuccess: (saved) => setVersion(saved.etag) });
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

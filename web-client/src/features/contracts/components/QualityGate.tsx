import { useTranslation } from "react-i18next";
import { Problem } from "../../../ui/Problem";
import { useForwardSubmission } from "../api";
import { RevisionForm } from "./RevisionForm";

export function QualityGate({ id }: { id: string }) {
  const { t } = useTranslation();
  const forward = useForwardSubmission(id);
  return (
    <section className="panel" aria-labelledby="gate-title">
      <h2 id="gate-title">{t("contracts.gateTitle")}</h2>
      <p>{t("contracts.gateText")}</p>
      <Problem error={forward.error} />
      <button type="button" className="primary" disabled={forward.isPending} aria-busy={forward.isPending} onClick={() => forward.mutate(undefined)}>
        {forward.isPending ? t("common.sending") : t("contracts.forward")}
      </button>
      <RevisionForm id={id} label={t("contracts.sendBack")} />
    </section>
  );
}

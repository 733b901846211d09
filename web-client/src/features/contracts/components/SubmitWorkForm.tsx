import { useTranslation } from "react-i18next";
import { useSubmitWork } from "../api";
import { DeliveryForm } from "./DeliveryForm";

/** The worker delivers the contract's work (or delivers it again after a revision request). */
export function SubmitWorkForm({ id, revision }: { id: string; revision: boolean }) {
  const { t } = useTranslation();
  const submit = useSubmitWork(id);
  return (
    <DeliveryForm
      draft="delivery"
      title={revision ? t("contracts.resubmitTitle") : t("contracts.submitTitle")}
      submitLabel={t("contracts.submit")}
      send={(delivery, done) => submit.mutate(delivery, { onSuccess: done })}
      busy={submit.isPending}
      error={submit.error}
    />
  );
}

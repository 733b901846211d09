import { useTranslation } from "react-i18next";
import { useParams } from "react-router";
import { Pending } from "../../ui/Pending";
import { Problem } from "../../ui/Problem";
import { useDispute } from "./api";
import { DecideForm } from "./components/DecideForm";
import { DisputeView } from "./components/DisputeView";

/** An administrator's view of one dispute: the parties' file and, while open, the decision form. */
export function AdminDisputePage() {
  const { t } = useTranslation();
  const { id = "" } = useParams();
  const dispute = useDispute(id);
  if (dispute.isPending) return <Pending />;
  if (dispute.isError)
    return (
      <>
        <h1>{t("admin.disputes")}</h1>
        <Problem error={dispute.error} onRetry={() => void dispute.refetch()} />
      </>
    );
  return (
    <>
      <DisputeView detail={dispute.data} canState={false} />
      {dispute.data.dispute.status === "open" && (
        <DecideForm
          id={id}
          maxWorkerShare={dispute.data.maxWorkerShare}
          waitingUntil={dispute.data.awaitingStatements ? dispute.data.dispute.statementsDueAt : null}
        />
      )}
    </>
  );
}

import { useParams } from "react-router";
import { Pending } from "../../ui/Pending";
import { Problem } from "../../ui/Problem";
import { useDispute } from "./api";
import { DisputeView } from "./components/DisputeView";

/** The dispute page of the contract's parties: both sides' statements, and the form to add one. */
export function DisputePage() {
  const { id = "" } = useParams();
  const dispute = useDispute(id);
  if (dispute.isPending) return <Pending />;
  if (dispute.isError) return <Problem error={dispute.error} onRetry={() => void dispute.refetch()} />;
  return <DisputeView detail={dispute.data} canState />;
}

import { useParams } from "react-router";
import type { Account } from "../api/client";
import { TaskJobDocuments } from "../features/invoices/components/TaskJobDocuments";
import { TaskJobPage } from "../features/taskjobs/TaskJobPage";

/** A task job with, after its close, the documents of what it paid (invoices), for its business and each worker paid. */
export function TaskJobWithDocumentsPage({ account }: { account: Account | null }) {
  const { id = "" } = useParams();
  return <TaskJobPage account={account} documents={(perWorker) => <TaskJobDocuments jobId={id} perWorker={perWorker} />} />;
}

import { useParams } from "react-router";
import type { Account } from "../api/client";
import { ContractPage } from "../features/contracts/ContractPage";
import { ContractThread } from "../features/conversations/components/ContractThread";
import { ContractDocuments } from "../features/invoices/components/ContractDocuments";

/** A contract with its message thread below it. */
export function ContractWithThreadPage({ account }: { account: Account }) {
  const { id = "" } = useParams();
  return (
    <>
      <ContractPage account={account} />
      <ContractThread contractId={id} account={account} />
      <ContractDocuments contractId={id} />
    </>
  );
}

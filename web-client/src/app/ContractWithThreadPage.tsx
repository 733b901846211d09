import { useParams } from "react-router";
import type { Account } from "../api/client";
import { useContract } from "../features/contracts/api";
import { ContractPage } from "../features/contracts/ContractPage";
import { ContractThread } from "../features/conversations/components/ContractThread";
import { ContractDocuments } from "../features/invoices/components/ContractDocuments";
import { PaymentPanel } from "../features/money/components/PaymentPanel";
import { BankAccountNotice } from "../features/payouts/components/BankAccountNotice";
import { ContractTeamTasks } from "../features/teams/components/ContractTeamTasks";

/**
 * A contract with its message thread below it; beside its deal, the business's payment into escrow while one is asked
 * for (money), and above it, for a worker without a bank account, the notice to add one (payouts); for a team's director,
 * the way to split the contract into its members' tasks (teams).
 */
export function ContractWithThreadPage({ account }: { account: Account }) {
  const { id = "" } = useParams();
  const businessSide = account.role === "business" || account.role === "producer";
  // The contract page reads the same answer: a team's contract names its team, and only then are its tasks asked for.
  const teamId = useContract(id).data?.teamId;
  return (
    <>
      {account.role === "worker" && <BankAccountNotice />}
      {account.role !== "business" && teamId && <ContractTeamTasks contractId={id} />}
      <ContractPage account={account} aside={businessSide ? <PaymentPanel contractId={id} /> : null} />
      <ContractThread contractId={id} account={account} />
      <ContractDocuments contractId={id} />
    </>
  );
}

import { matchMutation, MutationCache, QueryClient, type Mutation, type MutationKey, type QueryKey } from "@tanstack/react-query";
import { ApiError } from "../api/client";
import { adminKeys } from "../features/admin/keys";
import { authKeys } from "../features/auth/api";
import { bidKeys } from "../features/bids/api";
import { contractKeys } from "../features/contracts/api";
import { disputeKeys } from "../features/disputes/api";
import { invoiceKeys } from "../features/invoices/api";
import { jobKeys } from "../features/jobs/api";
import { legalKeys } from "../features/legal/keys";
import { moneyKeys } from "../features/money/api";
import { notificationKeys } from "../features/notifications/api";
import { payoutKeys } from "../features/payouts/keys";

/**
 * What a feature's change does to other features' data. A feature refreshes its own queries; it does not know
 * the others (features never import one another), so the app, which composes them, refreshes the rest here,
 * by the features' own key factories.
 */
export const alsoChanged: { mutation: MutationKey; queries: QueryKey[] }[] = [
  // A job shows how many bids it has.
  { mutation: bidKeys.place, queries: [jobKeys.all] },
  // Awarding a bid closes the job and starts a contract.
  { mutation: bidKeys.award, queries: [jobKeys.all, contractKeys.all] },
  // A delivery, revision, acceptance or review moves the job along and notifies; an acceptance (or an agreed
  // cancellation) also issues the contract's documents and moves money, which the statement shows.
  { mutation: contractKeys.change, queries: [jobKeys.all, notificationKeys.all, invoiceKeys.all, moneyKeys.all] },
  // A party's statement in a dispute: its contract page no longer asks for that party's account.
  { mutation: disputeKeys.statement, queries: [contractKeys.all] },
  // The administrators' area reads as one: whatever an administrator confirms, suspends or pays out is written to the
  // audit trail, a suspension marks the payouts due, and every screen of the area is read again after any such change.
  { mutation: moneyKeys.confirmTransfer, queries: [adminKeys.all, payoutKeys.batches, payoutKeys.due] },
  { mutation: adminKeys.suspension, queries: [moneyKeys.pendingTransfers, payoutKeys.batches, payoutKeys.due] },
  { mutation: payoutKeys.batchChange, queries: [adminKeys.all, moneyKeys.pendingTransfers] },
  // Accepting new terms clears the account's mustAcceptTerms.
  { mutation: legalKeys.accept, queries: [authKeys.me] },
];

function refreshOtherFeatures(client: QueryClient, mutation: Mutation<unknown, unknown, unknown, unknown>) {
  const queries = alsoChanged.filter((entry) => matchMutation({ mutationKey: entry.mutation }, mutation)).flatMap((entry) => entry.queries);
  return Promise.all(queries.map((queryKey) => client.invalidateQueries({ queryKey })));
}

export function createQueryClient() {
  const client: QueryClient = new QueryClient({
    // Runs before the mutation's own onSuccess, and is awaited like it: the change shows once all is fresh.
    mutationCache: new MutationCache({ onSuccess: (_data, _variables, _context, mutation) => refreshOtherFeatures(client, mutation) }),
    defaultOptions: {
      queries: {
        staleTime: 15_000,
        // A refused request (4xx) will be refused again; only lost connections and 5xx are worth retrying.
        retry: (count, error) => !(error instanceof ApiError && error.status < 500) && count < 2,
      },
    },
  });
  return client;
}

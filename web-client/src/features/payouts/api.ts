import { infiniteQueryOptions, queryOptions, useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, ApiError, call, callVersioned, ifMatch } from "../../api/client";
import type { components } from "../../api/schema";
import { payoutKeys } from "./keys";

export type BankAccountInput = components["schemas"]["Payouts.UpdateBankAccount.Command"];
export type BankAccountView = components["schemas"]["Payouts.BankAccountView"];
export type PayoutBatch = components["schemas"]["Payouts.PayoutBatch"];
export type BatchPayout = NonNullable<PayoutBatch["payouts"]>[number];
export type DuePayout = components["schemas"]["Payouts.ListDuePayouts.DuePayout"];

/** The worker's account, or null before one is saved (the API answers 404 then). */
export const bankAccountQuery = queryOptions({
  queryKey: payoutKeys.bankAccount,
  queryFn: async () => {
    try {
      return await callVersioned(api.GET("/api/me/bank-account"));
    } catch (e) {
      if (e instanceof ApiError && e.status === 404) return null;
      throw e;
    }
  },
});

export const useBankAccount = () => useQuery(bankAccountQuery);

export function useSaveBankAccount() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ etag, ...body }: BankAccountInput & { etag?: string }) => callVersioned(api.PUT("/api/me/bank-account", { body, headers: ifMatch(etag) })),
    onSuccess: () => client.invalidateQueries({ queryKey: payoutKeys.all }),
  });
}

export const myPayoutsQuery = queryOptions({ queryKey: payoutKeys.mine, queryFn: () => call(api.GET("/api/me/payouts")) });

export const useMyPayouts = () => useQuery(myPayoutsQuery);

export const batchesQuery = infiniteQueryOptions({
  queryKey: payoutKeys.batches,
  queryFn: ({ pageParam }) => call(api.GET("/api/admin/payout-batches", { params: { query: { limit: 20, cursor: pageParam } } })),
  initialPageParam: undefined as string | undefined,
  getNextPageParam: (page) => page.nextCursor ?? undefined,
});

export const usePayoutBatches = () => useInfiniteQuery(batchesQuery);

export const usePayoutBatch = (id: string) =>
  useQuery({ queryKey: payoutKeys.batch(id), queryFn: () => call(api.GET("/api/admin/payout-batches/{id}", { params: { path: { id } } })) });

export const useDuePayouts = () => useQuery({ queryKey: payoutKeys.due, queryFn: () => call(api.GET("/api/admin/payouts/due")) });

/** A batch gathered, paid or with a transfer returned: the batches and the payouts due are read again. */
function useBatchChange<T, R>(send: (body: T) => Promise<R>) {
  const client = useQueryClient();
  return useMutation({
    mutationKey: payoutKeys.batchChange,
    mutationFn: send,
    onSuccess: () => Promise.all([payoutKeys.batches, payoutKeys.due].map((queryKey) => client.invalidateQueries({ queryKey }))),
  });
}

export const useCreatePayoutBatch = () =>
  useBatchChange((body: { cutoff: string; transferOn?: string }) => call(api.POST("/api/admin/payout-batches", { body })));

export const useMarkBatchPaid = (id: string) =>
  useBatchChange((paidOn: string) => call(api.POST("/api/admin/payout-batches/{id}/paid", { params: { path: { id } }, body: { paidOn } })));

export const useRecordReturn = (id: string) =>
  useBatchChange((body: { workerId: string; reason: string }) =>
    call(api.POST("/api/admin/payout-batches/{id}/returned", { params: { path: { id } }, body })),
  );

/** The batch's Zengin transfer file, downloaded by the browser with the session cookie (a plain link). */
export const zenginFileUrl = (id: string) => `/api/admin/payout-batches/${encodeURIComponent(id)}/zengin`;

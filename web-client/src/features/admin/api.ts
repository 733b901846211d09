import { infiniteQueryOptions, useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, call } from "../../api/client";
import type { components } from "../../api/schema";

export type UserSummary = components["schemas"]["Admin.UserSummary"];
export type AccountStatus = components["schemas"]["Admin.AccountStatus"];
export type AuditEntry = components["schemas"]["Admin.AuditEntry"];
export type PayoutBatch = components["schemas"]["Payouts.PayoutBatch"];
export type PendingTransfer = components["schemas"]["Money.ListPayments.Payment"];
export type DuePayout = components["schemas"]["Payouts.ListDuePayouts.DuePayout"];

// The administrators' own keys: the decision refreshes every dispute query (their keys start with "disputes").
export const useDisputeQueue = (status: "open" | "decided") =>
  useQuery({
    queryKey: ["disputes", "list", status],
    queryFn: () => call(api.GET("/api/disputes", { params: { query: { status, limit: 50 } } })),
  });

export const useDecideDispute = (id: string) => {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { workerShare: number; reason: string }) => call(api.POST("/api/disputes/{id}/decide", { params: { path: { id } }, body })),
    onSuccess: () => client.invalidateQueries({ queryKey: ["disputes"] }),
  });
};

export const adminKeys = {
  transfers: ["admin", "transfers"] as const,
  users: (filters: UserFilters) => ["admin", "users", filters] as const,
  batches: ["admin", "payout-batches"] as const,
  batch: (id: string) => ["admin", "payout-batches", id] as const,
  due: ["admin", "payouts-due"] as const,
  audit: ["admin", "audit"] as const,
};

/** Bank transfers into escrow that an administrator checks against the bank account, oldest first. */
export const usePendingTransfers = () =>
  useQuery({ queryKey: adminKeys.transfers, queryFn: () => call(api.GET("/api/payments", { params: { query: { status: "pending" } } })) });

export function useConfirmTransfer() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, note }: { id: string; note: string }) =>
      call(api.POST("/api/payments/{id}/confirm", { params: { path: { id } }, body: note.trim() ? { note: note.trim() } : {} })),
    onSuccess: () => client.invalidateQueries({ queryKey: ["admin"] }),
  });
}

export interface UserFilters {
  q?: string;
  role?: components["schemas"]["Platform.Role"];
  status?: AccountStatus;
}

export const usersQuery = (filters: UserFilters) =>
  infiniteQueryOptions({
    queryKey: adminKeys.users(filters),
    queryFn: ({ pageParam }) => call(api.GET("/api/admin/users", { params: { query: { ...filters, limit: 30, cursor: pageParam } } })),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });

export const useUsers = (filters: UserFilters) => useInfiniteQuery(usersQuery(filters));

/** Suspends or reinstates an account; every list of accounts (and the payouts due, which mark suspended workers) refreshes. */
export function useSuspension(action: "suspend" | "reinstate") {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, reason }: { id: string; reason: string }) =>
      action === "suspend"
        ? call(api.POST("/api/admin/users/{id}/suspend", { params: { path: { id } }, body: { reason } }))
        : call(api.POST("/api/admin/users/{id}/reinstate", { params: { path: { id } }, body: { reason } })),
    onSuccess: () => client.invalidateQueries({ queryKey: ["admin"] }),
  });
}

export const batchesQuery = infiniteQueryOptions({
  queryKey: adminKeys.batches,
  queryFn: ({ pageParam }) => call(api.GET("/api/admin/payout-batches", { params: { query: { limit: 20, cursor: pageParam } } })),
  initialPageParam: undefined as string | undefined,
  getNextPageParam: (page) => page.nextCursor ?? undefined,
});

export const usePayoutBatches = () => useInfiniteQuery(batchesQuery);

export const usePayoutBatch = (id: string) =>
  useQuery({ queryKey: adminKeys.batch(id), queryFn: () => call(api.GET("/api/admin/payout-batches/{id}", { params: { path: { id } } })) });

export function useCreatePayoutBatch() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { cutoff: string; transferOn?: string }) => call(api.POST("/api/admin/payout-batches", { body })),
    onSuccess: () => client.invalidateQueries({ queryKey: ["admin"] }),
  });
}

export function useMarkBatchPaid(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (paidOn: string) => call(api.POST("/api/admin/payout-batches/{id}/paid", { params: { path: { id } }, body: { paidOn } })),
    onSuccess: () => client.invalidateQueries({ queryKey: ["admin"] }),
  });
}

export function useRecordReturn(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { workerId: string; reason: string }) =>
      call(api.POST("/api/admin/payout-batches/{id}/returned", { params: { path: { id } }, body })),
    onSuccess: () => client.invalidateQueries({ queryKey: ["admin"] }),
  });
}

export const useDuePayouts = () => useQuery({ queryKey: adminKeys.due, queryFn: () => call(api.GET("/api/admin/payouts/due")) });

export const auditQuery = infiniteQueryOptions({
  queryKey: adminKeys.audit,
  queryFn: ({ pageParam }) => call(api.GET("/api/admin/audit", { params: { query: { limit: 30, cursor: pageParam } } })),
  initialPageParam: undefined as string | undefined,
  getNextPageParam: (page) => page.nextCursor ?? undefined,
});

export const useAuditTrail = () => useInfiniteQuery(auditQuery);

/** The batch's Zengin transfer file, downloaded by the browser with the session cookie (a plain link). */
export const zenginFileUrl = (id: string) => `/api/admin/payout-batches/${encodeURIComponent(id)}/zengin`;

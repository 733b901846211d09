import { infiniteQueryOptions, useInfiniteQuery, useMutation, useQueryClient } from "@tanstack/react-query";
import { api, call } from "../../api/client";
import type { components } from "../../api/schema";
import { adminKeys, type UserFilters } from "./keys";

export type UserSummary = components["schemas"]["Admin.UserSummary"];
export type AccountStatus = components["schemas"]["Admin.AccountStatus"];
export type AuditEntry = components["schemas"]["Admin.AuditEntry"];

export const usersQuery = (filters: UserFilters) =>
  infiniteQueryOptions({
    queryKey: adminKeys.users(filters),
    queryFn: ({ pageParam }) => call(api.GET("/api/admin/users", { params: { query: { ...filters, limit: 30, cursor: pageParam } } })),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });

export const useUsers = (filters: UserFilters) => useInfiniteQuery(usersQuery(filters));

/** Suspends or reinstates an account; every list of accounts and the audit trail refresh (src/app refreshes the payouts due, which mark suspended workers). */
export function useSuspension(action: "suspend" | "reinstate") {
  const client = useQueryClient();
  return useMutation({
    mutationKey: adminKeys.suspension,
    mutationFn: ({ id, reason }: { id: string; reason: string }) =>
      action === "suspend"
        ? call(api.POST("/api/admin/users/{id}/suspend", { params: { path: { id } }, body: { reason } }))
        : call(api.POST("/api/admin/users/{id}/reinstate", { params: { path: { id } }, body: { reason } })),
    onSuccess: () => client.invalidateQueries({ queryKey: adminKeys.all }),
  });
}

export const auditQuery = infiniteQueryOptions({
  queryKey: adminKeys.audit,
  queryFn: ({ pageParam }) => call(api.GET("/api/admin/audit", { params: { query: { limit: 30, cursor: pageParam } } })),
  initialPageParam: undefined as string | undefined,
  getNextPageParam: (page) => page.nextCursor ?? undefined,
});

export const useAuditTrail = () => useInfiniteQuery(auditQuery);

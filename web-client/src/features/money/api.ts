import { queryOptions, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, call } from "../../api/client";
import type { components } from "../../api/schema";

export type PendingTransfer = components["schemas"]["Money.ListPayments.Payment"];

/** A statement's period: ISO instants, from inclusive, to exclusive. */
export interface StatementPeriod {
  from: string;
  to: string;
}

export const moneyKeys = {
  all: ["money"] as const,
  statement: (period: StatementPeriod) => ["money", "statement", period] as const,
  pendingTransfers: ["money", "transfers", "pending"] as const,
  // Mutation key of an administrator's confirmation: the rest of the administrators' area is refreshed by src/app.
  confirmTransfer: ["money", "confirm-transfer"] as const,
};

export const statementQuery = (period: StatementPeriod) =>
  queryOptions({
    queryKey: moneyKeys.statement(period),
    queryFn: () => call(api.GET("/api/me/statement", { params: { query: period } })),
  });

/** Earnings (worker), payments (business) or commissions (producer) over a period. */
export const useStatement = (period: StatementPeriod) => useQuery(statementQuery(period));

/**
 * The same statement as a CSV file. A refusal is the API's problem+json (ApiError), shown like any other; only a
 * lost connection is a NetworkError. The request accepts problem+json beside CSV: asked for CSV alone, ASP.NET Core
 * writes a refusal with an empty body (its problem writer honours Accept), and the page could only say "HTTP 400".
 * Nothing is cached: each download asks again.
 */
export const useStatementCsv = () =>
  useMutation({
    mutationFn: (period: StatementPeriod) =>
      call(api.GET("/api/me/statement", { params: { query: period }, headers: { Accept: "text/csv, application/problem+json" }, parseAs: "blob" })),
  });

export const businessProfileKey = ["money", "business-profile"] as const;

/** Whether the business withholds income tax on what it pays individuals (its own setting; business only). */
export const useBusinessProfile = () =>
  useQuery({ queryKey: businessProfileKey, queryFn: () => call(api.GET("/api/me/business-profile")) });

export function useUpdateBusinessProfile() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { isWithholdingAgent: boolean }) => call(api.PUT("/api/me/business-profile", { body })),
    onSuccess: (profile) => client.setQueryData(businessProfileKey, profile),
  });
}

/** Bank transfers into escrow that an administrator checks against the bank account, oldest first. */
export const usePendingTransfers = () =>
  useQuery({ queryKey: moneyKeys.pendingTransfers, queryFn: () => call(api.GET("/api/payments", { params: { query: { status: "pending" } } })) });

export function useConfirmTransfer() {
  const client = useQueryClient();
  return useMutation({
    mutationKey: moneyKeys.confirmTransfer,
    mutationFn: ({ id, note }: { id: string; note: string }) =>
      call(api.POST("/api/payments/{id}/confirm", { params: { path: { id } }, body: note.trim() ? { note: note.trim() } : {} })),
    onSuccess: () => client.invalidateQueries({ queryKey: moneyKeys.pendingTransfers }),
  });
}

import { queryOptions, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, call, callVersioned, ifMatch } from "../../api/client";
import type { components } from "../../api/schema";

export type PendingTransfer = components["schemas"]["Money.ListPayments.Payment"];
export type PaymentRequest = components["schemas"]["Money.GetPaymentRequest.PaymentRequest"];
export type DepositMatches = components["schemas"]["Money.MatchDeposits.DepositMatches"];

/** A statement's period: ISO instants, from inclusive, to exclusive. */
export interface StatementPeriod {
  from: string;
  to: string;
}

export const moneyKeys = {
  all: ["money"] as const,
  statement: (period: StatementPeriod) => ["money", "statement", period] as const,
  pendingTransfers: ["money", "transfers", "pending"] as const,
  transfersByReference: (reference: string) => ["money", "transfers", "pending", reference] as const,
  paymentRequest: (contractId: string) => ["money", "payment-request", contractId] as const,
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
  useQuery({ queryKey: businessProfileKey, queryFn: () => callVersioned(api.GET("/api/me/business-profile")) });

export function useUpdateBusinessProfile() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ etag, ...body }: { isWithholdingAgent: boolean; etag?: string }) =>
      callVersioned(api.PUT("/api/me/business-profile", { body, headers: ifMatch(etag) })),
    onSuccess: (profile) => client.setQueryData(businessProfileKey, profile),
  });
}

/**
 * Bank transfers into escrow that an administrator checks against the bank account, oldest first; with a reference,
 * the payments whose number starts with it, whatever their status.
 */
export const usePendingTransfers = (reference = "") =>
  useQuery({
    queryKey: reference ? moneyKeys.transfersByReference(reference) : moneyKeys.pendingTransfers,
    queryFn: () => call(api.GET("/api/payments", { params: { query: reference ? { reference } : { status: "pending" } } })),
  });

/** What the business pays into escrow, where and by when (the business's side only; a worker is refused). */
/** A task job's or a contest's own payment into the job's escrow, asked for at posting. */
export const useJobPaymentRequest = (jobId: string) =>
  useQuery({
    queryKey: ["jobs", jobId, "payment-request"],
    queryFn: () => call(api.GET("/api/jobs/{id}/payment-request", { params: { path: { id: jobId } } })),
  });

export const usePaymentRequest = (contractId: string, enabled = true) =>
  useQuery({
    queryKey: moneyKeys.paymentRequest(contractId),
    queryFn: () => call(api.GET("/api/contracts/{id}/payment-request", { params: { path: { id: contractId } } })),
    enabled,
  });

/** Reads a bank statement against the payments (nothing is confirmed by it). */
export const useMatchDeposits = () =>
  useMutation({ mutationFn: (body: { text: string; fileName?: string }) => call(api.POST("/api/payments/matches", { body })) });

/** Confirms matched transfers in one step, all or none. */
export function useConfirmTransfers() {
  const client = useQueryClient();
  return useMutation({
    mutationKey: moneyKeys.confirmTransfer,
    mutationFn: (payments: { id: string; note: string }[]) => call(api.POST("/api/payments/confirmations", { body: { payments } })),
    onSuccess: () => client.invalidateQueries({ queryKey: moneyKeys.pendingTransfers }),
  });
}

/**
 * A bank statement as text: UTF-8 when it is valid UTF-8, otherwise Shift_JIS, which Japanese banks write (the
 * fixed-length 全銀 records' half-width kana among them).
 */
export async function statementText(file: File): Promise<string> {
  const bytes = await file.arrayBuffer();
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder("shift_jis").decode(bytes);
  }
}

export function useConfirmTransfer() {
  const client = useQueryClient();
  return useMutation({
    mutationKey: moneyKeys.confirmTransfer,
    mutationFn: ({ id, note }: { id: string; note: string }) =>
      call(api.POST("/api/payments/{id}/confirm", { params: { path: { id } }, body: note.trim() ? { note: note.trim() } : {} })),
    onSuccess: () => client.invalidateQueries({ queryKey: moneyKeys.pendingTransfers }),
  });
}

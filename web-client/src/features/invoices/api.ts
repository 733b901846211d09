import { queryOptions, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, call } from "../../api/client";
import type { components } from "../../api/schema";

export type PaymentRecords = components["schemas"]["Invoices.GetPaymentRecords.PaymentRecords"];
export type TaxDetailsInput = components["schemas"]["Invoices.UpdateTaxDetails.Command"];
export type TaxDetailsView = components["schemas"]["Invoices.TaxDetailsView"];
export type ContractDocument = components["schemas"]["Invoices.Document"];

export const invoiceKeys = {
  all: ["invoices"] as const,
  documents: (contractId: string) => ["invoices", "documents", contractId] as const,
  taskJobDocuments: (jobId: string) => ["invoices", "task-job-documents", jobId] as const,
  taxDetails: ["invoices", "tax-details"] as const,
  paymentRecords: (year: number) => ["invoices", "payment-records", year] as const,
};

export const documentsQuery = (contractId: string) =>
  queryOptions({
    queryKey: invoiceKeys.documents(contractId),
    queryFn: () => call(api.GET("/api/contracts/{id}/documents", { params: { path: { id: contractId } } })),
  });

/** The documents a contract's party may see: its invoices, receipts and the withholding notice. */
export const useDocuments = (contractId: string) => useQuery(documentsQuery(contractId));

export const taskJobDocumentsQuery = (jobId: string) =>
  queryOptions({
    queryKey: invoiceKeys.taskJobDocuments(jobId),
    queryFn: () => call(api.GET("/api/task-jobs/{id}/documents", { params: { path: { id: jobId } } })),
  });

/** The documents of a task job's close: a worker's own, or every worker's for the job's business (issue 24). */
export const useTaskJobDocuments = (jobId: string) => useQuery(taskJobDocumentsQuery(jobId));

export const taxDetailsQuery = queryOptions({ queryKey: invoiceKeys.taxDetails, queryFn: () => call(api.GET("/api/me/tax-details")) });

export const useTaxDetails = () => useQuery(taxDetailsQuery);

export function useSaveTaxDetails() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: TaxDetailsInput) => call(api.PUT("/api/me/tax-details", { body })),
    onSuccess: () => client.invalidateQueries({ queryKey: invoiceKeys.all }),
  });
}

export const paymentRecordsQuery = (year: number) =>
  queryOptions({
    queryKey: invoiceKeys.paymentRecords(year),
    // The route answers JSON or, with format=csv, the form's CSV: this query asks for the JSON.
    queryFn: () => call(api.GET("/api/me/payment-records", { params: { query: { year } } })) as Promise<PaymentRecords>,
  });

export const usePaymentRecords = (year: number) => useQuery(paymentRecordsQuery(year));

/** The payment records as the NTA form's CSV; each download asks again. */
export const usePaymentRecordsCsv = () =>
  useMutation({
    mutationFn: (year: number) =>
      call(api.GET("/api/me/payment-records", { params: { query: { year, format: "csv" } }, parseAs: "blob" })) as Promise<Blob>,
  });

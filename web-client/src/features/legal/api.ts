import { queryOptions, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, call } from "../../api/client";
import type { components } from "../../api/schema";
import { legalKeys, type LegalKind } from "./keys";

export type LegalDocument = components["schemas"]["Legal.LegalDocument"];
export type LegalVersions = components["schemas"]["Legal.LegalVersions"];

/** The versions of the terms of use and the privacy policy in force. */
export const legalVersionsQuery = queryOptions({
  queryKey: legalKeys.versions,
  queryFn: () => call(api.GET("/api/legal")),
  staleTime: 5 * 60_000,
});

export const useLegalVersions = () => useQuery(legalVersionsQuery);

/** A document's text in both languages: the version in force, or the one named. */
export const legalDocumentQuery = (kind: LegalKind, version?: number) =>
  queryOptions({
    queryKey: legalKeys.document(kind, version),
    queryFn: () => call(api.GET("/api/legal/{kind}", { params: { path: { kind }, query: { version } } })),
    staleTime: 5 * 60_000,
  });

export const useLegalDocument = (kind: LegalKind, version?: number) => useQuery(legalDocumentQuery(kind, version));

/** The signed-in person accepts the versions in force (the account then says nothing waits). */
export function useAcceptLegal() {
  return useMutation({
    mutationKey: legalKeys.accept,
    mutationFn: (body: { termsVersion: number; privacyVersion: number }) => call(api.POST("/api/me/legal-acceptances", { body })),
  });
}

/** An administrator publishes the next version of a document. */
export function usePublishLegal() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ kind, bodyJa, bodyEn }: { kind: LegalKind; bodyJa: string; bodyEn: string }) =>
      call(api.POST("/api/admin/legal/{kind}", { params: { path: { kind } }, body: { bodyJa, bodyEn } })),
    onSuccess: () => client.invalidateQueries({ queryKey: legalKeys.all }),
  });
}

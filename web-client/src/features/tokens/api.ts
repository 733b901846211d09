import { queryOptions, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, call } from "../../api/client";

/** The scopes a token may be given (issue 25), in the order the API lists them. */
export const tokenScopes = ["read", "jobs:write", "bids:write", "contracts:write", "money:read", "files:write", "webhooks"] as const;
export type TokenScope = (typeof tokenScopes)[number];

export const tokenKeys = { all: ["tokens"] as const };

export const tokensQuery = queryOptions({ queryKey: tokenKeys.all, queryFn: () => call(api.GET("/api/tokens")) });

export const useTokens = () => useQuery(tokensQuery);

/** Creates a token; its secret is in the answer only, once. */
export function useCreateToken() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ name, scopes }: { name: string; scopes: TokenScope[] }) => call(api.POST("/api/tokens", { body: { name, scopes } })),
    onSuccess: () => client.invalidateQueries({ queryKey: tokenKeys.all }),
  });
}

export function useRevokeToken() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => call(api.DELETE("/api/tokens/{id}", { params: { path: { id } } })),
    onSuccess: () => client.invalidateQueries({ queryKey: tokenKeys.all }),
  });
}

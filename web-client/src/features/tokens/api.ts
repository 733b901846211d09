import { queryOptions, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, call } from "../../api/client";

export const tokenKeys = { all: ["tokens"] as const };

export const tokensQuery = queryOptions({ queryKey: tokenKeys.all, queryFn: () => call(api.GET("/api/tokens")) });

export const useTokens = () => useQuery(tokensQuery);

/** Creates a token; its secret is in the answer only, once. */
export function useCreateToken() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (name: string) => call(api.POST("/api/tokens", { body: { name } })),
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

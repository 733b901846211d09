import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, call } from "../../api/client";

export const disputeKeys = {
  all: ["disputes"] as const,
  list: (status?: string) => ["disputes", "list", status ?? "all"] as const,
  one: (id: string) => ["disputes", "one", id] as const,
  // Mutation key of a party's statement: the contract page stops asking for it (src/app refreshes the contracts).
  statement: ["disputes", "statement"] as const,
};

export const useDisputes = (status?: "open" | "decided") =>
  useQuery({
    queryKey: disputeKeys.list(status),
    queryFn: () => call(api.GET("/api/disputes", { params: { query: { status, limit: 50 } } })),
  });

export const useDispute = (id: string) =>
  useQuery({ queryKey: disputeKeys.one(id), queryFn: () => call(api.GET("/api/disputes/{id}", { params: { path: { id } } })) });

export const useAddStatement = (id: string) => {
  const client = useQueryClient();
  return useMutation({
    mutationKey: disputeKeys.statement,
    mutationFn: (body: { body: string; fileIds: string[] }) => call(api.POST("/api/disputes/{id}/statements", { params: { path: { id } }, body })),
    onSuccess: () => client.invalidateQueries({ queryKey: disputeKeys.all }),
  });
};

/** The administrator's decision; every dispute query (the queue, the dispute itself) is refreshed. */
export const useDecideDispute = (id: string) => {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { workerShare: number; reason: string }) => call(api.POST("/api/disputes/{id}/decide", { params: { path: { id } }, body })),
    onSuccess: () => client.invalidateQueries({ queryKey: disputeKeys.all }),
  });
};

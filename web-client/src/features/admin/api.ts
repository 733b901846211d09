import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, call } from "../../api/client";

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

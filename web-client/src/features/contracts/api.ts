import { infiniteQueryOptions, queryOptions, useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, call } from "../../api/client";

export const contractKeys = {
  all: ["contracts"] as const,
  list: ["contracts", "list"] as const,
  one: (id: string) => ["contracts", "one", id] as const,
  settlement: (id: string) => ["contracts", "settlement", id] as const,
  // Mutation key of every contract change: the jobs and notifications it touches are refreshed by src/app.
  change: ["contracts", "change"] as const,
};

export const contractsQuery = infiniteQueryOptions({
  queryKey: contractKeys.list,
  queryFn: ({ pageParam }) => call(api.GET("/api/contracts", { params: { query: { limit: 20, cursor: pageParam } } })),
  initialPageParam: undefined as string | undefined,
  getNextPageParam: (page) => page.nextCursor ?? undefined,
});

export const useContracts = () => useInfiniteQuery(contractsQuery);

export const contractQuery = (id: string) =>
  queryOptions({ queryKey: contractKeys.one(id), queryFn: () => call(api.GET("/api/contracts/{id}", { params: { path: { id } } })) });

export const useContract = (id: string) => useQuery(contractQuery(id));

export const useSettlement = (id: string) =>
  useQuery({
    queryKey: contractKeys.settlement(id),
    queryFn: () => call(api.GET("/api/contracts/{id}/settlement", { params: { path: { id } } })),
  });

/** Every contract change answers with the whole contract; the detail and lists are refreshed from it. */
export function useContractChange<T, R>(send: (body: T) => Promise<R>) {
  const client = useQueryClient();
  return useMutation({
    mutationKey: contractKeys.change,
    mutationFn: send,
    onSuccess: () => client.invalidateQueries({ queryKey: contractKeys.all }),
  });
}

const path = (id: string) => ({ params: { path: { id } } });

export const useSubmitWork = (id: string) =>
  useContractChange((body: { message: string; links: string[]; fileIds: string[] }) => call(api.POST("/api/contracts/{id}/submissions", { ...path(id), body })));

export const useRequestRevision = (id: string) =>
  useContractChange((body: { reason: string }) => call(api.POST("/api/contracts/{id}/request-revision", { ...path(id), body })));

export const useAcceptWork = (id: string) => useContractChange(() => call(api.POST("/api/contracts/{id}/accept", path(id))));

export const useForwardSubmission = (id: string) => useContractChange(() => call(api.POST("/api/contracts/{id}/forward", path(id))));

export const useLeaveReview = (id: string) =>
  useContractChange((body: { rating: number; comment: string }) => call(api.POST("/api/contracts/{id}/reviews", { ...path(id), body })));

export const useTerms = (id: string, version?: number) =>
  useQuery({
    queryKey: [...contractKeys.one(id), "terms", version ?? "current"],
    queryFn: () =>
      version === undefined
        ? call(api.GET("/api/contracts/{id}/terms", path(id)))
        : call(api.GET("/api/contracts/{id}/terms/{version}", { params: { path: { id, version } } })),
  });

export const useProposeChange = (id: string) =>
  useContractChange((body: { deliveryDate?: string; amount?: number; reason: string }) =>
    call(api.POST("/api/contracts/{id}/change-requests", { ...path(id), body })),
  );

export const useAnswerChange = () =>
  useContractChange(({ requestId, answer }: { requestId: string; answer: "accept" | "decline" }) =>
    answer === "accept"
      ? call(api.POST("/api/change-requests/{id}/accept", path(requestId)))
      : call(api.POST("/api/change-requests/{id}/decline", path(requestId))),
  );

export const useProposeCancellation = (id: string, declinesRevision = false) =>
  useContractChange((body: { reason: string; workerShare: number }) =>
    declinesRevision
      ? call(api.POST("/api/contracts/{id}/decline-revision", { ...path(id), body }))
      : call(api.POST("/api/contracts/{id}/cancellation", { ...path(id), body })),
  );

export const useAnswerCancellation = (id: string) =>
  useContractChange((answer: "accept" | "decline") =>
    answer === "accept"
      ? call(api.POST("/api/contracts/{id}/cancellation/accept", path(id)))
      : call(api.POST("/api/contracts/{id}/cancellation/decline", path(id))),
  );

/**
 * Declining a proposed cancellation opens a dispute; the party's account of what happened goes with it as its first
 * statement. Two requests: when the second fails, the answer says so (statementError) with the dispute to go to.
 */
export const useEscalate = (id: string) =>
  useContractChange(async (statement: { body: string; fileIds: string[] }) => {
    const detail = await call(api.POST("/api/contracts/{id}/cancellation/decline", path(id)));
    const disputeId = detail.disputeId ?? "";
    try {
      await call(api.POST("/api/disputes/{id}/statements", { params: { path: { id: disputeId } }, body: statement }));
      return { disputeId, statementError: undefined as unknown };
    } catch (statementError) {
      return { disputeId, statementError };
    }
  });

import { infiniteQueryOptions, queryOptions, useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, call } from "../../api/client";

export const bidKeys = {
  all: ["bids"] as const,
  forJob: (jobId: string) => ["bids", "job", jobId] as const,
  takeHome: (jobId: string, amount: number) => ["bids", "take-home", jobId, amount] as const,
  mine: ["bids", "mine"] as const,
  // Mutation keys: what else a bid changes (the job, its contract) belongs to other features, which src/app refreshes.
  place: ["bids", "place"] as const,
  award: ["bids", "award"] as const,
};

export const jobBidsQuery = (jobId: string) =>
  queryOptions({
    queryKey: bidKeys.forJob(jobId),
    queryFn: () => call(api.GET("/api/jobs/{id}/bids", { params: { path: { id: jobId } } })),
  });

export const useJobBids = (jobId: string, enabled = true) => useQuery({ ...jobBidsQuery(jobId), enabled });

/** What a bid of <amount> would take home (手取り見込み), split as an award would split it; asked once the amount is valid. */
export const useTakeHome = (jobId: string, amount: number | null) =>
  useQuery({
    queryKey: bidKeys.takeHome(jobId, amount ?? 0),
    queryFn: () => call(api.GET("/api/jobs/{id}/take-home", { params: { path: { id: jobId }, query: { amount: amount ?? 0 } } })),
    enabled: amount != null,
    staleTime: 5 * 60_000,
  });

export const myBidsQuery = infiniteQueryOptions({
  queryKey: bidKeys.mine,
  queryFn: ({ pageParam }) => call(api.GET("/api/me/bids", { params: { query: { limit: 20, cursor: pageParam } } })),
  initialPageParam: undefined as string | undefined,
  getNextPageParam: (page) => page.nextCursor ?? undefined,
});

export const useMyBids = () => useInfiniteQuery(myBidsQuery);

export function usePlaceBid(jobId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationKey: bidKeys.place,
    mutationFn: (body: { amount: number; deliveryDays: number; message: string; teamId?: string | null }) =>
      call(api.POST("/api/jobs/{id}/bids", { params: { path: { id: jobId } }, body })),
    onSuccess: () => client.invalidateQueries({ queryKey: bidKeys.all }),
  });
}

export function useWithdrawBid() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (bidId: string) => call(api.POST("/api/bids/{id}/withdraw", { params: { path: { id: bidId } } })),
    onSuccess: () => client.invalidateQueries({ queryKey: bidKeys.all }),
  });
}

export function useAwardJob(jobId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationKey: bidKeys.award,
    mutationFn: (body: { bidId: string; milestones?: { title: string; amount: number; dueOn: string }[]; fundAllMilestones?: boolean }) =>
      call(api.POST("/api/jobs/{id}/award", { params: { path: { id: jobId } }, body })),
    onSuccess: () => client.invalidateQueries({ queryKey: bidKeys.all }),
  });
}

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, call } from "../../api/client";

export const producerKeys = {
  links: ["producer-links"] as const,
  pipeline: ["producer", "pipeline"] as const,
  recommended: (jobId: string) => ["producer", "recommended", jobId] as const,
  invitations: ["invitations", "mine"] as const,
};

export const useProducerLinks = (enabled = true) =>
  useQuery({ queryKey: producerKeys.links, queryFn: () => call(api.GET("/api/producer-links")), enabled });

export function useLinkProducer() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { producerEmail: string; canPostJobs: boolean; canAward: boolean; feeRate: number }) =>
      call(api.POST("/api/producer-links", { body })),
    onSuccess: () => client.invalidateQueries({ queryKey: producerKeys.links }),
  });
}

export function useChangeLink() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, change }: { id: string; change: "accept" | "decline" | "end" }) => {
      const path = { params: { path: { id } } };
      if (change === "accept") return call(api.POST("/api/producer-links/{id}/accept", path));
      if (change === "decline") return call(api.POST("/api/producer-links/{id}/decline", path));
      return call(api.POST("/api/producer-links/{id}/end", path));
    },
    onSuccess: () => client.invalidateQueries({ queryKey: producerKeys.links }),
  });
}

export const usePipeline = () => useQuery({ queryKey: producerKeys.pipeline, queryFn: () => call(api.GET("/api/producer/pipeline")) });

export const useRecommendedWorkers = (jobId: string) =>
  useQuery({
    queryKey: producerKeys.recommended(jobId),
    queryFn: () => call(api.GET("/api/jobs/{id}/recommended-workers", { params: { path: { id: jobId }, query: { limit: 10 } } })),
  });

export function useInviteWorker(jobId: string) {
  return useMutation({
    mutationFn: (workerId: string) => call(api.POST("/api/jobs/{id}/invitations", { params: { path: { id: jobId } }, body: { workerId } })),
  });
}

export const useMyInvitations = () =>
  useQuery({ queryKey: producerKeys.invitations, queryFn: () => call(api.GET("/api/me/invitations")) });

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, call } from "../../api/client";
import type { components } from "../../api/schema";

export type Contest = components["schemas"]["Contests.Contest"];
export type ContestEntry = components["schemas"]["Contests.ContestEntry"];
export type ContestSummary = components["schemas"]["Contests.ContestSummary"];
export type PostContestCommand = components["schemas"]["Contests.PostContest.Command"];

export const contestKeys = {
  all: ["contests"] as const,
  list: ["contests", "list"] as const,
  one: (id: string) => ["contests", id] as const,
  toDecide: ["contests", "toDecide"] as const,
};

export const useContests = () => useQuery({ queryKey: contestKeys.list, queryFn: () => call(api.GET("/api/contests")) });

export const useContest = (id: string) =>
  useQuery({ queryKey: contestKeys.one(id), queryFn: () => call(api.GET("/api/contests/{id}", { params: { path: { id } } })) });

export function usePostContest() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: PostContestCommand) => call(api.POST("/api/contests", { body })),
    onSuccess: () => client.invalidateQueries({ queryKey: contestKeys.all }),
  });
}

export function useSubmitEntry(contestId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { note: string; fileIds: string[] }) =>
      call(api.POST("/api/contests/{id}/entries", { params: { path: { id: contestId } }, body })),
    onSuccess: () => client.invalidateQueries({ queryKey: contestKeys.all }),
  });
}

export function useReviewEntry(contestId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ entryId, rating, comment }: { entryId: string; rating?: number; comment?: string }) =>
      call(api.PUT("/api/contests/{id}/entries/{entryId}/review", { params: { path: { id: contestId, entryId } }, body: { rating, comment } })),
    onSuccess: () => client.invalidateQueries({ queryKey: contestKeys.one(contestId) }),
  });
}

export function useChooseWinner(contestId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (entryId: string) => call(api.POST("/api/contests/{id}/winner", { params: { path: { id: contestId } }, body: { entryId } })),
    onSuccess: () => client.invalidateQueries({ queryKey: contestKeys.all }),
  });
}

/** The administrators' list: contests whose business chose no winner in time, decided by its ratings. */
export const useContestsToDecide = () =>
  useQuery({ queryKey: contestKeys.toDecide, queryFn: () => call(api.GET("/api/admin/contests")) });

export function useDecideWinner(contestId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (entryId: string) => call(api.POST("/api/admin/contests/{id}/winner", { params: { path: { id: contestId } }, body: { entryId } })),
    onSuccess: () => client.invalidateQueries({ queryKey: contestKeys.all }),
  });
}

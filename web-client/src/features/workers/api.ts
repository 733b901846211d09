import { infiniteQueryOptions, queryOptions, useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, ApiError, call } from "../../api/client";

export const workerKeys = {
  one: (id: string) => ["workers", id] as const,
  search: (filters: WorkerFilters) => ["workers", "search", filters] as const,
};

/** Words over the profiles (bio, skills, region), a region or its beginning, one exact skill. */
export interface WorkerFilters {
  q?: string;
  region?: string;
  skill?: string;
}

export const workerSearchQuery = (filters: WorkerFilters) =>
  infiniteQueryOptions({
    queryKey: workerKeys.search(filters),
    queryFn: ({ pageParam }) => call(api.GET("/api/workers", { params: { query: { ...filters, limit: 20, cursor: pageParam } } })),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });

/** Businesses and producers search workers; the API ranks the words' matches. */
export const useWorkerSearch = (filters: WorkerFilters) => useInfiniteQuery(workerSearchQuery(filters));

export const workerQuery = (id: string) =>
  queryOptions({
    queryKey: workerKeys.one(id),
    queryFn: () => call(api.GET("/api/workers/{id}", { params: { path: { id } } })),
    retry: (count, error) => !(error instanceof ApiError && error.status === 404) && count < 2,
  });

export const useWorker = (id: string) => useQuery(workerQuery(id));

export interface ProfileChange {
  bio: string;
  skills: string[];
  region: string;
  weeklyHours: number;
  availability: string;
  isIndividual: boolean;
}

export function useUpdateProfile(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: ProfileChange) => call(api.PUT("/api/me/worker-profile", { body })),
    onSuccess: (profile) => client.setQueryData(workerKeys.one(id), profile),
  });
}

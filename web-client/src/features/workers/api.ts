import { infiniteQueryOptions, queryOptions, useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, ApiError, call, callVersioned, ifMatch } from "../../api/client";

export const workerKeys = {
  one: (id: string) => ["workers", id] as const,
  search: (filters: WorkerFilters) => ["workers", "search", filters] as const,
  badges: ["workers", "badges"] as const,
};

/** Words over the profiles (bio, skills, region), a region or its beginning, one exact skill. */
export interface WorkerFilters {
  q?: string;
  region?: string;
  skill?: string;
  /** A badge's id: only the workers who hold it (who completed a town's course). */
  badge?: string;
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

/** The badges a search can ask for (every programme's courses grant them; they show on profiles anyway). */
export const useBadges = () => useQuery({ queryKey: workerKeys.badges, queryFn: () => call(api.GET("/api/badges")) });

export const workerQuery = (id: string) =>
  queryOptions({
    queryKey: workerKeys.one(id),
    queryFn: () => callVersioned(api.GET("/api/workers/{id}", { params: { path: { id } } })),
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
  /** T + 13 digits, or "" when not a registered issuer. */
  invoiceNumber: string;
  legalName: string;
  postalAddress: string;
  /** The files shown on the profile, exactly (the worker's own uploads). */
  portfolioFileIds: string[];
}

export function useUpdateProfile(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ etag, ...body }: ProfileChange & { etag?: string }) => callVersioned(api.PUT("/api/me/worker-profile", { body, headers: ifMatch(etag) })),
    onSuccess: (profile) => client.setQueryData(workerKeys.one(id), profile),
  });
}

/**
 * Whether the worker has not filled in a profile yet. GET /api/workers/{id} answers every worker (worker_details
 * lists accounts, not profiles), with an empty region and no hours until a profile is saved; region is required when
 * one is, so an empty region means none yet. A 404 (no such worker) counts as none too.
 */
export function profileMissing(query: { data?: { region: string }; error: unknown }): boolean {
  if (query.error instanceof ApiError && query.error.status === 404) return true;
  return query.data !== undefined && query.data.region.trim() === "";
}

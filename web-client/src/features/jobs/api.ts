import { infiniteQueryOptions, queryOptions, useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, call, callVersioned, ifMatch, type Job, type JobCategory, type JobStatus } from "../../api/client";

export interface JobFilters {
  q?: string;
  category?: JobCategory;
  region?: string;
  minBudget?: number;
  maxBudget?: number;
  status?: JobStatus;
  mine?: boolean;
  sort?: JobSort;
  /** Beginner jobs (入門案件) only. */
  beginners?: boolean;
}

export type JobSort = "relevance" | "newest" | "budget" | "deadline";
export const jobSorts: JobSort[] = ["relevance", "newest", "budget", "deadline"];

export const jobKeys = {
  all: ["jobs"] as const,
  list: (filters: JobFilters) => ["jobs", "list", filters] as const,
  one: (id: string) => ["jobs", "one", id] as const,
  confidential: (id: string) => ["jobs", "confidential", id] as const,
};

export const jobsQuery = (filters: JobFilters) =>
  infiniteQueryOptions({
    queryKey: jobKeys.list(filters),
    queryFn: ({ pageParam }) =>
      call(api.GET("/api/jobs", { params: { query: { ...filters, limit: 20, cursor: pageParam } } })),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });

export const useJobs = (filters: JobFilters) => useInfiniteQuery(jobsQuery(filters));

export const jobQuery = (id: string) =>
  queryOptions({ queryKey: jobKeys.one(id), queryFn: () => callVersioned(api.GET("/api/jobs/{id}", { params: { path: { id } } })) });

export const useJob = (id: string) => useQuery(jobQuery(id));

/** Whether a worker accepts an NDA before reading the job's full description and files (the business's or the platform's). */
export const underNda = (job: Pick<Job, "nda">) => job.nda === "template" || job.nda === "file";

/** The platform's NDA text in force (both languages, with its version), which a worker accepts on a template NDA job. */
export const useNdaTemplate = (enabled: boolean) =>
  useQuery({ queryKey: ["nda-template"], queryFn: () => call(api.GET("/api/nda-template")), enabled, staleTime: Infinity });

/**
 * An NDA job's confidential part (full description and files): only asked for once the reader may have it (its
 * business and producers, or a worker who accepted), so that the page never shows a 403 it could have foreseen.
 */
export const useConfidential = (id: string, enabled: boolean) =>
  useQuery({
    queryKey: jobKeys.confidential(id),
    queryFn: () => call(api.GET("/api/jobs/{id}/confidential", { params: { path: { id } } })),
    enabled,
    retry: false,
  });

/** The worker accepts the job's NDA: the job is read again (ndaAccepted, its files), and then its confidential part. */
export function useAcceptNda(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => call(api.POST("/api/jobs/{id}/nda/accept", { params: { path: { id } } })),
    onSuccess: () => client.invalidateQueries({ queryKey: jobKeys.one(id) }),
  });
}

export interface NewJob {
  title: string;
  description: string;
  category: JobCategory;
  budgetMin: number;
  budgetMax: number;
  deadline: string;
  region?: string;
  businessId?: string;
  producerReview: boolean;
  membersOnly: boolean;
  fileIds?: string[];
  confidentialFiles: boolean;
  /** Those of fileIds that visitors may download; a file is not public unless named here. */
  publicFileIds?: string[];
  /** A beginner job (入門案件): only workers with few accepted contracts, or holding beginnerBadgeId, may bid. */
  beginners: boolean;
  beginnerBadgeId?: string;
  /** The NDA a worker accepts before reading fullDescription and the files. */
  nda: "none" | "template" | "file";
  ndaFileId?: string;
  verifiedOnly: boolean;
  fullDescription?: string;
}

export function usePostJob() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: NewJob) => call(api.POST("/api/jobs", { body })),
    onSuccess: () => client.invalidateQueries({ queryKey: jobKeys.all }),
  });
}

/** The job's files, their confidentiality and which ones visitors may download (PATCH /api/jobs/{id}, while open). */
export function useUpdateJob(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ etag, ...body }: { fileIds: string[]; confidentialFiles: boolean; publicFileIds: string[]; etag?: string }) =>
      callVersioned(api.PATCH("/api/jobs/{id}", { params: { path: { id } }, body, headers: ifMatch(etag) })),
    onSuccess: () => client.invalidateQueries({ queryKey: jobKeys.all }),
  });
}

export function useCancelJob(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => call(api.POST("/api/jobs/{id}/cancel", { params: { path: { id } } })),
    onSuccess: () => client.invalidateQueries({ queryKey: jobKeys.all }),
  });
}

export interface SavedSearchInput {
  q?: string;
  category?: JobCategory;
  region?: string;
  minBudget?: number;
  maxBudget?: number;
}

export const savedSearchKeys = { all: ["saved-searches"] as const };

export const useSavedSearches = () =>
  useQuery({ queryKey: savedSearchKeys.all, queryFn: () => call(api.GET("/api/me/saved-searches")) });

export function useSaveSearch() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: SavedSearchInput) => call(api.POST("/api/me/saved-searches", { body })),
    onSuccess: () => client.invalidateQueries({ queryKey: savedSearchKeys.all }),
  });
}

export function useDeleteSavedSearch() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => call(api.DELETE("/api/me/saved-searches/{id}", { params: { path: { id } } })),
    onSuccess: () => client.invalidateQueries({ queryKey: savedSearchKeys.all }),
  });
}

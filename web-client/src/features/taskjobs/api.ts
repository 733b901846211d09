import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, call, type Schemas } from "../../api/client";

export type TaskJob = Schemas["TaskJobs.TaskJob"];
export type TaskItem = Schemas["TaskJobs.TaskItem"];
export type TaskSubmission = Schemas["TaskJobs.TaskSubmission"];
export type PostTaskJobCommand = Schemas["TaskJobs.PostTaskJob.Command"];

export const taskJobKeys = {
  one: (id: string) => ["task-jobs", id] as const,
  submissions: (id: string, mine: boolean) => ["task-jobs", id, "submissions", mine] as const,
  paymentRequest: (id: string) => ["task-jobs", id, "payment-request"] as const,
};

export const useTaskJob = (id: string) =>
  useQuery({ queryKey: taskJobKeys.one(id), queryFn: () => call(api.GET("/api/task-jobs/{id}", { params: { path: { id } } })) });

/** What the business transfers into the job's escrow (asked for only while the job waits for it). */
export const useJobPaymentRequest = (id: string, enabled: boolean) =>
  useQuery({
    queryKey: taskJobKeys.paymentRequest(id),
    queryFn: () => call(api.GET("/api/jobs/{id}/payment-request", { params: { path: { id } } })),
    enabled,
  });

/** The answers waiting for review (the business), or the worker's own answers (mine): the first 100. */
export const useTaskSubmissions = (id: string, mine: boolean, status?: string) =>
  useQuery({
    queryKey: [...taskJobKeys.submissions(id, mine), status ?? ""],
    queryFn: () => call(api.GET("/api/task-jobs/{id}/submissions", { params: { path: { id }, query: { mine: mine || undefined, status } } })),
  });

/** The API's page of answers (ListTaskSubmissions.PageSize): a shorter page is the last. */
export const taskAnswersPageSize = 100;

/** The answers waiting for the business's review, a page at a time (the API's keyset cursor: the last answer's id). */
export const useTaskReviewQueue = (id: string) =>
  useInfiniteQuery({
    queryKey: [...taskJobKeys.submissions(id, false), "submitted", "pages"],
    queryFn: ({ pageParam }) =>
      call(api.GET("/api/task-jobs/{id}/submissions", { params: { path: { id }, query: { status: "submitted", after: pageParam } } })),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => (last.length >= taskAnswersPageSize ? last.at(-1)?.id : undefined),
  });

export function usePostTaskJob() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: PostTaskJobCommand) => call(api.POST("/api/task-jobs", { body })),
    onSuccess: () => client.invalidateQueries({ queryKey: ["jobs"] }),
  });
}

/** Everything a change to one task job may have moved: the job's counts, its items left, the answers. */
function useRefresh(id: string) {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: ["task-jobs", id] });
}

export function useTakeTaskItem(id: string) {
  const refresh = useRefresh(id);
  return useMutation({
    mutationFn: () => call(api.POST("/api/task-jobs/{id}/take", { params: { path: { id } } })),
    onSuccess: refresh,
  });
}

export function useSubmitTaskItem(jobId: string) {
  const refresh = useRefresh(jobId);
  return useMutation({
    mutationFn: ({ itemId, answers }: { itemId: string; answers: string[] }) =>
      call(api.POST("/api/task-items/{id}/submission", { params: { path: { id: itemId } }, body: { answers } })),
    onSuccess: refresh,
  });
}

/** The worker gives its item back before its minutes run out: it goes back to the pool at once. */
export function useReturnTaskItem(jobId: string) {
  const refresh = useRefresh(jobId);
  return useMutation({
    mutationFn: (itemId: string) => call(api.POST("/api/task-items/{id}/return", { params: { path: { id: itemId } } })),
    onSuccess: refresh,
  });
}

export function useApproveTaskSubmission(jobId: string) {
  const refresh = useRefresh(jobId);
  return useMutation({
    mutationFn: (submissionId: string) => call(api.POST("/api/task-submissions/{id}/approve", { params: { path: { id: submissionId } } })),
    onSuccess: refresh,
  });
}

export function useRejectTaskSubmission(jobId: string) {
  const refresh = useRefresh(jobId);
  return useMutation({
    mutationFn: ({ submissionId, reason }: { submissionId: string; reason: string }) =>
      call(api.POST("/api/task-submissions/{id}/reject", { params: { path: { id: submissionId } }, body: { reason } })),
    onSuccess: refresh,
  });
}

export function useApproveTaskSubmissions(jobId: string) {
  const refresh = useRefresh(jobId);
  return useMutation({
    mutationFn: (submissionIds: string[]) => call(api.POST("/api/task-jobs/{id}/approvals", { params: { path: { id: jobId } }, body: { submissionIds } })),
    onSuccess: refresh,
  });
}

export const answersCsvUrl = (id: string) => `/api/task-jobs/${encodeURIComponent(id)}/answers.csv`;

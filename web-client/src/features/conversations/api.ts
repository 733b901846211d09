import { infiniteQueryOptions, useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, call } from "../../api/client";

export const conversationKeys = {
  questions: (jobId: string) => ["questions", jobId] as const,
  thread: (contractId: string) => ["messages", contractId] as const,
  unread: ["messages", "unread"] as const,
};

export const useQuestions = (jobId: string) =>
  useQuery({
    queryKey: conversationKeys.questions(jobId),
    queryFn: () => call(api.GET("/api/jobs/{id}/questions", { params: { path: { id: jobId } } })),
  });

export function useAskQuestion(jobId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: string) => call(api.POST("/api/jobs/{id}/questions", { params: { path: { id: jobId } }, body: { body } })),
    onSuccess: () => client.invalidateQueries({ queryKey: conversationKeys.questions(jobId) }),
  });
}

export function useAnswerQuestion(jobId: string, questionId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { body: string; public: boolean }) => call(api.POST("/api/questions/{id}/answer", { params: { path: { id: questionId } }, body })),
    onSuccess: () => client.invalidateQueries({ queryKey: conversationKeys.questions(jobId) }),
  });
}

/** The thread, newest page first (so the newest message is always loaded); pages are shown oldest at the top. */
export const threadQuery = (contractId: string) =>
  infiniteQueryOptions({
    queryKey: conversationKeys.thread(contractId),
    queryFn: ({ pageParam }) =>
      call(api.GET("/api/contracts/{id}/messages", { params: { path: { id: contractId }, query: { newestFirst: true, limit: 30, cursor: pageParam } } })),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
    // A reply may come while the page is open.
    refetchInterval: 30_000,
  });

export const useThread = (contractId: string) => useInfiniteQuery(threadQuery(contractId));

export function usePostMessage(contractId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { body: string; fileIds: string[] }) => call(api.POST("/api/contracts/{id}/messages", { params: { path: { id: contractId } }, body })),
    onSuccess: () => client.invalidateQueries({ queryKey: conversationKeys.thread(contractId) }),
  });
}

export function useMarkThreadRead(contractId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (upTo: string) => call(api.POST("/api/contracts/{id}/messages/read", { params: { path: { id: contractId } }, body: { upTo } })),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: conversationKeys.unread });
      void client.invalidateQueries({ queryKey: ["contracts"] });
      // The messages' notifications are read with them (the notifications feature's key).
      void client.invalidateQueries({ queryKey: ["notifications"] });
    },
  });
}

export const useUnreadMessages = (enabled = true) =>
  useQuery({
    queryKey: conversationKeys.unread,
    queryFn: () => call(api.GET("/api/me/unread-messages")),
    enabled,
    refetchInterval: 60_000,
  });

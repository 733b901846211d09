import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, call } from "../../api/client";

export const notificationKeys = { all: ["notifications"] as const };

export const useNotifications = (enabled = true) =>
  useQuery({
    queryKey: notificationKeys.all,
    queryFn: () => call(api.GET("/api/notifications")),
    enabled,
    // New bids and deadlines arrive while the page is open; a minute is fresh enough and cheap on a phone.
    refetchInterval: 60_000,
  });

export function useMarkRead() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => call(api.POST("/api/notifications/{id}/read", { params: { path: { id } } })),
    onSuccess: () => client.invalidateQueries({ queryKey: notificationKeys.all }),
  });
}

/**
 * The notifications page: 50 at a time, older ones on request, or only the unread. Under notificationKeys.all, so reading
 * one (here, in a thread, or all at once) refreshes the page and the header's count together.
 */
export const useNotificationPages = (unreadOnly: boolean) =>
  useInfiniteQuery({
    queryKey: [...notificationKeys.all, "pages", unreadOnly] as const,
    queryFn: ({ pageParam }) =>
      call(api.GET("/api/notifications", { params: { query: { unread: unreadOnly ? true : undefined, cursor: pageParam } } })),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
    refetchInterval: 60_000,
  });

/** Reads every notification up to the newest shown: one that arrives meanwhile stays unread. */
export function useMarkAllRead() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (upTo: string) => call(api.POST("/api/notifications/read", { body: { upTo } })),
    onSuccess: () => client.invalidateQueries({ queryKey: notificationKeys.all }),
  });
}

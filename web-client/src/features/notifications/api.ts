import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
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

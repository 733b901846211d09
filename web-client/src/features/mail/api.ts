import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, call, type MailDelivery, type NotificationKind } from "../../api/client";

const settingsKey = ["notification-settings"] as const;

export const useNotificationSettings = () => useQuery({ queryKey: settingsKey, queryFn: () => call(api.GET("/api/me/notification-settings")) });

export function useUpdateNotificationSettings() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (kinds: { kind: NotificationKind; delivery: MailDelivery }[]) => call(api.PUT("/api/me/notification-settings", { body: { kinds } })),
    onSuccess: (data) => client.setQueryData(settingsKey, data),
  });
}

export function useUpdateLanguage() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (language: "ja" | "en") => call(api.PUT("/api/me", { body: { language } })),
    onSuccess: () => client.invalidateQueries({ queryKey: ["me"] }) // the auth feature's key of GET /api/me,
  });
}

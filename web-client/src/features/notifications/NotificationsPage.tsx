import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { Notification } from "../../api/client";
import { dateTime } from "../../ui/format";
import { Pending } from "../../ui/Pending";
import { Problem } from "../../ui/Problem";
import { useMarkRead, useNotifications } from "./api";

function target(n: Notification) {
  if (n.contractId) return `/contracts/${n.contractId}`;
  if (n.jobId) return `/jobs/${n.jobId}`;
  return null;
}

export function NotificationsPage() {
  const { t } = useTranslation();
  const notifications = useNotifications();
  const markRead = useMarkRead();
  if (notifications.isPending) return <Pending />;
  if (notifications.isError) return <Problem error={notifications.error} onRetry={() => void notifications.refetch()} />;
  const items = notifications.data.items ?? [];
  return (
    <section>
      <h1>{t("notifications.title")}</h1>
      <p>{t("notifications.unread", { count: notifications.data.unreadCount ?? 0 })}</p>
      {items.length === 0 ? (
        <p>{t("notifications.none")}</p>
      ) : (
        <ul className="cards">
          {items.map((n) => {
            const to = target(n);
            return (
              <li key={n.id} className={`card ${n.readAt ? "read" : "unread"}`}>
                <p>
                  {!n.readAt && <span className="tag">{t("notifications.new")}</span>} {to ? <Link to={to} onClick={() => !n.readAt && markRead.mutate(n.id)}>{t(`notificationKind.${n.kind}`)}</Link> : t(`notificationKind.${n.kind}`)}
                </p>
                <p className="meta">
                  <time dateTime={n.createdAt}>{dateTime(n.createdAt)}</time>
                </p>
                {!n.readAt && (
                  <button type="button" disabled={markRead.isPending} onClick={() => markRead.mutate(n.id)}>
                    {t("notifications.markRead")}
                  </button>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}

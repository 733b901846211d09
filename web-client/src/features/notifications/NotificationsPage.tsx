import "../../i18n/teamWords";
import "../../i18n/contestWords";
import "../../i18n/programmeWords";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { Notification } from "../../api/client";
import { dateTime } from "../../ui/format";
import { toMessages } from "../../ui/messagesAnchor";
import { Pending } from "../../ui/Pending";
import { Problem } from "../../ui/Problem";
import { useMarkAllRead, useMarkRead, useNotificationPages } from "./api";

/**
 * One notification in the reader's language, from what the API sends (kind, job title, the other party): 「日本酒ラベル
 * のデザイン」に応募がありました, then who (佐藤 美咲さん（ワーカー）). A kind about no job keeps its general wording.
 */
export function useNotificationWords() {
  const { t } = useTranslation();
  return (n: Notification) => ({
    text: n.jobTitle
      ? t(`words.notify.${n.kind}`, { job: n.jobTitle })
      : n.kind === "teamMessageReceived" && n.teamName
        ? t("words.notifyTeam.teamMessageReceived", { team: n.teamName })
        : n.kind === "programmeNotice" && n.noticeTitle
          ? t("words.notifyProgramme.programmeNotice", { programme: n.programmeName ?? "", title: n.noticeTitle })
          : t(`notificationKind.${n.kind}`),
    party: n.partyName ? t("words.party", { name: n.partyName, role: n.partyRole ? t(`roles.${n.partyRole}`) : "" }) : null,
  });
}

function target(n: Notification) {
  // An administrator's warning of pay due is acted on in the payouts-due list (a closed task job has no page for them).
  if (n.kind === "payoutDue") return "/admin/payouts-due";
  // A new message opens the contract at its thread, at the first unread message (a phone's contract page is long).
  if (n.kind === "messageReceived" && n.contractId) return toMessages(`/contracts/${n.contractId}`);
  if (n.contractId) return `/contracts/${n.contractId}`;
  // A contest's news (an entry, no winner chosen in time, a refund) is read on the contest's own page.
  if (n.jobId && n.kind.startsWith("contest")) return `/contests/${n.jobId}`;
  if (n.jobId) return `/jobs/${n.jobId}`;
  // Questions to the office: the person reads the answer on its ticket, the office answers it on its own page (the
  // help page and the queue when the ticket is not named).
  if (n.kind === "ticketAnswered") return n.ticketId ? `/help/tickets/${n.ticketId}` : "/help";
  if (n.kind === "ticketReceived") return n.ticketId ? `/admin/tickets/${n.ticketId}` : "/admin/tickets";
  // A team's message is read in the team's thread, at the bottom of its page: the page opens there.
  if (n.kind === "teamMessageReceived") return n.teamId ? toMessages(`/teams/${n.teamId}`) : "/teams";
  // An office's notice is read on the worker's programme page, which opens at the notice's card.
  if (n.kind === "programmeNotice") return n.noticeId ? `/programmes#notice-${n.noticeId}` : "/programmes";
  return null;
}

export function NotificationsPage() {
  const { t } = useTranslation();
  // A busy thread's messages can push an unread notification below the first page: the unread alone, older pages on
  // request and "mark all read" keep every one within reach.
  const [unreadOnly, setUnreadOnly] = useState(false);
  const notifications = useNotificationPages(unreadOnly);
  const markRead = useMarkRead();
  const markAllRead = useMarkAllRead();
  const words = useNotificationWords();
  if (notifications.isPending) return <Pending />;
  if (notifications.isError) return <Problem error={notifications.error} onRetry={() => void notifications.refetch()} />;
  const items = notifications.data.pages.flatMap((page) => page.items ?? []);
  const unreadCount = notifications.data.pages[0]?.unreadCount ?? 0;
  return (
    <section>
      <h1>{t("notifications.title")}</h1>
      <p>{t("notifications.unread", { count: unreadCount })}</p>
      <div className="choices" role="group" aria-label={t("notifications.title")}>
        {([false, true] as const).map((only) => (
          <button key={String(only)} type="button" aria-pressed={unreadOnly === only} onClick={() => setUnreadOnly(only)}>
            {t(only ? "notifications.showUnread" : "notifications.showAll")}
          </button>
        ))}
      </div>
      {unreadCount > 0 && items.length > 0 && (
        <p>
          <button type="button" disabled={markAllRead.isPending} onClick={() => items[0] && markAllRead.mutate(items[0].id)}>
            {t("notifications.markAllRead")}
          </button>
        </p>
      )}
      {items.length === 0 ? (
        <p>{t(unreadOnly ? "notifications.noneUnread" : "notifications.none")}</p>
      ) : (
        <ul className="cards">
          {items.map((n) => {
            const to = target(n);
            const { text, party } = words(n);
            return (
              <li key={n.id} className={`card ${n.readAt ? "read" : "unread"}`}>
                <p>
                  {!n.readAt && <span className="tag">{t("notifications.new")}</span>} {to ? <Link to={to} onClick={() => !n.readAt && markRead.mutate(n.id)}>{text}</Link> : text}
                </p>
                <p className="meta">
                  {party && <span>{party}</span>}
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
      {notifications.hasNextPage && (
        <p>
          <button type="button" disabled={notifications.isFetchingNextPage} onClick={() => void notifications.fetchNextPage()}>
            {t("notifications.older")}
          </button>
        </p>
      )}
    </section>
  );
}

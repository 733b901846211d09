import "../../i18n/adminWords";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { dateTime } from "../../ui/format";
import { Loaded } from "../../ui/Loaded";
import { useTickets } from "./api";

/** The office's questions: those waiting for an answer first, newest first. */
export function TicketQueuePage() {
  const { t } = useTranslation();
  const [status, setStatus] = useState<"open" | "answered" | undefined>("open");
  const queue = useTickets(status);
  return (
    <section>
      <h1>{t("tickets.title")}</h1>
      <div className="choices" role="group" aria-label={t("tickets.title")}>
        {(["open", "answered", undefined] as const).map((s) => (
          <button key={s ?? "all"} type="button" aria-pressed={status === s} onClick={() => setStatus(s)}>
            {t(`tickets.${s ?? "all"}`)}
          </button>
        ))}
      </div>
      <Loaded query={queue}>
        {(page) =>
          page.items.length === 0 ? (
            <p>{t("tickets.none")}</p>
          ) : (
            <ul className="cards">
              {page.items.map((ticket) => (
                <li key={ticket.id} className="card">
                  <h2 className="h3">
                    <Link to={`/admin/tickets/${ticket.id}`}>{ticket.subject}</Link>
                  </h2>
                  <p className="meta">
                    <span className={`status status-${ticket.status}`}>{t(`tickets.${ticket.status}`)}</span>
                    <span>{t("tickets.from", { name: ticket.userName, role: t(`roles.${ticket.userRole}`) })}</span>
                    <time dateTime={ticket.lastReplyAt ?? ticket.createdAt}>{dateTime(ticket.lastReplyAt ?? ticket.createdAt)}</time>
                  </p>
                </li>
              ))}
            </ul>
          )
        }
      </Loaded>
    </section>
  );
}

import { useTranslation } from "react-i18next";
import type { Schemas } from "../../../api/client";
import { dateTime } from "../../../ui/format";

type TicketDetail = Schemas["Help.TicketDetail"];

/** A question and every reply after it, oldest first: the office's replies as 事務局 to the person, by name to the office. */
export function TicketThread({ detail, asOffice }: { detail: TicketDetail; asOffice: boolean }) {
  const { t } = useTranslation();
  const asker = asOffice ? detail.ticket.userName : t("help.you");
  return (
    <ol className="timeline">
      <li>
        <p className="meta">
          <strong>{asker}</strong> <time dateTime={detail.ticket.createdAt}>{dateTime(detail.ticket.createdAt)}</time>
        </p>
        <p className="message">{detail.body}</p>
      </li>
      {detail.replies.map((r) => (
        <li key={r.id} className={r.fromOffice ? "from-office" : undefined}>
          <p className="meta">
            <strong>{r.fromOffice ? (asOffice && r.authorName ? `${t("help.office")}（${r.authorName}）` : t("help.office")) : asker}</strong>{" "}
            <time dateTime={r.createdAt}>{dateTime(r.createdAt)}</time>
          </p>
          <p className="message">{r.body}</p>
        </li>
      ))}
    </ol>
  );
}

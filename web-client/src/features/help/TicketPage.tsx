import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { Pending } from "../../ui/Pending";
import { Problem } from "../../ui/Problem";
import { useReplyToTicket, useTicket } from "./api";
import { ReplyForm } from "./components/ReplyForm";
import { TicketThread } from "./components/TicketThread";

/** One of the person's questions to the office, with the answers, and a form to write again. */
export function TicketPage() {
  const { t } = useTranslation();
  const { id = "" } = useParams();
  const ticket = useTicket(id);
  const reply = useReplyToTicket(id);
  if (ticket.isPending) return <Pending />;
  if (ticket.isError) return <Problem error={ticket.error} onRetry={() => void ticket.refetch()} />;
  const { ticket: summary } = ticket.data;
  return (
    <section>
      <p>
        <Link to="/help">{t("help.back")}</Link>
      </p>
      <h1>{t("help.ticketTitle", { subject: summary.subject })}</h1>
      <p className="meta">
        <span className={`status status-${summary.status}`}>{t(`help.status_${summary.status}`)}</span>
      </p>
      <TicketThread detail={ticket.data} asOffice={false} />
      <ReplyForm send={reply} title={t("help.replyTitle")} label={t("help.reply")} />
    </section>
  );
}

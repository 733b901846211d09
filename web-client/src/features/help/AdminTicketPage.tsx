import "../../i18n/adminWords";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { Pending } from "../../ui/Pending";
import { Problem } from "../../ui/Problem";
import { useAnswerTicket, useTicket } from "./api";
import { ReplyForm } from "./components/ReplyForm";
import { TicketThread } from "./components/TicketThread";

/** A question as the office reads it (who asked, every message) and the answer form. */
export function AdminTicketPage() {
  const { t } = useTranslation();
  const { id = "" } = useParams();
  const ticket = useTicket(id);
  const answer = useAnswerTicket(id);
  if (ticket.isPending) return <Pending />;
  if (ticket.isError) return <Problem error={ticket.error} onRetry={() => void ticket.refetch()} />;
  const { ticket: summary } = ticket.data;
  return (
    <section>
      <p>
        <Link to="/admin/tickets">{t("tickets.title")}</Link>
      </p>
      <h1>{summary.subject}</h1>
      <p className="meta">
        <span className={`status status-${summary.status}`}>{t(`tickets.${summary.status}`)}</span>
        <span>{t("tickets.from", { name: summary.userName, role: t(`roles.${summary.userRole}`) })}</span>
      </p>
      <TicketThread detail={ticket.data} asOffice />
      <ReplyForm send={answer} title={t("tickets.answerTitle")} label={t("tickets.answer")} fieldLabel={t("tickets.answerBody")} hint={t("tickets.answerHint")} />
    </section>
  );
}

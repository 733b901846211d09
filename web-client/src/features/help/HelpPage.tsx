import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { Account } from "../../api/client";
import { dateTime } from "../../ui/format";
import { Loaded } from "../../ui/Loaded";
import { useMyTickets } from "./api";
import { ContactForm } from "./components/ContactForm";

const questions = ["fees", "tax", "payment", "disputes"] as const;

/**
 * ヘルプ: the common questions (fees, tax, payment dates, disputes), open to visitors too; signed in, the contact form
 * and the person's questions to the office with their answers.
 */
export function HelpPage({ account }: { account: Account | null }) {
  const { t } = useTranslation();
  return (
    <section>
      <h1>{t("help.title")}</h1>
      <p>{t("help.lead")}</p>
      <section aria-labelledby="faq-title">
        <h2 id="faq-title">{t("help.faqTitle")}</h2>
        {questions.map((q) => (
          <details key={q} className="faq">
            <summary>{t(`help.faq.${q}Q`)}</summary>
            <p>{t(`help.faq.${q}A`)}</p>
          </details>
        ))}
      </section>
      {account ? (
        <>
          <ContactForm />
          <MyTickets />
        </>
      ) : (
        <p>
          <Link to="/signin?returnTo=%2Fhelp">{t("help.signInToContact")}</Link>
        </p>
      )}
    </section>
  );
}

function MyTickets() {
  const { t } = useTranslation();
  const tickets = useMyTickets();
  return (
    <section aria-labelledby="my-tickets-title">
      <h2 id="my-tickets-title">{t("help.myTickets")}</h2>
      <Loaded query={tickets}>
        {(page) =>
          page.items.length === 0 ? (
            <p>{t("help.noTickets")}</p>
          ) : (
            <ul className="cards">
              {page.items.map((ticket) => (
                <li key={ticket.id} className="card">
                  <h3>
                    <Link to={`/help/tickets/${ticket.id}`}>{ticket.subject}</Link>
                  </h3>
                  <p className="meta">
                    <span className={`status status-${ticket.status}`}>{t(`help.status_${ticket.status}`)}</span>
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

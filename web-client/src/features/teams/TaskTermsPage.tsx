import "../../i18n/teamWords";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { date, dateTime, yen } from "../../ui/format";
import { Loaded } from "../../ui/Loaded";
import { useTaskTerms } from "./api";

/**
 * The written terms of a task (Freelance Act art. 3, the team re-commissioning a piece to its member), every version the
 * reader may see, laid out to print: a withdrawn one says so (the task went to another member).
 */
export function TaskTermsPage() {
  const { t } = useTranslation();
  const { id = "" } = useParams();
  const notices = useTaskTerms(id);
  return (
    <article className="terms-sheet">
      <h1>{t("teams.terms.title")}</h1>
      <p className="no-print">
        <Link to={`/tasks/${id}`}>{t("teams.terms.back")}</Link>
      </p>
      <Loaded query={notices}>
        {(all) =>
          all.length === 0 ? (
            <p>{t("teams.terms.none")}</p>
          ) : (
            <>
              {[...all].reverse().map((n) => (
                <section key={n.version} aria-labelledby={`terms-v${n.version}`} data-testid="task-notice">
                  <h2 id={`terms-v${n.version}`}>{t("teams.terms.version", { version: n.version, date: dateTime(n.issuedAt) })}</h2>
                  {n.withdrawnAt && <p className="notice">{t("teams.terms.withdrawn", { date: dateTime(n.withdrawnAt) })}</p>}
                  <dl className="terms">
                    <dt>{t("teams.terms.orderer")}</dt>
                    <dd>{t("teams.terms.ordererValue", { team: n.terms.team.name, director: n.terms.director.name })}</dd>
                    <dt>{t("teams.terms.member")}</dt>
                    <dd>{n.terms.member.name}</dd>
                    <dt>{t("teams.terms.work")}</dt>
                    <dd>
                      {n.terms.title}
                      <p className="meta">{n.terms.jobTitle}</p>
                      {n.terms.instructions && <p className="message">{n.terms.instructions}</p>}
                    </dd>
                    <dt>{t("teams.terms.amount")}</dt>
                    <dd>
                      {yen(n.terms.amount)}
                      {n.terms.consumptionTax > 0 && <> {t("teams.terms.tax", { tax: yen(n.terms.consumptionTax) })}</>}
                    </dd>
                    <dt>{t("teams.terms.due")}</dt>
                    <dd>{dateTime(n.terms.dueAt)}</dd>
                    <dt>{t("teams.terms.place")}</dt>
                    <dd>{n.terms.deliveryPlace}</dd>
                    <dt>{t("teams.terms.payment")}</dt>
                    <dd>
                      {n.terms.paymentRule}
                      {n.paymentDueOn && <p>{t("teams.terms.paymentDue", { date: date(n.paymentDueOn), latest: date(n.latestPaymentOn) })}</p>}
                    </dd>
                    <dt>{t("teams.terms.method")}</dt>
                    <dd>{n.terms.paymentMethod}</dd>
                  </dl>
                </section>
              ))}
              <p className="no-print">
                <button type="button" onClick={() => window.print()}>
                  {t("deal.print")}
                </button>
              </p>
            </>
          )
        }
      </Loaded>
    </article>
  );
}

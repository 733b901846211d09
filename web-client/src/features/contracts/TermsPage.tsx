import { useTranslation } from "react-i18next";
import { Link, useParams, useSearchParams } from "react-router";
import { date, dateTime, yen } from "../../ui/format";
import { Pending } from "../../ui/Pending";
import { Problem } from "../../ui/Problem";
import { useTerms } from "./api";
import "../../i18n/dealWords";

/**
 * A reference file as the notice names it to people: its name. The stored notice also names the very bytes
 * ("name (sha256 …)"), which is for proving what was ordered, not for reading.
 */
export const fileName = (reference: string) => reference.replace(/ \(sha256 [0-9a-f]+\)$/, "");

/**
 * The terms notice of a contract (取引条件明示書, Freelance Act art. 3), one version, laid out to print on A4: the
 * page's print style sheet hides the site's header, menu and buttons.
 */
export function TermsPage() {
  const { t } = useTranslation();
  const { id = "" } = useParams();
  const [search] = useSearchParams();
  const version = search.get("version") ? Number(search.get("version")) : undefined;
  const notice = useTerms(id, version);
  if (notice.isPending) return <Pending />;
  if (notice.isError) return <Problem error={notice.error} onRetry={() => void notice.refetch()} />;
  const { terms, versions, schedule } = notice.data;
  return (
    <article className="terms-sheet">
      <p className="no-print">
        <Link to={`/contracts/${id}`}>{t("disputes.backToContract")}</Link>
      </p>
      <h1>{t("deal.termsTitle")}</h1>
      <p className="meta">
        <span>{t("deal.termsLead")}</span>
        <span>{t("deal.version", { version: terms.version })}</span>
        <span>
          {t("deal.issuedAt")}: {dateTime(terms.issuedAt, undefined, { withYear: true })}
        </span>
      </p>
      {versions.length > 1 && (
        <nav className="no-print" aria-label={t("deal.versions")}>
          <ul className="inline-list">
            {versions.map((v) => (
              <li key={v.version}>
                {v.version === terms.version ? (
                  <strong aria-current="page">{t("deal.version", { version: v.version })}</strong>
                ) : (
                  <Link to={`/contracts/${id}/terms?version=${v.version}`}>{t("deal.version", { version: v.version })}</Link>
                )}
              </li>
            ))}
          </ul>
        </nav>
      )}
      <dl className="terms">
        <dt>{t("deal.business")}</dt>
        <dd>{terms.business.name}</dd>
        <dt>{t("deal.worker")}</dt>
        <dd>{terms.worker.name}</dd>
        {terms.producer && (
          <>
            <dt>{t("deal.producer")}</dt>
            <dd>{terms.producer.name}</dd>
          </>
        )}
        <dt>{t("deal.orderedAt")}</dt>
        <dd>{date(terms.orderedAt)}</dd>
        <dt>{t("deal.work")}</dt>
        <dd>
          <strong>{terms.work.title}</strong>
          <p className="message">{terms.work.description}</p>
          <p>
            {t("deal.referenceFiles")}: {terms.work.referenceFiles.length ? terms.work.referenceFiles.map(fileName).join("、") : t("deal.noFiles")}
          </p>
        </dd>
        <dt>{t("deal.deliveryDate")}</dt>
        <dd>{date(terms.deliveryDate)}</dd>
        <dt>{t("deal.deliveryPlace")}</dt>
        <dd>{t("deal.deliveryPlaceText")}</dd>
        <dt>{t("deal.inspection")}</dt>
        <dd>{t("deal.inspectionText", { days: terms.inspection.days, date: date(terms.inspection.endsBy) })}</dd>
        <dt>{t("deal.amount")}</dt>
        <dd>
          {yen(terms.amount.total)}（{t("deal.consumptionTax", { rate: terms.amount.consumptionTaxRatePercent })} {yen(terms.amount.consumptionTax)}）
        </dd>
        <dt>{t("deal.paymentDate")}</dt>
        <dd>
          {t("deal.paymentRule", { days: terms.payment.daysAfterAcceptance, max: terms.payment.maxDaysAfterDelivery })}
          {schedule.latestPaymentOn && <p>{t("deal.latestPayment", { date: date(schedule.latestPaymentOn) })}</p>}
          {schedule.paymentDueOn && <p>{t("deal.paymentDue", { date: date(schedule.paymentDueOn) })}</p>}
        </dd>
        {terms.milestones && (
          <>
            <dt>{t("deal.termsMilestones")}</dt>
            <dd>
              <ol className="terms-milestones">
                {terms.milestones.map((m) => {
                  const live = schedule.milestones?.find((s) => s.id === m.id);
                  return (
                    <li key={m.id}>
                      <strong>{t("deal.termsMilestoneTitle", { position: m.position, title: m.title })}</strong>
                      <p>
                        {yen(m.amount)}（{t("deal.withholdingTax")} {yen(m.withholdingTax)}、{t("deal.workerNet")} {yen(m.workerNet)}）・
                        {t("deal.termsMilestoneDue", { date: date(m.dueOn) })}
                      </p>
                      <p>{t("deal.termsMilestoneRule", { days: m.daysAfterAcceptance, max: m.maxDaysAfterDelivery })}</p>
                      {live?.latestPaymentOn && <p>{t("deal.latestPayment", { date: date(live.latestPaymentOn) })}</p>}
                      {live?.paymentDueOn && <p>{t("deal.paymentDue", { date: date(live.paymentDueOn) })}</p>}
                    </li>
                  );
                })}
              </ol>
            </dd>
          </>
        )}
        <dt>{t("deal.paymentMethod")}</dt>
        <dd>{t("deal.paymentMethodText")}</dd>
        <dt>{t("deal.fees")}</dt>
        <dd>
          <dl className="amounts">
            <dt>{t("deal.platformFee")}</dt>
            <dd>{yen(terms.fees.platformFee)}</dd>
            <dt>{t("deal.producerFee")}</dt>
            <dd>{yen(terms.fees.producerFee)}</dd>
            <dt>{t("deal.withholdingTax")}</dt>
            <dd>{yen(terms.fees.withholdingTax)}</dd>
            <dt>{t("deal.workerNet")}</dt>
            <dd>{yen(terms.fees.workerNet)}</dd>
          </dl>
          <p>{t("deal.freeRevisions", { count: terms.freeRevisions })}</p>
        </dd>
      </dl>
      <p className="no-print">
        <button type="button" onClick={() => window.print()}>
          {t("deal.print")}
        </button>
      </p>
    </article>
  );
}

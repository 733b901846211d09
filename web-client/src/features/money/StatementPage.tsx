import { useState } from "react";
import { useTranslation } from "react-i18next";
import { date, yen } from "../../ui/format";
import { Loaded } from "../../ui/Loaded";
import { Problem } from "../../ui/Problem";
import { useStatement, useStatementCsv } from "./api";
import { StatementTotals } from "./components/StatementTotals";

/** "YYYY-MM" of today, in the reader's time zone. */
function thisMonth() {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, "0")}`;
}

/**
 * The months a statement shows: from 2000 (the API's default start) to November 9999, whose period still ends in a
 * year of four digits, as the API reads instants. A month input lets a person type year 0002 or 275760 on the way.
 */
const firstMonth = "2000-01";
const lastMonth = "9999-11";

/** Whether "YYYY-MM" is a month whose statement can be asked for. */
export function isStatementMonth(month: string) {
  return /^\d{4}-(0[1-9]|1[0-2])$/.test(month) && month >= firstMonth && month <= lastMonth;
}

/** The month `offset` months after "YYYY-MM", counted in months (Date.UTC reads years 0–99 as 1900–1999). */
export function addMonths(month: string, offset: number) {
  const n = Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1 + offset;
  return `${String(Math.floor(n / 12)).padStart(4, "0")}-${String((n % 12) + 1).padStart(2, "0")}`;
}

/** A month as the API's period: from its first day (inclusive) to the next month's first day (exclusive), Japanese time. */
export function monthPeriod(month: string) {
  return { from: `${month}-01T00:00:00+09:00`, to: `${addMonths(month, 1)}-01T00:00:00+09:00` };
}

/**
 * Earnings (worker), payments (business) or commissions (producer) for one month, as on screen or as CSV. Each entry is
 * worded here from its kind, in the reader's language; a business reads what it paid in, got back and must remit.
 */
export function StatementPage() {
  const { t } = useTranslation();
  const [month, setMonth] = useState(thisMonth);
  const query = monthPeriod(month);
  const statement = useStatement(query);
  const csv = useStatementCsv();

  function downloadCsv() {
    csv.mutate(query, {
      onSuccess: (blob) => {
        const url = URL.createObjectURL(blob);
        const a = document.createElement("a");
        a.href = url;
        a.download = `statement-${month}.csv`;
        a.click();
        URL.revokeObjectURL(url);
      },
    });
  }

  return (
    <section>
      <h1>{t("statement.title")}</h1>
      <form className="month-picker" onSubmit={(e) => e.preventDefault()} aria-label={t("statement.period")}>
        <button type="button" disabled={month <= firstMonth} onClick={() => setMonth(addMonths(month, -1))} aria-label={t("trust.previousMonth")}>
          ‹
        </button>
        <label>
          {t("trust.month")}
          <input type="month" min={firstMonth} max={lastMonth} value={month} onChange={(e) => isStatementMonth(e.target.value) && setMonth(e.target.value)} />
        </label>
        <button type="button" disabled={month >= lastMonth} onClick={() => setMonth(addMonths(month, 1))} aria-label={t("trust.nextMonth")}>
          ›
        </button>
        <button type="button" disabled={csv.isPending} onClick={downloadCsv}>
          {t("statement.csv")}
        </button>
      </form>
      <Problem error={csv.error} />
      <Loaded query={statement}>
        {(data) => (
          <>
            <StatementTotals data={data} />
            <h2>{t("statement.entries")}</h2>
            {data.entries.length === 0 ? (
              <p>{t("statement.none")}</p>
            ) : (
              <ul className="entries">
                {data.entries.map((e, i) => (
                  <li key={i}>
                    <span className="entry-date">{date(e.date)}</span>
                    <span className="entry-what">
                      {t(`trust.kinds.${e.kind ?? "escrowFunded"}`)}
                      {e.jobTitle && (
                        <>
                          {" "}
                          <span className="entry-job" data-user-content>
                            {e.jobTitle}
                          </span>
                        </>
                      )}
                    </span>
                    <span className="entry-amount number">{yen(e.amount)}</span>
                  </li>
                ))}
              </ul>
            )}
          </>
        )}
      </Loaded>
    </section>
  );
}

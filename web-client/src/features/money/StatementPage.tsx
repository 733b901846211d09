import { useState } from "react";
import { useTranslation } from "react-i18next";
import { date, yen } from "../../ui/format";
import { Loaded } from "../../ui/Loaded";
import { Problem } from "../../ui/Problem";
import { useStatement, useStatementCsv } from "./api";

function monthStart(offset: number) {
  const now = new Date();
  return new Date(now.getFullYear(), now.getMonth() + offset, 1).toISOString().slice(0, 10);
}

/** Earnings (worker), payments (business) or commissions (producer) over a period, as on screen or as CSV. */
export function StatementPage() {
  const { t } = useTranslation();
  const [period, setPeriod] = useState({ from: monthStart(-11), to: monthStart(1) });
  const query = { from: `${period.from}T00:00:00+09:00`, to: `${period.to}T00:00:00+09:00` };
  const statement = useStatement(query);
  const csv = useStatementCsv();

  function downloadCsv() {
    csv.mutate(query, {
      onSuccess: (blob) => {
        const url = URL.createObjectURL(blob);
        const a = document.createElement("a");
        a.href = url;
        a.download = `statement-${period.from}-${period.to}.csv`;
        a.click();
        URL.revokeObjectURL(url);
      },
    });
  }

  return (
    <section>
      <h1>{t("statement.title")}</h1>
      <form className="filters" onSubmit={(e) => e.preventDefault()} aria-label={t("statement.period")}>
        <label>
          {t("statement.from")}
          <input type="date" value={period.from} onChange={(e) => e.target.value && setPeriod({ ...period, from: e.target.value })} />
        </label>
        <label>
          {t("statement.to")}
          <input type="date" value={period.to} onChange={(e) => e.target.value && setPeriod({ ...period, to: e.target.value })} />
        </label>
        <button type="button" disabled={csv.isPending} onClick={downloadCsv}>
          {t("statement.csv")}
        </button>
      </form>
      <Problem error={csv.error} />
      <Loaded query={statement}>
      {(data) => (
        <>
          {data.totals && (
            <dl className="amounts totals">
              <dt>{t("statement.gross")}</dt>
              <dd>{yen(data.totals.gross)}</dd>
              <dt>{t("statement.platformFees")}</dt>
              <dd>{yen(data.totals.platformFees)}</dd>
              <dt>{t("statement.producerFees")}</dt>
              <dd>{yen(data.totals.producerFees)}</dd>
              <dt>{t("statement.withholdingTax")}</dt>
              <dd>{yen(data.totals.withholdingTax)}</dd>
              <dt>{t("statement.net")}</dt>
              <dd>
                <strong>{yen(data.totals.net)}</strong>
              </dd>
            </dl>
          )}
          <h2>{t("statement.entries")}</h2>
          {data.entries.length === 0 ? (
            <p>{t("statement.none")}</p>
          ) : (
            <div className="table-scroll" role="region" aria-label={t("statement.entries")} tabIndex={0}>
              <table>
                <thead>
                  <tr>
                    <th scope="col">{t("statement.date")}</th>
                    <th scope="col">{t("statement.description")}</th>
                    <th scope="col" className="number">
                      {t("statement.amount")}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {data.entries.map((e, i) => (
                    <tr key={i}>
                      <td>{date(e.date)}</td>
                      <td>{e.description}</td>
                      <td className="number">{yen(e.amount)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </>
      )}
      </Loaded>
    </section>
  );
}

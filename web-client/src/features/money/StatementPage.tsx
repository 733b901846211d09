import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api, ApiError, call, NetworkError } from "../../api/client";
import { date, yen } from "../../ui/format";
import { Loaded } from "../../ui/Loaded";
import { Problem } from "../../ui/Problem";

function monthStart(offset: number) {
  const now = new Date();
  return new Date(now.getFullYear(), now.getMonth() + offset, 1).toISOString().slice(0, 10);
}

/** Earnings (worker), payments (business) or commissions (producer) over a period, as on screen or as CSV. */
export function StatementPage() {
  const { t } = useTranslation();
  const [period, setPeriod] = useState({ from: monthStart(-11), to: monthStart(1) });
  const query = { from: `${period.from}T00:00:00+09:00`, to: `${period.to}T00:00:00+09:00` };
  const statement = useQuery({
    queryKey: ["statement", query],
    queryFn: () => call(api.GET("/api/me/statement", { params: { query } })),
  });
  const [csvError, setCsvError] = useState<unknown>(null);

  async function downloadCsv() {
    setCsvError(null);
    let response: Response;
    try {
      const params = new URLSearchParams(query);
      response = await fetch(`/api/me/statement?${params}`, { headers: { Accept: "text/csv" } });
    } catch {
      return setCsvError(new NetworkError());
    }
    // A refusal is the API's problem+json, shown like any other; only a lost connection is a NetworkError.
    if (!response.ok) return setCsvError(new ApiError(response.status, await response.json().catch(() => null)));
    const url = URL.createObjectURL(await response.blob());
    const a = document.createElement("a");
    a.href = url;
    a.download = `statement-${period.from}-${period.to}.csv`;
    a.click();
    URL.revokeObjectURL(url);
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
        <button type="button" onClick={() => void downloadCsv()}>
          {t("statement.csv")}
        </button>
      </form>
      <Problem error={csvError} />
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

import "../../i18n/adminWords";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import type { TFunction } from "i18next";
import type { JobCategory } from "../../api/client";
import { useSearchParams } from "react-router";
import { Pending } from "../../ui/Pending";
import { Problem } from "../../ui/Problem";
import { useFigures, useProgrammes, withdrawalReasons, type Figures, type MonthFigures } from "./api";
import { FiguresChart } from "./components/FiguresChart";

const columns: (keyof MonthFigures)[] = [
  "orders", "orderValue", "paidNet", "paidWithholding", "registered", "joined", "active", "withdrawn", "completed", "onTime", "revisions",
  "ratings", "ratingSum", "enrolled", "coursesCompleted", "firstContractsWithin90Days",
];

/** The month a Japanese fiscal year starts: April. The default period is the fiscal year that holds today. */
function fiscalYear(now = new Date()) {
  const jst = new Date(now.getTime() + 9 * 3_600_000);
  const year = jst.getUTCMonth() >= 3 ? jst.getUTCFullYear() : jst.getUTCFullYear() - 1;
  return { from: `${year}-04`, to: `${year + 1}-03` };
}

/** A yyyy-MM month as its reader says it: 2026年4月. */
function monthLabel(t: TFunction, month: string) {
  return t("figures.monthLabel", { year: month.slice(0, 4), month: Number(month.slice(5, 7)) });
}

/** The figures a town reports (issue 29): charts with their data as tables, CSV for Excel, and a printable A4 yearly report. */
export function FiguresPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const programmes = useProgrammes();
  const programmeId = params.get("programme") ?? programmes.data?.[0]?.id ?? "";
  const [period, setPeriod] = useState(fiscalYear);
  const [draft, setDraft] = useState(period);
  const [comment, setComment] = useState("");
  const figures = useFigures(programmeId, period.from, period.to);
  const name = programmes.data?.find((p) => p.id === programmeId)?.name ?? "";
  return (
    <section className="figures">
      <h1>{name ? t("figures.titleOf", { name }) : t("figures.title")}</h1>
      {/* Printed too: a report says which months it covers. */}
      <p>{t("figures.period", { from: monthLabel(t, period.from), to: monthLabel(t, period.to) })}</p>
      <p className="no-print">{t("figures.lead")}</p>
      <form className="inline-list no-print" onSubmit={(e) => { e.preventDefault(); setPeriod(draft); }}>
        <label>{t("figures.from")}<input type="month" value={draft.from} onChange={(e) => setDraft({ ...draft, from: e.target.value })} /></label>
        <label>{t("figures.to")}<input type="month" value={draft.to} onChange={(e) => setDraft({ ...draft, to: e.target.value })} /></label>
        <button type="submit">{t("figures.show")}</button>
      </form>
      {!programmeId || figures.isPending ? (
        <Pending />
      ) : figures.isError ? (
        <Problem error={figures.error} onRetry={() => void figures.refetch()} />
      ) : (
        <>
          <p className="inline-list no-print">
            <a href={`/api/programmes/${programmeId}/figures.csv?from=${period.from}&to=${period.to}`} download>{t("figures.csv")}</a>
            <button type="button" onClick={() => window.print()}>{t("figures.print")}</button>
          </p>
          <Charts figures={figures.data} />
          <MonthTable figures={figures.data} />
          <Reasons figures={figures.data} />
          <Locations figures={figures.data} />
          <Categories figures={figures.data} />
          <Municipalities figures={figures.data} />
          <section className="report" aria-labelledby="report-title">
            <h2 id="report-title">{t("figures.report")}</h2>
            <label className="no-print">
              {t("figures.reportText")}
              <textarea rows={4} value={comment} onChange={(e) => setComment(e.target.value)} />
            </label>
            {comment && <p className="pre-wrap">{comment}</p>}
          </section>
        </>
      )}
    </section>
  );
}

function Charts({ figures }: { figures: Figures }) {
  const { t } = useTranslation();
  const months = useMemo(() => figures.months.map((m) => monthLabel(t, m.month)), [figures, t]);
  const orderValues = useMemo(() => figures.months.map((m) => m.orderValue), [figures]);
  const registered = useMemo(() => figures.months.map((m) => m.registered), [figures]);
  return (
    <div className="two-columns">
      <FiguresChart label={t("figures.chartOrders")} months={months} values={orderValues} />
      <FiguresChart label={t("figures.chartMembers")} months={months} values={registered} />
    </div>
  );
}

function MonthTable({ figures }: { figures: Figures }) {
  const { t } = useTranslation();
  const total = (c: keyof MonthFigures) => figures.months.reduce((sum, m) => sum + Number(m[c]), 0);
  return (
    <div className="table-scroll" role="region" aria-labelledby="months-title" tabIndex={0}>
      <table className="sheet-table wide-table">
        <caption id="months-title">{t("figures.table")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("figures.month")}</th>
            {columns.map((c) => <th key={c} scope="col">{t(`figures.${c}` as "figures.orders")}</th>)}
          </tr>
        </thead>
        <tbody>
          {figures.months.map((m) => (
            <tr key={m.month}>
              <th scope="row">{monthLabel(t, m.month)}</th>
              {columns.map((c) => <td key={c} className="number">{Number(m[c]).toLocaleString("ja-JP")}</td>)}
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{t("figures.total")}</th>
            {columns.map((c) => <td key={c} className="number">{c === "registered" ? "" : total(c).toLocaleString("ja-JP")}</td>)}
          </tr>
        </tfoot>
      </table>
    </div>
  );
}

function Reasons({ figures }: { figures: Figures }) {
  const { t } = useTranslation();
  const count = (reason: string) => figures.withdrawalsByReason.filter((r) => r.reason === reason).reduce((s, r) => s + r.count, 0);
  return (
    <table className="sheet-table">
      <caption>{t("figures.reasons")}</caption>
      <tbody>
        {withdrawalReasons.map((r) => (
          <tr key={r}>
            <th scope="row">{t(`programmes.reasons.${r}`)}</th>
            <td className="number">{count(r)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Locations({ figures }: { figures: Figures }) {
  const { t } = useTranslation();
  const sum = (location: string, key: "count" | "value") =>
    figures.ordersByLocation.filter((r) => r.location === location).reduce((s, r) => s + r[key], 0);
  return (
    <table className="sheet-table">
      <caption>{t("figures.byLocation")}</caption>
      <thead>
        <tr><th scope="col" /><th scope="col">{t("figures.orders")}</th><th scope="col">{t("figures.orderValue")}</th></tr>
      </thead>
      <tbody>
        {(["inside", "outside"] as const).map((l) => (
          <tr key={l}>
            <th scope="row">{t(`figures.${l}`)}</th>
            <td className="number">{sum(l, "count")}</td>
            <td className="number">{sum(l, "value").toLocaleString("ja-JP")}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Totals over the period by a key, in the order the rows first name it. */
function totals<R>(rows: R[], key: (r: R) => string, add: (sum: number[], r: R) => void, width: number) {
  const byKey = new Map<string, number[]>();
  for (const r of rows) {
    const sum = byKey.get(key(r)) ?? Array<number>(width).fill(0);
    add(sum, r);
    byKey.set(key(r), sum);
  }
  return [...byKey.entries()];
}

// A trial's office found the breakdowns it reports (by category; money paid per town of a programme serving several)
// only in the raw API: they are on the page, and so in the printed report.
function Categories({ figures }: { figures: Figures }) {
  const { t } = useTranslation();
  const rows = totals(figures.ordersByCategory, (r): string => r.category, (s, r) => { s[0]! += r.count; s[1]! += r.value; }, 2);
  return (
    <table className="sheet-table">
      <caption>{t("figures.byCategory")}</caption>
      <thead>
        <tr><th scope="col">{t("figures.category")}</th><th scope="col">{t("figures.orders")}</th><th scope="col">{t("figures.orderValue")}</th></tr>
      </thead>
      <tbody>
        {rows.length === 0 && <tr><td colSpan={3}>{t("figures.noneInPeriod")}</td></tr>}
        {rows.map(([category, [count, value]]) => (
          <tr key={category}>
            <th scope="row">{t(`categories.${category as JobCategory}`)}</th>
            <td className="number">{count}</td>
            <td className="number">{value!.toLocaleString("ja-JP")}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Municipalities({ figures }: { figures: Figures }) {
  const { t } = useTranslation();
  const rows = totals(figures.paidByMunicipality, (r) => r.municipality, (s, r) => { s[0]! += r.net; s[1]! += r.withholding; }, 2)
    .sort(([a], [b]) => a.localeCompare(b, "ja"));
  return (
    <table className="sheet-table">
      <caption>{t("figures.byMunicipality")}</caption>
      <thead>
        <tr><th scope="col">{t("figures.municipality")}</th><th scope="col">{t("figures.paidNet")}</th><th scope="col">{t("figures.paidWithholding")}</th></tr>
      </thead>
      <tbody>
        {rows.length === 0 && <tr><td colSpan={3}>{t("figures.noneInPeriod")}</td></tr>}
        {rows.map(([municipality, [net, withholding]]) => (
          <tr key={municipality}>
            <th scope="row">{municipality}</th>
            <td className="number">{net!.toLocaleString("ja-JP")}</td>
            <td className="number">{withholding!.toLocaleString("ja-JP")}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

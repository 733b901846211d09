import "../../../i18n/milestoneWords";
import { useTranslation } from "react-i18next";
import { yen } from "../../../ui/format";
import { maxMilestones, planProblems, planSum, type PlanRow } from "../milestonePlan";

/**
 * The award's milestones, typed in the confirmation before awarding: a row per milestone (title, amount, due date),
 * the running sum against the bid's amount, and whether the business pays all of them in at once. Loaded only when the
 * business chooses to split the payment, so that the job page's first load does not carry it.
 */
export default function MilestonePlanEditor({ total, rows, onChange, fundAll, onFundAll }: {
  total: number;
  rows: PlanRow[];
  onChange: (rows: PlanRow[]) => void;
  fundAll: boolean;
  onFundAll: (fundAll: boolean) => void;
}) {
  const { t } = useTranslation();
  const set = (i: number, change: Partial<PlanRow>) => onChange(rows.map((r, j) => (j === i ? { ...r, ...change } : r)));
  const problems = planProblems(rows, total);
  const sum = planSum(rows);
  return (
    <fieldset className="milestone-plan">
      <legend>{t("milestones.plan.legend")}</legend>
      <p className="hint">{t("milestones.plan.hint")}</p>
      <ol className="plain">
        {rows.map((r, i) => (
          <li key={i} className="milestone-row">
            <label>
              {t("milestones.plan.titleOf", { n: i + 1 })}
              <input value={r.title} onChange={(e) => set(i, { title: e.target.value })} />
            </label>
            <label>
              {t("milestones.plan.amountOf", { n: i + 1 })}
              <input inputMode="numeric" value={r.amount} onChange={(e) => set(i, { amount: e.target.value })} />
            </label>
            <label>
              {t("milestones.plan.dueOf", { n: i + 1 })}
              <input type="date" value={r.dueOn} onChange={(e) => set(i, { dueOn: e.target.value })} />
            </label>
            {rows.length > 1 && (
              <button type="button" onClick={() => onChange(rows.filter((_, j) => j !== i))}>
                {t("milestones.plan.remove", { n: i + 1 })}
              </button>
            )}
          </li>
        ))}
      </ol>
      {rows.length < maxMilestones && (
        <button type="button" onClick={() => onChange([...rows, { title: "", amount: "", dueOn: "" }])}>
          {t("milestones.plan.add")}
        </button>
      )}
      <p data-testid="plan-sum" className={Number.isFinite(sum) && sum === total ? "" : "notice warning"}>
        {t("milestones.plan.sum", { sum: Number.isFinite(sum) ? yen(sum) : "—", total: yen(total) })}
      </p>
      {problems.length > 0 && (
        <ul className="errors" data-testid="plan-problems">
          {problems.map((p) => (
            <li key={p}>{t(`milestones.plan.problems.${p}`, { max: maxMilestones })}</li>
          ))}
        </ul>
      )}
      <label className="check">
        <input type="checkbox" checked={fundAll} onChange={(e) => onFundAll(e.target.checked)} />
        {t("milestones.plan.fundAll")}
      </label>
    </fieldset>
  );
}

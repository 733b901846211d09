import { limits } from "../../api/limits.gen";

/**
 * An award's milestones (分割払い, issue 24) as the business types them, and the rules the API checks
 * (Contracts/MilestonePlan.cs, docs/formats.md): up to 20, each titled, at least ¥1,000 and due on a day, together
 * exactly the bid's amount. The numbers the validators bind come from limits.gen.ts.
 */
const item = limits["Contracts.MilestonePlan.Item"];
export const maxMilestones = limits["Contracts.AwardJob.Command"].milestones.maxItems;
export const minMilestoneAmount = item.amount.minimum;

export interface PlanRow {
  title: string;
  amount: string;
  dueOn: string;
}

export type PlanProblem = "title" | "amount" | "dueOn" | "sum" | "count";

const yenOf = (text: string) => (/^\s*[0-9]+\s*$/.test(text) ? Number(text) : NaN);

/** The amount split into two milestones (the second takes the odd yen), due dates left to the business. */
export function firstPlan(total: number): PlanRow[] {
  const half = Math.floor(total / 2);
  return [
    { title: "", amount: String(half), dueOn: "" },
    { title: "", amount: String(total - half), dueOn: "" },
  ];
}

/** What the rows add up to (NaN while one is no whole number). */
export const planSum = (rows: readonly PlanRow[]) => rows.reduce((sum, r) => sum + yenOf(r.amount), 0);

/** Every problem of the plan, each once, in the order a reader fixes them; empty when it may be sent. */
export function planProblems(rows: readonly PlanRow[], total: number): PlanProblem[] {
  const problems = new Set<PlanProblem>();
  if (rows.length === 0 || rows.length > maxMilestones) problems.add("count");
  for (const r of rows) {
    if (!r.title.trim() || r.title.trim().length > item.title.maxLength) problems.add("title");
    const amount = yenOf(r.amount);
    if (!Number.isInteger(amount) || amount < item.amount.minimum || amount > item.amount.maximum) problems.add("amount");
    if (!/^\d{4}-\d{2}-\d{2}$/.test(r.dueOn)) problems.add("dueOn");
  }
  if (planSum(rows) !== total) problems.add("sum");
  return [...problems];
}

/** The rows as the award's body sends them. */
export const planItems = (rows: readonly PlanRow[]) => rows.map((r) => ({ title: r.title.trim(), amount: yenOf(r.amount), dueOn: r.dueOn }));

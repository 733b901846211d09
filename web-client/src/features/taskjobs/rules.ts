import { limits } from "../../api/limits.gen";
import { deadlineDayRange, deadlineOf } from "../../ui/deadline";

/**
 * The rules a task job's forms check as the business and the worker type, the same the API enforces
 * (api/TaskJobs/TaskJobRules.cs, docs/formats.md "Task jobs"); the numbers the validators bind come from limits.gen.ts.
 */
const post = limits["TaskJobs.PostTaskJob.Command"];

/**
 * The deadline is at most this many days after posting (TaskJobRules.MaxDaysOpen): the close pays the workers at most 14
 * days after it, and the Freelance Act wants the pay within 60 days of receiving the work. A date-time bound is not one
 * the OpenAPI document can publish, so the number is here, pinned by rules.test.ts and the API's TaskJobRulesTests.
 */
export const maxDaysOpen = 31;

const day = 86_400_000;

/** The first and last day the date box offers: today in Japan, and the last day whose end is at most maxDaysOpen away. */
export const deadlineDays = (now: number) => deadlineDayRange(now, 0, maxDaysOpen);

/** A worker has this many minutes to submit an item it took (TaskJobRules.MinutesToSubmit; the API also sends it). */
export const minutesToSubmit = 60;

/** The first row (counted from 1) of the draft's CSV with fewer cells than the instructions' highest ##N## asks for, or 0. */
export function firstShortRow(draft: Pick<TaskJobDraft, "instructions" | "itemsCsv">): number {
  const highest = highestPlaceholder(draft.instructions);
  return csvRows(draft.itemsCsv).findIndex((r) => r.length < highest) + 1;
}

/** The highest ##N## the instructions name (0 for none): the CSV must have at least that many columns. */
export function highestPlaceholder(instructions: string): number {
  let highest = 0;
  for (const m of instructions.matchAll(/##([0-9]{1,3})##/g)) highest = Math.max(highest, Number(m[1]));
  return highest;
}

/** The instructions with an item's own inputs in place of ##1##, ##2##… (a placeholder without its cell stays). */
export function fillPlaceholders(instructions: string, inputs: readonly string[]): string {
  return instructions.replace(/##([0-9]{1,3})##/g, (whole, n: string) => {
    const i = Number(n);
    return (i >= 1 && i <= inputs.length ? inputs[i - 1] : undefined) ?? whole;
  });
}

/**
 * The CSV's rows and their cells (RFC 4180 quoting: "a, b" is one cell, "" is a quote), blank lines skipped, no header,
 * as the API reads it with CsvHelper; enough for the form to count the items and find a short row before sending.
 * Cells pasted from a spreadsheet are tab-separated: a first line with a tab is read so, as the API does
 * (TaskItemsCsv.DelimiterOf).
 */
export function csvRows(csv: string): string[][] {
  const firstLine = csv.split("\n").find((line) => line.trim() !== "") ?? "";
  const delimiter = firstLine.includes("\t") ? "\t" : ",";
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  const endRow = () => {
    row.push(cell);
    if (row.length > 1 || (row[0] ?? "").trim() !== "") rows.push(row);
    row = [];
    cell = "";
  };
  for (let i = 0; i < csv.length; i++) {
    const c = csv[i];
    if (quoted) {
      if (c === '"' && csv[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === delimiter) {
      row.push(cell);
      cell = "";
    }
    else if (c === "\n") endRow();
    else if (c !== "\r") cell += c;
  }
  if (cell !== "" || row.length > 0) endRow();
  return rows;
}

export type AnswerKind = "text" | "choice" | "file";

/** An answer field as the form holds it (options one per line, so that a business types them as a list). */
export interface FieldDraft {
  label: string;
  kind: AnswerKind;
  maxLength: string;
  options: string;
}

export interface TaskJobDraft {
  title: string;
  instructions: string;
  pricePerItem: string;
  /** "count": a number of items; "csv": one item per row of a CSV. */
  items: "count" | "csv";
  itemCount: string;
  itemsCsv: string;
  perWorkerCap: string;
  deadline: string;
  fields: FieldDraft[];
}

/** Why a draft cannot be sent, per field, as codes the page words in the reader's language. */
export type DraftProblem =
  | "required"
  | "deadlineInPast"
  | "deadlineTooFar"
  | "priceOutOfRange"
  | "countOutOfRange"
  | "capOutOfRange"
  | "placeholderWithoutCsv"
  | "missingColumn"
  | "tooManyItems"
  | "tooMuch"
  | "noField"
  | "tooManyFields"
  | "maxLengthOutOfRange"
  | "choiceOptions";

const whole = (text: string) => (/^\s*[0-9]+\s*$/.test(text) ? Number(text) : NaN);
const within = (n: number, limit: { minimum: number; maximum: number }) => Number.isInteger(n) && n >= limit.minimum && n <= limit.maximum;

/** The largest total a job may ask for (JobRules.BudgetMaxYen, the budget limit every job shares). */
export const budgetMax = limits["Jobs.PostJob.Command"].budgetMax.maximum;
/** At most this long a text answer may be allowed to be (TaskJobRules.TextAnswerMax). */
export const textAnswerMax = limits["TaskJobs.SubmitTaskItem.Command"].answers.items.maxLength;
/** At most this many options a choice has (TaskJobRules.MaxOptions). */
export const maxOptions = 20;

/** How many items the draft makes: the number typed, or the CSV's rows (NaN while neither is readable). */
export function itemCountOf(draft: Pick<TaskJobDraft, "items" | "itemCount" | "itemsCsv">): number {
  return draft.items === "csv" ? csvRows(draft.itemsCsv).length : whole(draft.itemCount);
}

/** What the business transfers into the job's escrow: items × price (NaN while either is not a whole number). */
export function totalOf(draft: Pick<TaskJobDraft, "items" | "itemCount" | "itemsCsv" | "pricePerItem">): number {
  return itemCountOf(draft) * whole(draft.pricePerItem);
}

export const optionsOf = (field: FieldDraft) =>
  field.options
    .split("\n")
    .map((o) => o.trim())
    .filter(Boolean);

/** Every problem of a draft by field name ("fields.0" for the first answer field); empty when it may be sent. */
export function draftProblems(draft: TaskJobDraft, now: number): Record<string, DraftProblem[]> {
  const problems: Record<string, DraftProblem[]> = {};
  const add = (name: string, p: DraftProblem) => (problems[name] ??= []).push(p);
  if (!draft.title.trim()) add("title", "required");
  if (!draft.instructions.trim()) add("instructions", "required");
  const deadline = deadlineOf(draft.deadline).getTime();
  if (!draft.deadline || Number.isNaN(deadline)) add("deadline", "required");
  else if (deadline <= now) add("deadline", "deadlineInPast");
  else if (deadline > now + maxDaysOpen * day) add("deadline", "deadlineTooFar");
  const price = whole(draft.pricePerItem);
  if (!within(price, post.pricePerItem)) add("pricePerItem", "priceOutOfRange");
  if (!within(whole(draft.perWorkerCap), post.perWorkerCap)) add("perWorkerCap", "capOutOfRange");
  const highest = highestPlaceholder(draft.instructions);
  let count: number;
  if (draft.items === "count") {
    count = whole(draft.itemCount);
    if (!within(count, post.itemCount)) add("itemCount", "countOutOfRange");
    if (highest > 0) add("instructions", "placeholderWithoutCsv");
  } else {
    const rows = csvRows(draft.itemsCsv);
    count = rows.length;
    if (count === 0) add("itemsCsv", "required");
    else if (count > post.itemCount.maximum) add("itemsCsv", "tooManyItems");
    else if (rows.some((r) => r.length < highest)) add("itemsCsv", "missingColumn");
  }
  if (within(price, post.pricePerItem) && Number.isInteger(count) && count * price > budgetMax) add("pricePerItem", "tooMuch");
  if (draft.fields.length === 0) add("fields", "noField");
  if (draft.fields.length > post.fields.maxItems) add("fields", "tooManyFields");
  draft.fields.forEach((f, i) => {
    if (!f.label.trim()) add(`fields.${i}`, "required");
    if (f.kind === "text" && !within(whole(f.maxLength), { minimum: 1, maximum: textAnswerMax })) add(`fields.${i}`, "maxLengthOutOfRange");
    const n = optionsOf(f).length;
    if (f.kind === "choice" && (n < 2 || n > maxOptions)) add(`fields.${i}`, "choiceOptions");
  });
  return problems;
}

/** The API's body for a draft without problems. */
export function commandOf(draft: TaskJobDraft, category: string) {
  return {
    title: draft.title.trim(),
    instructions: draft.instructions.trim(),
    category,
    deadline: deadlineOf(draft.deadline).toISOString(),
    pricePerItem: whole(draft.pricePerItem),
    itemCount: draft.items === "count" ? whole(draft.itemCount) : null,
    itemsCsv: draft.items === "csv" ? draft.itemsCsv : null,
    perWorkerCap: whole(draft.perWorkerCap),
    fields: draft.fields.map((f) => ({
      label: f.label.trim(),
      kind: f.kind,
      maxLength: f.kind === "text" ? whole(f.maxLength) : null,
      options: f.kind === "choice" ? optionsOf(f) : null,
    })),
  };
}

export interface AnswerField {
  label: string;
  kind: AnswerKind;
  maxLength?: number | null;
  options?: string[] | null;
}

/** Why each answer cannot be sent: "required", "tooLong" or "notAnOption" (null when it may), as the API checks. */
export function answerProblems(fields: readonly AnswerField[], answers: readonly string[]): ("required" | "tooLong" | "notAnOption" | null)[] {
  return fields.map((f, i) => {
    const a = (answers[i] ?? "").trim();
    if (!a) return "required";
    if (f.kind === "text" && f.maxLength != null && a.length > f.maxLength) return "tooLong";
    if (f.kind === "choice" && !(f.options ?? []).includes(a)) return "notAnOption";
    return null;
  });
}

/** Whole minutes left before a held item returns to the pool (0 once past). */
export function minutesLeft(dueAt: string, now: Date): number {
  return Math.max(0, Math.ceil((new Date(dueAt).getTime() - now.getTime()) / 60000));
}

import { describe, expect, it } from "vitest";
import {
  answerProblems,
  commandOf,
  csvRows,
  firstShortRow,
  draftProblems as problemsAt,
  fillPlaceholders,
  highestPlaceholder,
  deadlineDays,
  maxDaysOpen,
  minutesLeft,
  totalOf,
  type TaskJobDraft,
} from "./rules";

const draft = (change: Partial<TaskJobDraft> = {}): TaskJobDraft => ({
  title: "商品写真の色を選ぶ",
  instructions: "写真の商品の色を選んでください。",
  pricePerItem: "30",
  items: "count",
  itemCount: "30",
  itemsCsv: "",
  perWorkerCap: "20",
  deadline: new Date(Date.now() + 7 * 86_400_000 + 9 * 3_600_000).toISOString().slice(0, 10), // a week away, in Japan
  fields: [{ label: "色", kind: "choice", maxLength: "", options: "赤\n青" }],
  ...change,
});

/** A draft's problems now, or at the moment given. */
const draftProblems = (d: TaskJobDraft, now = Date.now()) => problemsAt(d, now);

describe("posting a task job", () => {
  it("a complete draft has no problems, and the business transfers items × price", () => {
    expect(draftProblems(draft())).toEqual({});
    expect(totalOf(draft())).toBe(900);
  });

  it("counts a CSV's rows as the items, blank lines aside, quoted commas within one cell", () => {
    const csv = 'りんご,赤\n\n"みかん, 大",橙\r\nぶどう,"紫 ""巨峰"""\n';
    expect(csvRows(csv)).toEqual([["りんご", "赤"], ["みかん, 大", "橙"], ["ぶどう", '紫 "巨峰"']]);
    expect(totalOf(draft({ items: "csv", itemsCsv: csv }))).toBe(90);
  });

  // A user trial pasted cells from a spreadsheet, as the form invites, and was refused: the clipboard holds them
  // tab-separated, commas inside cells and all.
  it("reads cells pasted from a spreadsheet (tab-separated) and names the first row short of a column", () => {
    const pasted = "りんご, 青森\t赤\nみかん\t橙\n\nぶどう\n";
    expect(csvRows(pasted)).toEqual([["りんご, 青森", "赤"], ["みかん", "橙"], ["ぶどう"]]);
    const short = draft({ items: "csv", itemsCsv: pasted, instructions: "##1##の色は##2##" });
    expect(draftProblems(short).itemsCsv).toEqual(["missingColumn"]);
    expect(firstShortRow(short)).toBe(3);
    expect(firstShortRow(draft({ items: "csv", itemsCsv: "a\tb\n", instructions: "##2##" }))).toBe(0);
  });

  // The Freelance Act (art. 4) wants the pay within 60 days of receiving the work; the close pays at most 14 days after
  // the deadline, so the API takes a deadline at most 31 days away (TaskJobRules.MaxDaysOpen), and so does the form.
  it("the deadline is the end of a day in Japan, after now and at most 31 days away", () => {
    const now = Date.parse("2027-01-10T12:00:00+09:00");
    expect(maxDaysOpen).toBe(31);
    expect(draftProblems(draft({ deadline: "2027-02-09" }), now).deadline).toBeUndefined();
    expect(draftProblems(draft({ deadline: "2027-02-10" }), now).deadline, "its end is 31 days and 12 hours away").toEqual(["deadlineTooFar"]);
    expect(draftProblems(draft({ deadline: "2027-01-09" }), now).deadline).toEqual(["deadlineInPast"]);
    expect(draftProblems(draft({ deadline: "2027-01-10" }), now).deadline).toBeUndefined();
    expect(draftProblems(draft({ deadline: "" }), now).deadline).toEqual(["required"]);
    expect(deadlineDays(now)).toEqual({ min: "2027-01-10", max: "2027-02-09" });
    expect(deadlineDays(Date.parse("2027-01-10T23:59:59+09:00")).max).toBe("2027-02-10");
    expect(deadlineDays(Date.parse("2027-01-11T00:00:00+09:00"))).toEqual({ min: "2027-01-11", max: "2027-02-10" });
  });

  it("the price of one item is 1 to 100,000 yen", () => {
    expect(draftProblems(draft({ pricePerItem: "1" }))).toEqual({});
    expect(draftProblems(draft({ pricePerItem: "0" })).pricePerItem).toEqual(["priceOutOfRange"]);
    expect(draftProblems(draft({ pricePerItem: "100000" }))).toEqual({});
    expect(draftProblems(draft({ pricePerItem: "100001" })).pricePerItem).toEqual(["priceOutOfRange"]);
    expect(draftProblems(draft({ pricePerItem: "1.5" })).pricePerItem).toEqual(["priceOutOfRange"]);
  });

  it("a job has 1 to 10,000 items", () => {
    expect(draftProblems(draft({ itemCount: "10000", pricePerItem: "1" }))).toEqual({});
    expect(draftProblems(draft({ itemCount: "10001" })).itemCount).toEqual(["countOutOfRange"]);
    expect(draftProblems(draft({ itemCount: "0" })).itemCount).toEqual(["countOutOfRange"]);
  });

  it("items × price stays within a job's budget limit of ¥100,000,000", () => {
    expect(draftProblems(draft({ itemCount: "1000", pricePerItem: "100000" }))).toEqual({});
    expect(draftProblems(draft({ itemCount: "1001", pricePerItem: "100000" })).pricePerItem).toEqual(["tooMuch"]);
  });

  it("##1## names a CSV's column: without a CSV, or with a row too short, the draft is refused", () => {
    expect(highestPlaceholder("##1## と ##3## を比べる")).toBe(3);
    const instructions = "##1##の読みを##2##で書く";
    expect(draftProblems(draft({ instructions })).instructions).toEqual(["placeholderWithoutCsv"]);
    expect(draftProblems(draft({ instructions, items: "csv", itemsCsv: "湯沢,ゆざわ\n横手" })).itemsCsv).toEqual(["missingColumn"]);
    expect(draftProblems(draft({ instructions, items: "csv", itemsCsv: "湯沢,ゆざわ\n横手,よこて" }))).toEqual({});
  });

  it("a text answer's limit is 1 to 2,000 characters; a choice has 2 to 20 options", () => {
    const text = (maxLength: string) => draft({ fields: [{ label: "感想", kind: "text", maxLength, options: "" }] });
    expect(draftProblems(text("2000"))).toEqual({});
    expect(draftProblems(text("2001"))["fields.0"]).toEqual(["maxLengthOutOfRange"]);
    const choice = (n: number) =>
      draft({ fields: [{ label: "色", kind: "choice", maxLength: "", options: Array.from({ length: n }, (_, i) => `色${i}`).join("\n") }] });
    expect(draftProblems(choice(1))["fields.0"]).toEqual(["choiceOptions"]);
    expect(draftProblems(choice(20))).toEqual({});
    expect(draftProblems(choice(21))["fields.0"]).toEqual(["choiceOptions"]);
  });

  it("an answer has 1 to 20 fields", () => {
    expect(draftProblems(draft({ fields: [] })).fields).toEqual(["noField"]);
    const field = { label: "メモ", kind: "file" as const, maxLength: "", options: "" };
    expect(draftProblems(draft({ fields: Array(20).fill(field) }))).toEqual({});
    expect(draftProblems(draft({ fields: Array(21).fill(field) })).fields).toEqual(["tooManyFields"]);
  });

  it("sends the number or the CSV, never both, and a choice's options as a list", () => {
    const command = commandOf(draft(), "dataEntry");
    expect(command).toMatchObject({ itemCount: 30, itemsCsv: null, pricePerItem: 30, fields: [{ label: "色", kind: "choice", maxLength: null, options: ["赤", "青"] }] });
    expect(commandOf(draft({ items: "csv", itemsCsv: "a\nb" }), "dataEntry")).toMatchObject({ itemCount: null, itemsCsv: "a\nb" });
  });
});

describe("the worker's item", () => {
  it("shows the item's own inputs in place of the placeholders", () => {
    expect(fillPlaceholders("##1##（##2##）を確認。##3##はそのまま", ["湯沢", "ゆざわ"])).toBe("湯沢（ゆざわ）を確認。##3##はそのまま");
  });

  it("an answer is required, a text within its limit, a choice one of its options", () => {
    const fields = [
      { label: "読み", kind: "text" as const, maxLength: 5 },
      { label: "色", kind: "choice" as const, options: ["赤", "青"] },
    ];
    expect(answerProblems(fields, ["ゆざわ", "赤"])).toEqual([null, null]);
    expect(answerProblems(fields, ["  ", "緑"])).toEqual(["required", "notAnOption"]);
    expect(answerProblems(fields, ["ゆざわまち", "青"])).toEqual([null, null]);
    expect(answerProblems(fields, ["ゆざわまちだ", "青"])).toEqual(["tooLong", null]);
  });

  it("counts down the 60 minutes in whole minutes, never below zero", () => {
    const now = new Date("2026-12-07T01:00:00Z");
    expect(minutesLeft("2026-12-07T02:00:00Z", now)).toBe(60);
    expect(minutesLeft("2026-12-07T01:00:30Z", now)).toBe(1);
    expect(minutesLeft("2026-12-07T00:59:00Z", now)).toBe(0);
  });
});

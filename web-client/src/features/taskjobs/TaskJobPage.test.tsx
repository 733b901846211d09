import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { configure, render, screen, within } from "@testing-library/react";
import { MemoryRouter, Route, Routes } from "react-router";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { Account } from "../../api/client";
import i18n from "../../i18n";
import { TaskJobPage } from "./TaskJobPage";

const json = (body: unknown) => new Response(JSON.stringify(body), { headers: { "Content-Type": "application/json" } });

// This machine is shared and slow at times: a page gets five seconds to show what it loaded.
configure({ asyncUtilTimeout: 5_000 });

const fetchMock = vi.fn();
beforeEach(() => {
  fetchMock.mockReset();
  vi.stubGlobal("fetch", fetchMock);
});
afterEach(() => vi.unstubAllGlobals());

const administrator = { id: "a1", role: "administrator", displayName: "運営" } as unknown as Account;
const job = (status: string) => ({
  jobId: "j1", businessId: "b1", businessName: "湯沢木工", title: "商品説明文のタスク", instructions: "説明文を書いてください。",
  category: "dataEntry", deadline: "2026-12-20T00:00:00Z", status, pricePerItem: 300, itemCount: 10, itemsLeft: 7, perWorkerCap: 5,
  fields: [], escrowTotal: 3_000, minutesToSubmit: 60, review: { submitted: 0, approved: 2, rejected: 1 },
});

const show = (documents = vi.fn(() => null), account: Account = administrator) => {
  render(
    <QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>
      <MemoryRouter initialEntries={["/task-jobs/j1"]}>
        <Routes>
          <Route path="/task-jobs/:id" element={<TaskJobPage account={account} documents={documents} />} />
        </Routes>
      </MemoryRouter>
    </QueryClientProvider>,
  );
  return documents;
};

// Administrators pay a task job's workers from the payouts-due page, which opens this one.
describe("a task job an administrator opens", { timeout: 20_000 }, () => {
  it("shows its counts as the business reviews them, where it stands and every worker's documents, with nothing to act on", async () => {
    fetchMock.mockResolvedValue(json(job("completed")));
    const documents = show();
    expect(await screen.findByTestId("review-counts")).toHaveTextContent("確認待ち 0件・承認 2件・非承認 1件");
    // The status apart from the notice, not run into its sentence.
    expect(screen.getByText("完了")).toHaveClass("status");
    expect(screen.getByText(/運営者として閲覧しています/)).toHaveTextContent(/^運営者として閲覧しています。/);
    expect(screen.queryByRole("button")).toBeNull();
    expect(screen.queryByText("すべての回答をCSVで保存")).toBeNull();
    expect(documents).toHaveBeenCalledWith(true);
  });

  it("offers no item to take while the job is open", async () => {
    fetchMock.mockResolvedValue(json(job("open")));
    const documents = show();
    expect(await screen.findByTestId("review-counts")).toBeInTheDocument();
    expect(screen.getByTestId("items-left")).toHaveTextContent("7件（全10件）");
    expect(screen.queryByRole("button")).toBeNull();
    expect(screen.queryByText("ワーカーとしてログインすると作業できます。")).toBeNull();
    expect(documents).not.toHaveBeenCalled();
  });
});

const business = { id: "b1", role: "business", displayName: "湯沢木工" } as unknown as Account;
const producer = { id: "p1", role: "producer", displayName: "産地" } as unknown as Account;
const worker = { id: "w1", role: "worker", displayName: "健太" } as unknown as Account;
const specified = (status: string) => ({
  ...job(status),
  instructions: "##1##の説明文を書いてください。\n写真：##2##",
  fields: [
    { label: "説明文", kind: "text", maxLength: 200 },
    { label: "写真は合っているか", kind: "choice", options: ["合っている", "違う"] },
    { label: "参考画像", kind: "file" },
  ],
});
/** The job at /api/task-jobs/j1; its review queue (the business's) empty. */
const serve = (body: unknown) =>
  fetchMock.mockImplementation((request: Request) => Promise.resolve(json(new URL(request.url).pathname === "/api/task-jobs/j1" ? body : [])));

// Trial 7: the business and the administrator could not read what the job asks; only a worker's item screen showed it.
describe("a task job read without working it", { timeout: 20_000 }, () => {
  it.each([
    ["the administrator", administrator, "completed"],
    ["its business", business, "open"],
    ["a producer", producer, "open"],
  ])("shows %s the instructions as written and the answer's fields", async (_, account, status) => {
    serve(specified(status));
    show(vi.fn(() => null), account);
    const spec = await screen.findByTestId("task-spec");
    expect(spec).toHaveTextContent("作業の手順");
    expect(spec.querySelector(".instructions")!.textContent).toBe("##1##の説明文を書いてください。\n写真：##2##");
    expect(spec).toHaveTextContent("##1##、##2##…は、ワーカーが作業するときに、その件の1列目、2列目…の内容に置き換わります。");
    const fields = within(spec).getAllByRole("listitem").filter((li) => li.parentElement?.classList.contains("task-spec-fields"));
    expect(fields.map((li) => li.firstChild!.textContent + (li.childNodes[1]?.textContent ?? ""))).toEqual([
      "説明文（文章・必須・200文字まで）",
      "写真は合っているか（選択肢・必須）",
      "参考画像（ファイル・必須）",
    ]);
    expect(within(within(spec).getByRole("list", { name: "選択肢" })).getAllByRole("listitem").map((li) => li.textContent)).toEqual(["合っている", "違う"]);
    expect(within(spec).queryByRole("textbox")).toBeNull();
  });

  it("shows them in English", async () => {
    await i18n.changeLanguage("en");
    try {
      serve(specified("completed"));
      show();
      const spec = await screen.findByTestId("task-spec");
      expect(spec).toHaveTextContent("Instructions");
      expect(spec).toHaveTextContent("説明文 (Text, required, up to 200 characters)");
      expect(spec).toHaveTextContent("写真は合っているか (Choice, required)");
    } finally {
      await i18n.changeLanguage("ja");
    }
  });

  it("is not shown to the worker working it, whose item screen shows the work", async () => {
    serve(specified("open"));
    show(vi.fn(() => null), worker);
    expect(await screen.findByTestId("task-preview")).toBeInTheDocument();
    expect(screen.queryByTestId("task-spec")).toBeNull();
  });
});

// Trial 7: a stranger opening a task job it may not read met a bare 「見つかりませんでした。」 with no way on.
describe("a task job the reader may not read", { timeout: 20_000 }, () => {
  it("says so and links to the open jobs", async () => {
    fetchMock.mockResolvedValue(
      new Response(JSON.stringify({ status: 404, title: "Not Found" }), { status: 404, headers: { "Content-Type": "application/problem+json" } }),
    );
    show(vi.fn(() => null), worker);
    expect(await screen.findByRole("heading", { name: "この仕事は見つかりません" })).toBeInTheDocument();
    expect(screen.getByRole("link", { name: "募集中の仕事を見る" })).toHaveAttribute("href", "/jobs");
  });
});

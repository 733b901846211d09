import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { render, screen } from "@testing-library/react";
import { MemoryRouter, Route, Routes } from "react-router";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { JobPage } from "./JobPage";

const fetchMock = vi.fn();
beforeEach(() => {
  fetchMock.mockReset();
  vi.stubGlobal("fetch", fetchMock);
});
afterEach(() => vi.unstubAllGlobals());

describe("a job's page opened from a link", () => {
  it("points a visitor to the open jobs when the job is gone, instead of ending at 'not found'", async () => {
    fetchMock.mockResolvedValue(
      new Response(JSON.stringify({ title: "Not found.", status: 404, detail: "No such job." }), {
        status: 404,
        headers: { "Content-Type": "application/problem+json" },
      }),
    );
    render(
      <QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>
        <MemoryRouter initialEntries={["/jobs/awarded-job"]}>
          <Routes>
            <Route path="/jobs/:id" element={<JobPage account={null} />} />
          </Routes>
        </MemoryRouter>
      </QueryClientProvider>,
    );
    expect(await screen.findByRole("heading", { level: 1, name: "この仕事は見つかりません" })).toBeInTheDocument();
    expect(screen.getByRole("link", { name: "募集中の仕事を見る" })).toHaveAttribute("href", "/jobs");
  });
});

// A user trial: a contest's job page showed its winning entry as a bid (金額, 納品までの日数, 評価なし), its prize as a
// budget range and its entry deadline as 納期. A contest or a task job is worked on its own page (docs/formats.md).
describe("a contest's or a task job's job page, for its business", () => {
  const business = { id: "b1", email: "sake@yuzawa.example", displayName: "湯沢酒造", role: "business" as const, language: "ja" as const,
    emailConfirmed: true, twoStepEnabled: false, mustAcceptTerms: false, termsVersion: 1, privacyVersion: 1 };
  const job = (format: "contest" | "task") => ({
    id: "j1", businessId: "b1", businessName: "湯沢酒造", title: "ラベル案", description: "雪と稲穂", category: "design", format,
    budgetMin: 15_000, budgetMax: 15_000, pricePerItem: format === "task" ? 15_000 : null, deadline: "2026-12-20T14:59:00Z",
    status: format === "contest" ? "awarded" : "open", createdAt: "2026-11-01T00:00:00Z", bidCount: 1, producerReview: false,
    membersOnly: false, confidentialFiles: false, files: [],
  });
  const bid = { id: "x1", jobId: "j1", workerId: "w1", workerName: "佐藤 美咲", amount: 15_000, days: 1, message: "Contest entry 01a2",
    status: "accepted", createdAt: "2026-11-02T00:00:00Z" };
  function renderFor(format: "contest" | "task") {
    fetchMock.mockImplementation(async (input: Request) => {
      const path = new URL(input.url).pathname;
      const body = path === "/api/jobs/j1" ? job(format) : path === "/api/jobs/j1/bids" ? [bid] : path.startsWith("/api/jobs/j1/") ? [] : { items: [], nextCursor: null };
      return new Response(JSON.stringify(body), { headers: { "Content-Type": "application/json" } });
    });
    render(
      <QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>
        <MemoryRouter initialEntries={["/jobs/j1"]}>
          <Routes>
            <Route path="/jobs/:id" element={<JobPage account={business} />} />
          </Routes>
        </MemoryRouter>
      </QueryClientProvider>,
    );
  }

  it("leads a contest to its own page, with its prize and entry deadline, and shows no bids", async () => {
    renderFor("contest");
    expect(await screen.findByRole("link", { name: "コンペのページへ（応募・選考はこちら）" })).toHaveAttribute("href", "/contests/j1");
    expect(screen.getAllByText(/賞金 ¥15,000（採用作1点）/)).not.toHaveLength(0);
    expect(screen.getByText("応募締切")).toBeInTheDocument();
    expect(screen.queryByText(/〜/)).not.toBeInTheDocument();
    expect(screen.queryByText(/納期/)).not.toBeInTheDocument();
    await new Promise((r) => setTimeout(r, 50));
    expect(screen.queryByText(/Contest entry/)).not.toBeInTheDocument();
    expect(screen.queryByRole("heading", { name: /応募（/ })).not.toBeInTheDocument();
    expect(fetchMock.mock.calls.map(([r]) => new URL((r as Request).url).pathname)).not.toContain("/api/jobs/j1/bids");
  });

  it("leads a task job to its own page, with its price per item, and shows no bids", async () => {
    renderFor("task");
    expect(await screen.findByRole("link", { name: "タスクのページへ（作業・確認はこちら）" })).toHaveAttribute("href", "/task-jobs/j1");
    expect(screen.getAllByText(/1件 ¥15,000/)).not.toHaveLength(0);
    expect(screen.queryByText(/〜/)).not.toBeInTheDocument();
    expect(screen.queryByText(/納期/)).not.toBeInTheDocument();
    expect(fetchMock.mock.calls.map(([r]) => new URL((r as Request).url).pathname)).not.toContain("/api/jobs/j1/bids");
  });
});

import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { configure, render, screen } from "@testing-library/react";
import { MemoryRouter, Route, Routes } from "react-router";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { Account } from "../../api/client";
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

const show = (documents = vi.fn(() => null)) => {
  render(
    <QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>
      <MemoryRouter initialEntries={["/task-jobs/j1"]}>
        <Routes>
          <Route path="/task-jobs/:id" element={<TaskJobPage account={administrator} documents={documents} />} />
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

import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { configure, render, screen } from "@testing-library/react";
import { MemoryRouter } from "react-router";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { DuePayoutsPage } from "./DuePayoutsPage";

const json = (body: unknown) => new Response(JSON.stringify(body), { headers: { "Content-Type": "application/json" } });

// This machine is shared and slow at times: a page gets five seconds to show what it loaded.
configure({ asyncUtilTimeout: 5_000 });

const fetchMock = vi.fn();
beforeEach(() => {
  fetchMock.mockReset();
  vi.stubGlobal("fetch", fetchMock);
});
afterEach(() => vi.unstubAllGlobals());

const due = (row: object) => ({
  jobId: "j1", jobTitle: "商品説明文のタスク", workerId: "w1", workerName: "佐藤 美咲", paymentDueOn: "2027-01-06", net: 18_000,
  dueSoon: false, late: false, contractId: null, milestoneId: null, milestoneTitle: null, ...row,
});

describe("the payouts due", { timeout: 20_000 }, () => {
  it("open a task job's page from its pay, and name a contract's job without a link its administrators could not follow", async () => {
    fetchMock.mockResolvedValue(json([due({}), due({ jobId: "j2", jobTitle: "純米酒のラベルデザイン", workerId: "w2", contractId: "c1" })]));
    render(
      <QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>
        <MemoryRouter>
          <DuePayoutsPage />
        </MemoryRouter>
      </QueryClientProvider>,
    );
    expect(await screen.findByRole("link", { name: "商品説明文のタスク" })).toHaveAttribute("href", "/task-jobs/j1");
    expect(screen.getByText(/純米酒のラベルデザイン/)).toBeInTheDocument();
    expect(screen.queryByRole("link", { name: "純米酒のラベルデザイン" })).toBeNull();
  });
});

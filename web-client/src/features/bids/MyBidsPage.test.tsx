import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { MemoryRouter } from "react-router";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { MyBidsPage } from "./MyBidsPage";

const bid = {
  id: "b1", jobId: "j1", jobTitle: "日本酒ラベルのデザイン", workerId: "w1", workerName: "佐藤 美咲", workerRating: null, workerReviewCount: 0,
  amount: 45000, deliveryDays: 21, message: "3案ご提案します", status: "pending", createdAt: "2026-11-20T01:00:00Z",
};
const json = (body: unknown) => new Response(JSON.stringify(body), { status: 200, headers: { "Content-Type": "application/json" } });
const fetchMock = vi.fn();
const withdrawals = () => fetchMock.mock.calls.filter(([r]) => (r as Request).method === "POST").length;

beforeEach(() => {
  fetchMock.mockReset();
  fetchMock.mockImplementation((r: Request) => Promise.resolve(r.method === "POST" ? json({ ...bid, status: "withdrawn" }) : json({ items: [bid], nextCursor: null })));
  vi.stubGlobal("fetch", fetchMock);
});
afterEach(() => vi.unstubAllGlobals());

describe("the worker's list of bids", () => {
  it("withdraws a bid only after asking, as the job page does", async () => {
    render(
      <QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } })}>
        <MemoryRouter>
          <MyBidsPage />
        </MemoryRouter>
      </QueryClientProvider>,
    );
    const user = userEvent.setup();
    const button = await screen.findByRole("button", { name: "応募を取り下げる" });
    vi.stubGlobal("confirm", () => false);
    await user.click(button);
    expect(withdrawals()).toBe(0);
    vi.stubGlobal("confirm", () => true);
    await user.click(button);
    await vi.waitFor(() => expect(withdrawals()).toBe(1));
  });
});

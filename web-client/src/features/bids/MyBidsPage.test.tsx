import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { MemoryRouter } from "react-router";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import i18n from "../../i18n";
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
afterEach(() => {
  vi.unstubAllGlobals();
  return i18n.changeLanguage("ja");
});

function renderPage() {
  render(
    <QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } })}>
      <MemoryRouter>
        <MyBidsPage />
      </MemoryRouter>
    </QueryClientProvider>,
  );
}

describe("the worker's list of bids", () => {
  it("says that a bid's date is when it was sent, so that it is not read as the deadline beside the delivery days", async () => {
    renderPage();
    const card = (await screen.findByRole("link", { name: "日本酒ラベルのデザイン" })).closest("li")!;
    expect(within(card).getByText("納期 21日")).toBeInTheDocument();
    const sent = within(card).getByText("応募日 2026年11月20日");
    expect(sent.tagName).toBe("TIME");
    expect(sent).toHaveAttribute("dateTime", "2026-11-20T01:00:00Z");
  });

  it("says it in English too", async () => {
    await i18n.changeLanguage("en");
    renderPage();
    const card = (await screen.findByRole("link", { name: "日本酒ラベルのデザイン" })).closest("li")!;
    expect(within(card).getByText("Delivery in 21 days")).toBeInTheDocument();
    expect(within(card).getByText("Sent 20 Nov 2026")).toBeInTheDocument();
  });

  it("withdraws a bid only after asking, as the job page does", async () => {
    renderPage();
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

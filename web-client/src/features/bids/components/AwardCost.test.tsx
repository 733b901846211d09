import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { MemoryRouter } from "react-router";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { Job } from "../../../api/client";
import { BidsTable } from "./BidsTable";

// A trial's business read only the bid's amount before awarding, and on a phone the confirmation opened under the last bid.
const job = { id: "j1", title: "純米酒のラベルデザイン", budgetMin: 30000, budgetMax: 80000, status: "open" } as Job;
const bid = (id: string, workerName: string, amount: number, awardCost: unknown) => ({
  id, jobId: "j1", jobTitle: job.title, workerId: `w-${id}`, workerName, workerReviewCount: 0, workerVerified: false,
  amount, deliveryDays: 14, message: "お任せください", status: "pending", createdAt: "2026-12-01T00:00:00Z", awardCost,
});
const bids = [
  bid("b1", "佐藤 美咲", 50000, { paidIn: 44895, producerFee: 0, withholdingTax: 5105 }),
  bid("b2", "デザイン工房", 60000, { paidIn: 63000, producerFee: 3000, withholdingTax: 0 }),
  bid("b3", "高橋 健太", 70000, { paidIn: 70000, producerFee: 0, withholdingTax: 0 }),
];
const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json" } });
let narrow = false;
beforeEach(() => {
  narrow = false;
  vi.stubGlobal("fetch", vi.fn((r: Request) =>
    Promise.resolve(r.method === "GET" ? json(bids) : json({ id: "c1", workerName: "佐藤 美咲", amount: 50000, fundedAt: null }, 201))));
  vi.stubGlobal("matchMedia", (query: string) => ({ matches: narrow && query.includes("max-width"), addEventListener: () => {}, removeEventListener: () => {} }));
});
afterEach(() => vi.unstubAllGlobals());

function table() {
  render(
    <QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } })}>
      <MemoryRouter>
        <BidsTable job={job} canAward />
      </MemoryRouter>
    </QueryClientProvider>,
  );
}

describe("the award's confirmation", () => {
  it("says what the business pays into escrow, less the tax it withholds, and after the award asks for that amount", async () => {
    const user = userEvent.setup();
    table();
    await user.click(await screen.findByRole("button", { name: "佐藤 美咲さんに発注する" }));
    const dialog = screen.getByRole("alertdialog");
    expect(within(dialog).getByTestId("award-cost")).toHaveTextContent(
      "エスクローへの仮払い額は ¥44,895 です。 源泉徴収税 ¥5,105 は差し引いてあります（依頼者が翌月10日までに税務署へ納めます）。");
    await user.click(within(dialog).getByRole("button", { name: "発注を確定する" }));
    expect(await screen.findByRole("status")).toHaveTextContent("次は、エスクローへの支払い（¥44,895）です。");
  });

  it("names the producer's fee inside the payment", async () => {
    const user = userEvent.setup();
    table();
    await user.click(await screen.findByRole("button", { name: "デザイン工房さんに発注する" }));
    expect(screen.getByTestId("award-cost")).toHaveTextContent("エスクローへの仮払い額は ¥63,000 です。 うちプロデューサー手数料 ¥3,000。");
    expect(screen.getByTestId("award-cost")).not.toHaveTextContent("源泉徴収税");
  });

  it("opens on a phone inside the card of the bid chosen, not under the last one", async () => {
    narrow = true;
    const user = userEvent.setup();
    table();
    await user.click(await screen.findByRole("button", { name: "佐藤 美咲さんに発注する" }));
    const cards = screen.getAllByRole("listitem");
    expect(within(cards[0]!).getByRole("alertdialog")).toBeInTheDocument();
    expect(within(cards[2]!).queryByRole("alertdialog")).toBeNull();
    expect(screen.getAllByRole("alertdialog")).toHaveLength(1);
  });
});

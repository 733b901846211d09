import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { MemoryRouter } from "react-router";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { Bid, Job } from "../../../api/client";
import { BidPanel } from "./BidPanel";

const job = { id: "j1", title: "日本酒ラベルのデザイン", budgetMin: 30000, budgetMax: 50000 } as Job;
const bid: Bid = {
  id: "b1", jobId: "j1", jobTitle: job.title, workerId: "w1", workerName: "佐藤 美咲", workerRating: null, workerReviewCount: 0, workerVerified: false,
  amount: 45000, deliveryDays: 21, message: "3案ご提案します", status: "pending", createdAt: "2026-11-20T01:00:00Z",
};

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { "Content-Type": status < 400 ? "application/json" : "application/problem+json" } });

function renderPanel() {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
  return render(
    <QueryClientProvider client={client}>
      <MemoryRouter>
        <BidPanel job={job} />
      </MemoryRouter>
    </QueryClientProvider>,
  );
}

const fetchMock = vi.fn();
beforeEach(() => {
  fetchMock.mockReset();
  vi.stubGlobal("fetch", fetchMock);
});
afterEach(() => vi.unstubAllGlobals());

// Issue 13: a job the worker already bid on shows 応募済み with the bid and a withdraw link, not the bid form again.
describe("a worker's part of a job page", () => {
  it("shows 応募済み with the bid and a withdraw link instead of the form", async () => {
    fetchMock.mockResolvedValue(json([bid]));
    renderPanel();
    const applied = await screen.findByRole("region", { name: "応募済み" });
    expect(applied).toHaveTextContent("2026年11月20日に、金額 ¥45,000・納期 21日で応募しています。");
    expect(applied).toHaveTextContent("3案ご提案します");
    expect(screen.getByRole("button", { name: "応募を取り下げる" })).toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "応募する" })).not.toBeInTheDocument();
    expect(screen.queryByLabelText("金額（円）")).not.toBeInTheDocument();
  });

  it("shows the form when the only bid was withdrawn, and withdrawing brings the form back", async () => {
    fetchMock.mockResolvedValueOnce(json([bid]));
    vi.stubGlobal("confirm", () => true);
    renderPanel();
    const user = userEvent.setup();
    const withdraw = await screen.findByRole("button", { name: "応募を取り下げる" });
    fetchMock.mockImplementation((request: Request) =>
      Promise.resolve(request.url.endsWith("/withdraw") ? json({ ...bid, status: "withdrawn" }) : json([{ ...bid, status: "withdrawn" }])));
    await user.click(withdraw);
    await waitFor(() => expect(screen.getByRole("button", { name: "応募する" })).toBeInTheDocument());
    expect(screen.getByRole("status")).toHaveTextContent("応募を取り下げました。");
  });

  it("after bidding, says it once that the result comes as a notification", async () => {
    fetchMock.mockResolvedValueOnce(json([]));
    renderPanel();
    const user = userEvent.setup();
    await user.type(await screen.findByLabelText("金額（円）"), "45000");
    await user.type(screen.getByLabelText("納品までの日数"), "21");
    await user.type(screen.getByLabelText("メッセージ"), "3案ご提案します");
    fetchMock.mockImplementation((request: Request) =>
      Promise.resolve(request.method === "POST" ? json(bid, 201) : json([bid])));
    await user.click(screen.getByRole("button", { name: "応募する" }));
    const applied = await screen.findByRole("region", { name: "応募済み" });
    await waitFor(() => expect(applied).toHaveTextContent("応募しました。"));
    expect(applied.textContent!.split("結果はお知らせで届きます。")).toHaveLength(2);
  });
});

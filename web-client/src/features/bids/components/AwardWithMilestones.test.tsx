import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { MemoryRouter } from "react-router";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { Job } from "../../../api/client";
import { planProblems } from "../milestonePlan";
import { BidsTable } from "./BidsTable";

// A user trial found no way to award with milestones (分割払い) from the web: the API took them, the page did not.
const job = { id: "j1", title: "季刊誌の記事 3本", budgetMin: 30000, budgetMax: 60000, status: "open" } as Job;
const bid = {
  id: "b1", jobId: "j1", jobTitle: job.title, workerId: "w1", workerName: "佐藤 美咲", workerReviewCount: 0, workerVerified: false,
  amount: 45000, deliveryDays: 30, message: "3本書きます", status: "pending", createdAt: "2026-12-01T00:00:00Z",
};
const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json" } });
const fetchMock = vi.fn();
beforeEach(() => {
  fetchMock.mockReset();
  fetchMock.mockImplementation((r: Request) =>
    Promise.resolve(r.method === "GET" ? json([bid]) : json({ id: "c1", workerName: "佐藤 美咲", amount: 45000, fundedAt: null }, 201)));
  vi.stubGlobal("fetch", fetchMock);
});
afterEach(() => vi.unstubAllGlobals());

describe("awarding with milestones", () => {
  it("sends the milestones the business typed, once they add up to the bid", async () => {
    const user = userEvent.setup();
    render(
      <QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } })}>
        <MemoryRouter>
          <BidsTable job={job} canAward />
        </MemoryRouter>
      </QueryClientProvider>,
    );
    await user.click((await screen.findAllByRole("button", { name: "佐藤 美咲さんに発注する" }))[0]!);
    await user.click(screen.getByLabelText("分割払い（マイルストーン）にする"));
    await user.type(await screen.findByLabelText("1. 内容"), "春の記事");
    await user.type(screen.getByLabelText("1. 納期"), "2027-01-15");
    await user.type(screen.getByLabelText("2. 内容"), "夏の記事");
    await user.type(screen.getByLabelText("2. 納期"), "2027-02-15");
    const awardButton = screen.getByRole("button", { name: "発注を確定する" });
    expect(awardButton).toBeEnabled();
    await user.click(screen.getByRole("button", { name: "マイルストーンを追加" }));
    expect(awardButton).toBeDisabled();
    expect(screen.getByTestId("plan-problems")).toHaveTextContent("それぞれに内容を書いてください。");
    await user.click(screen.getByRole("button", { name: "3を削除" }));
    await user.click(awardButton);
    await waitFor(async () => {
      const post = fetchMock.mock.calls.map(([r]) => r as Request).find((r) => r.method === "POST")!;
      expect(await post.clone().json()).toEqual({
        bidId: "b1", fundAllMilestones: false,
        milestones: [{ title: "春の記事", amount: 22500, dueOn: "2027-01-15" }, { title: "夏の記事", amount: 22500, dueOn: "2027-02-15" }],
      });
    });
  });
});

describe("a milestone plan", () => {
  const row = (title: string, amount: string, dueOn = "2027-01-15") => ({ title, amount, dueOn });
  it("adds up to the bid, each at least ¥1,000, titled and dated", () => {
    expect(planProblems([row("前半", "22500"), row("後半", "22500")], 45000)).toEqual([]);
    expect(planProblems([row("前半", "22500"), row("後半", "22499")], 45000)).toEqual(["sum"]);
    expect(planProblems([row("前半", "44001"), row("後半", "999")], 45000)).toEqual(["amount"]);
    expect(planProblems([row(" ", "45000", "")], 45000)).toEqual(["title", "dueOn"]);
    expect(planProblems(Array.from({ length: 21 }, () => row("回", "1000")), 21000)).toEqual(["count"]);
  });
});

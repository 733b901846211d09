import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { MemoryRouter } from "react-router";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { Job } from "../../../api/client";
import { BidForm } from "./BidForm";

// Issue 23: a team's director (or a leader) chooses on the job page whether it bids for itself or for the team.
const job = { id: "j1", title: "アンケート 600件の入力", budgetMin: 50000, budgetMax: 120000 } as Job;
const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json" } });

function renderForm(teams?: { id: string; name: string }[]) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
  return render(
    <QueryClientProvider client={client}>
      <MemoryRouter>
        <BidForm job={job} teams={teams} />
      </MemoryRouter>
    </QueryClientProvider>,
  );
}

const fetchMock = vi.fn();
beforeEach(() => {
  fetchMock.mockReset();
  fetchMock.mockImplementation(() => Promise.resolve(json({ id: "b1" }, 201)));
  vi.stubGlobal("fetch", fetchMock);
});
afterEach(() => vi.unstubAllGlobals());

async function bidBodies() {
  const posts = fetchMock.mock.calls.map(([r]) => r as Request).filter((r) => r.method === "POST");
  return Promise.all(posts.map((r) => r.clone().json()));
}

async function placeBid(user: ReturnType<typeof userEvent.setup>) {
  await user.type(screen.getByLabelText("金額（円）"), "100000");
  await user.type(screen.getByLabelText("納品までの日数"), "10");
  await user.type(screen.getByLabelText("メッセージ"), "3人で分担して入力します。");
  await user.click(screen.getByRole("button", { name: "応募する" }));
}

describe("a team bid", () => {
  it("is placed for the team the director chooses", async () => {
    const user = userEvent.setup();
    renderForm([{ id: "t1", name: "塩尻データ班" }]);
    await user.click(screen.getByLabelText("チーム「塩尻データ班」として"));
    await placeBid(user);
    await waitFor(async () => expect(await bidBodies()).toEqual([expect.objectContaining({ amount: 100000, teamId: "t1" })]));
  });

  it("is the worker's own bid unless a team is chosen, and a worker in no team sees no choice", async () => {
    const user = userEvent.setup();
    const teamDirector = renderForm([{ id: "t1", name: "塩尻データ班" }]);
    expect(screen.getByLabelText("自分で")).toBeChecked();
    await placeBid(user);
    await waitFor(async () => expect(await bidBodies()).toEqual([expect.objectContaining({ teamId: null })]));
    teamDirector.unmount();
    renderForm();
    expect(screen.getByLabelText("金額（円）")).toBeInTheDocument();
    expect(screen.queryByText("応募する名義")).not.toBeInTheDocument();
  });
});

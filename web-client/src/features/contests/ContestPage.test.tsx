import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { render, screen } from "@testing-library/react";
import { MemoryRouter, Route, Routes } from "react-router";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { Account } from "../../api/client";
import { ContestPage } from "./ContestPage";
import { ContestsPage } from "./ContestsPage";
import { ContestsToDecidePage } from "./ContestsToDecidePage";

const account = (id: string, role: Account["role"]): Account => ({ id, email: `${id}@yuzawa.example`, displayName: id, role, language: "ja",
  emailConfirmed: true, twoStepEnabled: false, mustAcceptTerms: false, termsVersion: 1, privacyVersion: 1 });
const entry = (id: string, workerId: string, winner: boolean, rating: number | null) => ({
  id, contestId: "k1", workerId, workerName: workerId === "w1" ? "佐藤 美咲" : "阿部 由紀", note: null, createdAt: "2026-11-10T00:00:00Z",
  winner, rating, comment: rating ? "色がよい" : null, files: [],
});
const contest = (phase: string, entries: unknown[]) => ({
  id: "k1", businessId: "b1", businessName: "湯沢酒造", title: "ラベル案", description: "雪と稲穂", category: "design", prize: 15_000,
  minimumEntries: 2, entriesCloseAt: "2026-11-20T14:59:00Z", chooseBy: "2026-12-04T14:59:00Z", copyrightTransfers: true,
  status: phase === "awarded" ? "awarded" : "open", phase, funded: true, entryCount: 2, winnerEntryId: null, contractId: null,
  createdAt: "2026-11-01T00:00:00Z", referenceFiles: [], entries,
});
const summary = { id: "k1", businessName: "湯沢酒造", title: "ラベル案", category: "design", prize: 15_000, minimumEntries: 2,
  entriesCloseAt: "2026-11-20T14:59:00Z", chooseBy: "2026-12-04T14:59:00Z", copyrightTransfers: true, status: "open",
  phase: "administrator", entryCount: 2, myEntryCount: 0 };

function serve(answers: Record<string, unknown>) {
  vi.stubGlobal("fetch", vi.fn(async (input: Request) => {
    const body = answers[new URL(input.url).pathname] ?? [];
    return new Response(JSON.stringify(body), { headers: { "Content-Type": "application/json" } });
  }));
}
afterEach(() => vi.unstubAllGlobals());

function renderAt(path: string, who: Account) {
  render(
    <QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>
      <MemoryRouter initialEntries={[path]}>
        <Routes>
          <Route path="/contests" element={<ContestsPage account={who} />} />
          <Route path="/contests/:id" element={<ContestPage account={who} />} />
          <Route path="/admin/contests" element={<ContestsToDecidePage />} />
        </Routes>
      </MemoryRouter>
    </QueryClientProvider>,
  );
}

// What a user trial found on the contest pages.
describe("a contest's entries", () => {
  it("are 自分の応募作 to an entrant who reads only its own", async () => {
    serve({ "/api/contests/k1": contest("choosing", [entry("e1", "w2", false, null)]) });
    renderAt("/contests/k1", account("w2", "worker"));
    expect(await screen.findByRole("heading", { name: "自分の応募作" })).toBeInTheDocument();
  });

  it("are 応募作 to a losing entrant who reads every entry once the winner is chosen", async () => {
    serve({ "/api/contests/k1": contest("awarded", [entry("e1", "w1", true, null), entry("e2", "w2", false, null)]) });
    renderAt("/contests/k1", account("w2", "worker"));
    expect(await screen.findByRole("heading", { name: "応募作" })).toBeInTheDocument();
    expect(screen.queryByRole("heading", { name: "自分の応募作" })).toBeNull();
  });

  it("show an administrator the business's ratings after the choice too, read-only", async () => {
    serve({ "/api/contests/k1": contest("awarded", [entry("e1", "w1", true, 5), entry("e2", "w2", false, null)]) });
    renderAt("/contests/k1", account("a1", "administrator"));
    expect(await screen.findByText(/発注者の評価：★★★★★ \(5\/5\)/)).toBeInTheDocument();
    expect(screen.getByText(/発注者の評価：未評価/)).toBeInTheDocument();
    expect(screen.queryByRole("button", { name: /採用する|を採用/ })).toBeNull();
  });
});

describe("the contests page of an administrator", () => {
  it("leads to the contests awaiting the office's choice instead of a worker's lists", async () => {
    serve({ "/api/contests": [] });
    renderAt("/contests", account("a1", "administrator"));
    expect(await screen.findByRole("link", { name: "運営の選定を待つコンペを見る" })).toHaveAttribute("href", "/admin/contests");
    expect(screen.queryByText("まだ応募していません。")).toBeNull();
    expect(screen.queryByRole("heading", { name: "応募したコンペ" })).toBeNull();
  });

  it("lists each contest awaiting the office with the day since which it waits", async () => {
    serve({ "/api/admin/contests": [summary] });
    renderAt("/admin/contests", account("a1", "administrator"));
    expect(await screen.findByText("2026年12月4日(金) 23:59（発注者の選定期限）から選定待ち")).toBeInTheDocument();
  });
});

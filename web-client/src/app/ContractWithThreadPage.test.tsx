import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { render, screen } from "@testing-library/react";
import { MemoryRouter, Route, Routes } from "react-router";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { Account } from "../api/client";
import { ContractWithThreadPage } from "./ContractWithThreadPage";

const business: Account = { id: "b1", email: "sake@yuzawa.example", displayName: "湯沢酒造", role: "business", language: "ja",
  emailConfirmed: true, twoStepEnabled: false, mustAcceptTerms: false, termsVersion: 1, privacyVersion: 1 };
const detail = {
  contract: {
    id: "c1", jobId: "j1", jobTitle: "ラベル案", bidId: "bid1", workerId: "w1", workerName: "佐藤 美咲", businessId: "b1",
    businessName: "湯沢酒造", producerReview: false, amount: 15_000, status: "active", deadline: "2026-12-20T14:59:00Z",
    createdAt: "2026-11-01T00:00:00Z", fundedAt: "2026-11-02T00:00:00Z", revisionCount: 0, unreadMessages: 0, isClosed: false,
  },
  submissions: [], revisionRequests: [], reviews: [], changeRequests: [], milestones: [], cancellation: null, disputeId: null,
  freeRevisions: 3, inspectionDays: 7, cancellationAnswerDays: 7,
};
const settlement = { amount: 15_000, platformFee: 1_500, producerFee: 0, withholdingTax: 1_531, workerNet: 11_969, escrowTotal: 13_469,
  escrowBalance: 13_469, funded: true, released: false };
const paymentRequest = { paymentId: "p1", status: "pending", amount: 13_469, reference: "12345678", dueOn: "2026-11-10" };

const asked: string[] = [];
function serve(settlementAnswer: unknown) {
  vi.stubGlobal(
    "fetch",
    vi.fn(async (input: Request) => {
      const path = new URL(input.url).pathname;
      asked.push(path);
      const body = path === "/api/contracts/c1" ? detail
        : path === "/api/contracts/c1/settlement" ? settlementAnswer
        : path === "/api/contracts/c1/payment-request" ? paymentRequest
        : path.endsWith("/messages") ? { items: [], nextCursor: null } : [];
      return new Response(JSON.stringify(body), { headers: { "Content-Type": "application/json" } });
    }),
  );
}
beforeEach(() => (asked.length = 0));
afterEach(() => vi.unstubAllGlobals());

function renderPage() {
  render(
    <QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>
      <MemoryRouter initialEntries={["/contracts/c1"]}>
        <Routes>
          <Route path="/contracts/:id" element={<ContractWithThreadPage account={business} />} />
        </Routes>
      </MemoryRouter>
    </QueryClientProvider>,
  );
}

// A user trial: a contest prize's contract page asked for its payment request and got 404 every time (the prize was
// paid into the job's escrow, the contract has no payment of its own).
describe("a contract's payment request, beside the contract", () => {
  it("is not asked for when the contract has no payment waiting", async () => {
    serve({ ...settlement, paymentId: null, paymentStatus: null });
    renderPage();
    expect(await screen.findByRole("heading", { level: 1, name: /ラベル案/ })).toBeInTheDocument();
    await vi.waitFor(() => expect(asked).toContain("/api/contracts/c1/settlement"));
    await new Promise((r) => setTimeout(r, 50));
    expect(asked).not.toContain("/api/contracts/c1/payment-request");
  });

  it("is asked for and shown while the contract's payment waits", async () => {
    serve({ ...settlement, funded: false, paymentId: "p1", paymentStatus: "pending" });
    renderPage();
    expect(await screen.findByRole("link", { name: "お支払いのご案内（印刷できます）" })).toHaveAttribute("href", "/contracts/c1/payment-request");
  });
});

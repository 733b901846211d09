import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { render, screen } from "@testing-library/react";
import { MemoryRouter, Route, Routes } from "react-router";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { TermsPage } from "./TermsPage";

const notice = {
  contractId: "c1",
  latestVersion: 1,
  versions: [{ version: 1, issuedAt: "2026-11-01T01:23:00Z" }],
  schedule: { latestPaymentOn: null, paymentDueOn: null },
  terms: {
    version: 1, issuedAt: "2026-11-01T01:23:00Z", orderedAt: "2026-11-01T01:23:00Z",
    business: { id: "019a2b3c4d5e6f708192a3b4c5d6e7f8", name: "湯沢酒造" },
    worker: { id: "019a2b3c4d5e6f708192a3b4c5d6e7f9", name: "高橋 健太" },
    producer: null,
    work: { jobId: "j1", title: "酒蔵の英語紹介文", description: "蔵の歴史を英語で", category: "translation",
            referenceFiles: ["蔵の写真.jpg (sha256 3f2a9c1b7e4d)", "既存の紹介文.docx (sha256 a1b2c3d4e5f6)"] },
    deliveryDate: "2026-12-20T14:59:00Z", inspection: { days: 7, endsBy: "2026-12-27T14:59:00Z" },
    amount: { total: 50_000, consumptionTaxRatePercent: 10, consumptionTax: 4_545 },
    payment: { daysAfterAcceptance: 30, maxDaysAfterDelivery: 60 },
    fees: { platformFee: 5_000, producerFee: 0, withholdingTax: 5_105, workerNet: 39_895 },
    freeRevisions: 3,
  },
};

beforeEach(() => vi.stubGlobal("fetch", vi.fn(() => Promise.resolve(new Response(JSON.stringify(notice), { headers: { "Content-Type": "application/json" } })))));
afterEach(() => vi.unstubAllGlobals());

// Issue 27: the notice a business prints and keeps reads as a document, without the system's ids or hashes.
describe("the terms notice", () => {
  it("names the parties and files without internal ids or hash fragments, and dates its issue with the year", async () => {
    const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    render(
      <QueryClientProvider client={client}>
        <MemoryRouter initialEntries={["/contracts/c1/terms"]}>
          <Routes>
            <Route path="/contracts/:id/terms" element={<TermsPage />} />
          </Routes>
        </MemoryRouter>
      </QueryClientProvider>,
    );
    const sheet = await screen.findByRole("article");
    expect(sheet).toHaveTextContent("湯沢酒造");
    expect(sheet).not.toHaveTextContent("019a2b3c");
    expect(sheet).not.toHaveTextContent("sha256");
    expect(sheet).toHaveTextContent("参考資料: 蔵の写真.jpg、既存の紹介文.docx");
    expect(sheet).toHaveTextContent("発行日時: 2026年11月1日(日) 10:23");
  });
});

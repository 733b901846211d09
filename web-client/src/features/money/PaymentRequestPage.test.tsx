import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { render, screen } from "@testing-library/react";
import { MemoryRouter, Route, Routes } from "react-router";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { PaymentRequestPage } from "./PaymentRequestPage";

const json = (body: unknown) => new Response(JSON.stringify(body), { headers: { "Content-Type": "application/json" } });
const fetchMock = vi.fn();
beforeEach(() => {
  fetchMock.mockReset();
  vi.stubGlobal("fetch", fetchMock);
});
afterEach(() => vi.unstubAllGlobals());

const request = (milestones: { title: string; amount: number }[]) => ({
  contractId: "c1", jobTitle: "季刊誌の記事", businessName: "湯沢酒造", workerName: "佐藤 美咲", paymentId: "p2", reference: "12345678",
  amount: 13_469, status: "pending", requestedAt: "2026-12-07T00:00:00Z", dueOn: "2026-12-14", lapsesOn: null,
  contractAmount: 15_000, withholdingTax: 1_531, producerFee: 0, milestones,
});

function show() {
  render(
    <QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>
      <MemoryRouter initialEntries={["/contracts/c1/payment-request"]}>
        <Routes>
          <Route path="/contracts/:id/payment-request" element={<PaymentRequestPage />} />
        </Routes>
      </MemoryRouter>
    </QueryClientProvider>,
  );
}

// A user trial read a milestone's payment called a top-up after a raised amount, with the whole contract's breakdown.
describe("a milestone's payment request", () => {
  it("names the milestone and breaks down its own amount, not a top-up's", async () => {
    fetchMock.mockResolvedValue(json(request([{ title: "春の記事", amount: 15_000 }])));
    show();
    expect(await screen.findByTestId("payment-milestones")).toHaveTextContent("マイルストーン「春の記事」の分のお支払いです。");
    expect(screen.getByText("マイルストーンの金額")).toBeInTheDocument();
    expect(document.body).not.toHaveTextContent("金額の変更による差額");
  });
});

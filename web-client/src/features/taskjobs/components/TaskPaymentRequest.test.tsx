import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { render, screen } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { TaskPaymentRequest } from "./TaskPaymentRequest";

const json = (body: unknown) => new Response(JSON.stringify(body), { headers: { "Content-Type": "application/json" } });
const fetchMock = vi.fn();
beforeEach(() => {
  fetchMock.mockReset();
  vi.stubGlobal("fetch", fetchMock);
});
afterEach(() => vi.unstubAllGlobals());

// A user trial read 「paymentRequest.number」 and "ordinary" on the Japanese page: the labels are the payment request's
// words, which this lazily loaded page must load too, and the account type is a word, not the API's value.
describe("a task job's payment request", () => {
  it("labels the payment number and words the account type, with the bank's and branch's codes", async () => {
    fetchMock.mockResolvedValue(json({
      jobId: "j1", jobTitle: "商品説明の入力", businessName: "湯沢酒造", paymentId: "p1", reference: "12345678", amount: 3_000,
      status: "pending", requestedAt: "2026-12-07T00:00:00Z", dueOn: "2026-12-10",
      bankAccount: { bankName: "秋田銀行", bankCode: "0117", branchName: "湯沢支店", branchCode: "301", accountType: "ordinary",
        accountNumber: "1234567", holderKana: "ﾁｲｷｼｺﾞﾄ" },
    }));
    const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    render(
      <QueryClientProvider client={client}>
        <TaskPaymentRequest jobId="j1" />
      </QueryClientProvider>,
    );
    expect(await screen.findByTestId("payment-reference")).toHaveTextContent("12345678");
    expect(screen.getByText("お支払い番号")).toBeInTheDocument();
    const account = screen.getByText(/秋田銀行/);
    expect(account).toHaveTextContent("秋田銀行（0117） 湯沢支店（301） 普通 1234567 ﾁｲｷｼｺﾞﾄ");
    expect(document.body).not.toHaveTextContent(/paymentRequest\.|ordinary/);
  });
});

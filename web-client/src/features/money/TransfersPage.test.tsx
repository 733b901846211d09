import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { configure, render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { ReactNode } from "react";
import { MemoryRouter } from "react-router";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { TransfersPage } from "./TransfersPage";

function renderPage(page: ReactNode) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
  return render(
    <QueryClientProvider client={client}>
      <MemoryRouter>{page}</MemoryRouter>
    </QueryClientProvider>,
  );
}

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { "Content-Type": status < 400 ? "application/json" : "application/problem+json" } });

// This machine is shared and slow at times: a page gets five seconds to show what it loaded.
configure({ asyncUtilTimeout: 5_000 });

const fetchMock = vi.fn();
beforeEach(() => {
  fetchMock.mockReset();
  vi.stubGlobal("fetch", fetchMock);
});
afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe("the pending transfers screen", { timeout: 20_000 }, () => {
  it("sends the note with the confirmation after asking", async () => {
    const transfer = {
      id: "p1", contractId: "c1", jobTitle: "純米酒のラベルデザイン", businessName: "湯沢酒造", amount: 55_000, provider: "bankTransfer",
      status: "pending", createdAt: "2026-11-21T01:00:00Z",
    };
    fetchMock.mockResolvedValueOnce(json([transfer]));
    const ask = vi.spyOn(window, "confirm").mockReturnValue(true);
    renderPage(<TransfersPage />);
    const user = userEvent.setup();
    await user.type(await screen.findByLabelText("メモ（任意）"), "振込番号 0412");
    fetchMock.mockResolvedValueOnce(new Response(null, { status: 204 }));
    fetchMock.mockResolvedValue(json([]));
    await user.click(screen.getByRole("button", { name: "入金を確認する" }));
    await waitFor(() => expect(fetchMock.mock.calls.length).toBeGreaterThanOrEqual(2));
    expect(ask).toHaveBeenCalledWith(expect.stringContaining("湯沢酒造"));
    const sent = fetchMock.mock.calls[1]![0] as Request;
    expect(new URL(sent.url).pathname).toBe("/api/payments/p1/confirm");
    expect(await sent.json()).toEqual({ note: "振込番号 0412" });
  });
});

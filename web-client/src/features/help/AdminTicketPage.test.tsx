import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { render, screen } from "@testing-library/react";
import { MemoryRouter, Route, Routes } from "react-router";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { AdminTicketPage } from "./AdminTicketPage";

const ticket = { id: "t1", userId: "w1", userName: "阿部 由紀", userRole: "worker", subject: "振込日", status: "open", createdAt: "2026-11-20T03:00:00Z", lastReplyAt: "2026-11-20T03:00:00Z" };

beforeEach(() => {
  vi.stubGlobal("fetch", vi.fn(async () => new Response(JSON.stringify({ ticket, body: "振込はいつですか", replies: [] }), {
    status: 200, headers: { "Content-Type": "application/json" },
  })));
});
afterEach(() => vi.unstubAllGlobals());

describe("a question as the office answers it", () => {
  it("labels the box the office writes in as its answer, not as a question", async () => {
    render(
      <QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>
        <MemoryRouter initialEntries={["/admin/tickets/t1"]}>
          <Routes>
            <Route path="/admin/tickets/:id" element={<AdminTicketPage />} />
          </Routes>
        </MemoryRouter>
      </QueryClientProvider>,
    );
    expect(await screen.findByLabelText("回答")).toBeInstanceOf(HTMLTextAreaElement);
    expect(screen.queryByLabelText("お問い合わせ内容")).toBeNull();
  });
});

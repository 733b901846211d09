import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { render, screen } from "@testing-library/react";
import { MemoryRouter } from "react-router";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { PipelinePage } from "./PipelinePage";

const job = { id: "j1", title: "テープ起こし", businessName: "稲庭うどん工房", status: "open", budgetMax: 30_000, contractAmount: null, bidCount: 1, deadline: "2026-12-20T14:59:00Z" };
beforeEach(() =>
  vi.stubGlobal(
    "fetch",
    vi.fn(() =>
      Promise.resolve(
        new Response(JSON.stringify({ atRisk: [], jobs: [{ status: "open", jobs: [job] }, { status: "awarded", jobs: [] }, { status: "completed", jobs: [] }] }), {
          headers: { "Content-Type": "application/json" },
        }),
      ),
    ),
  ),
);
afterEach(() => vi.unstubAllGlobals());

// Issue 27: no empty headings — a status without jobs is not a heading over nothing.
describe("the producer's pipeline", () => {
  it("shows a heading only for the statuses that have jobs", async () => {
    render(
      <QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>
        <MemoryRouter>
          <PipelinePage />
        </MemoryRouter>
      </QueryClientProvider>,
    );
    expect(await screen.findByRole("heading", { name: "募集中 (1)" })).toBeInTheDocument();
    expect(screen.queryByRole("heading", { name: /受注済み|発注済み|完了/ })).toBeNull();
  });
});

import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { render, screen } from "@testing-library/react";
import { MemoryRouter, Route, Routes } from "react-router";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { JobPage } from "./JobPage";

const fetchMock = vi.fn();
beforeEach(() => {
  fetchMock.mockReset();
  vi.stubGlobal("fetch", fetchMock);
});
afterEach(() => vi.unstubAllGlobals());

describe("a job's page opened from a link", () => {
  it("points a visitor to the open jobs when the job is gone, instead of ending at 'not found'", async () => {
    fetchMock.mockResolvedValue(
      new Response(JSON.stringify({ title: "Not found.", status: 404, detail: "No such job." }), {
        status: 404,
        headers: { "Content-Type": "application/problem+json" },
      }),
    );
    render(
      <QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>
        <MemoryRouter initialEntries={["/jobs/awarded-job"]}>
          <Routes>
            <Route path="/jobs/:id" element={<JobPage account={null} />} />
          </Routes>
        </MemoryRouter>
      </QueryClientProvider>,
    );
    expect(await screen.findByRole("heading", { level: 1, name: "この仕事は見つかりません" })).toBeInTheDocument();
    expect(screen.getByRole("link", { name: "募集中の仕事を見る" })).toHaveAttribute("href", "/jobs");
  });
});

import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { MemoryRouter } from "react-router";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { WorkerSearchPage } from "./WorkerSearchPage";

const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json" } });

const fetchMock = vi.fn();
beforeEach(() => {
  fetchMock.mockReset();
  fetchMock.mockImplementation((request: Request) => {
    const path = new URL(request.url).pathname;
    if (path === "/api/badges") return Promise.resolve(json([{ id: "b1", programmeId: "p1", programmeName: "立科町", name: "RPA研修修了" }]));
    return Promise.resolve(json({ items: [], nextCursor: null }));
  });
  vi.stubGlobal("fetch", fetchMock);
});
afterEach(() => vi.unstubAllGlobals());

describe("worker search", { timeout: 20_000 }, () => {
  it("asks for the workers who hold a course's badge", async () => {
    const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    render(
      <QueryClientProvider client={client}>
        <MemoryRouter initialEntries={["/workers"]}>
          <WorkerSearchPage />
        </MemoryRouter>
      </QueryClientProvider>,
    );
    const user = userEvent.setup();
    await user.selectOptions(await screen.findByLabelText("修了バッジ"), "RPA研修修了（立科町）");
    await user.click(screen.getByRole("button", { name: "検索" }));
    await waitFor(() =>
      expect(fetchMock.mock.calls.some(([r]) => new URL((r as Request).url).pathname === "/api/workers" && new URL((r as Request).url).searchParams.get("badge") === "b1")).toBe(true));
  });
});

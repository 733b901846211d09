import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { render, screen } from "@testing-library/react";
import { MemoryRouter } from "react-router";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { Job } from "../api/client";
import { JobsPage } from "../features/jobs/JobsPage";
import { startLanding } from "./landing";

const job = {
  id: "j1",
  title: "日本酒ラベルのデザイン",
  description: "新しい純米酒のラベル",
  category: "design",
  budgetMin: 30000,
  budgetMax: 50000,
  deadline: "2026-12-20T00:00:00Z",
  region: "秋田県湯沢市",
  status: "open",
  bidCount: 1,
  membersOnly: false,
  businessId: "b1",
  businessName: "湯沢酒造",
  createdAt: "2026-11-01T00:00:00Z",
} as unknown as Job;

const json = (body: unknown) => new Response(JSON.stringify(body), { status: 200, headers: { "Content-Type": "application/json" } });
const fetchMock = vi.fn();
const asked = (path: string) => fetchMock.mock.calls.filter(([request]) => new URL((request as Request).url).pathname === path).length;

beforeEach(() => {
  fetchMock.mockReset();
  vi.stubGlobal("fetch", fetchMock);
});
afterEach(() => vi.unstubAllGlobals());

const settle = () => new Promise((resolve) => setTimeout(resolve, 50));

function client() {
  return new QueryClient({ defaultOptions: { queries: { retry: false, staleTime: 15_000 } } });
}

describe("a page opened from outside starts loading with the shell", () => {
  it("the job board's first page is asked for before the page renders, and the page uses that answer (one request)", async () => {
    let answer: (r: Response) => void = () => {};
    fetchMock.mockImplementation(() => new Promise<Response>((resolve) => (answer = resolve)));
    const queries = client();
    startLanding(queries, { pathname: "/jobs", search: "" });
    await vi.waitFor(() => expect(asked("/api/jobs")).toBe(1));

    render(
      <QueryClientProvider client={queries}>
        <MemoryRouter initialEntries={["/jobs"]}>
          <JobsPage account={null} />
        </MemoryRouter>
      </QueryClientProvider>,
    );
    // Until the answer comes, grey cards hold the list's place (nothing below jumps when it comes).
    expect(screen.getByRole("status")).toHaveTextContent("読み込み中");
    expect(document.querySelectorAll(".skeleton-card")).toHaveLength(3);

    answer(json({ items: [job], nextCursor: null, total: 1, totalCapped: false }));
    expect(await screen.findByRole("link", { name: "日本酒ラベルのデザイン" })).toBeInTheDocument();
    expect(document.querySelectorAll(".skeleton-card")).toHaveLength(0);
    // The page asked under the same key as the prefetch: no second request.
    expect(asked("/api/jobs")).toBe(1);
  });

  it("a search link is left to the page (its filters are the page's to read)", async () => {
    fetchMock.mockImplementation(() => new Promise<Response>(() => {}));
    startLanding(client(), { pathname: "/jobs", search: "?q=ラベル" });
    await settle();
    expect(asked("/api/jobs")).toBe(0);
  });

  it("a job's page asks for its job at once; the post-job form is not a job", async () => {
    fetchMock.mockImplementation(() => new Promise<Response>(() => {}));
    startLanding(client(), { pathname: "/jobs/j1", search: "" });
    startLanding(client(), { pathname: "/jobs/new", search: "" });
    await settle();
    expect(asked("/api/jobs/j1")).toBe(1);
    expect(asked("/api/jobs/new")).toBe(0);
  });

  it("every page asks for the session at once, before anything renders", async () => {
    fetchMock.mockImplementation(() => new Promise<Response>(() => {}));
    startLanding(client(), { pathname: "/contracts", search: "" });
    await settle();
    expect(asked("/api/me")).toBe(1);
  });
});

import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { TaskItem, TaskJob } from "../api";
import { TaskWork } from "./TaskWork";

const json = (body: unknown) => new Response(JSON.stringify(body), { headers: { "Content-Type": "application/json" } });
const fetchMock = vi.fn();
beforeEach(() => {
  fetchMock.mockReset();
  fetchMock.mockImplementation((request: Request) => Promise.resolve(request.method === "GET" ? json([]) : new Response(null, { status: 204 })));
  vi.stubGlobal("fetch", fetchMock);
});
afterEach(() => vi.unstubAllGlobals());

const fields = [{ label: "説明文", kind: "text", maxLength: 200 }, { label: "写真は合っているか", kind: "choice", options: ["はい", "いいえ"] }];
const job = (myItem?: TaskItem) =>
  ({
    jobId: "j1", businessId: "b1", businessName: "湯沢木工", title: "商品説明", instructions: "「##1##」の説明文を書いてください。",
    category: "dataEntry", deadline: "2026-12-20T00:00:00Z", status: "open", pricePerItem: 50, itemCount: 10, itemsLeft: 8,
    perWorkerCap: 5, fields, escrowTotal: 500, minutesToSubmit: 60, myItem,
  }) as unknown as TaskJob;

const show = (j: TaskJob) =>
  render(
    <QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } })}>
      <TaskWork job={j} />
    </QueryClientProvider>,
  );

// A user trial could read the work only after starting its 60 minutes, and could not give an item back.
describe("a worker's task screen", () => {
  it("shows the work and what an answer has before the clock starts", () => {
    show(job());
    const preview = screen.getByTestId("task-preview");
    expect(preview).toHaveTextContent("「…」の説明文を書いてください。");
    expect(preview).toHaveTextContent("説明文（文章）");
    expect(preview).toHaveTextContent("写真は合っているか（選択肢）");
    expect(screen.getByRole("button", { name: "1件作業を始める" })).toBeEnabled();
  });

  // The trial read 「提出 0件・承認 4件」 with no pay in sight: "submitted" meant waiting for review.
  // Trial 7: the job closes early once every item is approved, fixing the pay then, so not "after the deadline".
  it("counts what waits for review and what the approved items earn", () => {
    show({ ...job(), mine: { submitted: 1, approved: 4, rejected: 0 } } as unknown as TaskJob);
    expect(screen.getByTestId("my-counts")).toHaveTextContent("確認待ち 1件・承認 4件（¥200、終了時に支払額が確定）・非承認 0件");
  });

  it("gives a held item back", async () => {
    const item = {
      id: "i1", jobId: "j1", number: 3, instructions: "「まな板」の説明文を書いてください。", inputs: ["まな板"], fields,
      dueAt: new Date(Date.now() + 50 * 60_000).toISOString(),
    } as unknown as TaskItem;
    show(job(item));
    expect(screen.queryByTestId("task-preview")).toBeNull();
    await userEvent.setup().click(screen.getByRole("button", { name: "この件をやめる（ほかの人に回す）" }));
    await waitFor(() =>
      expect(fetchMock.mock.calls.map((c) => c[0] as Request).some((r) => r.method === "POST" && new URL(r.url).pathname === "/api/task-items/i1/return")).toBe(true),
    );
  });
});

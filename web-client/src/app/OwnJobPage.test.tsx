import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { MemoryRouter, Route, Routes } from "react-router";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { Account } from "../api/client";
import { JobPage } from "./JobPage";

const business: Account = { id: "b1", email: "sake@yuzawa.example", displayName: "湯沢酒造", role: "business", language: "ja",
  emailConfirmed: true, twoStepEnabled: false, mustAcceptTerms: false, termsVersion: 1, privacyVersion: 1 };
const file = (id: string, name: string, isPublic: boolean) => ({ id, name, size: 1000, contentType: "application/pdf", sha256: id, createdAt: "2026-11-01T00:00:00Z", public: isPublic });
const job = (confidentialFiles: boolean) => ({
  id: "j1", businessId: "b1", businessName: "湯沢酒造", title: "純米酒のラベルデザイン", description: "雪と稲穂", category: "design",
  budgetMin: 30_000, budgetMax: 80_000, deadline: "2026-12-20T14:59:00Z", status: "open", createdAt: "2026-11-01T00:00:00Z",
  region: "秋田県湯沢市", producerReview: false, membersOnly: false, confidentialFiles,
  files: [file("f1", "見積書.pdf", false), file("f2", "ラベル見本.pdf", true)],
});

const patches: string[] = [];
function serve(current: unknown) {
  vi.stubGlobal(
    "fetch",
    vi.fn(async (input: Request) => {
      const path = new URL(input.url).pathname;
      if (input.method === "PATCH") patches.push(await input.clone().text());
      const body = path === "/api/jobs/j1" ? current : path.startsWith("/api/jobs/j1/") ? [] : { items: [], nextCursor: null };
      return new Response(JSON.stringify(body), { headers: { "Content-Type": "application/json" } });
    }),
  );
}
beforeEach(() => (patches.length = 0));
afterEach(() => vi.unstubAllGlobals());

function renderPage() {
  render(
    <QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } })}>
      <MemoryRouter initialEntries={["/jobs/j1"]}>
        <Routes>
          <Route path="/jobs/:id" element={<JobPage account={business} />} />
        </Routes>
      </MemoryRouter>
    </QueryClientProvider>,
  );
}

// Issue 27: the business's own job page says who sees its files, and lets it change them while the job is open.
describe("the business's own open job", () => {
  it("marks confidential files", async () => {
    serve(job(true));
    renderPage();
    expect(await screen.findByText("機密：発注者・プロデューサー・受注したワーカーだけが見られます")).toBeInTheDocument();
  });

  it("names the files visitors may download, and edits the files and their audience", async () => {
    serve(job(false));
    renderPage();
    expect(await screen.findByText("ログインしていない人も見られるファイル：ラベル見本.pdf")).toBeInTheDocument();
    const user = userEvent.setup();
    await user.click(screen.getByText("参考ファイルと公開範囲を変更する"));
    const form = screen.getByRole("button", { name: "変更を保存する" }).closest("form")!;
    await user.click(within(form).getByRole("button", { name: "見積書.pdf を外す" }));
    await user.click(within(form).getByLabelText("参考ファイルを機密にする（発注者・プロデューサー・受注したワーカーだけが見られます）"));
    await user.click(within(form).getByRole("button", { name: "変更を保存する" }));
    await vi.waitFor(() => expect(patches).toHaveLength(1));
    expect(JSON.parse(patches[0] ?? "{}")).toEqual({ fileIds: ["f2"], confidentialFiles: true, publicFileIds: [] });
  });
});

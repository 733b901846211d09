import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { MemoryRouter, Route, Routes } from "react-router";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { Account } from "../api/client";
import i18n from "../i18n";
import { JobPage } from "./JobPage";

const worker: Account = { id: "w1", email: "abe@tateshina.example", displayName: "阿部 由紀", role: "worker", language: "ja",
  emailConfirmed: true, twoStepEnabled: false, mustAcceptTerms: false, termsVersion: 1, privacyVersion: 1 };
const specification = { id: "f1", name: "仕様書.pdf", size: 1000, contentType: "application/pdf", sha256: "f1", createdAt: "2026-11-01T00:00:00Z", public: false };
const job = (ndaAccepted: boolean | null, extra: object = {}) => ({
  id: "j1", businessId: "b1", businessName: "佐久精機", title: "社内文書の翻訳", description: "製造業の社内文書（概要）", category: "translation",
  budgetMin: 30_000, budgetMax: 80_000, deadline: "2026-12-20T14:59:00Z", status: "open", createdAt: "2026-11-01T00:00:00Z",
  region: "長野県", producerReview: false, membersOnly: false, confidentialFiles: false, bidCount: 0,
  beginners: true, nda: "template", verifiedOnly: true, ndaAccepted, files: ndaAccepted ? [specification] : [], ...extra,
});

/** A small API: the job, its NDA and its confidential part; `refuseAccept` answers the acceptance with that 403 code. */
let accepted = false;
let refuseAccept: string | undefined;
const calls: string[] = [];
function serve(account: Account | null) {
  vi.stubGlobal(
    "fetch",
    vi.fn(async (input: Request) => {
      const path = new URL(input.url).pathname;
      calls.push(`${input.method} ${path}`);
      const json = (body: unknown, status = 200) =>
        new Response(JSON.stringify(body), { status, headers: { "Content-Type": status < 400 ? "application/json" : "application/problem+json" } });
      if (path === "/api/jobs/j1") return json(job(account ? accepted : null));
      if (path === "/api/jobs/j1/nda/accept") {
        if (refuseAccept) return json({ status: 403, title: "Identity check required.", code: refuseAccept }, 403);
        accepted = true;
        return json({ id: "n1", jobId: "j1", workerId: "w1", templateVersion: "2026-1", acceptedAt: "2026-12-01T00:00:00Z" });
      }
      if (path === "/api/jobs/j1/confidential")
        return accepted ? json({ jobId: "j1", fullDescription: "新製品Xの仕様書10ページの英訳", files: [specification] }) : json({ status: 403, title: "NDA required.", code: "ndaRequired" }, 403);
      if (path === "/api/nda-template") return json({ version: "2026-1", japanese: "秘密保持誓約書（プラットフォーム標準版 2026-1）", english: "Non-disclosure undertaking (platform standard, 2026-1)" });
      if (path === "/api/workers/w1") return json({ id: "w1", displayName: "阿部 由紀", region: "長野県立科町", bio: "", skills: [] });
      return json([]);
    }),
  );
}
beforeEach(() => {
  accepted = false;
  refuseAccept = undefined;
  calls.length = 0;
});
afterEach(async () => {
  vi.unstubAllGlobals();
  await i18n.changeLanguage("ja");
});

function renderPage(account: Account | null) {
  serve(account);
  render(
    <QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } })}>
      <MemoryRouter initialEntries={["/jobs/j1"]}>
        <Routes>
          <Route path="/jobs/:id" element={<JobPage account={account} />} />
        </Routes>
      </MemoryRouter>
    </QueryClientProvider>,
  );
}

// Issue 29: a worker reads a confidential job's full description and files only after accepting its NDA, and bids then.
describe("a job under an NDA", () => {
  it("shows a worker the NDA first, then the full description, the files and the bid form once accepted", async () => {
    renderPage(worker);
    await userEvent.click(await screen.findByText("NDAの全文を読む（2026-1版）"));
    expect(screen.getByText("秘密保持誓約書（プラットフォーム標準版 2026-1）")).toBeVisible();
    expect(screen.getByText("応募するには、先に上のNDAに同意してください。")).toBeInTheDocument();
    expect(screen.queryByLabelText("金額（円）")).not.toBeInTheDocument();
    expect(calls).not.toContain("GET /api/jobs/j1/confidential");

    await userEvent.click(screen.getByRole("button", { name: "NDAに同意して詳しい説明を見る" }));
    expect(await screen.findByText("新製品Xの仕様書10ページの英訳")).toBeInTheDocument();
    expect(calls).toContain("POST /api/jobs/j1/nda/accept");
    expect(screen.getByRole("link", { name: /仕様書\.pdf/ })).toBeInTheDocument();
    expect(await screen.findByLabelText("金額（円）")).toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "NDAに同意して詳しい説明を見る" })).not.toBeInTheDocument();
  });

  it("tells an unverified worker to ask for an identity check, in Japanese and in English", async () => {
    refuseAccept = "identityNotVerified";
    renderPage(worker);
    expect(await screen.findByText("本人確認済みのワーカーだけが同意・応募できます。")).toBeInTheDocument();
    await userEvent.click(screen.getByRole("button", { name: "NDAに同意して詳しい説明を見る" }));
    expect(await screen.findByRole("alert")).toHaveTextContent("この仕事は本人確認済みのワーカー向けです。先に本人確認を申し込んでください。");
    expect(screen.getByRole("link", { name: "本人確認を申し込む" })).toHaveAttribute("href", "/programmes");

    await i18n.changeLanguage("en");
    expect(await screen.findByRole("alert")).toHaveTextContent("This job is for workers whose identity is verified. Ask for an identity check first.");
    expect(screen.getByRole("link", { name: "Ask for an identity check" })).toBeInTheDocument();
  });

  it("words a 403 ndaRequired in both languages", async () => {
    refuseAccept = "ndaRequired";
    renderPage(worker);
    await userEvent.click(await screen.findByRole("button", { name: "NDAに同意して詳しい説明を見る" }));
    expect(await screen.findByRole("alert")).toHaveTextContent("先にNDAに同意してください。");
    expect(screen.queryByRole("link", { name: "本人確認を申し込む" })).not.toBeInTheDocument();
    await i18n.changeLanguage("en");
    expect(await screen.findByRole("alert")).toHaveTextContent("Accept the NDA first to see this job's full description and files, or to bid.");
  });

  it("tells a visitor what the NDA hides without asking the API for it, and marks the job for beginners", async () => {
    renderPage(null);
    expect(await screen.findByText("詳しい説明と参考資料は、ログインしてNDAに同意したワーカーだけが見られます。")).toBeInTheDocument();
    expect(screen.getByText("初心者歓迎")).toBeInTheDocument();
    expect(screen.getByText("NDAあり")).toBeInTheDocument();
    expect(calls.filter((c) => c.includes("confidential") || c.includes("nda"))).toEqual([]);
  });
});

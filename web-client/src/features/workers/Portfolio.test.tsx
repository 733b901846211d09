import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { MemoryRouter, Route, Routes } from "react-router";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { Account } from "../../api/client";
import { ProfilePage } from "./ProfilePage";
import { WorkerPage } from "./WorkerPage";

const label = { id: "f1", name: "酒ラベル.png", size: 2048, contentType: "image/png", sha256: "a", createdAt: "2026-11-01T00:00:00Z" };
const leaflet = { id: "f2", name: "観光チラシ.pdf", size: 4096, contentType: "application/pdf", sha256: "b", createdAt: "2026-11-02T00:00:00Z" };
const profile = {
  workerId: "w1", displayName: "佐藤 美咲", bio: "", skills: ["デザイン"], region: "秋田県湯沢市", weeklyHours: 10, availability: "平日",
  reviewCount: 0, completedContracts: 2, isIndividual: true, portfolio: [label, leaflet], verified: false, badges: [], programmes: [],
};
const fetchMock = vi.fn();
const sent: string[] = [];
beforeEach(() => {
  sent.length = 0;
  fetchMock.mockReset();
  vi.stubGlobal("fetch", fetchMock);
  fetchMock.mockImplementation(async (input: Request) => {
    if (input.method === "PUT") sent.push(await input.clone().text());
    return new Response(JSON.stringify(profile), { headers: { "Content-Type": "application/json" } });
  });
});
afterEach(() => vi.unstubAllGlobals());

function renderAt(path: string, element: React.ReactNode) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
  render(
    <QueryClientProvider client={client}>
      <MemoryRouter initialEntries={[path]}>
        <Routes>
          <Route path="/workers/:id" element={element} />
          <Route path="/profile" element={element} />
        </Routes>
      </MemoryRouter>
    </QueryClientProvider>,
  );
}

describe("a worker's portfolio", () => {
  it("is shown on the profile, images previewed, and no heading stands over an empty bio", async () => {
    renderAt("/workers/w1", <WorkerPage />);
    const section = await screen.findByRole("region", { name: "ポートフォリオ" });
    expect(section.querySelector("img")).toHaveAttribute("src", "/api/files/f1?inline=1");
    expect(screen.getByRole("link", { name: "観光チラシ.pdf をダウンロード" })).toHaveAttribute("href", "/api/files/f2");
    expect(screen.queryByRole("heading", { name: "自己紹介" })).toBeNull();
  });

  it("is chosen by the worker: a piece taken out is left out of what is saved", async () => {
    const worker: Account = { id: "w1", email: "misaki@yuzawa.example", displayName: "佐藤 美咲", role: "worker", language: "ja",
  emailConfirmed: true, twoStepEnabled: false, mustAcceptTerms: false, termsVersion: 1, privacyVersion: 1 };
    renderAt("/profile", <ProfilePage account={worker} />);
    const user = userEvent.setup();
    await user.click(await screen.findByRole("button", { name: "酒ラベル.png をポートフォリオから外す" }));
    await user.click(screen.getByRole("button", { name: "保存する" }));
    await vi.waitFor(() => expect(sent).toHaveLength(1));
    expect(JSON.parse(sent[0] ?? "{}").portfolioFileIds).toEqual(["f2"]);
  });
});

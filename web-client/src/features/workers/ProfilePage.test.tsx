import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { MemoryRouter } from "react-router";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { Account } from "../../api/client";
import { ProfilePage } from "./ProfilePage";

const account: Account = { id: "w1", email: "misaki@yuzawa.example", displayName: "佐藤 美咲", role: "worker", language: "ja",
  emailConfirmed: true, twoStepEnabled: false, mustAcceptTerms: false, termsVersion: 1, privacyVersion: 1 };
const fetchMock = vi.fn();
beforeEach(() => {
  fetchMock.mockReset();
  vi.stubGlobal("fetch", fetchMock);
  // No profile yet: the API answers the account with an empty region, no skills and no hours (worker_details).
  fetchMock.mockImplementation(() =>
    Promise.resolve(
      new Response(
        JSON.stringify({ workerId: "w1", displayName: "佐藤 美咲", bio: "", skills: [], region: "", weeklyHours: 0, availability: "", reviewCount: 0, completedContracts: 0, isIndividual: true }),
        { headers: { "Content-Type": "application/json" } },
      ),
    ),
  );
});
afterEach(() => vi.unstubAllGlobals());

function renderPage() {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
  render(
    <QueryClientProvider client={client}>
      <MemoryRouter>
        <ProfilePage account={account} />
      </MemoryRouter>
    </QueryClientProvider>,
  );
}

// Issue 13: a new worker is told why the profile matters, and the empty form shows no error before anything is typed.
describe("a new worker's profile", () => {
  it("says why to fill it in and shows no error before anything is typed", async () => {
    renderPage();
    expect(await screen.findByText("プロフィールを入れると、あなたに合う仕事が届きます。")).toBeInTheDocument();
    for (const field of ["スキル", "地域", "1週間に働ける時間", "働ける時間帯", "自己紹介"])
      expect(screen.getByLabelText(field)).not.toHaveAttribute("aria-invalid");
    expect(document.querySelector(".field-error")).toBeNull();
  });

  it("shows a required field's error once a save is tried", async () => {
    renderPage();
    const user = userEvent.setup();
    await user.click(await screen.findByRole("button", { name: "保存する" }));
    expect(screen.getByLabelText("地域")).toHaveAttribute("aria-invalid", "true");
    expect(fetchMock).toHaveBeenCalledTimes(1); // only the profile's load: nothing sent
  });
});

import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { configure, render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { MemoryRouter } from "react-router";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { SignInPage } from "./SignInPage";

const json = (body: unknown, status: number) =>
  new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/problem+json" } });

// This machine is shared and slow at times: a page gets five seconds to show what it loaded.
configure({ asyncUtilTimeout: 5_000 });

const fetchMock = vi.fn();
beforeEach(() => {
  fetchMock.mockReset();
  vi.stubGlobal("fetch", fetchMock);
});
afterEach(() => vi.unstubAllGlobals());

function renderPage() {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
  return render(
    <QueryClientProvider client={client}>
      <MemoryRouter>
        <SignInPage />
      </MemoryRouter>
    </QueryClientProvider>,
  );
}

describe("signing in to a suspended account", { timeout: 20_000 }, () => {
  it("says the account is suspended and whom to ask", async () => {
    fetchMock.mockResolvedValue(
      json({ status: 403, title: "Account suspended.", detail: "This account is suspended.", code: "accountSuspended" }, 403),
    );
    renderPage();
    const user = userEvent.setup();
    await user.type(screen.getByLabelText("メールアドレス"), "misaki@yuzawa.example");
    await user.type(screen.getByLabelText("パスワード"), "yuzawa-demo-2026");
    await user.click(screen.getByRole("button", { name: "ログイン" }));
    expect(await screen.findByText(/事務局により利用が停止されています/)).toBeTruthy();
  });
});

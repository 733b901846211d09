import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { render, screen } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import i18n from "../../i18n";
import { TokensPage } from "./TokensPage";

function renderPage() {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(
    <QueryClientProvider client={client}>
      <TokensPage />
    </QueryClientProvider>,
  );
}

const fetchMock = vi.fn();
beforeEach(() => {
  fetchMock.mockReset();
  fetchMock.mockResolvedValue(new Response("[]", { status: 200, headers: { "Content-Type": "application/json" } }));
  vi.stubGlobal("fetch", fetchMock);
});
afterEach(() => {
  vi.unstubAllGlobals();
  return i18n.changeLanguage("ja");
});

// Issue 22: the owner's recovery steps revoke every token; the page says so before the owner takes either.
describe("the tokens page", () => {
  it("says that a password change or signing out everywhere revokes every token", () => {
    renderPage();
    expect(screen.getByText(/パスワードを変えるか、すべての端末からログアウトすると、下のトークンはすべて無効になります/)).toBeInTheDocument();
  });

  it("says so in English too", async () => {
    await i18n.changeLanguage("en");
    renderPage();
    expect(screen.getByText(/Changing your password or signing out everywhere revokes every token/)).toBeInTheDocument();
  });
});

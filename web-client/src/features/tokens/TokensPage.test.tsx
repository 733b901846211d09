import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { fireEvent, render, screen, waitFor } from "@testing-library/react";
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

  // Issue 25: a token is made with the scopes chosen, and the list says what each token may do.
  it("sends the scopes chosen and lists each token's scopes, and a token made before scopes as able to do everything", async () => {
    fetchMock.mockImplementation(async (request: Request) =>
      request.method === "POST"
        ? new Response(JSON.stringify({ id: "t2", name: "会計", token: "mkp_x", scopes: ["read", "money:read"] }), { status: 201, headers: { "Content-Type": "application/json" } })
        : new Response(
            JSON.stringify([
              { id: "t1", name: "古い連携", createdAt: "2026-12-01T00:00:00Z", scopes: ["read", "jobs:write"], madeBeforeScopes: true },
              { id: "t0", name: "在庫", createdAt: "2026-12-01T00:00:00Z", scopes: ["read", "bids:write"], madeBeforeScopes: false },
            ]),
            { status: 200, headers: { "Content-Type": "application/json" } },
          ),
    );
    renderPage();
    expect(await screen.findByText(/権限の指定ができる前に作ったトークン/)).toBeInTheDocument();
    expect(screen.getByText("できること：read, bids:write")).toBeInTheDocument();

    fireEvent.change(screen.getByLabelText("トークンの名前"), { target: { value: "会計" } });
    fireEvent.click(screen.getByRole("checkbox", { name: /お金の記録を読む/ }));
    fireEvent.click(screen.getByRole("button", { name: "トークンを作る" }));
    await waitFor(() => expect(fetchMock.mock.calls.some(([r]) => (r as Request).method === "POST")).toBe(true));
    const post = fetchMock.mock.calls.map(([r]) => r as Request).find((r) => r.method === "POST")!;
    expect(await post.json()).toEqual({ name: "会計", scopes: ["read", "money:read"] });
  });

  it("refuses to make a token with no scope", async () => {
    renderPage();
    fireEvent.change(screen.getByLabelText("トークンの名前"), { target: { value: "会計" } });
    fireEvent.click(screen.getByRole("checkbox", { name: /^読む（/ }));
    fireEvent.click(screen.getByRole("button", { name: "トークンを作る" }));
    expect(await screen.findByText("一つ以上選んでください。")).toBeInTheDocument();
    expect(fetchMock.mock.calls.some(([r]) => (r as Request).method === "POST")).toBe(false);
  });
});

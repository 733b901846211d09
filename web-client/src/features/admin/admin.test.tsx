import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { configure, render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { ReactNode } from "react";
import { MemoryRouter } from "react-router";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { AuditPage } from "./AuditPage";
import { UsersPage } from "./UsersPage";

function renderPage(page: ReactNode) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
  return render(
    <QueryClientProvider client={client}>
      <MemoryRouter>{page}</MemoryRouter>
    </QueryClientProvider>,
  );
}

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { "Content-Type": status < 400 ? "application/json" : "application/problem+json" } });

// This machine is shared and slow at times: a page gets five seconds to show what it loaded.
configure({ asyncUtilTimeout: 5_000 });

const fetchMock = vi.fn();
beforeEach(() => {
  fetchMock.mockReset();
  vi.stubGlobal("fetch", fetchMock);
});
afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

const misaki = {
  id: "u1", email: "misaki@yuzawa.example", displayName: "佐藤 美咲", role: "worker", status: "suspended",
  suspendedAt: "2026-11-21T01:00:00Z", suspendedReason: "口座の名義が本人と違う", payoutsHeld: true, createdAt: "2026-11-01T00:00:00Z",
};
const brewery = {
  id: "u2", email: "sake@yuzawa.example", displayName: "湯沢酒造", role: "business", status: "active", payoutsHeld: false,
  createdAt: "2026-11-01T00:00:00Z",
};

describe("the users screen", { timeout: 20_000 }, () => {
  it("shows each account's role and status, and says a suspended worker is left out of payouts", async () => {
    fetchMock.mockResolvedValue(json({ items: [misaki, brewery], nextCursor: null }));
    renderPage(<UsersPage me="admin" />);
    const card = (await screen.findByRole("heading", { name: "佐藤 美咲" })).closest("article")!;
    expect(within(card as HTMLElement).getByText("利用停止中")).toBeTruthy();
    expect(within(card as HTMLElement).getByText("停止の理由：口座の名義が本人と違う")).toBeTruthy();
    expect(within(card as HTMLElement).getByText(/振込バッチに含まれません/)).toBeTruthy();
    const other = screen.getByRole("heading", { name: "湯沢酒造" }).closest("article")!;
    expect(within(other as HTMLElement).getByText("利用中")).toBeTruthy();
    expect(within(other as HTMLElement).queryByText(/振込バッチに含まれません/)).toBeNull();
  });

  it("asks for a reason before suspending, and words the API's conflict code", async () => {
    fetchMock.mockResolvedValueOnce(json({ items: [brewery], nextCursor: null }));
    renderPage(<UsersPage me="admin" />);
    const user = userEvent.setup();
    await user.click(await screen.findByRole("button", { name: /^利用を停止する\s*:\s*湯沢酒造$/ }));
    await user.click(screen.getByRole("button", { name: "利用を停止する" }));
    expect(screen.getByText("入力してください。")).toBeTruthy();
    expect(fetchMock).toHaveBeenCalledTimes(1);

    fetchMock.mockResolvedValueOnce(json({ status: 409, title: "Conflict.", detail: "The account is suspended already.", code: "alreadySuspended" }, 409));
    await user.type(screen.getByLabelText("停止の理由"), "なりすましの疑い");
    await user.click(screen.getByRole("button", { name: "利用を停止する" }));
    expect(await screen.findByText("このアカウントはすでに停止されています。")).toBeTruthy();
    const sent = fetchMock.mock.calls[1]![0] as Request;
    expect(new URL(sent.url).pathname).toBe("/api/admin/users/u2/suspend");
    expect(await sent.json()).toEqual({ reason: "なりすましの疑い" });
  });

  it("offers no suspension of the administrator's own account", async () => {
    fetchMock.mockResolvedValue(json({ items: [{ ...brewery, id: "admin", role: "administrator", displayName: "湯沢市 事務局" }], nextCursor: null }));
    renderPage(<UsersPage me="admin" />);
    expect(await screen.findByText("あなたのアカウント")).toBeTruthy();
    expect(screen.queryByRole("button", { name: /利用を停止する/ })).toBeNull();
  });
});

describe("the audit trail", { timeout: 20_000 }, () => {
  it("labels each action and its detail in the reader's language, amounts in yen", async () => {
    fetchMock.mockResolvedValue(
      json({
        items: [
          {
            id: "e1", administratorId: "a", administratorName: "湯沢市 事務局", action: "confirmPayment", objectId: "p1",
            detail: { contractId: "c1", amount: 55000, note: "振込番号 0412", somethingNew: "x" }, clientAddress: "127.0.0.1",
            createdAt: "2026-11-21T01:00:00Z",
          },
        ],
        nextCursor: null,
      }),
    );
    renderPage(<AuditPage />);
    expect(await screen.findByRole("heading", { name: "入金の確認" })).toBeTruthy();
    expect(screen.getByText("メモ")).toBeTruthy();
    expect(screen.getByText("振込番号 0412")).toBeTruthy();
    expect(screen.getByText(/55,000/)).toBeTruthy();
    expect(screen.queryByText("somethingNew")).toBeNull();
  });
});

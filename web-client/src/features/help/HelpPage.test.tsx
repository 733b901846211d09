import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { MemoryRouter } from "react-router";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { Account } from "../../api/client";
import { HelpPage } from "./HelpPage";

const worker: Account = { id: "w1", email: "yuki@yuzawa.example", displayName: "阿部 由紀", role: "worker", language: "ja",
  emailConfirmed: true, twoStepEnabled: false, mustAcceptTerms: false, termsVersion: 1, privacyVersion: 1 };
const fetchMock = vi.fn();
const sent: { url: string; body: string }[] = [];
const ticket = { id: "t1", userId: "w1", userName: "阿部 由紀", userRole: "worker", subject: "振込日", status: "answered", createdAt: "2026-11-20T03:00:00Z", lastReplyAt: "2026-11-21T03:00:00Z" };

beforeEach(() => {
  sent.length = 0;
  fetchMock.mockReset();
  vi.stubGlobal("fetch", fetchMock);
  fetchMock.mockImplementation(async (input: Request) => {
    const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json" } });
    if (input.method === "POST") {
      sent.push({ url: new URL(input.url).pathname, body: await input.clone().text() });
      return json({ ticket: { ...ticket, id: "t2", subject: "口座の変更", status: "open" }, body: "…", replies: [] }, 201);
    }
    return json({ items: [ticket], nextCursor: null });
  });
});
afterEach(() => vi.unstubAllGlobals());

function renderPage(account: Account | null) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
  render(
    <QueryClientProvider client={client}>
      <MemoryRouter>
        <HelpPage account={account} />
      </MemoryRouter>
    </QueryClientProvider>,
  );
}

describe("the help page", () => {
  it("answers the common questions for everyone, and asks a visitor to sign in to write", () => {
    renderPage(null);
    for (const q of ["手数料はいくらですか？", "源泉徴収はどうなりますか？", "報酬はいつ振り込まれますか？", "相手と意見が合わないときは？"])
      expect(screen.getByText(q, { selector: "summary" })).toBeInTheDocument();
    expect(screen.getByRole("link", { name: "お問い合わせにはログインしてください。" })).toHaveAttribute("href", "/signin?returnTo=%2Fhelp");
    expect(screen.queryByRole("form")).toBeNull();
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it("sends a signed-in person's question to the office and lists the person's questions with their state", async () => {
    renderPage(worker);
    expect(await screen.findByRole("link", { name: "振込日" })).toHaveAttribute("href", "/help/tickets/t1");
    expect(screen.getByText("回答あり")).toBeInTheDocument();
    const user = userEvent.setup();
    await user.click(screen.getByRole("button", { name: "送信する" }));
    expect(sent).toHaveLength(0); // an empty form is not sent
    await user.type(screen.getByLabelText("件名"), "口座の変更");
    await user.type(screen.getByLabelText("お問い合わせ内容"), "振込先を変えたいです");
    await user.click(screen.getByRole("button", { name: "送信する" }));
    expect(await screen.findByText("お問い合わせを受け付けました。")).toBeInTheDocument();
    expect(sent).toEqual([{ url: "/api/contact", body: JSON.stringify({ subject: "口座の変更", body: "振込先を変えたいです" }) }]);
  });
});

import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { render, screen, within } from "@testing-library/react";
import { MemoryRouter } from "react-router";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { Account } from "../api/client";
import i18n from "../i18n";
import { Shell } from "./Shell";

const worker: Account = { id: "w1", email: "yuki@yuzawa.example", displayName: "阿部 由紀", role: "worker", language: "ja",
  emailConfirmed: true, twoStepEnabled: false, mustAcceptTerms: false, termsVersion: 1, privacyVersion: 1 };

function serve(unread: { unreadMessages: number; inContracts: number; inTeams: number; messageNotices?: number }, unreadNotices = 0) {
  vi.stubGlobal(
    "fetch",
    vi.fn(async (input: Request) => {
      const path = new URL(input.url).pathname;
      const body = path === "/api/me" ? worker : path === "/api/me/unread-messages" ? unread : path === "/api/notifications" ? { items: [], unreadCount: unreadNotices } : {};
      return new Response(JSON.stringify(body), { status: 200, headers: { "Content-Type": "application/json" } });
    }),
  );
}

afterEach(() => {
  vi.unstubAllGlobals();
  return i18n.changeLanguage("ja");
});

function renderShell() {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <QueryClientProvider client={client}>
      <MemoryRouter>
        <Shell>
          <p>page</p>
        </Shell>
      </MemoryRouter>
    </QueryClientProvider>,
  );
}

describe("the menu", () => {
  it("counts a team thread's unread messages by Teams and a contract's by Contracts", async () => {
    serve({ unreadMessages: 5, inContracts: 2, inTeams: 3 });
    renderShell();
    const teams = await screen.findByRole("link", { name: /チーム/ });
    expect(await within(teams).findByLabelText("未読メッセージ 3件")).toHaveTextContent("3");
    const contracts = screen.getByRole("link", { name: /契約/ });
    expect(within(contracts).getByText("2")).toBeInTheDocument();
  });

  it("shows no count by Contracts when only a team's thread is unread", async () => {
    serve({ unreadMessages: 3, inContracts: 0, inTeams: 3 });
    renderShell();
    await within(await screen.findByRole("link", { name: /チーム/ })).findByText("3");
    expect(within(screen.getByRole("link", { name: /契約/ })).queryByText(/\d/)).toBeNull();
  });

  it("counts on the folded menu each unread message once, not also its thread's notice", async () => {
    // Two unread messages in one thread with their one notice, and an invitation's notice: three things to read.
    serve({ unreadMessages: 2, inContracts: 2, inTeams: 0, messageNotices: 1 }, 2);
    renderShell();
    expect(await screen.findByText("未読 3件")).toBeInTheDocument();
  });
});

// A trial at 360 px: the name, both language buttons and the menu wrapped the header onto two rows.
describe("the header on a phone", () => {
  const phone = (narrow: boolean) =>
    vi.stubGlobal("matchMedia", (query: string) => ({ matches: narrow && query.includes("max-width"), addEventListener: () => {}, removeEventListener: () => {} }));

  it("holds the name and the menu, and the language choice is in the menu once signed in", async () => {
    serve({ unreadMessages: 0, inContracts: 0, inTeams: 0 });
    phone(true);
    renderShell();
    await screen.findByRole("button", { name: /メニュー/ });
    const nav = screen.getByRole("navigation", { name: "メインメニュー" });
    const language = screen.getByRole("group", { name: "表示言語" });
    expect(nav).toContainElement(language);
    expect(within(language).getByRole("button", { name: "English" })).toBeInTheDocument();
  });

  it("keeps the language choice beside the name on a wider screen", async () => {
    serve({ unreadMessages: 0, inContracts: 0, inTeams: 0 });
    phone(false);
    renderShell();
    await screen.findByRole("link", { name: /設定/ });
    const nav = screen.getByRole("navigation", { name: "メインメニュー" });
    expect(nav).not.toContainElement(screen.getByRole("group", { name: "表示言語" }));
  });
});

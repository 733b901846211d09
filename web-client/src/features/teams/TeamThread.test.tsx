import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { MemoryRouter } from "react-router";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { Account } from "../../api/client";
import i18n from "../../i18n";
import { TeamThread } from "./components/TeamThread";

const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json" } });
const me = { id: "u-dir", role: "worker", displayName: "Director" } as Account;

/** Message n of the team's thread; ids sort as the server's do (time-ordered). */
const message = (n: number, senderId = "u-mai") => ({
  id: `m${String(n).padStart(3, "0")}`, senderId, senderName: senderId === me.id ? "Director" : "Mai",
  body: `message ${n}`, files: [], createdAt: new Date(Date.UTC(2026, 11, 1, 0, n)).toISOString(),
});

const fetchMock = vi.fn();
beforeEach(() => {
  fetchMock.mockReset();
  vi.stubGlobal("fetch", fetchMock);
});
afterEach(() => {
  vi.unstubAllGlobals();
  return i18n.changeLanguage("ja");
});

/** A thread of 45 messages served newest first in pages of 30, as GET /api/teams/{id}/messages?newestFirst=true does. */
function serveThread(readUpTo: string | null) {
  const all = Array.from({ length: 45 }, (_, i) => message(i + 1, i + 1 === 43 ? me.id : "u-mai")).reverse();
  fetchMock.mockImplementation((request: Request) => {
    const url = new URL(request.url);
    if (request.method === "POST") return Promise.resolve(json({}));
    const cursor = url.searchParams.get("cursor");
    const start = cursor === null ? 0 : 30;
    return Promise.resolve(json({ items: all.slice(start, start + 30), nextCursor: start === 0 ? "page2" : null, readUpTo, unread: 0 }));
  });
}

function renderThread() {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <QueryClientProvider client={client}>
      <MemoryRouter>
        <TeamThread teamId="t1" account={me} />
      </MemoryRouter>
    </QueryClientProvider>,
  );
}

describe("the team's thread", () => {
  it("reads earlier messages page by page, as a contract's thread does, oldest at the top", async () => {
    serveThread("m045");
    renderThread();
    const list = await screen.findByRole("list");
    expect(within(list).getAllByRole("listitem")).toHaveLength(30);
    expect(within(list).getAllByRole("listitem")[0]).toHaveTextContent("message 16");
    const first = new URL((fetchMock.mock.calls[0]![0] as Request).url);
    expect(first.pathname).toBe("/api/teams/t1/messages");
    expect(first.searchParams.get("newestFirst")).toBe("true");

    await userEvent.setup().click(screen.getByRole("button", { name: "前のメッセージを読む" }));
    await waitFor(() => expect(within(list).getAllByRole("listitem")).toHaveLength(45));
    expect(within(list).getAllByRole("listitem")[0]).toHaveTextContent("message 1");
    expect(within(list).getAllByRole("listitem")[44]).toHaveTextContent("message 45");
    expect(screen.queryByRole("button", { name: "前のメッセージを読む" })).toBeNull();
  });

  it("marks where the unread messages of others begin, and moves the read position to the newest", async () => {
    serveThread("m042");
    renderThread();
    const marker = await screen.findByRole("separator");
    expect(marker).toHaveTextContent("ここから未読");
    // m043 is the director's own, m044 Mai's: the marker stands before the first message of others after m042.
    expect(marker.closest("li")).toHaveTextContent("message 44");
    await waitFor(() => {
      const posts = fetchMock.mock.calls.map(([r]) => r as Request).filter((r) => r.method === "POST");
      expect(posts.map((r) => new URL(r.url).pathname)).toEqual(["/api/teams/t1/messages/read"]);
    });
    const read = fetchMock.mock.calls.map(([r]) => r as Request).find((r) => r.method === "POST")!;
    expect(await read.clone().json()).toEqual({ upTo: "m045" });
  });

  it("reads back to where the unread messages begin when they begin before the newest page", async () => {
    // Read up to m010: the unread messages begin at m011, on the second page of 30.
    serveThread("m010");
    renderThread();
    const list = await screen.findByRole("list");
    await waitFor(() => expect(within(list).getAllByRole("listitem")).toHaveLength(45));
    expect(screen.getByRole("separator")).toHaveTextContent("ここから未読");
    expect(screen.getByRole("separator").closest("li")).toHaveTextContent("message 11");
  });
});

import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { act, cleanup, render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { MemoryRouter } from "react-router";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { Account } from "../../api/client";
import i18n from "../../i18n";
import { readDelayMs } from "../../ui/MessageThread";
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

function renderThread(at = "/teams/t1") {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <QueryClientProvider client={client}>
      <MemoryRouter initialEntries={[at]}>
        <TeamThread teamId="t1" account={me} />
      </MemoryRouter>
    </QueryClientProvider>,
  );
  return client;
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

  it("marks where the unread messages of others begin, and without IntersectionObserver (an old browser) moves the read position to the newest", async () => {
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

  it("makes the URLs in a message links a phone can tap, and keeps the rest as written", async () => {
    const body = "見積書です：https://drive.example.jp/s/abc123。\n<b>ご確認ください</b>";
    fetchMock.mockImplementation(() => Promise.resolve(json({ items: [{ ...message(1), body }], nextCursor: null, readUpTo: "m001", unread: 0 })));
    renderThread();
    const link = await screen.findByRole("link", { name: "https://drive.example.jp/s/abc123" });
    expect(link).toHaveAttribute("href", "https://drive.example.jp/s/abc123");
    expect(link).toHaveAttribute("target", "_blank");
    expect(link).toHaveAttribute("rel", "noopener noreferrer nofollow ugc");
    const paragraph = link.closest("p")!;
    expect(paragraph.textContent).toBe(body);
    expect(paragraph.querySelector("b")).toBeNull();
  });
});

const scrollIntoView = Element.prototype.scrollIntoView;
afterEach(() => {
  Element.prototype.scrollIntoView = scrollIntoView;
});

/** Where the thread scrolled to: the elements scrollIntoView was called on (jsdom lays nothing out). */
function watchScrolling() {
  const scrolled: Element[] = [];
  Element.prototype.scrollIntoView = function (this: Element) {
    scrolled.push(this);
  };
  return scrolled;
}

/** An IntersectionObserver that the test drives: nothing is on screen until show() says so. */
function fakeScreen() {
  const observers: { callback: IntersectionObserverCallback; targets: Set<Element> }[] = [];
  class FakeObserver {
    private readonly entry: { callback: IntersectionObserverCallback; targets: Set<Element> };
    constructor(callback: IntersectionObserverCallback) {
      this.entry = { callback, targets: new Set() };
      observers.push(this.entry);
    }
    observe(target: Element) {
      this.entry.targets.add(target);
    }
    disconnect() {
      this.entry.targets.clear();
    }
  }
  vi.stubGlobal("IntersectionObserver", FakeObserver);
  return {
    show(element: Element) {
      act(() => {
        for (const o of observers)
        if (o.targets.has(element))
            o.callback([{ target: element, isIntersecting: true } as unknown as IntersectionObserverEntry], o as unknown as IntersectionObserver);
      });
    },
  };
}

// A user trial: on a phone the team or contract page is several screens tall and the thread is at its bottom; a member who
// opened it from a "new message" notification saw the top and had to hunt for what was new.
describe("the thread opened for its messages (#messages, a notification's link)", () => {
  it("brings the first unread message of others into view and gives it focus", async () => {
    const scrolled = watchScrolling();
    serveThread("m042");
    renderThread("/teams/t1#messages");
    const first = (await screen.findByText("message 44")).closest("li")!;
    await waitFor(() => expect(scrolled).toEqual([first]));
    expect(first).toHaveFocus();
  });

  it("keeps the message in view while the page above it is still loading, until the reader moves", async () => {
    const scrolled = watchScrolling();
    // The page above the thread (the contract, a team's tasks) grows when its own answer comes: the body is resized.
    let resized = () => {};
    vi.stubGlobal(
      "ResizeObserver",
      class {
        constructor(private readonly callback: () => void) {}
        observe(target: Element) {
          if (target === document.body) resized = this.callback;
        }
        disconnect() {
          resized = () => {};
        }
      },
    );
    serveThread("m042");
    renderThread("/teams/t1#messages");
    const first = (await screen.findByText("message 44")).closest("li")!;
    await waitFor(() => expect(scrolled).toEqual([first]));
    let top = 0;
    first.getBoundingClientRect = () => ({ top }) as DOMRect;

    // Safari keeps no anchor: 900 px of contract above push the message down, and it is brought back.
    top = 900;
    resized();
    expect(scrolled).toEqual([first, first]);
    // The reader scrolls on their own: the page no longer moves under them.
    window.dispatchEvent(new Event("touchstart"));
    top = 1800;
    resized();
    expect(scrolled).toHaveLength(2);
  });

  it("brings the newest message into view when none is unread", async () => {
    const scrolled = watchScrolling();
    serveThread("m045");
    renderThread("/teams/t1#messages");
    const newest = (await screen.findByText("message 45")).closest("li")!;
    await waitFor(() => expect(scrolled).toEqual([newest]));
  });

  it("reads back to the first unread message on an earlier page before bringing it into view", async () => {
    const scrolled = watchScrolling();
    serveThread("m010");
    renderThread("/teams/t1#messages");
    await waitFor(() => expect(scrolled).toHaveLength(1));
    expect(scrolled[0]).toHaveTextContent("message 11");
  });

  it("leaves the page where it is when opened without the anchor", async () => {
    const scrolled = watchScrolling();
    serveThread("m042");
    renderThread("/teams/t1");
    await screen.findByText("message 44");
    await new Promise((r) => setTimeout(r, 50));
    expect(scrolled).toEqual([]);
  });

  it("does not move the reader again when the thread refreshes with a new message, and tells a screen reader of it", async () => {
    const scrolled = watchScrolling();
    serveThread("m045");
    const client = renderThread("/teams/t1#messages");
    await waitFor(() => expect(scrolled).toHaveLength(1));
    expect(scrolled[0]).toHaveTextContent("message 45");
    // The refresh every 30 s: Mai has written a 46th message meanwhile, the newest and the first unread now.
    const all = Array.from({ length: 46 }, (_, i) => message(i + 1, i + 1 === 43 ? me.id : "u-mai")).reverse();
    fetchMock.mockImplementation((request: Request) =>
      Promise.resolve(request.method === "POST" ? json({}) : json({ items: all.slice(0, 30), nextCursor: "page2", readUpTo: "m045", unread: 1 })),
    );
    await act(() => client.refetchQueries());
    await screen.findByText("message 46");
    expect(scrolled).toHaveLength(1);
    expect(screen.getByRole("status")).toHaveTextContent("新しいメッセージが1件届きました");
  });

  it("does not move the reader when earlier messages are read", async () => {
    const scrolled = watchScrolling();
    serveThread("m045");
    renderThread("/teams/t1#messages");
    await waitFor(() => expect(scrolled).toHaveLength(1));
    // The earlier page takes a moment to come, as on a phone's network.
    const served = fetchMock.getMockImplementation()!;
    fetchMock.mockImplementation((request: Request) => new Promise((r) => setTimeout(() => r(served(request)), 30)));
    await userEvent.setup().click(screen.getByRole("button", { name: "前のメッセージを読む" }));
    await screen.findByText("message 1");
    await new Promise((r) => setTimeout(r, 50));
    expect(scrolled).toHaveLength(1);
  });
});

describe("the unread messages out of view", () => {
  it("are reached by a button that brings the first of them into view, and the button goes once they were on screen", async () => {
    const scrolled = watchScrolling();
    const view = fakeScreen();
    serveThread("m042");
    renderThread();
    const go = await screen.findByRole("button", { name: "未読のメッセージへ（2件）" });
    expect(scrolled).toEqual([]);
    await userEvent.setup().click(go);
    const first = screen.getByText("message 44").closest("li")!;
    expect(scrolled).toEqual([first]);
    expect(first).toHaveFocus();

    view.show(first);
    expect(await screen.findByRole("button", { name: "未読のメッセージへ（1件）" })).toBeInTheDocument();
    view.show(screen.getByText("message 45").closest("li")!);
    await waitFor(() => expect(screen.queryByRole("button", { name: /未読のメッセージへ/ })).toBeNull());
  });

  it("are offered in English too", async () => {
    await i18n.changeLanguage("en");
    fakeScreen();
    serveThread("m042");
    renderThread();
    expect(await screen.findByRole("button", { name: "Go to the unread messages (2)" })).toBeInTheDocument();
  });

  it("offer no button when none is unread", async () => {
    fakeScreen();
    serveThread("m045");
    renderThread();
    await screen.findByText("message 45");
    expect(screen.queryByRole("button", { name: /未読のメッセージへ/ })).toBeNull();
  });
});

/** The read positions the thread sent (POST /api/teams/t1/messages/read), in order. */
async function readPositions() {
  const posts = fetchMock.mock.calls.map(([r]) => r as Request).filter((r) => r.method === "POST" && new URL(r.url).pathname === "/api/teams/t1/messages/read");
  return Promise.all(posts.map(async (r) => ((await r.clone().json()) as { upTo: string }).upTo));
}

/** A little longer than the reader must stay for the read position to move. */
const aMoment = () => act(() => new Promise((r) => setTimeout(r, readDelayMs + 200)));

// A trial: kenta opened a thread with 25 unread messages on a phone, about 4 on screen, and left after 4 s; all 25
// counted read, and one arriving by the 30 s refresh while he read further up counted read at once too.
describe("the read position", () => {
  it("does not move for messages that were never on screen", async () => {
    fakeScreen();
    serveThread("m042");
    renderThread("/teams/t1#messages");
    await screen.findByText("message 44");
    await aMoment();
    expect(await readPositions()).toEqual([]);
  });

  it("moves to the newest message that has been on screen, once the reader stays a moment", async () => {
    const view = fakeScreen();
    serveThread("m042");
    renderThread();
    view.show((await screen.findByText("message 44")).closest("li")!);
    expect(await readPositions()).toEqual([]);
    await aMoment();
    expect(await readPositions()).toEqual(["m044"]);
    view.show(screen.getByText("message 45").closest("li")!);
    await aMoment();
    expect(await readPositions()).toEqual(["m044", "m045"]);
  });

  it("is sent once for the messages seen together, not once each", async () => {
    const view = fakeScreen();
    serveThread("m042");
    renderThread();
    view.show((await screen.findByText("message 44")).closest("li")!);
    view.show(screen.getByText("message 45").closest("li")!);
    await aMoment();
    expect(await readPositions()).toEqual(["m045"]);
  });

  it("is sent at once when the page is left before the moment passes", async () => {
    const view = fakeScreen();
    serveThread("m042");
    renderThread();
    view.show((await screen.findByText("message 45")).closest("li")!);
    cleanup();
    await waitFor(async () => expect(await readPositions()).toEqual(["m045"]));
  });

  it("does not move for a message the refresh brings while the reader is elsewhere", async () => {
    fakeScreen();
    serveThread("m045");
    const client = renderThread();
    await screen.findByText("message 45");
    const all = Array.from({ length: 46 }, (_, i) => message(i + 1, i + 1 === 43 ? me.id : "u-mai")).reverse();
    fetchMock.mockImplementation((request: Request) =>
      Promise.resolve(request.method === "POST" ? json({}) : json({ items: all.slice(0, 30), nextCursor: "page2", readUpTo: "m045", unread: 1 })),
    );
    await act(() => client.refetchQueries());
    await screen.findByText("message 46");
    await aMoment();
    expect(await readPositions()).toEqual([]);
  });

  it("keeps the unread marker where the unread messages began while they are read", async () => {
    const view = fakeScreen();
    serveThread("m042");
    const client = renderThread();
    view.show((await screen.findByText("message 45")).closest("li")!);
    await aMoment();
    expect(await readPositions()).toEqual(["m045"]);
    // The next refresh answers with the new read position: the marker stays for this visit.
    serveThread("m045");
    await act(() => client.refetchQueries());
    expect(screen.getByRole("separator").closest("li")).toHaveTextContent("message 44");
  });
});

/** An upload that the server answers with the stored file, or that never ends (the page is left while it runs). */
function fakeUpload(answer: "stored" | "never") {
  vi.stubGlobal(
    "XMLHttpRequest",
    class {
      status = 201;
      response = { id: "f1", name: "label.png", size: 2048, contentType: "image/png", sha256: "x", createdAt: "2026-12-01T00:00:00Z" };
      responseType = "";
      upload = { onprogress: null };
      onload: (() => void) | null = null;
      onerror: (() => void) | null = null;
      onabort: (() => void) | null = null;
      open() {}
      setRequestHeader() {}
      abort() {}
      send() {
        if (answer === "stored") setTimeout(() => this.onload?.(), 0);
      }
    },
  );
}

// A user trial: the text of an unsent message came back after a reload (the draft), the file attached to it did not.
describe("a file attached to a message not sent yet", () => {
  it("comes back with the draft after a reload, uploaded, and is sent with the message", async () => {
    fakeUpload("stored");
    serveThread("m045");
    renderThread();
    const user = userEvent.setup();
    await user.type(await screen.findByRole("textbox", { name: "メッセージ" }), "ラベル案です");
    await user.upload(screen.getByLabelText("ファイルを選ぶ"), new File(["png"], "label.png", { type: "image/png" }));
    expect(await screen.findByText("アップロード済み")).toBeInTheDocument();

    // The reload: the page goes, the tab's sessionStorage stays.
    cleanup();
    renderThread();
    expect(await screen.findByRole("textbox", { name: "メッセージ" })).toHaveValue("ラベル案です");
    expect(screen.getByText("label.png")).toBeInTheDocument();
    expect(screen.getByText("アップロード済み")).toBeInTheDocument();

    await user.click(screen.getByRole("button", { name: "送信" }));
    await waitFor(() => expect(fetchMock.mock.calls.map(([r]) => r as Request).filter((r) => new URL(r.url).pathname === "/api/teams/t1/messages" && r.method === "POST")).toHaveLength(1));
    const sent = fetchMock.mock.calls.map(([r]) => r as Request).find((r) => new URL(r.url).pathname === "/api/teams/t1/messages" && r.method === "POST")!;
    expect(await sent.clone().json()).toEqual({ body: "ラベル案です", fileIds: ["f1"] });

    // Sent: the next reload starts empty.
    await waitFor(() => expect(screen.queryByText("label.png")).toBeNull());
    cleanup();
    renderThread();
    expect(await screen.findByRole("textbox", { name: "メッセージ" })).toHaveValue("");
    expect(screen.queryByText("label.png")).toBeNull();
  });

  it("is named after a reload when it had not finished uploading, to be chosen again", async () => {
    fakeUpload("never");
    serveThread("m045");
    renderThread();
    await userEvent.setup().upload(await screen.findByLabelText("ファイルを選ぶ"), new File(["png"], "label.png", { type: "image/png" }));
    expect(await screen.findByRole("progressbar")).toBeInTheDocument();

    cleanup();
    renderThread();
    const notice = await screen.findByText(/画面を離れたときにアップロードが終わっていなかった/);
    expect(notice).toHaveTextContent("label.png は、画面を離れたときにアップロードが終わっていなかったため、添付されていません。もう一度選んでください。");
    expect(screen.queryByText("アップロード済み")).toBeNull();
    await userEvent.setup().click(screen.getByRole("button", { name: "閉じる" }));
    expect(screen.queryByText(/画面を離れたとき/)).toBeNull();
  });

  it("is named in English for an English reader", async () => {
    await i18n.changeLanguage("en");
    fakeUpload("never");
    serveThread("m045");
    renderThread();
    await userEvent.setup().upload(await screen.findByLabelText("Choose files"), new File(["png"], "label.png", { type: "image/png" }));
    cleanup();
    renderThread();
    expect(await screen.findByText(/label\.png had not finished uploading when the page was left and is not attached: please choose it again\./)).toBeInTheDocument();
  });
});

import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { fireEvent, render, screen } from "@testing-library/react";
import { MemoryRouter } from "react-router";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { Notification } from "../../api/client";
import i18n from "../../i18n";
import { NotificationsPage } from "./NotificationsPage";

const base = { message: "New bid of ¥45,000 on \"日本酒ラベルのデザイン\".", createdAt: "2026-11-21T10:12:00Z", readAt: null, contractId: null };
const items: Notification[] = [
  { ...base, id: "n1", kind: "bidReceived", jobId: "j1", jobTitle: "日本酒ラベルのデザイン", partyName: "佐藤 美咲", partyRole: "worker" },
  { ...base, id: "n2", kind: "bidReceived", jobId: "j1", jobTitle: "日本酒ラベルのデザイン", partyName: "高橋 健太", partyRole: "worker" },
  { ...base, id: "n3", kind: "bidAwarded", jobId: null, contractId: "c1", jobTitle: "純米酒のラベル", partyName: "湯沢酒造", partyRole: "business" },
  { ...base, id: "n4", kind: "payoutPaid", jobId: null, jobTitle: null, partyName: null },
];

const fetchMock = vi.fn();
beforeEach(() => {
  fetchMock.mockReset();
  vi.stubGlobal("fetch", fetchMock);
  fetchMock.mockImplementation(() => Promise.resolve(new Response(JSON.stringify({ items, unreadCount: 4 }), { headers: { "Content-Type": "application/json" } })));
});
afterEach(async () => {
  vi.unstubAllGlobals();
  await i18n.changeLanguage("ja");
});

function renderPage() {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <QueryClientProvider client={client}>
      <MemoryRouter>
        <NotificationsPage />
      </MemoryRouter>
    </QueryClientProvider>,
  );
}

// Issue 13: notifications name the job and the other party and link to it; four identical lines are not acceptable.
describe("the notifications page", () => {
  it("names the job and the other party in Japanese and links to the job or contract", async () => {
    renderPage();
    const bids = await screen.findAllByRole("link", { name: "「日本酒ラベルのデザイン」に応募がありました" });
    expect(bids).toHaveLength(2);
    expect(bids[0]).toHaveAttribute("href", "/jobs/j1");
    expect(screen.getByText("佐藤 美咲さん（ワーカー）")).toBeInTheDocument();
    expect(screen.getByText("高橋 健太さん（ワーカー）")).toBeInTheDocument();
    expect(screen.getByRole("link", { name: "「純米酒のラベル」の応募が採用されました" })).toHaveAttribute("href", "/contracts/c1");
    expect(screen.getByText("湯沢酒造さん（事業者）")).toBeInTheDocument();
    expect(screen.getByText("報酬を口座に振り込みました")).toBeInTheDocument();
    const lines = screen.getAllByRole("listitem").map((li) => li.textContent);
    expect(new Set(lines).size).toBe(lines.length);
  });

  it("words them in English for an English reader, from the same data", async () => {
    await i18n.changeLanguage("en");
    renderPage();
    expect(await screen.findAllByRole("link", { name: "New bid on “日本酒ラベルのデザイン”" })).toHaveLength(2);
    expect(screen.getByText("佐藤 美咲 (Worker)")).toBeInTheDocument();
  });
});

describe("a notification about a question to the office", () => {
  it("opens the ticket itself: the person's page for an answer, the office's page for a new question", async () => {
    const tickets = [
      { ...base, id: "n5", kind: "ticketAnswered", jobId: null, jobTitle: null, partyName: null, ticketId: "t1" },
      { ...base, id: "n6", kind: "ticketReceived", jobId: null, jobTitle: null, partyName: null, ticketId: "t2" },
    ];
    fetchMock.mockImplementation(() => Promise.resolve(new Response(JSON.stringify({ items: tickets, unreadCount: 2 }), { headers: { "Content-Type": "application/json" } })));
    renderPage();
    const links = await screen.findAllByRole("link");
    expect(links.map((a) => a.getAttribute("href"))).toEqual(["/help/tickets/t1", "/admin/tickets/t2"]);
  });
});

describe("an administrator's warning of pay due", () => {
  // A user trial followed one to a closed task job's page, which administrators cannot open.
  it("opens the payouts-due list, whatever job or contract it names, and names the worker owed", async () => {
    const due = [
      { ...base, id: "n7", kind: "payoutDue", jobId: "j9", jobTitle: "商品説明の誤字チェック", contractId: null, partyName: "阿部 由紀", partyRole: "worker" },
      { ...base, id: "n8", kind: "payoutDue", jobId: "j1", jobTitle: "日本酒ラベルのデザイン", contractId: "c1", partyName: "佐藤 美咲", partyRole: "worker" },
    ];
    fetchMock.mockImplementation(() => Promise.resolve(new Response(JSON.stringify({ items: due, unreadCount: 2 }), { headers: { "Content-Type": "application/json" } })));
    renderPage();
    const links = await screen.findAllByRole("link");
    expect(links.map((a) => a.getAttribute("href"))).toEqual(["/admin/payouts-due", "/admin/payouts-due"]);
    expect(screen.getByText("阿部 由紀さん（ワーカー）")).toBeInTheDocument();
  });
});

describe("a message in a team's thread", () => {
  // A user trial found it named no team and opened nothing: someone in two teams could not tell which.
  it("names the team and opens its page at the thread (#messages), not at the page's top", async () => {
    const message = [{ ...base, id: "n9", kind: "teamMessageReceived", jobId: null, jobTitle: null, contractId: null, teamId: "t1", teamName: "湯沢デザイン班",
      partyName: "阿部 由紀", partyRole: "worker" }];
    fetchMock.mockImplementation(() => Promise.resolve(new Response(JSON.stringify({ items: message, unreadCount: 1 }), { headers: { "Content-Type": "application/json" } })));
    renderPage();
    const link = await screen.findByRole("link", { name: "「湯沢デザイン班」に新しいメッセージが届きました" });
    expect(link).toHaveAttribute("href", "/teams/t1#messages");
  });
});

describe("a notice of a programme's office", () => {
  // A user trial: it said only 事務局からのお知らせがあります and opened nothing; the worker reads notices on /programmes.
  it("names the notice and its programme and opens the notice on the programme page", async () => {
    const notice = [{ ...base, id: "n12", kind: "programmeNotice", jobId: null, jobTitle: null, partyName: null,
      noticeId: "pn1", noticeTitle: "RPA研修のご案内", programmeName: "立科町社会福祉型テレワーク" }];
    fetchMock.mockImplementation(() => Promise.resolve(new Response(JSON.stringify({ items: notice, unreadCount: 1 }), { headers: { "Content-Type": "application/json" } })));
    renderPage();
    const link = await screen.findByRole("link", { name: "立科町社会福祉型テレワークの事務局からのお知らせ「RPA研修のご案内」" });
    expect(link).toHaveAttribute("href", "/programmes#notice-pn1");
  });
});

describe("a message in a contract's thread", () => {
  // A user trial: on a phone the contract page is several screens tall, and its link opened it at the top, far from the
  // new message. Other news of the contract (a delivery, a payment) opens the contract at its top, where it is shown.
  it("opens the contract at its thread (#messages), and other news of the contract at the contract", async () => {
    const news = [
      { ...base, id: "n10", kind: "messageReceived", jobId: "j1", jobTitle: "純米酒のラベル", contractId: "c1", partyName: null },
      { ...base, id: "n11", kind: "submissionToReview", jobId: "j1", jobTitle: "純米酒のラベル", contractId: "c1", partyName: null },
    ];
    fetchMock.mockImplementation(() => Promise.resolve(new Response(JSON.stringify({ items: news, unreadCount: 2 }), { headers: { "Content-Type": "application/json" } })));
    renderPage();
    const links = await screen.findAllByRole("link");
    expect(links.map((a) => a.getAttribute("href"))).toEqual(["/contracts/c1#messages", "/contracts/c1"]);
  });
});

describe("an unread notification below the first page", () => {
  // A user trial: a busy thread's messages pushed an unread invitation below the newest 50; the header counted it
  // forever and the page could not show it.
  const json = (body: unknown) => Promise.resolve(new Response(JSON.stringify(body), { headers: { "Content-Type": "application/json" } }));
  const urlOf = (input: unknown) => new URL(input instanceof Request ? input.url : String(input), "http://localhost");

  it("is reached by older pages or by the unread only, and all are read up to the newest shown", async () => {
    const newer = [{ ...base, id: "n20", kind: "messageReceived", jobId: "j1", jobTitle: "純米酒のラベル", contractId: "c1", partyName: null }];
    const older = [{ ...base, id: "n02", kind: "teamInvited", jobId: null, jobTitle: null, partyName: "監督 由美", partyRole: "worker" }];
    const posted: unknown[] = [];
    fetchMock.mockImplementation(async (input: unknown) => {
      const url = urlOf(input);
      if (url.pathname === "/api/notifications/read") {
        posted.push(await (input as Request).json());
        return json({ unreadCount: 0 });
      }
      if (url.searchParams.get("unread") === "true") return json({ items: older, unreadCount: 2, nextCursor: null });
      return url.searchParams.get("cursor") === "page2" ? json({ items: older, unreadCount: 2, nextCursor: null }) : json({ items: newer, unreadCount: 2, nextCursor: "page2" });
    });
    renderPage();
    await screen.findByRole("link", { name: "「純米酒のラベル」に新しいメッセージが届きました" });
    expect(screen.queryByText("監督 由美さん（ワーカー）")).not.toBeInTheDocument();

    fireEvent.click(screen.getByRole("button", { name: "さらに前のお知らせ" }));
    expect(await screen.findByText("監督 由美さん（ワーカー）")).toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "さらに前のお知らせ" })).not.toBeInTheDocument();

    fireEvent.click(screen.getByRole("button", { name: "未読のみ" }));
    expect(await screen.findByRole("button", { name: "未読のみ", pressed: true })).toBeInTheDocument();
    expect(fetchMock.mock.calls.some(([input]) => urlOf(input).searchParams.get("unread") === "true")).toBe(true);

    fireEvent.click(screen.getByRole("button", { name: "すべて" }));
    fireEvent.click(await screen.findByRole("button", { name: "すべて既読にする" }));
    await vi.waitFor(() => expect(posted).toEqual([{ upTo: "n20" }]));
  });
});

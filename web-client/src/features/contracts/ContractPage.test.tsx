import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { MemoryRouter, Route, Routes } from "react-router";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { Account, ContractDetail } from "../../api/client";
import { ContractPage } from "./ContractPage";

const worker: Account = { id: "w1", email: "kenta@yuzawa.example", displayName: "高橋 健太", role: "worker", language: "ja",
  emailConfirmed: true, twoStepEnabled: false, mustAcceptTerms: false, termsVersion: 1, privacyVersion: 1 };
const business: Account = { id: "b1", email: "sake@yuzawa.example", displayName: "湯沢酒造", role: "business", language: "ja",
  emailConfirmed: true, twoStepEnabled: false, mustAcceptTerms: false, termsVersion: 1, privacyVersion: 1 };

function detail(overrides: Partial<ContractDetail> = {}, contract: Record<string, unknown> = {}): ContractDetail {
  return {
    contract: {
      id: "c1", jobId: "j1", jobTitle: "酒蔵の英語紹介文", bidId: "bid1", workerId: "w1", workerName: "高橋 健太", businessId: "b1",
      businessName: "湯沢酒造", producerReview: false, amount: 50_000, status: "active", deadline: "2026-12-20T14:59:00Z",
      createdAt: "2026-11-01T00:00:00Z", fundedAt: "2026-11-02T00:00:00Z", revisionCount: 0, unreadMessages: 0, isClosed: false,
      ...contract,
    },
    submissions: [], revisionRequests: [], reviews: [], changeRequests: [], milestones: [], cancellation: null, disputeId: null,
    freeRevisions: 3, inspectionDays: 7, cancellationAnswerDays: 7,
    ...overrides,
  } as unknown as ContractDetail;
}

const proposal = {
  id: "x1", proposedBy: "b1", proposedByName: "湯沢酒造", side: "business", reason: "急ぎの予定がなくなりました", workerShare: 10_000,
  declinesRevision: false, status: "proposed", answerBy: "2026-11-27T03:00:00Z", createdAt: "2026-11-20T03:00:00Z",
};

const fetchMock = vi.fn();
let narrow = false;
beforeEach(() => {
  narrow = false;
  fetchMock.mockReset();
  vi.stubGlobal("fetch", fetchMock);
  vi.stubGlobal("matchMedia", (query: string) => ({ matches: narrow && query.includes("max-width"), addEventListener: () => {}, removeEventListener: () => {} }));
});
afterEach(() => vi.unstubAllGlobals());

function answer(_call: string, body: unknown, status = 200) {
  return new Response(JSON.stringify(body), { status, headers: { "Content-Type": status >= 400 ? "application/problem+json" : "application/json" } });
}

function serve(current: ContractDetail, extra: (call: string, body: string) => Response | undefined = () => undefined) {
  fetchMock.mockImplementation(async (input: Request | string, init?: RequestInit) => {
    const url = typeof input === "string" ? input : input.url;
    const method = typeof input === "string" ? (init?.method ?? "GET") : input.method;
    const body = typeof input === "string" ? String(init?.body ?? "") : await input.clone().text();
    const handled = extra(`${method} ${new URL(url, "http://localhost").pathname}`, body);
    if (handled) return handled;
    if (url.includes("/settlement")) return Promise.resolve(answer(url, { amount: 50_000, platformFee: 5_000, producerFee: 0, withholdingTax: 0, workerNet: 45_000, escrowTotal: 50_000, escrowBalance: 50_000 }));
    return Promise.resolve(answer(url, current));
  });
}

function renderPage(account: Account) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
  render(
    <QueryClientProvider client={client}>
      <MemoryRouter initialEntries={["/contracts/c1"]}>
        <Routes>
          <Route path="/contracts/:id" element={<ContractPage account={account} />} />
        </Routes>
      </MemoryRouter>
    </QueryClientProvider>,
  );
}

describe("a contract on hold", () => {
  it("says at the top what is asked, by whom and by when, before the work", async () => {
    serve(detail({ cancellation: proposal as never }));
    renderPage(worker);
    const hold = await screen.findByRole("status", { name: "解約" });
    expect(hold).toHaveTextContent("湯沢酒造 さんが解約を提案しています。受注者への支払い ¥10,000。2026年11月27日 までに回答してください。");
    expect(within(hold).getByRole("link", { name: "回答する" })).toHaveAttribute("href", "#cancel-deal-title");
    // First on the page: before the delivery notice and the deal panel.
    const order = Array.from(document.querySelectorAll(".hold, .deal"));
    expect(order[0]).toBe(hold);
  });

  it("hides the delivery form while a cancellation is proposed", async () => {
    serve(detail({ cancellation: proposal as never }));
    renderPage(worker);
    expect(await screen.findByText("解約の提案または紛争の間は、納品できません。")).toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "納品する" })).toBeNull();
  });

  it("offers the delivery form when nothing holds the contract", async () => {
    serve(detail());
    renderPage(worker);
    expect(await screen.findByRole("button", { name: "納品する" })).toBeInTheDocument();
    expect(screen.queryByText("解約の提案または紛争の間は、納品できません。")).toBeNull();
  });

  it("sends a party of a dispute to give its account by the day the office waits for", async () => {
    serve(detail({ disputeId: "d1", disputeStatementsDueAt: "2026-12-01T03:00:00Z", disputeStatementAwaited: true } as never, { status: "submitted" }));
    renderPage(business);
    const hold = await screen.findByRole("status", { name: "この契約は紛争中です。事務局が双方の意見を聞いて判断します。" });
    expect(hold).toHaveTextContent("2026年12月1日 までに、あなたの側から見た経緯を事務局に伝えてください。");
    expect(within(hold).getByRole("link")).toHaveAttribute("href", "/disputes/d1");
    expect(screen.queryByRole("button", { name: "検収する" })).toBeNull();
  });

  it("no longer asks a party for its account once it has given it", async () => {
    serve(detail({ disputeId: "d1", disputeStatementsDueAt: "2026-12-01T03:00:00Z", disputeStatementAwaited: false } as never, { status: "submitted" }));
    renderPage(business);
    const hold = await screen.findByRole("status", { name: "この契約は紛争中です。事務局が双方の意見を聞いて判断します。" });
    expect(hold).not.toHaveTextContent("までに");
    expect(hold).not.toHaveTextContent("伝えてください");
    expect(hold).toHaveTextContent("事務局の判断をお待ちください。");
    expect(within(hold).getByRole("link", { name: "紛争のページを見る" })).toHaveAttribute("href", "/disputes/d1");
  });
});

// A trial: 検収する stood above the delivered files, which were at the foot of the page in the timeline.
describe("a delivery to accept", () => {
  it("shows the business the latest delivery's message, files and links above the button that accepts it", async () => {
    const file = (name: string) => ({ id: `f-${name}`, name, size: 2_048, contentType: "application/pdf", sha256: "00", createdAt: "2026-11-10T00:00:00Z" });
    serve(detail({ submissions: [
      { id: "s1", message: "初稿です", links: [], files: [file("draft.pdf")], createdAt: "2026-11-05T00:00:00Z" },
      { id: "s2", message: "修正版です https://example.jp/preview", links: ["https://example.jp/final"], files: [file("final.pdf")], createdAt: "2026-11-10T00:00:00Z" },
    ] } as never, { status: "submitted" }));
    renderPage(business);
    const panel = (await screen.findByRole("button", { name: "検収する" })).closest("section")!;
    const delivery = within(panel).getByRole("heading", { name: /^納品物/ }).parentElement!;
    expect(delivery).toHaveTextContent("修正版です");
    expect(within(delivery).getByRole("link", { name: "https://example.jp/preview" })).toBeInTheDocument();
    expect(within(delivery).getByRole("link", { name: /final\.pdf/ })).toBeInTheDocument();
    expect(within(delivery).getByRole("link", { name: "https://example.jp/final" })).toBeInTheDocument();
    expect(delivery).not.toHaveTextContent("draft.pdf");
    const button = within(panel).getByRole("button", { name: "検収する" });
    expect(delivery.compareDocumentPosition(button) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
  });
});

describe("free revisions", () => {
  it("shows how many are left", async () => {
    serve(detail({}, { status: "submitted", revisionCount: 1 }));
    renderPage(business);
    expect(await screen.findByText("無料の修正はあと2回")).toBeInTheDocument();
  });

  it("says when all are used", async () => {
    serve(detail({}, { status: "revisionRequested", revisionCount: 4 }));
    renderPage(worker);
    expect(await screen.findByText("無料の修正（3回）はすべて使いました")).toBeInTheDocument();
  });
});

describe("the change and cancel forms on a phone", () => {
  it("are folded until asked for", async () => {
    narrow = true;
    serve(detail());
    renderPage(worker);
    const summary = await screen.findByText("解約の提案を書く", { selector: "summary" });
    expect(summary.closest("details")).not.toHaveAttribute("open");
    expect(screen.getByText("納期・金額の変更を提案する", { selector: "summary" }).closest("details")).not.toHaveAttribute("open");
    await userEvent.setup().click(summary);
    expect(summary.closest("details")).toHaveAttribute("open");
  });

  it("are open on a wider screen", async () => {
    serve(detail());
    renderPage(worker);
    expect(await screen.findByRole("button", { name: "解約を提案する" })).toBeVisible();
    expect(document.querySelector("details.folded")).toBeNull();
  });
});

describe("declining a cancellation", () => {
  it("asks for confirmation and the party's own account, then sends both", async () => {
    const sent: string[] = [];
    serve(detail({ cancellation: proposal as never }), (call, body) => {
      if (call === "POST /api/contracts/c1/cancellation/decline") {
        sent.push(call);
        return answer(call, detail({ cancellation: { ...proposal, status: "declined" } as never, disputeId: "d1" }));
      }
      if (call === "POST /api/disputes/d1/statements") {
        sent.push(`${call} ${body}`);
        return answer(call, {}, 201);
      }
      return undefined;
    });
    renderPage(worker);
    const user = userEvent.setup();
    await user.click(await screen.findByRole("button", { name: "同意しない（事務局の判断へ）" }));
    expect(sent).toEqual([]); // nothing is sent by the first click
    const dialog = screen.getByRole("alertdialog", { name: "事務局の判断に進みます" });
    await user.click(within(dialog).getByRole("button", { name: "同意せず、事務局に伝える" }));
    expect(sent).toEqual([]); // the account is asked for
    await user.type(within(dialog).getByLabelText("何があったか（事務局に伝えること）"), "指定どおり納品する予定でした");
    await user.click(within(dialog).getByRole("button", { name: "同意せず、事務局に伝える" }));
    await vi.waitFor(() => expect(sent).toHaveLength(2));
    expect(sent[0]).toBe("POST /api/contracts/c1/cancellation/decline");
    expect(sent[1]).toContain("指定どおり納品する予定でした");
  });
});

describe("the money of a contract closed paying a share", () => {
  const decided = { amount: 38_000, platformFee: 3_800, producerFee: 0, withholdingTax: 3_879, workerNet: 30_321, escrowTotal: 34_121,
    escrowBalance: 0, funded: true, released: true, closedBy: "decision",
    paid: { amount: 8_000, platformFee: 800, producerFee: 0, withholdingTax: 816, workerNet: 6_384 }, refunded: 26_937 };

  it("shows what the decision paid and refunded, not the whole amount's split", async () => {
    serve(detail({ disputeId: "d1" }, { status: "cancelled", isClosed: true, closedBy: "decision", workerShare: 8_000 }),
      (call) => (call === "GET /api/contracts/c1/settlement" ? answer(call, decided) : undefined));
    renderPage(worker);
    const money = await screen.findByRole("complementary", { name: "お金の内訳" });
    const row = (term: string) => within(money).getByText(term, { selector: "dt" }).nextElementSibling;
    expect(row("管理者の判断による支払い額")).toHaveTextContent("¥8,000");
    expect(row("源泉徴収税")).toHaveTextContent("¥816");
    expect(row("ワーカーの受取額")).toHaveTextContent("¥6,384");
    expect(row("依頼者への返金")).toHaveTextContent("¥26,937");
    expect(money).not.toHaveTextContent("¥3,879");
    expect(money).not.toHaveTextContent("¥30,321");
    expect(money).not.toHaveTextContent("ワーカーへの支払いが確定");
    expect(money).toHaveTextContent("管理者の判断で精算済み");
  });

  it("shows an agreed cancellation's share the same way", async () => {
    serve(detail({}, { status: "cancelled", isClosed: true, closedBy: "cancellation", workerShare: 8_000 }),
      (call) => (call === "GET /api/contracts/c1/settlement" ? answer(call, { ...decided, closedBy: "cancellation" }) : undefined));
    renderPage(business);
    const money = await screen.findByRole("complementary", { name: "お金の内訳" });
    expect(within(money).getByText("合意解約による支払い額", { selector: "dt" }).nextElementSibling).toHaveTextContent("¥8,000");
    expect(money).toHaveTextContent("合意解約で精算済み");
    expect(money).not.toHaveTextContent("¥30,321");
  });
});

describe("a contract paid in milestones", () => {
  const milestone = (position: number, status: string, extra: Record<string, unknown> = {}) => ({
    id: `m${position}`, position, title: position === 1 ? "ラフ案" : "完成データ", amount: 20_000, dueOn: "2026-12-10", status,
    paidIn: 17_958, workerNet: 15_958, platformFee: 2_000, producerFee: 0, withholdingTax: 2_042, ...extra,
  });

  it("lists its milestones and lets the worker deliver the funded one, not the contract as a whole", async () => {
    serve(detail({ milestones: [milestone(1, "funded"), milestone(2, "unfunded")] as never }));
    renderPage(worker);
    expect(await screen.findByRole("heading", { name: "マイルストーン（分割払い）" })).toBeInTheDocument();
    expect(screen.getByText("2件中0件検収済み")).toBeInTheDocument();
    expect(screen.getAllByRole("button", { name: "このマイルストーンを納品する" })).toHaveLength(1);
    expect(screen.getByText("依頼者の仮払いを待っています。")).toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "納品する" })).toBeNull();
    expect(screen.getAllByText("受取額 ¥15,958（源泉所得税 ¥2,042・手数料 ¥2,000 を差し引き）")).toHaveLength(2);
  });

  it("lets the business accept a delivered milestone and fund the next only after a pending payment", async () => {
    serve(detail({ milestones: [milestone(1, "submitted"), milestone(2, "unfunded", { paymentId: "p2", paymentStatus: "pending" }), milestone(3, "unfunded")] as never }));
    renderPage(business);
    expect(await screen.findByRole("button", { name: "このマイルストーンを検収する" })).toBeInTheDocument();
    expect(screen.getByText("このマイルストーンの入金を依頼しました。入金が確認されると作業が始まります。", { exact: false })).toBeInTheDocument();
    expect(screen.getByText("確認待ちの入金が確認されてから仮払いできます。")).toBeInTheDocument();
    expect(screen.queryByRole("button", { name: /を仮払いする/ })).toBeNull();
  });

  // A user trial: an accepted milestone read 「検収・支払済み」 while its pay was only due (支払期日 2027年1月6日).
  it("says an accepted milestone is accepted and paid by its due day, not paid", async () => {
    serve(detail({ milestones: [milestone(1, "accepted", { acceptedAt: "2026-12-05T00:00:00Z", paymentDueOn: "2027-01-06" }), milestone(2, "funded")] as never }));
    renderPage(worker);
    expect(await screen.findByText("検収済み（支払期日 2027年1月6日）")).toBeInTheDocument();
    expect(screen.getByText("検収で支払いが確定し、受注者の残高に入りました。2027年1月6日までに口座へ振り込まれます。")).toBeInTheDocument();
    expect(screen.queryByText(/支払済み/)).toBeNull();
  });

  // A user trial: the timeline (経過) named a milestone's delivery but not its funding nor its acceptance.
  it("names each milestone's funding and acceptance in the timeline", async () => {
    serve(detail({ milestones: [
      milestone(1, "accepted", { fundedAt: "2026-11-02T00:00:00Z", acceptedAt: "2026-11-20T00:00:00Z", acceptedBy: "acceptance", paymentDueOn: "2027-01-06" }),
      milestone(2, "accepted", { fundedAt: "2026-11-21T00:00:00Z", acceptedAt: "2026-12-05T00:00:00Z", acceptedBy: "lapse", paymentDueOn: "2027-01-06" }),
    ] as never }));
    renderPage(business);
    const timeline = await screen.findByRole("region", { name: "経過" });
    const lines = within(timeline).getAllByRole("listitem").map((li) => li.querySelector("strong")?.textContent);
    expect(lines).toEqual([
      "高橋 健太さんに発注",
      "エスクローに入金済み：ラフ案",
      "検収：ラフ案",
      "エスクローに入金済み：完成データ",
      "検収（期限までに返事がなく、検収とみなされました）：完成データ",
    ]);
  });
});

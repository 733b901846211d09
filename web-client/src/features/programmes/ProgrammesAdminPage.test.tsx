import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { MemoryRouter } from "react-router";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { OfficeStaff, Programme } from "./api";
import { ProgrammesAdminPage } from "./ProgrammesAdminPage";

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { "Content-Type": status < 400 ? "application/json" : "application/problem+json" } });

const programme: Programme = {
  id: "p1", name: "立科町社会福祉型テレワーク", prefecture: "長野県", municipalities: ["立科町", "佐久市"], createdAt: "2026-04-01T00:00:00Z",
};

const staff: OfficeStaff[] = [
  { userId: "u1", displayName: "事務局 一郎", email: "accepted@tateshina.example", invitedAt: "2026-04-01T00:00:00Z", acceptedAt: "2026-04-02T00:00:00Z",
    invitationExpiresAt: null, twoStepEnabled: true },
  { userId: "u2", displayName: "未承諾 花子", email: "pending@tateshina.example", invitedAt: "2026-04-01T00:00:00Z", acceptedAt: null,
    invitationExpiresAt: "2099-04-08T00:00:00Z", twoStepEnabled: false },
];

const fetchMock = vi.fn();
beforeEach(() => {
  fetchMock.mockReset();
  fetchMock.mockImplementation((request: Request) => {
    const path = new URL(request.url).pathname;
    if (request.method === "GET" && path === "/api/programmes") return Promise.resolve(json([programme]));
    if (request.method === "POST" && path === "/api/admin/programmes") return Promise.resolve(json({ ...programme, id: "p2", name: "湯沢市" }, 201));
    if (request.method === "GET" && path === "/api/admin/programmes/p1/staff") return Promise.resolve(json(staff));
    if (request.method === "POST" && path === "/api/admin/programmes/p1/staff/u2/invitation")
      return Promise.resolve(json({ userId: "u2", email: "pending@tateshina.example", programmeId: "p1", expiresAt: "2026-04-15T00:00:00Z" }));
    if (request.method === "POST" && path === "/api/admin/programmes/p1/staff")
      return Promise.resolve(json({ userId: "u1", email: "office@tateshina.example", programmeId: "p1", expiresAt: "2026-04-08T00:00:00Z" }, 201));
    return Promise.resolve(json([]));
  });
  vi.stubGlobal("fetch", fetchMock);
});
afterEach(() => vi.unstubAllGlobals());

function renderPage() {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
  return render(
    <QueryClientProvider client={client}>
      <MemoryRouter>
        <ProgrammesAdminPage />
      </MemoryRouter>
    </QueryClientProvider>,
  );
}

const posts = (path: string) => fetchMock.mock.calls.filter(([r]) => (r as Request).method === "POST" && new URL((r as Request).url).pathname === path);

describe("the administrators' programmes screen", { timeout: 20_000 }, () => {
  it("lists the programmes with the municipalities they serve", async () => {
    renderPage();
    expect(await screen.findByRole("heading", { name: "立科町社会福祉型テレワーク" })).toBeInTheDocument();
    expect(screen.getByText(/長野県：立科町、佐久市/)).toBeInTheDocument();
  });

  it("registers a programme with its municipalities split on lines and commas", async () => {
    renderPage();
    const user = userEvent.setup();
    await user.type(await screen.findByLabelText("プログラム名"), "湯沢市");
    await user.type(screen.getByLabelText("都道府県"), "秋田県");
    await user.click(screen.getByRole("button", { name: "登録する" }));
    expect(await screen.findByText("市町村を1つ以上入力してください。")).toBeInTheDocument();
    expect(posts("/api/admin/programmes")).toHaveLength(0);
    await user.type(screen.getByLabelText("対象の市町村"), "湯沢市、羽後町{enter}東成瀬村");
    await user.click(screen.getByRole("button", { name: "登録する" }));
    await waitFor(() => expect(posts("/api/admin/programmes")).toHaveLength(1));
    expect(await (posts("/api/admin/programmes")[0]![0] as Request).json()).toEqual({
      name: "湯沢市", prefecture: "秋田県", municipalities: ["湯沢市", "羽後町", "東成瀬村"],
    });
    expect(await screen.findByRole("status")).toHaveTextContent("「湯沢市」を登録しました");
  });

  it("invites office staff and says the link is mailed, showing no link", async () => {
    renderPage();
    const user = userEvent.setup();
    await user.type(await screen.findByLabelText("担当者の氏名"), "立科 花子");
    await user.type(screen.getByLabelText("担当者のメールアドレス"), "office@tateshina.example");
    await user.click(screen.getByRole("button", { name: "招待メールを送る" }));
    await waitFor(() => expect(posts("/api/admin/programmes/p1/staff")).toHaveLength(1));
    expect(await (posts("/api/admin/programmes/p1/staff")[0]![0] as Request).json()).toEqual({ email: "office@tateshina.example", displayName: "立科 花子" });
    expect(await screen.findByRole("status")).toHaveTextContent("office@tateshina.example に招待メールを送ります");
    expect(screen.getByLabelText("担当者のメールアドレス")).toHaveValue("");
    expect(screen.queryByText(/office-invitation/)).not.toBeInTheDocument();
  });

  it("lists the office staff with who accepted the invitation, and sends a pending person's invitation again", async () => {
    renderPage();
    const user = userEvent.setup();
    const accepted = (await screen.findByText("accepted@tateshina.example")).closest("li")!;
    expect(accepted).toHaveTextContent("事務局 一郎");
    expect(accepted).toHaveTextContent("受付済み");
    expect(accepted).toHaveTextContent("2段階認証：設定済み");
    expect(within(accepted).queryByRole("button")).toBeNull();
    const pending = screen.getByText("pending@tateshina.example").closest("li")!;
    expect(pending).toHaveTextContent("未受付");
    expect(pending).toHaveTextContent("2段階認証：未設定");

    await user.click(within(pending).getByRole("button", { name: "未承諾 花子さんに招待メールを再送する" }));

    expect(await screen.findByRole("status")).toHaveTextContent("pending@tateshina.example に新しい招待メールを送ります");
    expect(posts("/api/admin/programmes/p1/staff/u2/invitation")).toHaveLength(1);
  });

  it("says why an address that is someone's account cannot be invited", async () => {
    fetchMock.mockImplementation((request: Request) => {
      const path = new URL(request.url).pathname;
      if (request.method === "GET" && path === "/api/programmes") return Promise.resolve(json([programme]));
      if (request.method === "POST" && path === "/api/admin/programmes/p1/staff")
        return Promise.resolve(json({ status: 409, title: "Conflict", detail: "This address belongs to an existing account.", code: "emailBelongsToAccount" }, 409));
      return Promise.resolve(json([]));
    });
    renderPage();
    const user = userEvent.setup();
    await user.type(await screen.findByLabelText("担当者の氏名"), "x");
    await user.type(screen.getByLabelText("担当者のメールアドレス"), "worker@tateshina.example");
    await user.click(screen.getByRole("button", { name: "招待メールを送る" }));
    expect(await screen.findByText(/このメールアドレスは既存のアカウントのものです/)).toBeInTheDocument();
    expect(screen.queryByText(/ログインするか/)).toBeNull();
  });
});

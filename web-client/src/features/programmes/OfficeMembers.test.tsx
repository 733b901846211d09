import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { MemoryRouter } from "react-router";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { Member } from "./api";
import { OfficeMembers } from "./OfficeMembers";

// A trial's office withdrew a member with one tap and the reason "other" (the towns' reasons table skewed), and on a
// 360 px phone could not see whose row its approve button was in.
const member = (id: string, workerName: string, status: Member["status"], verified = false): Member => ({
  id, programmeId: "p1", workerId: `w-${id}`, workerName, municipality: "立科町", status, requestedAt: "2026-11-02T00:00:00Z",
  verified, badges: status === "approved" ? ["RPA研修修了"] : [],
});
const members = [member("m1", "佐藤 美咲", "pending", true), member("m2", "高橋 健太", "approved")];

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { "Content-Type": status < 400 ? "application/json" : "application/problem+json" } });

const fetchMock = vi.fn();
let narrow = false;
let withdrawnAlready = false;
beforeEach(() => {
  narrow = false;
  withdrawnAlready = false;
  fetchMock.mockReset();
  fetchMock.mockImplementation((request: Request) => {
    const path = new URL(request.url).pathname;
    if (path === "/api/programmes/p1/members") return Promise.resolve(json(members));
    if (request.method === "POST" && path === "/api/programme-members/m1/approve") return Promise.resolve(json({ ...members[0], status: "approved" }));
    if (request.method === "POST" && path === "/api/programme-members/m2/withdraw")
      return Promise.resolve(withdrawnAlready
        ? json({ title: "Conflict", status: 409, detail: "This membership has ended already.", code: "memberStatus" }, 409)
        : json({ ...members[1], status: "withdrawn" }));
    return Promise.resolve(json([]));
  });
  vi.stubGlobal("fetch", fetchMock);
  vi.stubGlobal("matchMedia", (query: string) => ({ matches: narrow && query.includes("max-width"), addEventListener: () => {}, removeEventListener: () => {} }));
});
afterEach(() => vi.unstubAllGlobals());

function list() {
  render(
    <QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } })}>
      <MemoryRouter>
        <OfficeMembers programmeId="p1" municipalities={["立科町"]} />
      </MemoryRouter>
    </QueryClientProvider>,
  );
}

const posts = (path: string) =>
  fetchMock.mock.calls.map(([r]) => r as Request).filter((r) => r.method === "POST" && new URL(r.url).pathname === path);

describe("recording a member's withdrawal", () => {
  it("asks first, naming the member, and sends the reason and note chosen", async () => {
    const user = userEvent.setup();
    list();
    await user.click(await screen.findByRole("button", { name: "高橋 健太さんの退会を記録" }));
    const dialog = screen.getByRole("alertdialog");
    expect(dialog).toHaveTextContent("高橋 健太さんの退会を記録します");
    expect(posts("/api/programme-members/m2/withdraw")).toHaveLength(0);

    await user.selectOptions(within(dialog).getByLabelText("退会の理由"), "転居");
    await user.type(within(dialog).getByLabelText("補足（任意）"), "長野市へ転居");
    await user.click(within(dialog).getByRole("button", { name: "退会を記録する" }));

    await waitFor(() => expect(posts("/api/programme-members/m2/withdraw")).toHaveLength(1));
    expect(await posts("/api/programme-members/m2/withdraw")[0]!.json()).toEqual({ reason: "moved", note: "長野市へ転居" });
    expect(await screen.findByText("高橋 健太さんの退会を記録しました（転居）。")).toHaveAttribute("role", "status");
    expect(screen.queryByRole("alertdialog")).toBeNull();
  });

  it("chooses no reason for the office, and sends nothing until one is chosen", async () => {
    const user = userEvent.setup();
    list();
    await user.click(await screen.findByRole("button", { name: "高橋 健太さんの退会を記録" }));
    const dialog = screen.getByRole("alertdialog");
    expect(within(dialog).getByLabelText("退会の理由")).toHaveValue("");
    await user.click(within(dialog).getByRole("button", { name: "退会を記録する" }));
    expect(within(dialog).getByText("退会の理由を選んでください。")).toBeInTheDocument();
    expect(within(dialog).getByLabelText("退会の理由")).toHaveAttribute("aria-invalid", "true");
    expect(posts("/api/programme-members/m2/withdraw")).toHaveLength(0);
  });

  it("refuses a note longer than the API keeps, under the note", async () => {
    const user = userEvent.setup();
    list();
    await user.click(await screen.findByRole("button", { name: "高橋 健太さんの退会を記録" }));
    const dialog = screen.getByRole("alertdialog");
    await user.selectOptions(within(dialog).getByLabelText("退会の理由"), "多忙");
    await user.click(within(dialog).getByLabelText("補足（任意）"));
    await user.paste("あ".repeat(501));
    expect(within(dialog).getByText("500文字以内で入力してください。")).toBeInTheDocument();
    await user.click(within(dialog).getByRole("button", { name: "退会を記録する" }));
    expect(posts("/api/programme-members/m2/withdraw")).toHaveLength(0);
  });

  it("shows the API's refusal in the question, keeping what was chosen", async () => {
    withdrawnAlready = true;
    const user = userEvent.setup();
    list();
    await user.click(await screen.findByRole("button", { name: "高橋 健太さんの退会を記録" }));
    const dialog = screen.getByRole("alertdialog");
    await user.selectOptions(within(dialog).getByLabelText("退会の理由"), "体調");
    await user.click(within(dialog).getByRole("button", { name: "退会を記録する" }));
    expect(await within(dialog).findByRole("alert")).toHaveTextContent("この参加状況ではその操作はできません。");
    expect(within(dialog).getByLabelText("退会の理由")).toHaveValue("health");
  });

  it("sends nothing on やめる", async () => {
    const user = userEvent.setup();
    list();
    await user.click(await screen.findByRole("button", { name: "高橋 健太さんの退会を記録" }));
    await user.selectOptions(screen.getByLabelText("退会の理由"), "就職");
    await user.click(screen.getByRole("button", { name: "やめる" }));
    expect(screen.queryByRole("alertdialog")).toBeNull();
    expect(posts("/api/programme-members/m2/withdraw")).toHaveLength(0);
  });
});

describe("approving a member", () => {
  it("says whose membership it approved", async () => {
    const user = userEvent.setup();
    list();
    await user.click(await screen.findByRole("button", { name: "佐藤 美咲さんを承認する" }));
    await waitFor(() => expect(posts("/api/programme-members/m1/approve")).toHaveLength(1));
    expect(await screen.findByText("佐藤 美咲さんを承認しました。")).toHaveAttribute("role", "status");
  });
});

describe("the member list on a phone", () => {
  it("is a card per member, each holding its name and its own buttons", async () => {
    narrow = true;
    const user = userEvent.setup();
    list();
    const section = await screen.findByRole("region", { name: "登録者" });
    const cards = await within(section).findAllByRole("listitem");
    expect(within(section).queryByRole("table")).toBeNull();
    expect(cards).toHaveLength(2);

    expect(within(cards[0]!).getByRole("heading")).toHaveTextContent("佐藤 美咲 本人確認済み");
    expect(cards[0]).toHaveTextContent("立科町");
    expect(cards[0]).toHaveTextContent("承認待ち");
    expect(within(cards[0]!).getByRole("button", { name: "佐藤 美咲さんを承認する" })).toBeInTheDocument();
    expect(within(cards[0]!).queryByRole("button", { name: /退会を記録/ })).toBeNull();

    expect(within(cards[1]!).getByRole("heading")).toHaveTextContent("高橋 健太");
    expect(cards[1]).toHaveTextContent("RPA研修修了");
    expect(within(cards[1]!).queryByRole("button", { name: /承認する/ })).toBeNull();

    // The confirmation opens inside the card of the member chosen.
    await user.click(within(cards[1]!).getByRole("button", { name: "高橋 健太さんの退会を記録" }));
    expect(within(cards[1]!).getByRole("alertdialog")).toBeInTheDocument();
    expect(within(cards[0]!).queryByRole("alertdialog")).toBeNull();
  });
});

import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { MemoryRouter } from "react-router";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import i18n from "../../i18n";
import type { Course, IdentityCheck, Member, Programme } from "./api";
import { OfficePage } from "./OfficePage";

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { "Content-Type": status < 400 ? "application/json" : "application/problem+json" } });

const programme: Programme = {
  id: "p1", name: "立科町社会福祉型テレワーク", prefecture: "長野県", municipalities: ["立科町"], createdAt: "2026-04-01T00:00:00Z",
};

const fetchMock = vi.fn();
let courseRefusal: Record<string, unknown> | null = null;
let checks: IdentityCheck[] = [];
let members: Member[] = [];
let courses: Course[] = [];
let programmes: Programme[] = [programme];
beforeEach(() => {
  programmes = [programme];
  courseRefusal = null;
  checks = [];
  members = [];
  courses = [];
  fetchMock.mockReset();
  fetchMock.mockImplementation((request: Request) => {
    const path = new URL(request.url).pathname;
    if (path === "/api/programmes") return Promise.resolve(json(programmes));
    if (path === "/api/identity-checks") return Promise.resolve(json(checks));
    if (path === "/api/programmes/p1/members") return Promise.resolve(json(members));
    if (request.method === "GET" && path === "/api/programmes/p1/courses") return Promise.resolve(json(courses));
    if (path === "/api/badges")
      return Promise.resolve(json([
        { id: "b1", programmeId: "p1", programmeName: programme.name, name: "RPA研修修了" },
        { id: "b2", programmeId: "p9", programmeName: "他の町", name: "他の町のバッジ" },
      ]));
    if (request.method === "POST" && path === "/api/programmes/p1/courses" && courseRefusal)
      return Promise.resolve(json({ title: "Validation failed", status: 400, ...courseRefusal }, 400));
    if (request.method === "POST" && path === "/api/programmes/p1/courses") return Promise.resolve(json({ id: "c1" }, 201));
    if (request.method === "POST" && path === "/api/programmes/p1/notices") return Promise.resolve(json({ id: "n1" }, 201));
    return Promise.resolve(json([]));
  });
  vi.stubGlobal("fetch", fetchMock);
});
afterEach(() => vi.unstubAllGlobals());

function renderPage(at = "/office") {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
  return render(
    <QueryClientProvider client={client}>
      <MemoryRouter initialEntries={[at]}>
        <OfficePage />
      </MemoryRouter>
    </QueryClientProvider>,
  );
}

const posts = (path: string) => fetchMock.mock.calls.filter(([r]) => (r as Request).method === "POST" && new URL((r as Request).url).pathname === path);

describe("the office's forms", () => {
  it("empty the course form once the course is created, and say so", async () => {
    renderPage();
    const user = userEvent.setup();
    await user.type(await screen.findByLabelText("講座名"), "RPA入門");
    await user.type(screen.getByLabelText("身につくスキル"), "RPA");
    await user.type(screen.getByLabelText("開始日"), "2027-01-10");
    await user.type(screen.getByLabelText("終了日"), "2027-02-10");
    await user.type(screen.getByLabelText("修了バッジの名前"), "RPA研修修了");
    await user.click(screen.getByRole("button", { name: "講座をつくる" }));
    expect(await screen.findByText("講座をつくりました。登録者が申し込めるようになりました。")).toBeInTheDocument();
    expect(posts("/api/programmes/p1/courses")).toHaveLength(1);
    expect(screen.getByLabelText("講座名")).toHaveValue("");
    expect(screen.getByLabelText("修了バッジの名前")).toHaveValue("");
  });

  it("empty the notice form once the notice is sent, and say so", async () => {
    renderPage();
    const user = userEvent.setup();
    await user.type(await screen.findByLabelText("件名"), "研修のご案内");
    await user.type(screen.getByLabelText("本文"), "来月、RPA研修を開きます。");
    await user.click(screen.getByRole("button", { name: "送る" }));
    expect(await screen.findByText("お知らせを登録者に送りました。")).toBeInTheDocument();
    await waitFor(() => expect(posts("/api/programmes/p1/notices")).toHaveLength(1));
    expect(screen.getByLabelText("件名")).toHaveValue("");
  });

  // A trial's office saw the browser's own "Please fill out this field" on these two forms, in English on a Japanese page.
  it("say under each field of the course form what is missing, and send nothing", async () => {
    renderPage();
    const user = userEvent.setup();
    await user.type(await screen.findByLabelText("講座名"), "RPA入門");
    await user.click(screen.getByRole("button", { name: "講座をつくる" }));
    const form = screen.getByLabelText("講座名").closest("form")!;
    expect(within(form).getAllByText("入力してください。")).toHaveLength(4);
    expect(screen.getByLabelText("身につくスキル")).toHaveAttribute("aria-invalid", "true");
    expect(screen.getByLabelText("身につくスキル")).toHaveFocus();
    expect(screen.getByLabelText("講座名")).not.toHaveAttribute("aria-invalid");
    expect(posts("/api/programmes/p1/courses")).toHaveLength(0);
  });

  it("refuse a course that ends before it starts, and a capacity beyond the API's", async () => {
    renderPage();
    const user = userEvent.setup();
    await user.type(await screen.findByLabelText("開始日"), "2027-02-10");
    await user.type(screen.getByLabelText("終了日"), "2027-01-10");
    await user.clear(screen.getByLabelText("定員"));
    await user.type(screen.getByLabelText("定員"), "1001");
    expect(screen.getByText("終了日は開始日と同じか、それより後の日にしてください。")).toBeInTheDocument();
    expect(screen.getByText("1〜1,000の範囲で入力してください。")).toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: "講座をつくる" }));
    expect(posts("/api/programmes/p1/courses")).toHaveLength(0);
  });

  it("show the API's refusal of a course field under that field", async () => {
    courseRefusal = { errors: { title: ["Too long."] }, errorCodes: { title: [{ code: "maxLength", max: 120, message: "Too long." }] } };
    renderPage();
    const user = userEvent.setup();
    await user.type(await screen.findByLabelText("講座名"), "RPA入門");
    await user.type(screen.getByLabelText("身につくスキル"), "RPA");
    await user.type(screen.getByLabelText("開始日"), "2027-01-10");
    await user.type(screen.getByLabelText("終了日"), "2027-02-10");
    await user.type(screen.getByLabelText("修了バッジの名前"), "RPA研修修了");
    await user.click(screen.getByRole("button", { name: "講座をつくる" }));
    expect(await screen.findByText("120文字以内で入力してください。")).toBeInTheDocument();
    expect(screen.getByLabelText("講座名")).toHaveAttribute("aria-invalid", "true");
    expect(screen.getByLabelText("講座名")).toHaveValue("RPA入門");
  });

  it("say under the notice's fields what is missing, and send nothing", async () => {
    renderPage();
    const user = userEvent.setup();
    await user.click(await screen.findByRole("button", { name: "送る" }));
    const form = screen.getByLabelText("件名").closest("form")!;
    expect(within(form).getAllByText("入力してください。")).toHaveLength(2);
    expect(screen.getByLabelText("件名")).toHaveFocus();
    await user.type(screen.getByLabelText("件名"), "研修のご案内");
    expect(within(form).getAllByText("入力してください。")).toHaveLength(1);
    await user.click(screen.getByRole("button", { name: "送る" }));
    expect(posts("/api/programmes/p1/notices")).toHaveLength(0);
  });

  it("filter the member list by one of the programme's own badges, by name", async () => {
    renderPage();
    const user = userEvent.setup();
    const badge = await screen.findByLabelText("バッジ");
    await screen.findByRole("option", { name: "RPA研修修了" });
    expect(screen.queryByRole("option", { name: "他の町のバッジ" })).not.toBeInTheDocument();
    await user.selectOptions(badge, "RPA研修修了");
    await waitFor(() =>
      expect(fetchMock.mock.calls.some(([r]) => new URL((r as Request).url).searchParams.get("badge") === "RPA研修修了")).toBe(true));
  });
});

describe("the office's identity checks", () => {
  const check = (id: string, status: IdentityCheck["status"], more: Partial<IdentityCheck> = {}): IdentityCheck => ({
    id, workerId: `w-${id}`, workerName: `ワーカー ${id}`, documentType: "driversLicence", status, requestedAt: "2026-12-01T00:00:00Z", hasImage: true, ...more,
  });

  // A trial read 画像を見るメモ（任意） as one line on a 360 px phone.
  it("put the image's link on a line of its own, apart from the note's field", async () => {
    checks = [check("c1", "pending")];
    renderPage();
    const link = await screen.findByRole("link", { name: "画像を見る" });
    expect(link.parentElement).toHaveTextContent(/^画像を見る$/);
    expect(link.parentElement!.tagName).toBe("P");
    expect(screen.getByLabelText("メモ（任意）")).toHaveValue("");
  });

  it("show, on a decided check, the note the office wrote", async () => {
    checks = [check("c2", "rejected", { decidedAt: "2026-12-02T00:00:00Z", decidedByName: "事務局 1", note: "裏面の画像でした。表面を送ってください。", hasImage: false })];
    renderPage();
    const card = (await screen.findByRole("heading", { name: "ワーカー c2" })).closest("li")!;
    expect(within(card).getByText("メモ：裏面の画像でした。表面を送ってください。")).toBeInTheDocument();
    expect(card).toHaveTextContent("事務局 1が2026年12月2日に確認");
  });
});

// A trial's English pages kept Japanese punctuation: "Programme office：…", "Withdrawn（Other）", "20 Dec 2026〜31 Jan 2027".
describe("the office page in English", () => {
  afterEach(() => i18n.changeLanguage("ja"));
  const fullWidth = /[：（）〜、・]/;

  it("punctuates the title, a withdrawal's reason, the badges and a course's dates as English does", async () => {
    const member = (id: string, status: Member["status"], more: Partial<Member>): Member => ({
      id, programmeId: "p1", workerId: `w-${id}`, workerName: `Worker ${id}`, municipality: "立科町", status, requestedAt: "2026-11-02T00:00:00Z",
      verified: false, badges: [], ...more,
    });
    members = [member("m1", "withdrawn", { withdrawalReason: "other" }), member("m2", "approved", { badges: ["RPA basics", "Excel"] })];
    courses = [{ id: "c1", programmeId: "p1", title: "RPA basics", skills: "RPA", startsOn: "2026-12-20", endsOn: "2027-01-31", capacity: 10,
      badgeId: "b1", badgeName: "RPA basics", enrolled: 2, completed: 0 }];
    await i18n.changeLanguage("en");
    renderPage();
    const title = await screen.findByRole("heading", { level: 1 });
    expect(title).toHaveTextContent("Programme office: 立科町社会福祉型テレワーク");
    const status = await screen.findByText("Withdrawn (Other)");
    const badges = screen.getByText("RPA basics, Excel");
    const dates = await screen.findByText("20 Dec 2026 – 31 Jan 2027");
    for (const text of [title.textContent!.replace(programme.name, ""), status.textContent!, badges.textContent!, dates.textContent!])
      expect(text).not.toMatch(fullWidth);
  });

  it("keeps Japanese punctuation in Japanese", async () => {
    members = [{ id: "m1", programmeId: "p1", workerId: "w1", workerName: "佐藤", municipality: "立科町", status: "withdrawn", requestedAt: "2026-11-02T00:00:00Z",
      verified: false, badges: [], withdrawalReason: "other" }];
    renderPage();
    expect(await screen.findByRole("heading", { level: 1 })).toHaveTextContent("事務局：立科町社会福祉型テレワーク");
    expect(await screen.findByText("退会（その他）")).toBeInTheDocument();
  });
});

// A trial's administrator on /office only ever saw the first programme, with no way to reach another.
describe("an administrator's office page", () => {
  const other: Programme = { id: "p2", name: "湯沢市 Job-Hub", prefecture: "秋田県", municipalities: ["湯沢市"], createdAt: "2026-05-01T00:00:00Z" };
  const asked = (path: string) => fetchMock.mock.calls.some(([r]) => new URL((r as Request).url).pathname === path);

  it("chooses among the programmes, and shows the one chosen with its figures' link", async () => {
    programmes = [programme, other];
    renderPage();
    const user = userEvent.setup();
    expect(await screen.findByRole("heading", { level: 1 })).toHaveTextContent("事務局：立科町社会福祉型テレワーク");
    await user.selectOptions(screen.getByLabelText("プログラム"), "湯沢市 Job-Hub");
    expect(screen.getByRole("heading", { level: 1 })).toHaveTextContent("事務局：湯沢市 Job-Hub");
    expect(screen.getByRole("link", { name: "実績" })).toHaveAttribute("href", "/office/figures?programme=p2");
    await waitFor(() => expect(asked("/api/programmes/p2/members")).toBe(true));
    expect(screen.getByRole("option", { name: "湯沢市" })).toBeInTheDocument();
  });

  it("opens on the programme ?programme= names", async () => {
    programmes = [programme, other];
    renderPage("/office?programme=p2");
    expect(await screen.findByRole("heading", { level: 1 })).toHaveTextContent("事務局：湯沢市 Job-Hub");
    expect(screen.getByLabelText("プログラム")).toHaveValue("p2");
  });

  it("offers no choice to office staff, who see their one programme", async () => {
    renderPage();
    await screen.findByRole("heading", { level: 1 });
    expect(screen.queryByLabelText("プログラム")).not.toBeInTheDocument();
  });
});

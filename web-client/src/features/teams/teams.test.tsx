import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { ReactNode } from "react";
import { MemoryRouter, Route, Routes } from "react-router";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import i18n from "../../i18n";
import type { Account } from "../../api/client";
import type { Board, ContractTasks, MyTeam, Team } from "./api";
import { BoardPage } from "./BoardPage";
import { AbsenceForm } from "./components/AbsenceForm";
import { InviteForm } from "./components/InviteForm";
import { TaskForm } from "./components/TaskForm";
import { reassignCandidates } from "./rules";
import { TeamPage } from "./TeamPage";
import { TeamsPage } from "./TeamsPage";

function renderWithClient(ui: ReactNode) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(
    <QueryClientProvider client={client}>
      <MemoryRouter>{ui}</MemoryRouter>
    </QueryClientProvider>,
  );
}

const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json" } });
const fetchMock = vi.fn();
beforeEach(() => {
  fetchMock.mockReset();
  fetchMock.mockImplementation(() => Promise.resolve(json([])));
  vi.stubGlobal("fetch", fetchMock);
});
afterEach(() => {
  vi.unstubAllGlobals();
  return i18n.changeLanguage("ja");
});

/** The requests the form sent with a body, as [path, body]. */
async function sent(method: string) {
  const requests = fetchMock.mock.calls.map(([r]) => r as Request).filter((r) => r.method === method);
  return Promise.all(requests.map(async (r) => [new URL(r.url).pathname, await r.clone().json()] as const));
}

const in2Days = new Date(Date.now() + 2 * 86_400_000);
const contract: ContractTasks = {
  contractId: "c1", teamId: "t1", amount: 100_000, platformFee: 10_000, withholdingTax: 0, workerNet: 90_000,
  tasksTotal: 60_000, approvedTotal: 0, directorShare: 40_000, unassigned: 30_000,
  deadline: new Date(Date.now() + 7 * 86_400_000).toISOString(), tasks: [],
};
const members: Team["members"] = [
  { userId: "u-aiko", displayName: "Aiko", role: "member", joinedAt: "2026-12-01T00:00:00Z" },
  { userId: "u-emi", displayName: "Emi", role: "member", joinedAt: "2026-12-01T00:00:00Z" },
];
const local = (d: Date) => new Date(d.getTime() - d.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);

async function fillTask(amount: string, due: Date) {
  const user = userEvent.setup();
  await user.type(screen.getByLabelText("タスク名"), "入力 1〜100件");
  await user.selectOptions(screen.getByLabelText("担当するメンバー"), "u-emi");
  await user.type(screen.getByLabelText("報酬（円）"), amount);
  await user.type(screen.getByLabelText("見込み時間"), "6");
  fireEvent.change(screen.getByLabelText("期限"), { target: { value: local(due) } });
  await user.click(screen.getByRole("button", { name: "タスクを任せる" }));
}

describe("splitting a contract into tasks", () => {
  it("shows the director's share left and refuses a task above it, sending nothing", async () => {
    renderWithClient(<TaskForm contract={contract} members={members} />);
    expect(screen.getByText("割り当てられる残り：30,000円")).toBeInTheDocument();
    await fillTask("30001", in2Days);
    expect(screen.getByText("割り当てられるのは残り30,000円までです。")).toBeInTheDocument();
    expect(await sent("POST")).toEqual([]);
  });

  it("refuses a task due after the contract's deadline", async () => {
    renderWithClient(<TaskForm contract={contract} members={members} />);
    await fillTask("30000", new Date(Date.now() + 8 * 86_400_000));
    expect(screen.getByText("契約の納期より後にはできません。")).toBeInTheDocument();
    expect(await sent("POST")).toEqual([]);
  });

  it("gives the whole share left to a member, due within the deadline", async () => {
    renderWithClient(<TaskForm contract={contract} members={members} />);
    await fillTask("30000", in2Days);
    await waitFor(async () => expect(await sent("POST")).toHaveLength(1));
    const [path, body] = (await sent("POST"))[0]!;
    expect(path).toBe("/api/contracts/c1/tasks");
    expect(body).toMatchObject({ title: "入力 1〜100件", amount: 30_000, hours: 6, assigneeId: "u-emi" });
    expect(new Date(body.dueAt).getTime()).toBe(new Date(local(in2Days)).getTime());
  });
});

describe("marking days away", () => {
  it("takes the first day as the last for a one-day absence and keeps the reason with the request", async () => {
    const user = userEvent.setup();
    renderWithClient(<AbsenceForm />);
    fireEvent.change(screen.getByLabelText("最初の日"), { target: { value: "2026-12-09" } });
    expect(screen.getByLabelText("最後の日")).toHaveValue("2026-12-09");
    await user.type(screen.getByLabelText("理由（任意）"), "子どもの発熱");
    await user.click(screen.getByRole("button", { name: "お休みを登録する" }));
    await waitFor(async () => expect(await sent("POST")).toEqual([["/api/me/unavailability", { from: "2026-12-09", to: "2026-12-09", reason: "子どもの発熱" }]]));
  });

  it("refuses a last day before the first", async () => {
    const user = userEvent.setup();
    renderWithClient(<AbsenceForm />);
    fireEvent.change(screen.getByLabelText("最初の日"), { target: { value: "2026-12-09" } });
    fireEvent.change(screen.getByLabelText("最後の日"), { target: { value: "2026-12-08" } });
    await user.click(screen.getByRole("button", { name: "お休みを登録する" }));
    expect(screen.getByText("最後の日は最初の日より前にできません。")).toBeInTheDocument();
    expect(await sent("POST")).toEqual([]);
  });

  it("refuses more than a year at a time, in English too", async () => {
    await i18n.changeLanguage("en");
    const user = userEvent.setup();
    renderWithClient(<AbsenceForm />);
    fireEvent.change(screen.getByLabelText("First day"), { target: { value: "2026-01-01" } });
    fireEvent.change(screen.getByLabelText("Last day"), { target: { value: "2027-01-02" } });
    await user.click(screen.getByRole("button", { name: "Mark days away" }));
    expect(screen.getByText("At most a year at a time.")).toBeInTheDocument();
    expect(await sent("POST")).toEqual([]);
  });
});

describe("inviting a member", () => {
  it("refuses an address without @ and invites a leader when chosen", async () => {
    const user = userEvent.setup();
    fetchMock.mockImplementation(() => Promise.resolve(json({ id: "i1" }, 201)));
    renderWithClient(<InviteForm teamId="t1" />);
    await user.type(screen.getByLabelText("招待する人のメールアドレス"), "emi.example.jp");
    await user.click(screen.getByRole("button", { name: "招待する" }));
    expect(await sent("POST")).toEqual([]);
    await user.clear(screen.getByLabelText("招待する人のメールアドレス"));
    await user.type(screen.getByLabelText("招待する人のメールアドレス"), "emi@example.jp");
    await user.click(screen.getByLabelText("リーダー"));
    await user.click(screen.getByRole("button", { name: "招待する" }));
    await waitFor(async () => expect(await sent("POST")).toEqual([["/api/teams/t1/invitations", { email: "emi@example.jp", role: "leader" }]]));
    expect(await screen.findByText("emi@example.jp に招待を送りました。")).toBeInTheDocument();
  });
});

describe("one-tap reassignment on the board", () => {
  it("offers the members not away, the least loaded for the hours they give first, never the assignee", () => {
    const board = [
      { userId: "aiko", weeklyHours: 20, openTaskHours: 6, awayFrom: "2026-12-09" },
      { userId: "emi", weeklyHours: 10, openTaskHours: 8 },
      { userId: "mai", weeklyHours: 40, openTaskHours: 20 },
      { userId: "dir", weeklyHours: 0, openTaskHours: 0 },
    ];
    expect(reassignCandidates(board, "aiko").map((m) => m.userId)).toEqual(["mai", "emi", "dir"]);
    expect(reassignCandidates(board, "mai").map((m) => m.userId)).toEqual(["emi", "dir"]);
  });
});

/** A team's page at <paramref name="path"/>, answered from <paramref name="answers"/> by the request's path (a list for the rest). */
function renderTeamPage(path: string, route: string, page: ReactNode, answers: Record<string, unknown>) {
  fetchMock.mockImplementation((request: Request) => {
    const { pathname } = new URL(request.url);
    return Promise.resolve(json(answers[pathname] ?? (pathname.endsWith("/messages") ? { items: [], nextCursor: null, readUpTo: null } : [])));
  });
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <QueryClientProvider client={client}>
      <MemoryRouter initialEntries={[path]}>
        <Routes>
          <Route path={route} element={page} />
        </Routes>
      </MemoryRouter>
    </QueryClientProvider>,
  );
}

const director = { id: "u-dir", role: "worker", displayName: "Kenji" } as Account;
const team: Team = {
  id: "t1", name: "Yuzawa design", description: "", region: "Yuzawa", skills: [], directorId: "u-dir", directorName: "Kenji",
  members: [
    { userId: "u-dir", displayName: "Kenji", role: "director", joinedAt: "2026-11-01T00:00:00Z" },
    { userId: "u-mai", displayName: "Mai", role: "leader", joinedAt: "2026-11-02T00:00:00Z" },
    { userId: "u-aiko", displayName: "Aiko", role: "member", joinedAt: "2026-12-01T00:00:00Z" },
  ],
  completedContracts: 0, reviewCount: 0, myRole: "director", createdAt: "2026-11-01T00:00:00Z",
};

// A user trial (English, 360 px): the team roles read "director", "leader", "member" in lowercase where Japanese shows
// ディレクター; they are labels, and English capitalises them.
describe("a team's roles in English", () => {
  it("are worded as labels on the team's page and in the sentence naming the reader's role", async () => {
    await i18n.changeLanguage("en");
    renderTeamPage("/teams/t1", "/teams/:id", <TeamPage account={director} />, { "/api/teams/t1": team });
    const members = await screen.findByRole("heading", { name: "Members (3)" });
    const cards = members.closest("section")!.querySelectorAll("li.card");
    expect([...cards].map((c) => c.querySelector(".meta span")?.textContent)).toEqual(["Director", "Leader", "Member"]);
    expect(screen.getByText("Your role in this team: Director.")).toBeInTheDocument();
  });

  it("are worded so in the list of the reader's teams too, and in Japanese as before", async () => {
    const mine: MyTeam[] = [{ id: "t1", name: "Yuzawa design", role: "leader", weeklyHours: 10, joinedAt: "2026-11-02T00:00:00Z" }];
    await i18n.changeLanguage("en");
    renderTeamPage("/teams", "/teams", <TeamsPage account={director} />, { "/api/me/teams": mine });
    expect(await screen.findByText("Leader")).toBeInTheDocument();
    await i18n.changeLanguage("ja");
    expect(await screen.findByText("リーダー")).toBeInTheDocument();
  });
});

// A user trial: a member who had just joined showed "0 h a week". Joining sets no hours, and the API answers 0 for them
// (team_members.weekly_hours is NOT NULL DEFAULT 0), so 0 reads as hours not given yet.
describe("hours a week a member has not given", () => {
  it("read as not given in the reader's teams, in Japanese and English, while given hours read as hours", async () => {
    const mine: MyTeam[] = [
      { id: "t1", name: "Yuzawa design", role: "member", weeklyHours: 0, joinedAt: "2026-12-01T00:00:00Z" },
      { id: "t2", name: "Shiojiri data entry", role: "member", weeklyHours: 12, joinedAt: "2026-11-01T00:00:00Z" },
    ];
    renderTeamPage("/teams", "/teams", <TeamsPage account={director} />, { "/api/me/teams": mine });
    expect(await screen.findByText("週の時間：未設定")).toBeInTheDocument();
    expect(screen.getByText("週12時間")).toBeInTheDocument();
    expect(screen.queryByText("週0時間")).toBeNull();
    await i18n.changeLanguage("en");
    expect(await screen.findByText("Hours a week: not given")).toBeInTheDocument();
    expect(screen.getByText("12 h a week")).toBeInTheDocument();
  });

  it("read as not given on the director's board, beside the member's open tasks", async () => {
    const board: Board = {
      teamId: "t1", today: "2026-12-07", tasksAtRisk: [],
      members: [
        { userId: "u-mai", displayName: "Mai", role: "leader", weeklyHours: 20, openTaskHours: 6, openTasks: 1 },
        { userId: "u-aiko", displayName: "Aiko", role: "member", weeklyHours: 0, openTaskHours: 3, openTasks: 1 },
      ],
    };
    renderTeamPage("/teams/t1/board", "/teams/:id/board", <BoardPage />, { "/api/teams/t1/board": board, "/api/teams/t1": team });
    const cards = await screen.findAllByTestId("board-member");
    expect(cards[0]).toHaveTextContent("作業中のタスク 6時間 ／ 週20時間");
    expect(cards[1]).toHaveTextContent("作業中のタスク 3時間 ／ 週の時間は未設定");
    expect(within(cards[1]!).getByRole("progressbar")).toHaveAccessibleName("作業中のタスク 3時間 ／ 週の時間は未設定");
    await i18n.changeLanguage("en");
    expect(await within(cards[1]!).findByText("3 h of open tasks / hours a week not given")).toBeInTheDocument();
  });
});

// Joining sets no hours, and the web client had no way to give them: a new member's "not given" stayed so for good.
describe("a member giving its hours a week", () => {
  const mine: MyTeam[] = [{ id: "t1", name: "Yuzawa design", role: "member", weeklyHours: 0, joinedAt: "2026-12-01T00:00:00Z" }];

  it("states them for the team from the list of its teams", async () => {
    renderTeamPage("/teams", "/teams", <TeamsPage account={director} />, { "/api/me/teams": mine });
    const user = userEvent.setup();
    await user.click(await screen.findByText("週の時間を設定する"));
    const form = screen.getByRole("form", { name: "「Yuzawa design」で働ける時間" });
    await user.type(within(form).getByLabelText("あなたが働ける時間（週）"), "12");
    await user.click(within(form).getByRole("button", { name: "保存する" }));
    await waitFor(async () => expect(await sent("PUT")).toEqual([["/api/teams/t1/members/me", { weeklyHours: 12 }]]));
    expect(await within(form).findByRole("status")).toHaveTextContent("保存しました。");
  });

  it("refuses more hours than a week has, sending nothing", async () => {
    renderTeamPage("/teams", "/teams", <TeamsPage account={director} />, { "/api/me/teams": mine });
    const user = userEvent.setup();
    await user.click(await screen.findByText("週の時間を設定する"));
    const form = screen.getByRole("form", { name: "「Yuzawa design」で働ける時間" });
    await user.type(within(form).getByLabelText("あなたが働ける時間（週）"), "200");
    await user.click(within(form).getByRole("button", { name: "保存する" }));
    expect(await within(form).findByText(/0.*168/)).toBeInTheDocument();
    expect(await sent("PUT")).toEqual([]);
  });
});

import { readFileSync } from "node:fs";
import { join } from "node:path";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { MemoryRouter } from "react-router";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import i18n from "../../i18n";
import type { Member, Programme } from "./api";
import { ProgrammesPage } from "./ProgrammesPage";

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { "Content-Type": status < 400 ? "application/json" : "application/problem+json" } });

const programme: Programme = {
  id: "p1", name: "立科町社会福祉型テレワーク", prefecture: "長野県", municipalities: ["立科町", "佐久市"], createdAt: "2026-04-01T00:00:00Z",
};
const pending: Member = {
  id: "m1", programmeId: "p1", workerId: "w1", workerName: "佐藤 花子", municipality: "佐久市", status: "pending",
  requestedAt: "2026-12-01T00:00:00Z", verified: false, badges: [],
};

const fetchMock = vi.fn();
function answer(programmes: Programme[]) {
  fetchMock.mockImplementation((request: Request) => {
    const path = new URL(request.url).pathname;
    if (path === "/api/programmes") return Promise.resolve(json(programmes));
    if (path === "/api/identity-checks") return Promise.resolve(json([]));
    if (path === "/api/programmes/p1/join") return Promise.resolve(json(pending, 201));
    return Promise.resolve(json({ title: "Not Found", status: 404 }, 404));
  });
}
beforeEach(() => {
  fetchMock.mockReset();
  vi.stubGlobal("fetch", fetchMock);
});
afterEach(() => vi.unstubAllGlobals());

function renderPage() {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
  return render(
    <QueryClientProvider client={client}>
      <MemoryRouter>
        <ProgrammesPage />
      </MemoryRouter>
    </QueryClientProvider>,
  );
}

const withdrawals = () => fetchMock.mock.calls.filter(([r]) => new URL((r as Request).url).pathname.endsWith("/withdraw"));
const joins = () => fetchMock.mock.calls.filter(([r]) => new URL((r as Request).url).pathname.endsWith("/join"));

describe("joining a programme", () => {
  it("chooses no town for the person and asks for one before sending", async () => {
    answer([programme]);
    renderPage();
    const user = userEvent.setup();
    const select = await screen.findByLabelText("お住まいの市町村");
    expect(select).toHaveValue("");
    await user.click(screen.getByRole("button", { name: "参加を申し込む" }));
    expect(screen.getByText("お住まいの市町村を選んでください。")).toBeInTheDocument();
    expect(joins()).toHaveLength(0);

    await user.selectOptions(select, "佐久市");
    await user.click(screen.getByRole("button", { name: "参加を申し込む" }));
    await waitFor(() => expect(joins()).toHaveLength(1));
    expect(await (joins()[0]![0] as Request).json()).toEqual({ municipality: "佐久市" });
  });

  it("shows the chosen town on a pending request, whose button cancels the request", async () => {
    answer([{ ...programme, membership: pending }]);
    renderPage();
    expect(await screen.findByText("承認待ち・佐久市")).toBeInTheDocument();
    expect(screen.getByText("申し込みを取り消す", { selector: "summary" })).toBeInTheDocument();
    expect(screen.queryByText("退会する")).not.toBeInTheDocument();
  });

  it("keeps the withdraw button for a registered member", async () => {
    answer([{ ...programme, membership: { ...pending, status: "approved" } }]);
    renderPage();
    expect(await screen.findByText("退会する", { selector: "summary" })).toBeInTheDocument();
  });

  // A preset 多忙 went into the reasons the town reports without the member choosing it.
  it("asks a registered member for the reason of a withdrawal and chooses none for it", async () => {
    answer([{ ...programme, membership: { ...pending, status: "approved" } }]);
    renderPage();
    const user = userEvent.setup();
    await user.click(await screen.findByText("退会する", { selector: "summary" }));
    const reason = screen.getByLabelText("退会の理由");
    expect(reason).toHaveValue("");
    await user.click(screen.getByRole("button", { name: "退会する" }));
    expect(screen.getByText("退会の理由を選んでください。")).toBeInTheDocument();
    expect(withdrawals()).toHaveLength(0);
    await user.selectOptions(reason, "moved");
    await user.click(screen.getByRole("button", { name: "退会する" }));
    await waitFor(() => expect(withdrawals()).toHaveLength(1));
    expect(await (withdrawals()[0]![0] as Request).json()).toEqual({ reason: "moved" });
  });
});

// A trial's worker tapped 本人確認を申し込む with no image chosen: nothing happened and nothing was said.
describe("asking for an identity check", () => {
  it("asks for the document's image under its field, and sends nothing without one", async () => {
    answer([programme]);
    const upload = vi.fn();
    vi.stubGlobal("XMLHttpRequest", upload);
    renderPage();
    const user = userEvent.setup();
    await user.click(await screen.findByRole("button", { name: "本人確認を申し込む" }));
    const image = screen.getByLabelText("書類の画像");
    expect(screen.getByText("書類の画像を選んでください。")).toBeInTheDocument();
    expect(image).toHaveAttribute("aria-invalid", "true");
    expect(image).toHaveFocus();
    expect(upload).not.toHaveBeenCalled();
    expect(fetchMock.mock.calls.filter(([r]) => (r as Request).method === "POST")).toHaveLength(0);

    await user.upload(image, new File(["id"], "licence.png", { type: "image/png" }));
    expect(screen.queryByText("書類の画像を選んでください。")).not.toBeInTheDocument();
  });
});

describe("a registered member's notices", () => {
  // A user trial: a notice of three lines showed as one paragraph. The site's stylesheet keeps user text's lines
  // (white-space: pre-wrap); the test loads it, as the browser does.
  it("keep the office's line breaks, and the card a notice's link opens is named by the notice", async () => {
    const style = document.createElement("style");
    style.textContent = readFileSync(join(process.cwd(), "src/styles.css"), "utf8"); // vitest runs in web-client/
    document.head.append(style);
    const body = "5月に開講します。\n会場は立科町公民館です。\n持ち物：筆記用具";
    fetchMock.mockImplementation((request: Request) => {
      const path = new URL(request.url).pathname;
      if (path === "/api/programmes") return Promise.resolve(json([{ ...programme, membership: { ...pending, status: "approved" } }]));
      if (path === "/api/programmes/p1/notices")
        return Promise.resolve(json([{ id: "pn1", programmeId: "p1", title: "RPA研修のご案内", body, postedByName: "事務局 1", postedAt: "2026-12-02T00:00:00Z" }]));
      return Promise.resolve(json([]));
    });
    try {
      renderPage();
      const text = await screen.findByText((_, element) => element?.tagName === "P" && element.textContent === body);
      expect(getComputedStyle(text).whiteSpace).toBe("pre-wrap");
      expect(text.closest("li")).toHaveAttribute("id", "notice-pn1");
    } finally {
      style.remove();
    }
  });
});

describe("the programmes page in English", () => {
  afterEach(() => i18n.changeLanguage("ja"));

  it("punctuates a membership's town and a course's dates as English does", async () => {
    fetchMock.mockImplementation((request: Request) => {
      const path = new URL(request.url).pathname;
      if (path === "/api/programmes") return Promise.resolve(json([{ ...programme, membership: { ...pending, status: "approved" } }]));
      if (path === "/api/programmes/p1/courses")
        return Promise.resolve(json([{ id: "c1", programmeId: "p1", title: "RPA basics", skills: "RPA", startsOn: "2026-12-20", endsOn: "2027-01-31",
          capacity: 10, badgeId: "b1", badgeName: "RPA basics", enrolled: 2, completed: 0 }]));
      return Promise.resolve(json([]));
    });
    await i18n.changeLanguage("en");
    renderPage();
    expect(await screen.findByText("Registered · 佐久市")).toBeInTheDocument();
    expect(await screen.findByText("20 Dec 2026 – 31 Jan 2027")).toBeInTheDocument();
  });
});

import { readFileSync } from "node:fs";
import { join } from "node:path";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { MemoryRouter } from "react-router";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { Programme } from "../api";
import { OfficePage } from "../OfficePage";

// A user trial: the office could send a notice but never see what it had sent; after sending the page only said 送りました.

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { "Content-Type": status < 400 ? "application/json" : "application/problem+json" } });

const programme: Programme = {
  id: "p1", name: "立科町社会福祉型テレワーク", prefecture: "長野県", municipalities: ["立科町"], createdAt: "2026-04-01T00:00:00Z",
};
const threeLines = "5月に開講します。\n会場は立科町公民館です。\n持ち物：筆記用具";
const notice = (id: string, title: string, body: string, postedAt: string) => ({ id, programmeId: "p1", title, body, postedByName: "事務局 1", postedAt });

const fetchMock = vi.fn();
let notices: ReturnType<typeof notice>[] = [];
beforeEach(() => {
  // The API answers newest first; a notice sent comes first.
  notices = [notice("n2", "年末の休業", "12月29日から休みます。", "2026-12-10T01:00:00Z"), notice("n1", "RPA研修のご案内", threeLines, "2026-11-02T01:00:00Z")];
  fetchMock.mockReset();
  fetchMock.mockImplementation(async (request: Request) => {
    const path = new URL(request.url).pathname;
    if (path === "/api/programmes") return json([programme]);
    if (path === "/api/programmes/p1/notices" && request.method === "POST") {
      const sent = (await request.json()) as { title: string; body: string };
      notices = [notice("n3", sent.title, sent.body, "2026-12-20T01:00:00Z"), ...notices];
      return json(notices[0], 201);
    }
    if (path === "/api/programmes/p1/notices") return json(notices);
    return json([]);
  });
  vi.stubGlobal("fetch", fetchMock);
});
afterEach(() => vi.unstubAllGlobals());

function renderPage() {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
  return render(
    <QueryClientProvider client={client}>
      <MemoryRouter>
        <OfficePage />
      </MemoryRouter>
    </QueryClientProvider>,
  );
}

const sentList = async () => within(await screen.findByRole("region", { name: "送ったお知らせ" }));
const titles = async () => (await sentList()).getAllByRole("heading", { level: 4 }).map((h) => h.textContent);

describe("the office's notices", () => {
  it("are listed under the form, newest first, with their date and their text, its lines kept", async () => {
    const style = document.createElement("style");
    style.textContent = readFileSync(join(process.cwd(), "src/styles.css"), "utf8"); // vitest runs in web-client/
    document.head.append(style);
    try {
      renderPage();
      const list = await sentList();
      expect(await list.findAllByRole("heading", { level: 4 })).toHaveLength(2);
      expect(await titles()).toEqual(["年末の休業", "RPA研修のご案内"]);
      expect(list.getAllByRole("listitem")[1]!.querySelector("time")).toHaveAttribute("dateTime", "2026-11-02T01:00:00Z");
      const text = list.getByText((_, element) => element?.tagName === "P" && element.textContent === threeLines);
      expect(getComputedStyle(text).whiteSpace).toBe("pre-wrap");
      const form = screen.getByRole("button", { name: "送る" }).closest("form")!;
      expect(form.compareDocumentPosition(screen.getByRole("region", { name: "送ったお知らせ" })) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    } finally {
      style.remove();
    }
  });

  it("show a notice just sent at the top", async () => {
    renderPage();
    const user = userEvent.setup();
    await user.type(await screen.findByLabelText("件名"), "1月の研修");
    await user.type(screen.getByLabelText("本文"), "1月15日に開きます。");
    await user.click(screen.getByRole("button", { name: "送る" }));
    await (await sentList()).findByRole("heading", { level: 4, name: "1月の研修" });
    expect(await titles()).toEqual(["1月の研修", "年末の休業", "RPA研修のご案内"]);
  });
});

import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { render, screen, within } from "@testing-library/react";
import { MemoryRouter } from "react-router";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import i18n from "../../i18n";
import { FiguresPage } from "./FiguresPage";

vi.mock("./components/FiguresChart", () => ({ FiguresChart: () => null }));

const month = (m: string) => ({
  month: m, orders: 1, orderValue: 30000, paidNet: 27000, paidWithholding: 0, registered: 2, joined: 1, active: 1, withdrawn: 0,
  completed: 1, onTime: 1, revisions: 0, ratings: 1, ratingSum: 5, enrolled: 0, coursesCompleted: 0, firstContractsWithin90Days: 0,
});
const figures = { programmeId: "p1", from: "2026-04", to: "2027-03", months: [month("2026-04"), month("2026-12")],
  ordersByCategory: [], ordersByLocation: [], paidByMunicipality: [], withdrawalsByReason: [] };
const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json" } });
const fetchMock = vi.fn();
beforeEach(() => {
  fetchMock.mockReset();
  fetchMock.mockImplementation((r: Request) => {
    const path = new URL(r.url).pathname;
    if (path === "/api/programmes") return Promise.resolve(json([{ id: "p1", name: "湯沢市 Job-Hub", prefecture: "秋田県", municipalities: ["湯沢市"], createdAt: "2026-04-01T00:00:00Z" }]));
    return Promise.resolve(json(figures));
  });
  vi.stubGlobal("fetch", fetchMock);
});
afterEach(() => vi.unstubAllGlobals());

// A trial's office read months as 2026-04, printed a report that did not say its period, and saw a request for
// /api/programmes//figures before the programme was known.
describe("the figures page", () => {
  it("says months as the reader does, states the period, and asks only once the programme is known", async () => {
    render(
      <QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>
        <MemoryRouter initialEntries={["/office/figures"]}>
          <FiguresPage />
        </MemoryRouter>
      </QueryClientProvider>,
    );
    const table = await screen.findByRole("table", { name: "月別の数字" });
    expect(within(table).getByRole("rowheader", { name: "2026年4月" })).toBeInTheDocument();
    expect(within(table).getByRole("rowheader", { name: "2026年12月" })).toBeInTheDocument();
    expect(screen.getByText(/^期間：\d{4}年4月〜\d{4}年3月$/)).toBeInTheDocument();
    const asked = fetchMock.mock.calls.map(([r]) => new URL((r as Request).url).pathname);
    expect(asked).not.toContain("/api/programmes//figures");
    expect(asked).toContain("/api/programmes/p1/figures");
  });
});

describe("the figures page in English", () => {
  afterEach(() => i18n.changeLanguage("ja"));

  it("punctuates its title as English does", async () => {
    await i18n.changeLanguage("en");
    render(
      <QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>
        <MemoryRouter initialEntries={["/office/figures"]}>
          <FiguresPage />
        </MemoryRouter>
      </QueryClientProvider>,
    );
    expect(await screen.findByRole("heading", { level: 1, name: "Programme figures: 湯沢市 Job-Hub" })).toBeInTheDocument();
  });
});

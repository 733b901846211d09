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
  ordersByCategory: [
    { month: "2026-04", category: "design", count: 2, value: 60000 }, { month: "2026-12", category: "design", count: 1, value: 30000 },
    { month: "2026-12", category: "translation", count: 1, value: 45000 },
  ],
  ordersByLocation: [],
  paidByMunicipality: [
    { month: "2026-04", municipality: "湯沢市", net: 27000, withholding: 3063 }, { month: "2026-12", municipality: "羽後町", net: 40000, withholding: 0 },
    { month: "2026-12", municipality: "湯沢市", net: 10000, withholding: 1021 },
  ],
  withdrawalsByReason: [] };
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

  it("totals the period's orders by category and its money paid by municipality, for the printed report too", async () => {
    render(
      <QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>
        <MemoryRouter initialEntries={["/office/figures"]}>
          <FiguresPage />
        </MemoryRouter>
      </QueryClientProvider>,
    );
    const categories = await screen.findByRole("table", { name: "分野別の受注（期間の合計）" });
    expect(within(categories).getByRole("row", { name: /デザイン/ })).toHaveTextContent(/3\s*90,000/);
    expect(within(categories).getByRole("row", { name: /翻訳/ })).toHaveTextContent(/1\s*45,000/);
    const towns = screen.getByRole("table", { name: "市町村別の支払額（期間の合計）" });
    expect(within(towns).getByRole("row", { name: /湯沢市/ })).toHaveTextContent(/37,000\s*4,084/);
    expect(within(towns).getByRole("row", { name: /羽後町/ })).toHaveTextContent(/40,000\s*0/);
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

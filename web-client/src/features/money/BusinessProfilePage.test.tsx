import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { MemoryRouter } from "react-router";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { BusinessProfilePage } from "./BusinessProfilePage";

const json = (body: unknown) => new Response(JSON.stringify(body), { headers: { "Content-Type": "application/json" } });
const fetchMock = vi.fn();
beforeEach(() => {
  fetchMock.mockReset();
  vi.stubGlobal("fetch", fetchMock);
});
afterEach(() => vi.unstubAllGlobals());

// Issue 13: the business's withholding-agent setting (API-only before) is on its profile page, in plain words.
describe("the business settings page", () => {
  it("shows the stored setting with what it means, and saves a change", async () => {
    fetchMock.mockImplementation((request: Request) =>
      Promise.resolve(json({ isWithholdingAgent: request.method === "PUT" })));
    const client = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
    render(
      <QueryClientProvider client={client}>
        <MemoryRouter>
          <BusinessProfilePage />
        </MemoryRouter>
      </QueryClientProvider>,
    );
    const box = await screen.findByRole("checkbox", { name: "報酬から源泉徴収税を差し引いて納める" });
    expect(box).not.toBeChecked();
    expect(box).toHaveAccessibleDescription(/翌月10日までに税務署に納めます/);
    const user = userEvent.setup();
    await user.click(box);
    await user.click(screen.getByRole("button", { name: "保存する" }));
    expect(await screen.findByRole("status")).toHaveTextContent("保存しました。");
    const put = fetchMock.mock.calls.map((c) => c[0] as Request).find((r) => r.method === "PUT")!;
    expect(new URL(put.url).pathname).toBe("/api/me/business-profile");
    await waitFor(async () => expect(await put.json()).toEqual({ isWithholdingAgent: true }));
  });

  // Issue 25: the form sends back the ETag it opened with; a save over another tab's change is refused and said so.
  it("sends If-Match with the version it read and says so when another tab saved first", async () => {
    fetchMock.mockImplementation((request: Request) =>
      Promise.resolve(
        request.method === "PUT"
          ? new Response(JSON.stringify({ status: 412, title: "Precondition failed.", code: "staleETag" }), { status: 412, headers: { "Content-Type": "application/problem+json" } })
          : new Response(JSON.stringify({ isWithholdingAgent: false }), { headers: { "Content-Type": "application/json", ETag: '"3"' } }),
      ));
    const client = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
    render(
      <QueryClientProvider client={client}>
        <MemoryRouter>
          <BusinessProfilePage />
        </MemoryRouter>
      </QueryClientProvider>,
    );
    const user = userEvent.setup();
    await user.click(await screen.findByRole("checkbox", { name: "報酬から源泉徴収税を差し引いて納める" }));
    await user.click(screen.getByRole("button", { name: "保存する" }));
    expect(await screen.findByRole("alert")).toHaveTextContent(/別のタブやウィンドウで内容が変更されたため、保存しませんでした/);
    const put = fetchMock.mock.calls.map((c) => c[0] as Request).find((r) => r.method === "PUT")!;
    expect(put.headers.get("If-Match")).toBe('"3"');
  });
});

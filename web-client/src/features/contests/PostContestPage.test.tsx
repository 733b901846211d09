import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { MemoryRouter } from "react-router";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { PostContestPage } from "./PostContestPage";

const fetchMock = vi.fn();
beforeEach(() => {
  fetchMock.mockReset();
  vi.stubGlobal("fetch", fetchMock);
});
afterEach(() => vi.unstubAllGlobals());

function renderPage() {
  render(
    <QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } })}>
      <MemoryRouter>
        <PostContestPage />
      </MemoryRouter>
    </QueryClientProvider>,
  );
}

describe("posting a contest", () => {
  // As on the job form: a preset category (デザイン) went unnoticed and put the contest in the wrong one.
  it("starts with no category and asks for one under the field before sending", async () => {
    renderPage();
    const category = screen.getByLabelText("分野");
    expect(category).toHaveValue("");
    expect(within(category).getByRole("option", { name: "選んでください" })).toBeDisabled();

    const user = userEvent.setup();
    await user.type(screen.getByLabelText("タイトル"), "純米酒のラベル案");
    await user.type(screen.getByLabelText("依頼内容（ブリーフ）"), "雪と稲穂のモチーフで");
    await user.type(screen.getByLabelText("賞金"), "15000");
    await user.click(screen.getByRole("button", { name: "募集して賞金の振込を依頼する" }));
    expect(category).toHaveAttribute("aria-invalid", "true");
    expect(category).toHaveAccessibleDescription(/分野を選んでください。/);
    await waitFor(() => expect(category).toHaveFocus());
    expect(fetchMock).not.toHaveBeenCalled();

    await user.selectOptions(category, "翻訳");
    expect(category).not.toHaveAttribute("aria-invalid");
    fetchMock.mockResolvedValueOnce(new Response(JSON.stringify({ id: "k1" }), { status: 201, headers: { "Content-Type": "application/json" } }));
    await user.click(screen.getByRole("button", { name: "募集して賞金の振込を依頼する" }));
    await waitFor(() => expect(fetchMock).toHaveBeenCalledTimes(1));
    expect(await (fetchMock.mock.calls[0]![0] as Request).json()).toMatchObject({ title: "純米酒のラベル案", category: "translation", prize: 15000 });
  });
});

import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { MemoryRouter } from "react-router";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { deadlineDays } from "./rules";
import { PostTaskJobPage } from "./PostTaskJobPage";

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
        <PostTaskJobPage />
      </MemoryRouter>
    </QueryClientProvider>,
  );
}

describe("posting a task job", () => {
  // As on the job form: a preset category (データ入力) went unnoticed and put the job in the wrong one.
  it("starts with no category and asks for one under the field before sending", async () => {
    renderPage();
    const category = screen.getByLabelText("分野");
    expect(category).toHaveValue("");
    expect(within(category).getByRole("option", { name: "選んでください" })).toBeDisabled();

    const user = userEvent.setup();
    await user.type(screen.getByLabelText("タイトル"), "商品名の入力");
    await user.type(screen.getByLabelText("作業の手順"), "画像の商品名を入力してください");
    await user.type(screen.getByLabelText("項目1の名前"), "商品名");
    await user.type(screen.getByLabelText("件数"), "10");
    await user.type(screen.getByLabelText("1件の報酬"), "300");
    await user.type(screen.getByLabelText("1人が作業できる件数"), "5");
    await user.type(screen.getByLabelText("締め切り"), deadlineDays(Date.now()).max);
    await user.click(screen.getByRole("button", { name: "依頼内容を確定して振込案内へ" }));
    expect(category).toHaveAttribute("aria-invalid", "true");
    expect(category).toHaveAccessibleDescription(/分野を選んでください。/);
    expect(fetchMock).not.toHaveBeenCalled();

    await user.selectOptions(category, "データ入力");
    expect(category).not.toHaveAttribute("aria-invalid");
    fetchMock.mockResolvedValueOnce(new Response(JSON.stringify({ jobId: "j1" }), { status: 201, headers: { "Content-Type": "application/json" } }));
    await user.click(screen.getByRole("button", { name: "依頼内容を確定して振込案内へ" }));
    await waitFor(() => expect(fetchMock).toHaveBeenCalledTimes(1));
    expect(await (fetchMock.mock.calls[0]![0] as Request).json()).toMatchObject({ title: "商品名の入力", category: "dataEntry" });
  });
});

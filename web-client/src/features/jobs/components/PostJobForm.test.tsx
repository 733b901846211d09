import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { MemoryRouter } from "react-router";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import openapi from "../../../api/openapi.json";
import { jobLimits, PostJobForm } from "./PostJobForm";

// What the API publishes (the .NET suite checks openapi.json against the running API).
const published = openapi.components.schemas["Jobs.PostJob.Command"].properties;

function renderForm(props: { canAskReview?: boolean } = {}) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
  return render(
    <QueryClientProvider client={client}>
      <MemoryRouter>
        <PostJobForm {...props} />
      </MemoryRouter>
    </QueryClientProvider>,
  );
}

async function fillJobButCategory() {
  const user = userEvent.setup();
  await user.type(screen.getByLabelText("件名"), "純米酒のラベルデザイン");
  await user.type(screen.getByLabelText("仕事の内容"), "雪と稲穂のモチーフで");
  await user.type(screen.getByLabelText("予算の下限（円）"), "30000");
  await user.type(screen.getByLabelText("予算の上限（円）"), "80000");
  return user;
}

async function fillValidJob() {
  const user = await fillJobButCategory();
  await user.selectOptions(screen.getByLabelText("分野"), "デザイン");
  return user;
}

const fetchMock = vi.fn();
beforeEach(() => {
  fetchMock.mockReset();
  vi.stubGlobal("fetch", fetchMock);
});
afterEach(() => vi.unstubAllGlobals());

describe("the post-a-job form", () => {
  it("explains each item a recruitment notice must state (Freelance Act art. 12) in those words", () => {
    renderForm();
    const notice = screen.getByRole("region", { name: "募集で示すこと" });
    for (const item of ["仕事の内容", "納期", "報酬", "発注者", "問い合わせ方法"])
      expect(notice).toHaveTextContent(item);
    expect(notice).toHaveTextContent("第12条");
  });

  it("takes its limits from the API's OpenAPI document", () => {
    expect(jobLimits.title.maxLength).toBe(published.title.maxLength);
    expect(jobLimits.description.maxLength).toBe(published.description.maxLength);
    expect(jobLimits.region.maxLength).toBe(published.region.maxLength);
    expect(jobLimits.budgetMin).toEqual({ minimum: published.budgetMin.minimum, maximum: published.budgetMin.maximum });
    expect(jobLimits.budgetMax).toEqual({ minimum: published.budgetMax.minimum, maximum: published.budgetMax.maximum });
  });

  it("validates as the user types, with the API's limits", async () => {
    renderForm();
    const user = userEvent.setup();
    const title = screen.getByLabelText("件名");
    await user.click(title);
    await user.paste("a".repeat(published.title.maxLength));
    expect(title).toHaveValue("a".repeat(published.title.maxLength));
    expect(title).not.toHaveAttribute("aria-invalid");
    await user.type(title, "a");
    expect(title).toHaveAttribute("aria-invalid", "true");
    expect(screen.getByText(`${published.title.maxLength}文字以内で入力してください。`)).toBeInTheDocument();

    await user.type(screen.getByLabelText("予算の下限（円）"), String(published.budgetMin.maximum + 1));
    expect(screen.getByText(`${published.budgetMin.minimum}〜${published.budgetMin.maximum.toLocaleString()}の範囲で入力してください。`)).toBeInTheDocument();
    await user.clear(screen.getByLabelText("予算の下限（円）"));
    await user.type(screen.getByLabelText("予算の下限（円）"), "50000");
    await user.type(screen.getByLabelText("予算の上限（円）"), "100");
    expect(screen.getByText("上限は下限以上にしてください。")).toBeInTheDocument();
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it("shows the API's field error under its field and keeps what was typed", async () => {
    fetchMock.mockResolvedValue(
      new Response(
        JSON.stringify({
          title: "The request has invalid fields.",
          status: 400,
          errors: { deadline: ["Deadline must be in the future."] },
          errorCodes: { deadline: [{ code: "deadlineInPast", message: "Deadline must be in the future." }] },
        }),
        { status: 400, headers: { "Content-Type": "application/problem+json" } },
      ),
    );
    renderForm();
    const user = await fillValidJob();
    await user.click(screen.getByRole("button", { name: "登録する" }));

    const deadline = screen.getByLabelText("納期");
    await waitFor(() => expect(deadline).toHaveAttribute("aria-invalid", "true"));
    expect(deadline).toHaveAccessibleDescription(/納期は今より後の日にしてください。/);
    expect(screen.getByLabelText("件名")).toHaveValue("純米酒のラベルデザイン");
    expect(screen.getByLabelText("予算の上限（円）")).toHaveValue(80000);
  });

  it("says the connection is lost, keeps the form, and sends it again", async () => {
    fetchMock.mockRejectedValueOnce(new TypeError("Failed to fetch"));
    renderForm();
    const user = await fillValidJob();
    await user.click(screen.getByRole("button", { name: "登録する" }));
    expect(await screen.findByText(/サーバーにつながりません/)).toBeInTheDocument();
    expect(screen.getByLabelText("件名")).toHaveValue("純米酒のラベルデザイン");

    fetchMock.mockResolvedValueOnce(new Response(JSON.stringify({ id: "j1" }), { status: 201, headers: { "Content-Type": "application/json" } }));
    await user.click(screen.getByRole("button", { name: "登録する" }));
    await waitFor(() => expect(fetchMock).toHaveBeenCalledTimes(2));
    const sent = fetchMock.mock.calls[1]![0] as Request;
    expect(sent.headers.get("X-CSRF")).toBe("1");
    expect(await sent.json()).toMatchObject({ title: "純米酒のラベルデザイン", budgetMin: 30000, budgetMax: 80000, category: "design" });
  });

  // Issue 13: after a failed submit, focus is on the first field in error, not left on the button.
  it("moves focus to the first field in error after a refused submit", async () => {
    renderForm();
    const user = userEvent.setup();
    await user.click(screen.getByLabelText("件名"));
    await user.paste("純米酒のラベルデザイン");
    await user.click(screen.getByRole("button", { name: "登録する" }));
    await waitFor(() => expect(screen.getByLabelText("仕事の内容")).toHaveFocus());
    expect(fetchMock).not.toHaveBeenCalled();
  });

  // A user trial: the category started as デザイン, and a business that did not notice posted in the wrong one.
  it("starts with no category and asks for one under the field before sending", async () => {
    renderForm();
    const category = screen.getByLabelText("分野");
    expect(category).toHaveValue("");
    expect(within(category).getByRole("option", { name: "選んでください" })).toBeDisabled();

    const user = await fillJobButCategory();
    await user.click(screen.getByRole("button", { name: "登録する" }));
    expect(category).toHaveAttribute("aria-invalid", "true");
    expect(category).toHaveAccessibleDescription(/分野を選んでください。/);
    await waitFor(() => expect(category).toHaveFocus());
    expect(fetchMock).not.toHaveBeenCalled();

    await user.selectOptions(category, "翻訳");
    expect(category).not.toHaveAttribute("aria-invalid");
    fetchMock.mockResolvedValueOnce(new Response(JSON.stringify({ id: "j1" }), { status: 201, headers: { "Content-Type": "application/json" } }));
    await user.click(screen.getByRole("button", { name: "登録する" }));
    await waitFor(() => expect(fetchMock).toHaveBeenCalledTimes(1));
    expect(await (fetchMock.mock.calls[0]![0] as Request).json()).toMatchObject({ category: "translation" });
  });

  it("offers the producer's quality check only when a producer can do it", () => {
    renderForm();
    expect(screen.queryByLabelText(/プロデューサーの品質確認/)).not.toBeInTheDocument();
    renderForm({ canAskReview: true });
    expect(screen.getByLabelText(/プロデューサーの品質確認/)).toBeInTheDocument();
  });

  it("puts one budget hint above both boxes, so that the boxes line up", () => {
    renderForm();
    const budget = screen.getByRole("group", { name: "予算（税込み）" });
    expect(budget).toHaveTextContent("税込みの金額。");
    // Neither box carries a hint of its own that would push it down below the other.
    expect(screen.getByLabelText("予算の下限（円）")).not.toHaveAttribute("aria-describedby");
    expect(screen.getByLabelText("予算の上限（円）")).not.toHaveAttribute("aria-describedby");
  });
});

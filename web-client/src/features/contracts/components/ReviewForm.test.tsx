import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { ReviewForm } from "./ReviewForm";

const sent: string[] = [];
beforeEach(() => {
  sent.length = 0;
  vi.stubGlobal(
    "fetch",
    vi.fn(async (input: Request) => {
      if (input.method === "POST") sent.push(await input.clone().text());
      return new Response(JSON.stringify({}), { status: 201, headers: { "Content-Type": "application/json" } });
    }),
  );
});
afterEach(() => vi.unstubAllGlobals());

function renderForm() {
  render(
    <QueryClientProvider client={new QueryClient({ defaultOptions: { mutations: { retry: false } } })}>
      <ReviewForm id="c1" other="佐藤 美咲" />
    </QueryClientProvider>,
  );
}

// A user trial: the form opened with ★5 chosen, and tapping the button sent a final ★5 review nobody had chosen.
describe("the review form", () => {
  it("chooses no stars by itself and sends nothing until the reader chooses", async () => {
    renderForm();
    const user = userEvent.setup();
    expect(screen.getAllByRole("radio").filter((r) => (r as HTMLInputElement).checked)).toHaveLength(0);
    await user.click(screen.getByRole("button", { name: "評価を送る" }));
    expect(screen.getByText("星の数を選んでください。評価は送ったあと変えられません。")).toBeInTheDocument();
    expect(sent).toEqual([]);

    await user.click(screen.getByRole("radio", { name: "★4" }));
    await user.click(screen.getByRole("button", { name: "評価を送る" }));
    await vi.waitFor(() => expect(sent).toHaveLength(1));
    expect(JSON.parse(sent[0] ?? "")).toEqual({ rating: 4, comment: "" });
    expect(screen.queryByText("星の数を選んでください。評価は送ったあと変えられません。")).toBeNull();
  });
});

import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { MemoryRouter } from "react-router";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { JobsPage } from "./JobsPage";

function renderAt(url: string) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
  return render(
    <QueryClientProvider client={client}>
      <MemoryRouter initialEntries={[url]}>
        <JobsPage />
      </MemoryRouter>
    </QueryClientProvider>,
  );
}

const fetchMock = vi.fn();
beforeEach(() => {
  fetchMock.mockReset();
  vi.stubGlobal("fetch", fetchMock);
});
afterEach(() => vi.unstubAllGlobals());

describe("the job list's search form", () => {
  // A link or a typed URL can carry a filter the API refuses: the refusal belongs under that filter, not nowhere.
  it("shows the API's refusal of a budget filter under that filter", async () => {
    fetchMock.mockResolvedValue(
      new Response(
        JSON.stringify({
          title: "The request has invalid fields.",
          status: 400,
          errors: { minBudget: ["'Min Budget' must be between 0 and 100000000."] },
          errorCodes: { minBudget: [{ code: "between", message: "'Min Budget' must be between 0 and 100000000.", min: 0, max: 100000000 }] },
        }),
        { status: 400, headers: { "Content-Type": "application/problem+json" } },
      ),
    );
    renderAt("/jobs?minBudget=99999999999");

    const min = screen.getByLabelText("予算の下限（円）");
    await waitFor(() => expect(min).toHaveAttribute("aria-invalid", "true"));
    expect(min).toHaveAccessibleDescription(/0〜100,000,000の範囲で入力してください。/);
    expect(screen.getByLabelText("予算の上限（円）")).not.toHaveAttribute("aria-invalid");
  });
});

// Issue 29: beginners find the jobs meant for them (入門案件), on the board and by its filter.
describe("beginner jobs on the board", () => {
  const page = (items: object[]) =>
    new Response(JSON.stringify({ items, nextCursor: null, total: items.length, totalCapped: false }), { headers: { "Content-Type": "application/json" } });
  const job = (id: string, title: string, beginners: boolean) => ({
    id, title, description: "会議の音声を文字にしてください。", category: "transcription", budgetMin: 10000, budgetMax: 20000,
    deadline: "2026-12-20T00:00:00Z", region: "長野県立科町", status: "open", bidCount: 0, membersOnly: false, confidentialFiles: false,
    beginners, nda: "none", verifiedOnly: false, businessId: "b1", businessName: "立科町役場", createdAt: "2026-11-01T00:00:00Z",
  });

  it("marks a beginner job, and asks the API for beginner jobs only when the box is ticked", async () => {
    fetchMock.mockImplementation(async () => page([job("j1", "議事録の文字起こし", true), job("j2", "英文契約書の翻訳", false)]));
    renderAt("/jobs?beginners=true&region=立科町");
    const cards = await screen.findAllByRole("listitem");
    expect(cards[0]).toHaveTextContent("初心者歓迎");
    expect(cards[1]).not.toHaveTextContent("初心者歓迎");
    const asked = () => new URL((fetchMock.mock.calls.at(-1)![0] as Request).url).searchParams;
    expect(asked().get("beginners")).toBe("true");

    const box = screen.getByRole("checkbox", { name: "初心者歓迎の仕事だけ" });
    expect(box).toBeChecked();
    await userEvent.click(box);
    await userEvent.click(screen.getByRole("button", { name: "検索" }));
    await waitFor(() => expect(asked().get("beginners")).toBeNull());
    expect(asked().get("region")).toBe("立科町");
    await userEvent.click(box);
    await userEvent.click(screen.getByRole("button", { name: "検索" }));
    await waitFor(() => expect(asked().get("beginners")).toBe("true"));
  });
});

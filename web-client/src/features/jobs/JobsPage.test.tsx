import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { render, screen, waitFor } from "@testing-library/react";
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
    expect(min).toHaveAccessibleDescription(/0〜100000000の範囲で入力してください。/);
    expect(screen.getByLabelText("予算の上限（円）")).not.toHaveAttribute("aria-invalid");
  });
});

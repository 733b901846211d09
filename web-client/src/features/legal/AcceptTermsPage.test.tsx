import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { render, screen } from "@testing-library/react";
import { MemoryRouter } from "react-router";
import { afterEach, beforeEach, expect, it, vi } from "vitest";
import { AcceptTermsPage } from "./AcceptTermsPage";

const fetchMock = vi.fn();
beforeEach(() => {
  fetchMock.mockReset();
  fetchMock.mockResolvedValue(
    new Response(JSON.stringify({ terms: { version: 1, publishedAt: "2026-04-01T00:00:00Z" }, privacy: { version: 1, publishedAt: "2026-04-01T00:00:00Z" } }),
      { status: 200, headers: { "Content-Type": "application/json" } }),
  );
  vi.stubGlobal("fetch", fetchMock);
});
afterEach(() => vi.unstubAllGlobals());

// An invited office worker meets the terms first at her first sign-in: the page must not tell her they changed.
it("asks for agreement without saying the documents changed, which is untrue at a first sign-in", async () => {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <QueryClientProvider client={client}>
      <MemoryRouter>
        <AcceptTermsPage />
      </MemoryRouter>
    </QueryClientProvider>,
  );
  expect(screen.getByRole("heading", { level: 1 })).toHaveTextContent("利用規約・プライバシーポリシーへの同意");
  expect(await screen.findByText(/まだ同意していない版/)).toHaveTextContent("初めてのログインか");
  expect(document.body).not.toHaveTextContent("前回のログインのあと、利用規約またはプライバシーポリシーが改定されました");
});

import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { render, screen } from "@testing-library/react";
import { MemoryRouter, Route, Routes, useLocation } from "react-router";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { Account } from "../api/client";
import { OfficeArea } from "./OfficeArea";
import { afterSignIn } from "../features/auth/twoStepRequired";

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { "Content-Type": status < 400 ? "application/json" : "application/problem+json" } });

const officeAccount: Account = {
  id: "o1", email: "office@tateshina.example", displayName: "立科町 事務局", role: "office", language: "ja",
  emailConfirmed: true, twoStepEnabled: false, mustAcceptTerms: false, termsVersion: 1, privacyVersion: 1,
};

function renderAt(path: string, element: React.ReactNode, routePath: string) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
  function Where() {
    const { pathname, search } = useLocation();
    return <p data-testid="where">{pathname + search}</p>;
  }
  return render(
    <QueryClientProvider client={client}>
      <MemoryRouter initialEntries={[path]}>
        <Routes>
          <Route path={routePath} element={element} />
          <Route path="*" element={<Where />} />
        </Routes>
      </MemoryRouter>
    </QueryClientProvider>,
  );
}

const fetchMock = vi.fn();
beforeEach(() => {
  fetchMock.mockReset();
  vi.stubGlobal("fetch", fetchMock);
});
afterEach(() => {
  vi.unstubAllGlobals();
  window.history.replaceState(null, "", "/");
});

describe("office staff without two-step sign-in", () => {
  it("are sent from the desk to the two-step page, which brings them back", async () => {
    fetchMock.mockResolvedValue(json(officeAccount));
    renderAt("/office", <OfficeArea>{() => <p>desk</p>}</OfficeArea>, "/office");
    expect(await screen.findByTestId("where")).toHaveTextContent("/two-step?next=%2Foffice");
    expect(screen.queryByText("desk")).not.toBeInTheDocument();
  });

  it("land on their desk after signing in, through two-step enrolment", () => {
    expect(afterSignIn(officeAccount, "/")).toBe("/two-step?next=%2Foffice");
    expect(afterSignIn({ ...officeAccount, twoStepEnabled: true }, "/")).toBe("/office");
    expect(afterSignIn({ ...officeAccount, twoStepEnabled: true }, "/office/figures")).toBe("/office/figures");
  });
});

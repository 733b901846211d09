import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { MemoryRouter, Route, Routes, useLocation } from "react-router";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { Account } from "../../api/client";
import { OfficeInvitationPage } from "./OfficeInvitationPage";

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

const lookedUp = {
  email: "office@tateshina.example", displayName: "立科町 事務局", programmeName: "立科町社会福祉型テレワーク", prefecture: "長野県",
  municipalities: ["立科町", "佐久市"], expiresAt: "2026-04-08T00:00:00Z",
};

const fetchMock = vi.fn();
const accepts = () =>
  fetchMock.mock.calls.map(([r]) => r as Request).filter((r) => new URL(r.url).pathname === "/api/office-invitations/accept");
beforeEach(() => {
  fetchMock.mockReset();
  vi.stubGlobal("fetch", fetchMock);
});
afterEach(() => {
  vi.unstubAllGlobals();
  window.history.replaceState(null, "", "/");
});

describe("the office invitation page", () => {
  // First: a page read once keeps its token for a second read of the same address (mailedToken.ts).
  it("says so at once when the address has no token", () => {
    window.history.replaceState(null, "", "/office-invitation");
    renderAt("/office-invitation", <OfficeInvitationPage legal={{ terms: 2, privacy: 1 }} />, "/office-invitation");
    expect(screen.getByRole("alert")).toHaveTextContent("このリンクは使えません");
    expect(screen.queryByLabelText("パスワード")).not.toBeInTheDocument();
  });
  it("takes the token from after '#', clears it from the address bar, asks for consent, sets the password and offers sign-in", async () => {
    window.history.replaceState(null, "", "/office-invitation#token=tok_EN-abc123");
    fetchMock.mockImplementation((request: Request) =>
      Promise.resolve(new URL(request.url).pathname === "/api/office-invitations/look-up" ? json(lookedUp) : json(officeAccount)));
    renderAt("/office-invitation", <OfficeInvitationPage legal={{ terms: 2, privacy: 1 }} />, "/office-invitation");
    expect(window.location.hash).toBe("");
    const user = userEvent.setup();
    await user.type(screen.getByLabelText("パスワード"), "tateshina-office-2026");
    // Consent is asked, never assumed: without the box ticked nothing is sent.
    await user.click(screen.getByRole("button", { name: "パスワードを設定する" }));
    expect(accepts()).toHaveLength(0);
    await user.click(screen.getByRole("checkbox"));
    await user.click(screen.getByRole("button", { name: "パスワードを設定する" }));
    await waitFor(() => expect(accepts()).toHaveLength(1));
    const sent = accepts()[0]!;
    expect(new URL(sent.url).pathname).toBe("/api/office-invitations/accept");
    expect(await sent.json()).toEqual({ token: "tok_EN-abc123", password: "tateshina-office-2026", acceptedTermsVersion: 2, acceptedPrivacyVersion: 1 });
    expect(await screen.findByRole("status")).toHaveTextContent("パスワードを設定しました");
    expect(screen.getByRole("link", { name: "ログイン" })).toHaveAttribute("href", "/signin?next=%2Foffice");
  });

  it("says a link used or expired while the page was open cannot be used", async () => {
    window.history.replaceState(null, "", "/office-invitation#spent-token");
    fetchMock.mockImplementation((request: Request) =>
      Promise.resolve(new URL(request.url).pathname === "/api/office-invitations/look-up"
        ? json(lookedUp)
        : json({ title: "The link is not valid.", status: 400, code: "invitationInvalid" }, 400)));
    renderAt("/office-invitation", <OfficeInvitationPage legal={{ terms: 2, privacy: 1 }} />, "/office-invitation");
    const user = userEvent.setup();
    await user.type(screen.getByLabelText("パスワード"), "tateshina-office-2026");
    await user.click(screen.getByRole("checkbox"));
    await user.click(screen.getByRole("button", { name: "パスワードを設定する" }));
    expect(await screen.findByRole("alert")).toHaveTextContent("このリンクは使えません");
  });

  it("names the programme and the address the link sets up, read without spending the link", async () => {
    window.history.replaceState(null, "", "/office-invitation#token=tok_look");
    fetchMock.mockImplementation(() => Promise.resolve(json(lookedUp)));
    renderAt("/office-invitation", <OfficeInvitationPage legal={{ terms: 2, privacy: 1 }} />, "/office-invitation");
    expect(await screen.findByText(/「立科町社会福祉型テレワーク」（長野県 立科町、佐久市）の事務局アカウントを、メールアドレス office@tateshina.example で設定します/))
      .toBeInTheDocument();
    const asked = fetchMock.mock.calls[0]![0] as Request;
    expect(new URL(asked.url).pathname).toBe("/api/office-invitations/look-up");
    expect(new URL(asked.url).search).toBe("");
    expect(await asked.json()).toEqual({ token: "tok_look" });
    expect(accepts()).toHaveLength(0);
  });

  it("says at once that a link the API no longer knows cannot be used", async () => {
    window.history.replaceState(null, "", "/office-invitation#token=tok_old");
    fetchMock.mockImplementation(() => Promise.resolve(json({ title: "The link is not valid.", status: 400, code: "invitationInvalid" }, 400)));
    renderAt("/office-invitation", <OfficeInvitationPage legal={{ terms: 2, privacy: 1 }} />, "/office-invitation");
    expect(await screen.findByRole("alert")).toHaveTextContent("このリンクは使えません");
  });
});

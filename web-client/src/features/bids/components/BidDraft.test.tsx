import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { MemoryRouter } from "react-router";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { Job } from "../../../api/client";
import { clearDrafts, keepDraftsFor } from "../../../ui/drafts";
import { BidForm } from "./BidForm";

// Issue 27: when the session expires under a form, what was typed is kept and restored after signing in again.
const job = { id: "j1", title: "日本酒ラベルのデザイン", budgetMin: 30000, budgetMax: 50000 } as Job;

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { "Content-Type": status < 400 ? "application/json" : "application/problem+json" } });

function renderForm(path = "/jobs/j1") {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
  return render(
    <QueryClientProvider client={client}>
      <MemoryRouter initialEntries={[path]}>
        <BidForm job={job} />
      </MemoryRouter>
    </QueryClientProvider>,
  );
}

async function typeBid() {
  const user = userEvent.setup();
  await user.type(screen.getByLabelText("金額（円）"), "45000");
  await user.type(screen.getByLabelText("納品までの日数"), "21");
  await user.click(screen.getByLabelText("メッセージ"));
  await user.paste("雪と稲穂のモチーフで2案ご提案します。");
  return user;
}

const fetchMock = vi.fn();
beforeEach(() => {
  fetchMock.mockReset();
  vi.stubGlobal("fetch", fetchMock);
  sessionStorage.clear();
  keepDraftsFor("w1");
});
afterEach(() => vi.unstubAllGlobals());

describe("a form's draft", () => {
  it("says the session ended with a sign-in link back to the page, and the form comes back as it was typed", async () => {
    fetchMock.mockResolvedValue(json({ title: "Unauthorized", status: 401 }, 401));
    const first = renderForm();
    const user = await typeBid();
    await user.click(screen.getByRole("button", { name: "応募する" }));
    expect(await screen.findByText(/ログインの有効期限が切れました/)).toBeInTheDocument();
    expect(screen.getByRole("link", { name: "ログインし直す" })).toHaveAttribute("href", "/signin?next=%2Fjobs%2Fj1");

    // Signing in again unmounts the page; coming back mounts the form anew.
    first.unmount();
    keepDraftsFor("w1");
    renderForm();
    expect(screen.getByLabelText("金額（円）")).toHaveValue(45000);
    expect(screen.getByLabelText("納品までの日数")).toHaveValue(21);
    expect(screen.getByLabelText("メッセージ")).toHaveValue("雪と稲穂のモチーフで2案ご提案します。");
  });

  it("is the page's own: another page's form starts empty", async () => {
    const first = renderForm("/jobs/j1");
    await typeBid();
    first.unmount();
    renderForm("/jobs/j2");
    expect(screen.getByLabelText("メッセージ")).toHaveValue("");
  });

  it("is forgotten once the form is sent", async () => {
    fetchMock.mockResolvedValue(json({ id: "b1", jobId: "j1", amount: 45000, deliveryDays: 21, message: "m", status: "pending" }, 201));
    const first = renderForm();
    const user = await typeBid();
    await user.click(screen.getByRole("button", { name: "応募する" }));
    await waitFor(() => expect(fetchMock).toHaveBeenCalled());
    await screen.findByRole("status");
    first.unmount();
    renderForm();
    expect(screen.getByLabelText("メッセージ")).toHaveValue("");
  });

  it("is forgotten on signing out, and when someone else signs in in the tab", async () => {
    let view = renderForm();
    await typeBid();
    view.unmount();
    keepDraftsFor("someone-else");
    view = renderForm();
    expect(screen.getByLabelText("メッセージ")).toHaveValue("");
    await typeBid();
    view.unmount();
    clearDrafts();
    renderForm();
    expect(screen.getByLabelText("メッセージ")).toHaveValue("");
  });
});

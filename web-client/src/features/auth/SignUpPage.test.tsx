import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { MemoryRouter } from "react-router";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { SignUpPage } from "./SignUpPage";

const fetchMock = vi.fn();
beforeEach(() => {
  fetchMock.mockReset();
  vi.stubGlobal("fetch", fetchMock);
});
afterEach(() => vi.unstubAllGlobals());

// Issue 13: signing up with an email that is taken says so (it showed the race message).
describe("the sign-up form", () => {
  it("says under the email field that the address is taken", async () => {
    fetchMock.mockResolvedValue(
      new Response(JSON.stringify({ status: 409, title: "Conflict.", detail: "An account with this email already exists.", code: "emailTaken" }), {
        status: 409,
        headers: { "Content-Type": "application/problem+json" },
      }),
    );
    const client = new QueryClient({ defaultOptions: { mutations: { retry: false } } });
    render(
      <QueryClientProvider client={client}>
        <MemoryRouter>
          <SignUpPage legal={{ terms: 1, privacy: 1 }} />
        </MemoryRouter>
      </QueryClientProvider>,
    );
    const user = userEvent.setup();
    // Pasted rather than typed key by key: the test is about the answer, and stays quick on a loaded machine.
    for (const [label, text] of [["表示名", "佐藤みさき"], ["メールアドレス", "misaki@yuzawa.example"], ["パスワード", "a long enough password"]] as const) {
      await user.click(screen.getByLabelText(label));
      await user.paste(text);
    }
    await user.click(screen.getByRole("checkbox", { name: /利用規約\s*と\s*プライバシーポリシー\s*に同意します/ }));
    await user.click(screen.getByRole("button", { name: "新規登録" }));
    const email = screen.getByLabelText("メールアドレス");
    expect(await screen.findByText(/このメールアドレスはもう登録されています/)).toBeInTheDocument();
    expect(email).toHaveAttribute("aria-invalid", "true");
    expect(email).toHaveAccessibleDescription(/このメールアドレスはもう登録されています/);
    // Focus is on the field to change, not left in the password box.
    await vi.waitFor(() => expect(email).toHaveFocus());
    expect(screen.queryByText(/ほかの人が先に変更したかもしれません/)).not.toBeInTheDocument();
    // The account type is labelled 登録の種類, not 使い方.
    expect(screen.getByRole("group", { name: "登録の種類" })).toBeInTheDocument();
  });
});

// Issue 27: consent to the terms of use and the privacy policy is asked, and the versions agreed to travel with it.
describe("consent at sign-up", () => {
  function renderForm() {
    const client = new QueryClient({ defaultOptions: { mutations: { retry: false } } });
    render(
      <QueryClientProvider client={client}>
        <MemoryRouter>
          <SignUpPage legal={{ terms: 3, privacy: 2 }} />
        </MemoryRouter>
      </QueryClientProvider>,
    );
  }

  async function fill(user: ReturnType<typeof userEvent.setup>) {
    for (const [label, text] of [["表示名", "佐藤みさき"], ["メールアドレス", "misaki@yuzawa.example"], ["パスワード", "a long enough password"]] as const) {
      await user.click(screen.getByLabelText(label));
      await user.paste(text);
    }
  }

  it("sends nothing until the box is ticked, and links both texts", async () => {
    renderForm();
    const user = userEvent.setup();
    await fill(user);
    await user.click(screen.getByRole("button", { name: "新規登録" }));
    expect(screen.getByText("登録するには、利用規約とプライバシーポリシーへの同意が必要です。")).toBeInTheDocument();
    expect(screen.getByRole("checkbox")).toHaveAttribute("aria-invalid", "true");
    expect(fetchMock).not.toHaveBeenCalled();
    expect(screen.getByRole("link", { name: "利用規約" })).toHaveAttribute("href", "/legal/terms");
    expect(screen.getByRole("link", { name: "プライバシーポリシー" })).toHaveAttribute("href", "/legal/privacy");
  });

  it("sends the versions in force once agreed", async () => {
    fetchMock.mockResolvedValue(new Response(JSON.stringify({ status: 500, title: "x" }), { status: 500, headers: { "Content-Type": "application/problem+json" } }));
    renderForm();
    const user = userEvent.setup();
    await fill(user);
    await user.click(screen.getByRole("checkbox"));
    await user.click(screen.getByRole("button", { name: "新規登録" }));
    await vi.waitFor(() => expect(fetchMock).toHaveBeenCalled());
    const body = await (fetchMock.mock.calls[0]![0] as Request).json();
    expect(body).toMatchObject({ email: "misaki@yuzawa.example", acceptedTermsVersion: 3, acceptedPrivacyVersion: 2 });
  });
});

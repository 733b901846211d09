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
          <SignUpPage />
        </MemoryRouter>
      </QueryClientProvider>,
    );
    const user = userEvent.setup();
    // Pasted rather than typed key by key: the test is about the answer, and stays quick on a loaded machine.
    for (const [label, text] of [["表示名", "佐藤みさき"], ["メールアドレス", "misaki@yuzawa.example"], ["パスワード", "a long enough password"]] as const) {
      await user.click(screen.getByLabelText(label));
      await user.paste(text);
    }
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

import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { ReactNode } from "react";
import { MemoryRouter } from "react-router";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { Account } from "../../api/client";
import { SignInPage } from "./SignInPage";
import { TwoStepPage } from "./TwoStepPage";

// jsdom has no canvas: the QR code's drawing is stood in for; what it is given is checked.
const toCanvas = vi.fn();
vi.mock("qrcode", () => ({ toCanvas: (...args: unknown[]) => toCanvas(...args) }));

function renderPage(page: ReactNode) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
  return render(
    <QueryClientProvider client={client}>
      <MemoryRouter>{page}</MemoryRouter>
    </QueryClientProvider>,
  );
}

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { "Content-Type": status < 400 ? "application/json" : "application/problem+json" } });

const account: Account = { id: "a1", email: "admin@yuzawa.example", displayName: "湯沢市 事務局", role: "administrator", language: "ja" };

const fetchMock = vi.fn();
beforeEach(() => {
  fetchMock.mockReset();
  toCanvas.mockReset();
  vi.stubGlobal("fetch", fetchMock);
});
afterEach(() => vi.unstubAllGlobals());

describe("the sign-in form", () => {
  async function signIn(code: string) {
    fetchMock.mockResolvedValue(json(account));
    renderPage(<SignInPage />);
    const user = userEvent.setup();
    await user.type(screen.getByLabelText("メールアドレス"), "admin@yuzawa.example");
    await user.type(screen.getByLabelText("パスワード"), "yuzawa-demo-2026");
    if (code) await user.type(screen.getByLabelText("確認コード（2段階認証を設定した方のみ）"), code);
    await user.click(screen.getByRole("button", { name: "ログイン" }));
    await waitFor(() => expect(fetchMock).toHaveBeenCalledTimes(1));
    const sent = fetchMock.mock.calls[0]![0] as Request;
    expect(new URL(sent.url).pathname).toBe("/api/auth/login");
    return sent.json();
  }

  it("sends no code when the field is empty", async () => {
    const body = await signIn("");
    expect(body).toEqual({ email: "admin@yuzawa.example", password: "yuzawa-demo-2026" });
    expect(body).not.toHaveProperty("code");
  });

  it("sends the code when it is filled", async () => {
    expect(await signIn("123 456")).toEqual({ email: "admin@yuzawa.example", password: "yuzawa-demo-2026", code: "123456" });
  });

  it("shows the same error for a wrong code as for a wrong password", async () => {
    fetchMock.mockResolvedValue(json({ title: "Unauthorized", status: 401 }, 401));
    renderPage(<SignInPage />);
    const user = userEvent.setup();
    await user.type(screen.getByLabelText("メールアドレス"), "admin@yuzawa.example");
    await user.type(screen.getByLabelText("パスワード"), "yuzawa-demo-2026");
    await user.type(screen.getByLabelText("確認コード（2段階認証を設定した方のみ）"), "000000");
    await user.click(screen.getByRole("button", { name: "ログイン" }));
    expect(await screen.findByText("メールアドレスかパスワードが違います。")).toBeInTheDocument();
  });
});

describe("the two-step page", () => {
  const recoveryCodes = Array.from({ length: 10 }, (_, i) => `abcd-efgh-ijkl-mnop-qrst-uv${String.fromCharCode(97 + i)}${i}`);

  it("enrols, draws the QR code, confirms and shows the recovery codes once", async () => {
    const otpauthUri = "otpauth://totp/Yuzawa%20Marketplace:admin%40yuzawa.example?secret=JBSWY3DPEHPK3PXP&issuer=Yuzawa%20Marketplace";
    fetchMock.mockResolvedValueOnce(json({ secret: "JBSWY3DPEHPK3PXP", otpauthUri })).mockResolvedValueOnce(json({ recoveryCodes }));
    renderPage(<TwoStepPage account={account} />);
    const user = userEvent.setup();
    expect(screen.getByText("管理者は、支払いの確認などの操作の前に2段階認証の設定が必要です。")).toBeInTheDocument();

    await user.click(screen.getByRole("button", { name: "設定を始める" }));
    expect(await screen.findByTestId("two-step-secret")).toHaveTextContent("JBSWY3DPEHPK3PXP");
    expect(screen.getByRole("img", { name: "認証アプリに登録するQRコード" }).tagName).toBe("CANVAS");
    await waitFor(() => expect(toCanvas).toHaveBeenCalledWith(expect.any(HTMLCanvasElement), otpauthUri, expect.anything()));
    expect(new URL((fetchMock.mock.calls[0]![0] as Request).url).pathname).toBe("/api/me/two-step");

    // Not six digits: checked before anything is sent.
    await user.type(screen.getByLabelText("認証アプリの6桁のコード"), "12345");
    await user.click(screen.getByRole("button", { name: "確認して有効にする" }));
    expect(screen.getByText("6桁の数字を入力してください。")).toBeInTheDocument();
    expect(fetchMock).toHaveBeenCalledTimes(1);

    await user.type(screen.getByLabelText("認証アプリの6桁のコード"), "6");
    await user.click(screen.getByRole("button", { name: "確認して有効にする" }));
    const list = await screen.findByTestId("recovery-codes");
    for (const code of recoveryCodes) expect(list).toHaveTextContent(code);
    const sent = fetchMock.mock.calls[1]![0] as Request;
    expect(new URL(sent.url).pathname).toBe("/api/me/two-step/confirm");
    expect(await sent.json()).toEqual({ code: "123456" });
    expect(screen.getByText(/このコードは今だけ表示されます/)).toBeInTheDocument();
    expect(screen.queryByTestId("two-step-secret")).not.toBeInTheDocument();
  });

  it("words a wrong code under the field", async () => {
    fetchMock
      .mockResolvedValueOnce(json({ secret: "JBSWY3DPEHPK3PXP", otpauthUri: "otpauth://totp/x?secret=JBSWY3DPEHPK3PXP" }))
      .mockResolvedValueOnce(
        json({ title: "The request has invalid fields.", status: 400, errors: { code: ["wrong"] }, errorCodes: { code: [{ code: "wrongCode", message: "wrong" }] } }, 400),
      );
    renderPage(<TwoStepPage account={{ ...account, role: "worker" }} />);
    const user = userEvent.setup();
    await user.click(screen.getByRole("button", { name: "設定を始める" }));
    await user.type(await screen.findByLabelText("認証アプリの6桁のコード"), "000000");
    await user.click(screen.getByRole("button", { name: "確認して有効にする" }));
    expect(await screen.findByText("コードが違うか、期限切れです。アプリにいま表示されているコードを入力してください。")).toBeInTheDocument();
    expect(screen.getByLabelText("認証アプリの6桁のコード")).toHaveAttribute("aria-invalid", "true");
  });

  it("says so when two-step sign-in is already on (409)", async () => {
    fetchMock.mockResolvedValue(json({ title: "Conflict", status: 409, detail: "Two-step sign-in is already on." }, 409));
    renderPage(<TwoStepPage account={{ ...account, role: "worker" }} />);
    await userEvent.setup().click(screen.getByRole("button", { name: "設定を始める" }));
    expect(await screen.findByText("2段階認証はすでに設定されています。")).toBeInTheDocument();
  });
});

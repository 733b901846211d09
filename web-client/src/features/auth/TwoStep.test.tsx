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

const account: Account = {
  id: "a1", email: "admin@yuzawa.example", displayName: "湯沢市 事務局", role: "administrator", language: "ja",
  emailConfirmed: true, twoStepEnabled: false, mustAcceptTerms: false, termsVersion: 1, privacyVersion: 1,
};

const fetchMock = vi.fn();
beforeEach(() => {
  fetchMock.mockReset();
  toCanvas.mockReset();
  vi.stubGlobal("fetch", fetchMock);
});
afterEach(() => vi.unstubAllGlobals());

describe("the sign-in form", () => {
  const problem = (status: number, code?: string) => json({ title: "Unauthorized", status, code }, status);

  async function fillIn() {
    const user = userEvent.setup();
    await user.type(screen.getByLabelText("メールアドレス"), "admin@yuzawa.example");
    await user.type(screen.getByLabelText("パスワード"), "yuzawa-demo-2026");
    return user;
  }

  it("asks for no code until the API says the account needs one, and sends none", async () => {
    fetchMock.mockResolvedValue(json({ ...account, twoStepEnabled: true }));
    renderPage(<SignInPage />);
    expect(screen.queryByLabelText("確認コード")).not.toBeInTheDocument();
    const user = await fillIn();
    await user.click(screen.getByRole("button", { name: "ログイン" }));
    await waitFor(() => expect(fetchMock).toHaveBeenCalledTimes(1));
    const sent = fetchMock.mock.calls[0]![0] as Request;
    expect(new URL(sent.url).pathname).toBe("/api/auth/login");
    expect(await sent.json()).toEqual({ email: "admin@yuzawa.example", password: "yuzawa-demo-2026" });
  });

  // Issue 27: the right password of an enrolled account without its code asks for the code, never "wrong password".
  it("asks for the code when the API says codeRequired, then sends it with the password", async () => {
    fetchMock.mockResolvedValueOnce(problem(401, "codeRequired")).mockResolvedValueOnce(json({ ...account, twoStepEnabled: true }));
    renderPage(<SignInPage />);
    const user = await fillIn();
    await user.click(screen.getByRole("button", { name: "ログイン" }));
    expect(await screen.findByText(/このアカウントは2段階認証を使っています/)).toBeInTheDocument();
    expect(screen.queryByText("メールアドレスかパスワードが違います。")).not.toBeInTheDocument();
    const code = screen.getByLabelText("確認コード");
    await waitFor(() => expect(code).toHaveFocus());
    await user.type(code, "123 456");
    await user.click(screen.getByRole("button", { name: "ログイン" }));
    await waitFor(() => expect(fetchMock).toHaveBeenCalledTimes(2));
    expect(await (fetchMock.mock.calls[1]![0] as Request).json()).toEqual({ email: "admin@yuzawa.example", password: "yuzawa-demo-2026", code: "123456" });
  });

  it("says a wrong code is wrong under the code field, not that the password is", async () => {
    fetchMock.mockResolvedValueOnce(problem(401, "codeRequired")).mockResolvedValueOnce(problem(401, "codeWrong"));
    renderPage(<SignInPage />);
    const user = await fillIn();
    await user.click(screen.getByRole("button", { name: "ログイン" }));
    await user.type(await screen.findByLabelText("確認コード"), "000000");
    await user.click(screen.getByRole("button", { name: "ログイン" }));
    expect(await screen.findByText(/確認コードが違うか、期限が切れています/)).toBeInTheDocument();
    expect(screen.getByLabelText("確認コード")).toHaveAttribute("aria-invalid", "true");
    expect(screen.queryByText("メールアドレスかパスワードが違います。")).not.toBeInTheDocument();
  });

  it("says a wrong password is wrong", async () => {
    fetchMock.mockResolvedValue(problem(401));
    renderPage(<SignInPage />);
    const user = await fillIn();
    await user.click(screen.getByRole("button", { name: "ログイン" }));
    expect(await screen.findByText("メールアドレスかパスワードが違います。")).toBeInTheDocument();
    expect(screen.queryByLabelText("確認コード")).not.toBeInTheDocument();
  });

  it("offers a way back in when the password is forgotten, keeping the address typed", async () => {
    renderPage(<SignInPage />);
    await fillIn();
    expect(screen.getByRole("link", { name: "パスワードを忘れた方" })).toHaveAttribute("href", "/forgot-password?email=admin%40yuzawa.example");
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
    // A phone cannot scan its own screen (a trial's office staff enrolled on one): the key opens in the app by link.
    expect(screen.getByRole("link", { name: "この端末の認証アプリで開く" })).toHaveAttribute("href", otpauthUri);
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

describe("the recovery codes", () => {
  const recoveryCodes = ["aaaa-bbbb-cccc-dddd-eeee-ffff", "gggg-hhhh-iiii-jjjj-kkkk-llll"];

  async function enrolled() {
    fetchMock.mockResolvedValueOnce(json({ secret: "JBSWY3DPEHPK3PXP", otpauthUri: "otpauth://totp/x?secret=JBSWY3DPEHPK3PXP" })).mockResolvedValueOnce(json({ recoveryCodes }));
    renderPage(<TwoStepPage account={account} />);
    const user = userEvent.setup();
    await user.click(screen.getByRole("button", { name: "設定を始める" }));
    await user.type(await screen.findByLabelText("認証アプリの6桁のコード"), "123456");
    await user.click(screen.getByRole("button", { name: "確認して有効にする" }));
    await screen.findByTestId("recovery-codes");
    return user;
  }

  it("can be copied, printed and saved as a file, and the reason for the page goes once enrolled", async () => {
    const print = vi.spyOn(window, "print").mockImplementation(() => {});
    const createObjectURL = vi.fn(() => "blob:codes");
    Object.assign(URL, { createObjectURL, revokeObjectURL: vi.fn() });
    const clicked = vi.spyOn(HTMLAnchorElement.prototype, "click").mockImplementation(() => {});
    const user = await enrolled();
    // After userEvent's set-up, which puts a clipboard of its own in place.
    const writeText = vi.fn().mockResolvedValue(undefined);
    Object.defineProperty(navigator, "clipboard", { value: { writeText }, configurable: true });
    expect(screen.queryByText("管理者は、支払いの確認などの操作の前に2段階認証の設定が必要です。")).not.toBeInTheDocument();

    await user.click(screen.getByRole("button", { name: "コピー" }));
    expect(writeText).toHaveBeenCalledWith(recoveryCodes.join("\n"));
    expect(await screen.findByText("回復コードをコピーしました。")).toBeInTheDocument();

    await user.click(screen.getByRole("button", { name: "印刷" }));
    expect(print).toHaveBeenCalled();

    await user.click(screen.getByRole("button", { name: "ファイルに保存" }));
    expect(clicked).toHaveBeenCalled();
    const blob = (createObjectURL.mock.calls[0] as unknown[])[0] as Blob;
    const text = await new Promise<string>((resolve) => {
      const reader = new FileReader();
      reader.onload = () => resolve(String(reader.result));
      reader.readAsText(blob);
    });
    for (const code of recoveryCodes) expect(text).toContain(code);
    expect(text).toContain("admin@yuzawa.example");
  });
});


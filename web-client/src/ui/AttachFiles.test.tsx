import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { ApiError } from "../api/client";
import i18n from "../i18n";
import { AttachFiles } from "./AttachFiles";
import { Problem } from "./Problem";

/** An XMLHttpRequest that answers every upload with one status and body. */
function fakeXhr(status: number, body: unknown) {
  return class {
    status = status;
    response = body;
    responseType = "";
    upload = { onprogress: null };
    onload: (() => void) | null = null;
    onerror: (() => void) | null = null;
    onabort: (() => void) | null = null;
    open() {}
    setRequestHeader() {}
    abort() {}
    send() {
      setTimeout(() => this.onload?.(), 0);
    }
  };
}

beforeEach(() => vi.stubGlobal("XMLHttpRequest", fakeXhr(413, { status: 413, title: "The file is too large.", code: "fileTooLarge", maxBytes: 104_857_600 })));
afterEach(() => {
  vi.unstubAllGlobals();
  return i18n.changeLanguage("ja");
});

// A phone cannot drag a file: the hint leads with the button every device has, and offers dropping to a computer.
describe("the hint", () => {
  it("tells to choose files first and offers drag and drop only on a computer", () => {
    render(<AttachFiles onChange={() => {}} max={5} />);
    const hint = screen.getByText(/ドラッグ＆ドロップ/);
    expect(hint.textContent).toMatch(/^「ファイルを選ぶ」から選んでください（5件まで）。/);
    expect(hint.textContent).toMatch(/パソコンでは、ここにドラッグ＆ドロップもできます。$/);
  });

  it("says the same in English", async () => {
    await i18n.changeLanguage("en");
    render(<AttachFiles onChange={() => {}} max={5} />);
    const hint = screen.getByText(/drag and drop/);
    expect(hint.textContent).toMatch(/^Press “Choose files” to add files \(up to 5\)\./);
    expect(hint.textContent).toMatch(/On a computer, you can also drag and drop them here\.$/);
  });
});

async function pick(name: string) {
  render(<AttachFiles onChange={() => {}} />);
  await userEvent.setup().upload(screen.getByLabelText("ファイルを選ぶ"), new File(["x"], name));
  return await screen.findByRole("alert");
}

// Issue 27: a refusal says why in the reader's words, and what cannot succeed is not offered again.
describe("a refused upload", () => {
  it("says the limit a file passed, and offers no upload again", async () => {
    const alert = await pick("interview.wav");
    expect(alert).toHaveTextContent("ファイルが大きすぎます。1つのファイルは 100.0 MB までです。");
    expect(screen.queryByRole("button", { name: "もう一度アップロード" })).toBeNull();
    expect(screen.getByRole("button", { name: "interview.wav を外す" })).toBeInTheDocument();
  });

  it("offers no upload again for a type that is never accepted (a Windows program)", async () => {
    vi.stubGlobal("XMLHttpRequest", fakeXhr(415, { status: 415, title: "This type of file is not accepted.", code: "fileTypeNotAllowed", detail: "The file's content is a Windows program." }));
    await pick("setup.exe");
    expect(screen.queryByRole("button", { name: "もう一度アップロード" })).toBeNull();
  });

  it("offers it again when the server failed", async () => {
    vi.stubGlobal("XMLHttpRequest", fakeXhr(503, { status: 503, title: "Unavailable." }));
    await pick("photo.png");
    expect(screen.getByRole("button", { name: "もう一度アップロード" })).toBeInTheDocument();
  });

  it("says the storage limit when the person's storage is full", () => {
    render(<Problem error={new ApiError(413, { status: 413, code: "quotaExceeded", maxBytes: 2 * 1024 * 1024 * 1024 })} />);
    expect(screen.getByRole("alert")).toHaveTextContent("保存できる容量（2.0 GB）を超えます。");
  });
});

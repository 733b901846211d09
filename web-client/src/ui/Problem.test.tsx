import { render, screen } from "@testing-library/react";
import { MemoryRouter } from "react-router";
import { afterEach, describe, expect, it } from "vitest";
import { ApiError } from "../api/client";
import i18n from "../i18n";
import { Problem } from "./Problem";

const conflict = (code?: string) => new ApiError(409, { status: 409, title: "Conflict.", detail: "The job is no longer open for bids.", code });

afterEach(() => i18n.changeLanguage("ja"));

// Issue 13: a conflict is explained from its stable code; "someone may have changed it, reload" only for a lost race.
describe("a 409 in words", () => {
  it("words each code specifically in Japanese", () => {
    render(<Problem error={conflict("bidExists")} />);
    expect(screen.getByRole("alert")).toHaveTextContent("この仕事にはもう応募しています。");
    expect(screen.getByRole("alert")).not.toHaveTextContent("ほかの人が先に変更したかもしれません");
  });

  it("words the same code in English without the API's detail", async () => {
    await i18n.changeLanguage("en");
    render(<Problem error={conflict("jobNotOpen")} />);
    expect(screen.getByRole("alert")).toHaveTextContent("This job is no longer open (it was awarded or cancelled).");
  });

  it("keeps the reload message for a lost race and for a code it does not know", () => {
    render(<Problem error={conflict("duplicate")} />);
    expect(screen.getByRole("alert")).toHaveTextContent("ほかの人が先に変更したかもしれません");
    render(<Problem error={conflict("somethingNew")} />);
    expect(screen.getAllByRole("alert")[1]).toHaveTextContent("ほかの人が先に変更したかもしれません");
  });
});

// A user trial: a new worker who had not confirmed her address filled in a bid and read only "not allowed".
describe("a 403 for an unconfirmed address", () => {
  const unconfirmed = new ApiError(403, { status: 403, title: "Forbidden.", detail: "Confirm your e-mail address to bid.", code: "emailNotConfirmed" });

  it("says to confirm the address and links to where the mail is sent again", () => {
    render(
      <MemoryRouter>
        <Problem error={unconfirmed} />
      </MemoryRouter>,
    );
    expect(screen.getByRole("alert")).toHaveTextContent("メールアドレスの確認がまだ済んでいません。");
    expect(screen.getByRole("link", { name: "確認メールを送り直す" })).toHaveAttribute("href", "/settings/email");
  });

  it("keeps another 403 as not allowed, with no such link", () => {
    render(
      <MemoryRouter>
        <Problem error={new ApiError(403, { status: 403, title: "Forbidden." })} />
      </MemoryRouter>,
    );
    expect(screen.getByRole("alert")).toHaveTextContent("この操作をする権限がありません。");
    expect(screen.queryByRole("link")).toBeNull();
  });
});

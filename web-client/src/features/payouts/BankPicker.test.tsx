import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { useState } from "react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { BankPicker } from "./components/BankPicker";

const asked: string[] = [];
beforeEach(() => {
  asked.length = 0;
  vi.stubGlobal(
    "fetch",
    vi.fn(async (input: Request) => {
      const url = new URL(input.url);
      asked.push(url.pathname + url.search);
      const body = url.pathname === "/api/banks" ? [{ code: "0119", name: "秋田", kana: "アキタ" }] : [{ code: "361", name: "湯沢", kana: "ユザワ" }];
      return new Response(JSON.stringify(body), { headers: { "Content-Type": "application/json" } });
    }),
  );
});
afterEach(() => vi.unstubAllGlobals());

function Form({ onCodes }: { onCodes: (codes: { bankCode: string; branchCode: string }) => void }) {
  const [codes, setCodes] = useState({ bankCode: "", branchCode: "" });
  return <BankPicker {...codes} onChange={(next) => (setCodes(next), onCodes(next))} />;
}

// Issue 27: a worker chooses the bank and the branch by name instead of typing their codes.
describe("the bank and branch", () => {
  it("are chosen by name, and the form gets their codes", async () => {
    const codes = vi.fn();
    render(
      <QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>
        <Form onCodes={codes} />
      </QueryClientProvider>,
    );
    const user = userEvent.setup();
    await user.type(screen.getByLabelText("金融機関"), "あきた");
    await user.click(await screen.findByRole("button", { name: /秋田\s?（0119）/ }));
    expect(codes).toHaveBeenLastCalledWith({ bankCode: "0119", branchCode: "" });
    expect(asked).toContain("/api/banks?q=%E3%81%82%E3%81%8D%E3%81%9F");
    await user.type(screen.getByLabelText("支店"), "湯沢");
    await user.click(await screen.findByRole("button", { name: /湯沢\s?（361）/ }));
    expect(codes).toHaveBeenLastCalledWith({ bankCode: "0119", branchCode: "361" });
    expect(document.querySelectorAll("output")[1]).toHaveTextContent("湯沢（361）");
  });
});

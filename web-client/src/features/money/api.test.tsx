import { File as NodeFile } from "node:buffer";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { renderHook, waitFor } from "@testing-library/react";
import type { ReactNode } from "react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { ApiError } from "../../api/client";
import { statementText, useStatementCsv } from "./api";

const fetchMock = vi.fn();
beforeEach(() => {
  fetchMock.mockReset();
  vi.stubGlobal("fetch", fetchMock);
});
afterEach(() => vi.unstubAllGlobals());

// The API as ASP.NET Core answers a refused CSV request: the problem's body only when Accept admits problem+json.
function refusing(request: Request) {
  const accept = request.headers.get("Accept") ?? "";
  const body = accept.includes("application/problem+json") || accept.includes("application/json") || accept.includes("*/*")
    ? JSON.stringify({ title: "The request has invalid fields.", status: 400, detail: "'to' must be after 'from'." })
    : null;
  return Promise.resolve(new Response(body, { status: 400, headers: body ? { "Content-Type": "application/problem+json" } : {} }));
}

describe("the statement's CSV download", () => {
  it("shows the API's reason for a refusal, not a bare status", async () => {
    fetchMock.mockImplementation(refusing);
    const client = new QueryClient({ defaultOptions: { mutations: { retry: false } } });
    const wrapper = ({ children }: { children: ReactNode }) => <QueryClientProvider client={client}>{children}</QueryClientProvider>;
    const { result } = renderHook(() => useStatementCsv(), { wrapper });
    result.current.mutate({ from: "2026-12-01T00:00:00+09:00", to: "2026-11-01T00:00:00+09:00" });
    await waitFor(() => expect(result.current.isError).toBe(true));
    const [request] = fetchMock.mock.calls.map((c) => c[0] as Request);
    expect(request?.headers.get("Accept")).toMatch(/^text\/csv/);
    expect(result.current.error).toBeInstanceOf(ApiError);
    expect((result.current.error as ApiError).detail).toBe("'to' must be after 'from'.");
  });
});

describe("a bank statement file", () => {
  // jsdom's File cannot be read; Node's is the one a browser's behaves like.
  const file = (bytes: Uint8Array, name: string) => new NodeFile([bytes], name) as unknown as File;
  // ｱｷﾀｷﾞﾝｺｳ in Shift_JIS: half-width katakana are one byte each (0xA1–0xDF).
  const shiftJis = new Uint8Array([0xb1, 0xb7, 0xc0, 0xb7, 0xde, 0xdd, 0xba, 0xb3]);

  it("is read as Shift_JIS when it is not UTF-8, as Japanese banks write it", async () => {
    expect(await statementText(file(shiftJis, "nyushukkin.txt"))).toBe("ｱｷﾀｷﾞﾝｺｳ");
  });

  it("is read as UTF-8 when it is", async () => {
    const utf8 = new TextEncoder().encode("日付,摘要,入金額\r\n2026/12/01,12345678 ユザワシュゾウ,50000\r\n");
    expect(await statementText(file(utf8, "statement.csv"))).toContain("12345678 ユザワシュゾウ");
  });
});

import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { renderHook, waitFor } from "@testing-library/react";
import type { ReactNode } from "react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { useMarkBatchPaid } from "./api";
import { payoutKeys } from "./keys";

const fetchMock = vi.fn();
beforeEach(() => {
  fetchMock.mockReset();
  vi.stubGlobal("fetch", fetchMock);
});
afterEach(() => vi.unstubAllGlobals());

describe("a change to a payout batch", () => {
  it("refreshes the batches, the batch itself and the payouts due, and not the worker's own payouts", async () => {
    fetchMock.mockResolvedValue(new Response(JSON.stringify({ id: "b1" }), { status: 200, headers: { "Content-Type": "application/json" } }));
    const client = new QueryClient({ defaultOptions: { mutations: { retry: false } } });
    for (const key of [payoutKeys.batches, payoutKeys.batch("b1"), payoutKeys.due, payoutKeys.mine]) client.setQueryData(key, {});
    const wrapper = ({ children }: { children: ReactNode }) => <QueryClientProvider client={client}>{children}</QueryClientProvider>;
    const { result } = renderHook(() => useMarkBatchPaid("b1"), { wrapper });
    result.current.mutate("2026-11-30");
    await waitFor(() => expect(result.current.isSuccess).toBe(true));
    const stale = (key: readonly unknown[]) => client.getQueryState(key)?.isInvalidated;
    expect(stale(payoutKeys.batches)).toBe(true);
    expect(stale(payoutKeys.batch("b1"))).toBe(true);
    expect(stale(payoutKeys.due)).toBe(true);
    expect(stale(payoutKeys.mine)).toBe(false);
    expect(new URL((fetchMock.mock.calls[0]![0] as Request).url).pathname).toBe("/api/admin/payout-batches/b1/paid");
  });
});

import { MutationObserver, type QueryKey } from "@tanstack/react-query";
import { adminKeys } from "../features/admin/keys";
import { bidKeys } from "../features/bids/api";
import { contractKeys } from "../features/contracts/api";
import { invoiceKeys } from "../features/invoices/api";
import { jobKeys } from "../features/jobs/api";
import { moneyKeys } from "../features/money/api";
import { notificationKeys } from "../features/notifications/api";
import { payoutKeys } from "../features/payouts/keys";
import { createQueryClient } from "./queryClient";

const statement = moneyKeys.statement({ from: "2026-11-01T00:00:00+09:00", to: "2026-12-01T00:00:00+09:00" });
// The administrators' area: its screens belong to the features they administer.
const adminArea = {
  transfers: moneyKeys.pendingTransfers, users: adminKeys.users({}), audit: adminKeys.audit, batches: payoutKeys.batches, batch: payoutKeys.batch("b1"),
  due: payoutKeys.due,
};
const cached: QueryKey[] = [
  jobKeys.one("j1"), jobKeys.list({}), contractKeys.list, notificationKeys.all, bidKeys.forJob("j1"), invoiceKeys.documents("c1"), statement,
  ...Object.values(adminArea),
];

async function afterChange(mutationKey: QueryKey) {
  const client = createQueryClient();
  for (const key of cached) client.setQueryData(key, {});
  await new MutationObserver(client, { mutationKey, mutationFn: async () => ({}) }).mutate();
  return (key: QueryKey) => client.getQueryState(key)?.isInvalidated;
}

describe("what a feature's change refreshes in other features", () => {
  it("placing a bid refreshes the jobs (their bid counts), nothing else", async () => {
    const stale = await afterChange(bidKeys.place);
    expect(stale(jobKeys.one("j1"))).toBe(true);
    expect(stale(jobKeys.list({}))).toBe(true);
    expect(stale(contractKeys.list)).toBe(false);
    expect(stale(notificationKeys.all)).toBe(false);
  });

  it("awarding a bid refreshes the jobs and the contracts", async () => {
    const stale = await afterChange(bidKeys.award);
    expect(stale(jobKeys.one("j1"))).toBe(true);
    expect(stale(contractKeys.list)).toBe(true);
    expect(stale(notificationKeys.all)).toBe(false);
  });

  it("a contract change refreshes the jobs, the notifications, the contract's documents and the statement", async () => {
    const stale = await afterChange(contractKeys.change);
    expect(stale(jobKeys.one("j1"))).toBe(true);
    expect(stale(notificationKeys.all)).toBe(true);
    // An acceptance issues the documents and moves money: the contract page's documents and the statement are read again
    // (they read "documents appear after acceptance" until a reload before).
    expect(stale(invoiceKeys.documents("c1"))).toBe(true);
    expect(stale(statement)).toBe(true);
    // The bids are not the app's to refresh here; a feature refreshes its own data in its own hooks.
    expect(stale(bidKeys.forJob("j1"))).toBe(false);
  });

  // Each change's own screen is refreshed by its feature's hook; the app refreshes the rest of the area.
  it("an administrator's confirmation of a transfer refreshes the rest of the administrators' area", async () => {
    const stale = await afterChange(moneyKeys.confirmTransfer);
    for (const key of [adminArea.users, adminArea.audit, adminArea.batches, adminArea.batch, adminArea.due]) expect(stale(key)).toBe(true);
    expect(stale(contractKeys.list)).toBe(false);
  });

  it("suspending or reinstating an account refreshes the transfers and the payouts (the payouts due mark suspended workers)", async () => {
    const stale = await afterChange(adminKeys.suspension);
    for (const key of [adminArea.transfers, adminArea.batches, adminArea.batch, adminArea.due]) expect(stale(key)).toBe(true);
    expect(stale(jobKeys.one("j1"))).toBe(false);
  });

  it("a payout batch gathered, paid or returned refreshes the transfers, the accounts and the audit trail", async () => {
    const stale = await afterChange(payoutKeys.batchChange);
    for (const key of [adminArea.transfers, adminArea.users, adminArea.audit]) expect(stale(key)).toBe(true);
    expect(stale(statement)).toBe(false);
  });
});

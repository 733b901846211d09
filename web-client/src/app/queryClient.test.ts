import { MutationObserver, type QueryKey } from "@tanstack/react-query";
import { bidKeys } from "../features/bids/api";
import { contractKeys } from "../features/contracts/api";
import { jobKeys } from "../features/jobs/api";
import { notificationKeys } from "../features/notifications/api";
import { createQueryClient } from "./queryClient";

const cached: QueryKey[] = [jobKeys.one("j1"), jobKeys.list({}), contractKeys.list, notificationKeys.all, bidKeys.forJob("j1")];

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

  it("a contract change refreshes the jobs and the notifications", async () => {
    const stale = await afterChange(contractKeys.change);
    expect(stale(jobKeys.one("j1"))).toBe(true);
    expect(stale(notificationKeys.all)).toBe(true);
    // The bids are not the app's to refresh here; a feature refreshes its own data in its own hooks.
    expect(stale(bidKeys.forJob("j1"))).toBe(false);
  });
});

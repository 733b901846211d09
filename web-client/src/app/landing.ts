import type { QueryClient } from "@tanstack/react-query";
import { meQuery } from "../features/auth/api";
import { jobQuery, jobsQuery } from "../features/jobs/api";

/**
 * The pages people open from outside the app — the job board from the home-screen icon, a job from a link shared on
 * LINE or a town's site — start loading their code and their data together with the shell. Without this the page's
 * chunk is asked for only once the session check (/api/me) has answered and the page has rendered, and the page's data
 * only once that chunk has run: three round trips one after the other, each ~150 ms on the slow 4G Lighthouse assumes.
 * The prefetched answers land in the query cache under the keys the pages ask for, so nothing is fetched twice.
 */
export function startLanding(client: QueryClient, location: Pick<Location, "pathname" | "search">) {
  // Every page waits for the session check before it shows (RequireAccount, MaybeAccount): asked for here, it no longer
  // waits for the first render to commit, which on a slow phone is a few hundred milliseconds of script.
  void client.prefetchQuery(meQuery);
  const path = location.pathname.replace(/\/+$/, "") || "/";
  if (path === "/jobs") {
    // The board as it first opens (no search words, no filters): what JobsPage asks for without a query string.
    if (!location.search) void client.prefetchInfiniteQuery(jobsQuery({ status: "open" }));
    return;
  }
  const job = /^\/jobs\/([^/]+)$/.exec(path);
  if (job && job[1] !== "new") {
    void import("./JobPage");
    void client.prefetchQuery(jobQuery(decodeURIComponent(job[1]!)));
  }
}

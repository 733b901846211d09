import { lazy, type ComponentType } from "react";

/**
 * A page loaded with its route (React.lazy): a first visit downloads the shell and the page it opens, not every page
 * of every role. `lazyPage(() => import("../features/jobs/JobsPage"), "JobsPage")` keeps the feature's named export.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- React.lazy's own bound: any props.
export function lazyPage<M extends Record<K, ComponentType<any>>, K extends keyof M & string>(load: () => Promise<M>, name: K) {
  return lazy(async () => ({ default: (await load())[name] }));
}

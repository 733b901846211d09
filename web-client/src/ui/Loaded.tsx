import type { ReactNode } from "react";
import { Pending } from "./Pending";
import { Problem } from "./Problem";

interface QueryState<T> {
  data: T | undefined;
  isError: boolean;
  error: unknown;
  refetch: () => unknown;
}

/**
 * What a page shows for a query: its content once data is there (kept when a later refresh fails), the problem
 * with a retry when the first load failed, and progress until then.
 */
export function Loaded<T>({
  query,
  children,
  pending = <Pending />,
}: {
  query: QueryState<T>;
  children: (data: T) => ReactNode;
  /** What holds the place until then, e.g. a skeleton of the content's size. */
  pending?: ReactNode;
}) {
  if (query.data !== undefined) return <>{children(query.data)}</>;
  if (query.isError) return <Problem error={query.error} onRetry={() => void query.refetch()} />;
  return <>{pending}</>;
}

import type { ReactNode } from "react";
import { useNarrow } from "./useNarrow";

/**
 * A secondary form folded on a phone until asked for (a summary to open it), so that the page's main matter is not
 * pushed below long forms nobody opened; open as it is on a wider screen.
 */
export function Folded({ summary, children }: { summary: string; children: ReactNode }) {
  const narrow = useNarrow();
  if (!narrow) return <>{children}</>;
  return (
    <details className="folded">
      <summary>{summary}</summary>
      {children}
    </details>
  );
}

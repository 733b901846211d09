import { useSyncExternalStore } from "react";

/** Phones: the same width at which styles.css folds the menu (40rem = 640 px). */
export const narrowQuery = "(max-width: 40rem)";

/** Whether the screen is phone-narrow now; follows rotation and resizing. */
export function useNarrow() {
  return useSyncExternalStore(
    (changed) => {
      if (typeof window.matchMedia !== "function") return () => {};
      const media = window.matchMedia(narrowQuery);
      media.addEventListener("change", changed);
      return () => media.removeEventListener("change", changed);
    },
    () => typeof window.matchMedia === "function" && window.matchMedia(narrowQuery).matches,
    () => false,
  );
}

import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";

/** Shows progress only when a wait passes 300 ms, so quick answers do not flash a spinner. */
export function Pending({ label, minHeight = "6rem" }: { label?: string; minHeight?: string }) {
  const { t } = useTranslation();
  const [late, setLate] = useState(false);
  useEffect(() => {
    const timer = setTimeout(() => setLate(true), 300);
    return () => clearTimeout(timer);
  }, []);
  // The box keeps its height before and after the spinner appears: nothing below it jumps.
  return (
    <div className="pending" style={{ minHeight }} role="status" aria-live="polite">
      {late && (
        <>
          <span className="spinner" aria-hidden="true" />
          <span>{label ?? t("common.loading")}</span>
        </>
      )}
    </div>
  );
}

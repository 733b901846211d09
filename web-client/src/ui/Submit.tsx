import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";

/** A submit button that says it is working while the request is out, and cannot be sent twice (nor while disabled). */
export function Submit({ busy, children, className, disabled = false }: { busy: boolean; children: ReactNode; className?: string; disabled?: boolean }) {
  const { t } = useTranslation();
  return (
    <button type="submit" className={className ?? "primary"} disabled={busy || disabled} aria-busy={busy}>
      {busy ? t("common.sending") : children}
    </button>
  );
}

import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { NavLink } from "react-router";

/**
 * The administrators' area under /admin: one menu that the payouts, users and audit screens join as they arrive
 * (one entry each below), and the page.
 */
export function AdminLayout({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <div className="admin">
      <nav aria-label={t("admin.nav")} className="no-print">
        <ul className="inline-list">
          <li>
            <NavLink to="/admin/disputes">{t("admin.disputes")}</NavLink>
          </li>
        </ul>
      </nav>
      {children}
    </div>
  );
}

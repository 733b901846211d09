import "../i18n/adminWords";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { NavLink } from "react-router";

/** The administrators' screens, in the order of an office's day: money in, people, disputes and contests to decide, money out, the record. */
export const adminSections = [
  { to: "/admin/transfers", key: "transfers" },
  { to: "/admin/users", key: "users" },
  { to: "/admin/disputes", key: "disputes" },
  { to: "/admin/contests", key: "contests" },
  { to: "/admin/tickets", key: "tickets" },
  { to: "/admin/payout-batches", key: "batches" },
  { to: "/admin/payouts-due", key: "due" },
  { to: "/admin/audit", key: "audit" },
  { to: "/admin/legal", key: "legal" },
  { to: "/admin/programmes", key: "programmes" },
] as const;

/** The administrators' area under /admin: one menu between its screens, and the page. */
export function AdminLayout({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <div className="admin">
      <nav aria-label={t("admin.nav")} className="no-print admin-nav">
        <ul className="inline-list">
          {adminSections.map((s) => (
            <li key={s.to}>
              <NavLink to={s.to}>{t(`adminArea.nav.${s.key}`)}</NavLink>
            </li>
          ))}
        </ul>
      </nav>
      {children}
    </div>
  );
}

import { useIsFetching, useIsMutating } from "@tanstack/react-query";
import { useEffect, useState, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Link, NavLink, useNavigate } from "react-router";
import type { Role } from "../api/client";
import { useMe, useSignOut } from "../features/auth/api";
import { AccountReminders } from "../features/auth/components/AccountReminders";
import { useNotifications } from "../features/notifications/api";
import { useUnreadMessages } from "../features/conversations/api";
import { changeLanguage, type Language } from "../i18n";
import { useNarrow } from "../ui/useNarrow";
import type { ja } from "../i18n/ja";
import { DocumentTitle } from "../ui/DocumentTitle";
import { PageTop } from "./PageTop";

type NavKey = `nav.${keyof typeof ja.nav}`;

const navByRole: Record<Role, { to: string; key: NavKey }[]> = {
  worker: [
    { to: "/jobs", key: "nav.jobs" },
    { to: "/contests", key: "nav.contests" },
    { to: "/saved-searches", key: "nav.savedSearches" },
    { to: "/bids", key: "nav.myBids" },
    { to: "/invitations", key: "nav.invitations" },
    { to: "/contracts", key: "nav.contracts" },
    { to: "/my-tasks", key: "nav.myTasks" },
    { to: "/teams", key: "nav.teams" },
    { to: "/profile", key: "nav.profile" },
    { to: "/statement", key: "nav.earnings" },
    { to: "/payouts", key: "nav.payouts" },
    { to: "/payment-records", key: "nav.paymentRecords" },
    { to: "/programmes", key: "nav.programme" },
  ],
  business: [
    { to: "/my-jobs", key: "nav.myJobs" },
    { to: "/jobs/new", key: "nav.postJob" },
    // Teams are found from the worker search page (its link), so that the business's menu fits one row on a laptop.
    { to: "/workers", key: "nav.findWorkers" },
    { to: "/contracts", key: "nav.contracts" },
    { to: "/producers", key: "nav.producers" },
    // The business's payment records and its own details are under 設定, so that its menu fits one row on a laptop.
    { to: "/statement", key: "nav.payments" },
  ],
  producer: [
    { to: "/pipeline", key: "nav.pipeline" },
    { to: "/producers", key: "nav.clients" },
    { to: "/jobs/new", key: "nav.postForClient" },
    { to: "/workers", key: "nav.findWorkers" },
    { to: "/teams", key: "nav.teams" },
    { to: "/contracts", key: "nav.contracts" },
    { to: "/statement", key: "nav.commissions" },
    { to: "/tax-details", key: "nav.taxDetails" },
  ],
  administrator: [
    { to: "/admin", key: "nav.admin" },
    { to: "/jobs", key: "nav.jobs" },
  ],
  office: [{ to: "/office", key: "nav.office" }],
};

/** A thin bar at the top while anything loads for longer than 300 ms. */
function Progress() {
  const busy = useIsFetching() + useIsMutating() > 0;
  const [late, setLate] = useState(false);
  useEffect(() => {
    if (!busy) return;
    const timer = setTimeout(() => setLate(true), 300);
    return () => {
      clearTimeout(timer);
      setLate(false);
    };
  }, [busy]);
  const shown = busy && late;
  return <div className={`progress ${shown ? "on" : ""}`} aria-hidden="true" />;
}

function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  return (
    <div className="language" role="group" aria-label={t("nav.language")}>
      {(["ja", "en"] as Language[]).map((lang) => (
        <button key={lang} type="button" lang={lang} aria-pressed={i18n.language === lang} onClick={() => changeLanguage(lang)}>
          {lang === "ja" ? "日本語" : "English"}
        </button>
      ))}
    </div>
  );
}

export function Shell({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const me = useMe();
  const account = me.data ?? null;
  const notifications = useNotifications(!!account);
  const signOut = useSignOut();
  const navigate = useNavigate();
  const unread = notifications.data?.unreadCount ?? 0;
  const unreadCounts = useUnreadMessages(!!account).data;
  const unreadMessages = unreadCounts?.unreadMessages ?? 0;
  // The folded menu's one count of everything unread: the notices and the messages, with a thread's notice left out since
  // its messages are counted (a trial read two messages and their notice as three).
  const unreadOnMenu = unread + unreadMessages - (unreadCounts?.messageNotices ?? 0);
  // Each part by the place it is read in: a contract's thread under Contracts, a team's under Teams.
  const unreadBy: Record<string, number> = { "/contracts": unreadCounts?.inContracts ?? 0, "/teams": unreadCounts?.inTeams ?? 0 };
  const [menuOpen, setMenuOpen] = useState(false);
  // On a phone the header is one row, the name and the menu: signed in, the language choice is in the folded menu
  // (beside them it wrapped the header onto two rows at 360 px, a fifth of the screen).
  const narrow = useNarrow();
  const languageInMenu = !!account && narrow;

  return (
    <>
      <a className="skip" href="#main">
        {t("nav.skip")}
      </a>
      <Progress />
      <PageTop />
      <DocumentTitle />
      <header className="top">
        <div className="bar">
          <Link to="/" className="brand">
            {t("app.name")}
          </Link>
          {!languageInMenu && <LanguageSwitch />}
          {account && (
            <button type="button" className="menu-toggle" aria-expanded={menuOpen} aria-controls="main-nav" onClick={() => setMenuOpen(!menuOpen)}>
              {t("nav.menu")}
              {/* On a phone the menu is folded: what is unread shows on its button. */}
              {!menuOpen && unreadOnMenu > 0 && (
                <>
                  {" "}
                  <span className="badge">{t("trust.unreadOnMenu", { count: unreadOnMenu })}</span>
                </>
              )}
            </button>
          )}
        </div>
        {account ? (
          <nav id="main-nav" aria-label={t("nav.main")} className={menuOpen ? "open" : ""} onClick={() => setMenuOpen(false)}>
            <ul>
              {languageInMenu && (
                <li>
                  <LanguageSwitch />
                </li>
              )}
              {navByRole[account.role].map((item) => (
                <li key={item.to}>
                  <NavLink to={item.to} end>
                    {t(item.key)}
                    {(unreadBy[item.to] ?? 0) > 0 && (
                      <>
                        {" "}
                        <span className="badge" aria-label={t("nav.unreadMessages", { count: unreadBy[item.to] })}>
                          {unreadBy[item.to]}
                        </span>
                      </>
                    )}
                  </NavLink>
                </li>
              ))}
              <li>
                <NavLink to="/notifications">
                  {t("nav.notifications")}{" "}
                  {unread > 0 && (
                    <span className="badge" aria-label={t("notifications.unreadBadge", { count: unread })}>
                      {unread}
                    </span>
                  )}
                </NavLink>
              </li>
              {/* Mail, two-step sign-in and API tokens are set up now and then: 設定 gathers them. */}
              <li>
                <NavLink to="/settings" end>
                  {t("nav.settings")}
                </NavLink>
              </li>
              <li>
                <NavLink to="/help">{t("nav.help")}</NavLink>
              </li>
              <li>
                <button type="button" className="link sign-out" onClick={() => signOut.mutate(undefined, { onSuccess: () => navigate("/signin") })}>
                  {t("nav.signOut", { name: account.displayName })}
                </button>
              </li>
            </ul>
          </nav>
        ) : (
          <nav aria-label={t("nav.main")}>
            <ul>
              <li>
                <NavLink to="/jobs" end>
                  {t("nav.jobs")}
                </NavLink>
              </li>
              <li>
                <NavLink to="/signin">{t("auth.signIn")}</NavLink>
              </li>
              <li>
                <NavLink to="/signup">{t("auth.signUp")}</NavLink>
              </li>
              <li>
                <NavLink to="/help">{t("nav.help")}</NavLink>
              </li>
            </ul>
          </nav>
        )}
      </header>
      <main id="main" tabIndex={-1}>
        {account && <AccountReminders account={account} />}
        {children}
      </main>
      <footer className="bottom">
        <p>{t("app.footer")}</p>
        <ul className="inline-list">
          <li>
            <Link to="/legal/terms">{t("legal.terms")}</Link>
          </li>
          <li>
            <Link to="/legal/privacy">{t("legal.privacy")}</Link>
          </li>
        </ul>
      </footer>
    </>
  );
}

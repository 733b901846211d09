import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { Account } from "../api/client";

/**
 * 設定: what a person sets up now and then (the e-mail address, mail, two-step sign-in, API tokens; a business's own details and its
 * payment records), gathered here so that the menu keeps to everyday work and fits one row on a laptop.
 */
export function SettingsPage({ account }: { account: Account }) {
  const { t } = useTranslation();
  const links = [
    { to: "/settings/email", title: t("settings.email"), hint: t("settings.emailHint") },
    { to: "/settings/password", title: t("settings.password"), hint: t("settings.passwordHint") },
    { to: "/settings/notifications", title: t("settings.mail"), hint: t("settings.mailHint") },
    { to: "/two-step", title: t("settings.twoStep"), hint: t("settings.twoStepHint") },
    { to: "/tokens", title: t("settings.tokens"), hint: t("settings.tokensHint") },
    ...(account.role === "business"
      ? [
          { to: "/business-profile", title: t("settings.businessProfile"), hint: t("settings.businessProfileHint") },
          { to: "/payment-records", title: t("settings.paymentRecords"), hint: t("settings.paymentRecordsHint") },
        ]
      : []),
  ];
  return (
    <section>
      <h1>{t("settings.title")}</h1>
      <p>{t("settings.lead")}</p>
      <ul className="cards">
        {links.map((l) => (
          <li key={l.to} className="card">
            <h2 className="h3">
              <Link to={l.to}>{l.title}</Link>
            </h2>
            <p className="hint">{l.hint}</p>
          </li>
        ))}
      </ul>
    </section>
  );
}

import "../../i18n/teamWords";
import "../../i18n/contestWords";
import { useTranslation } from "react-i18next";
import type { Account, MailDelivery } from "../../api/client";
import { Pending } from "../../ui/Pending";
import { Problem } from "../../ui/Problem";
import { useNotificationSettings, useUpdateLanguage, useUpdateNotificationSettings } from "./api";

const deliveries: MailDelivery[] = ["immediately", "daily", "never"];

/** Mail per kind of notification: at once, in the daily digest, or never; and the language mail is written in. */
export function NotificationSettingsPage({ account }: { account: Account }) {
  const { t } = useTranslation();
  const settings = useNotificationSettings();
  const update = useUpdateNotificationSettings();
  const language = useUpdateLanguage();
  if (settings.isPending) return <Pending />;
  if (settings.isError) return <Problem error={settings.error} onRetry={() => void settings.refetch()} />;
  return (
    <section>
      <h1>{t("mailSettings.title")}</h1>
      <p>{t("mailSettings.lead")}</p>
      <fieldset className="panel">
        <legend>{t("mailSettings.language")}</legend>
        {(["ja", "en"] as const).map((l) => (
          <label key={l} className="choice">
            <input
              type="radio"
              name="mail-language"
              checked={(language.variables ?? account.language ?? "ja") === l}
              onChange={() => language.mutate(l)}
            />
            {/* Each language by its own name (autonym), as language choices are shown. */}
            <span lang={l}>{t(`mailSettings.languages.${l}`)}</span>
          </label>
        ))}
        <Problem error={language.error} />
      </fieldset>
      <Problem error={update.error} />
      {settings.data.kinds.map((k) => (
        <fieldset key={k.kind} className="panel">
          <legend>{t(`notificationKind.${k.kind}`)}</legend>
          <div className="choices">
            {deliveries.map((d) => (
              <label key={d} className="choice">
                <input type="radio" name={`delivery-${k.kind}`} checked={k.delivery === d} onChange={() => update.mutate([{ kind: k.kind, delivery: d }])} />
                <span>{t(`mailSettings.delivery.${d}`)}</span>
              </label>
            ))}
          </div>
        </fieldset>
      ))}
    </section>
  );
}

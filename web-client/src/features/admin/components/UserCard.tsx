import "../../../i18n/adminWords";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { date } from "../../../ui/format";
import type { UserSummary } from "../api";
import { SuspensionForm, type SuspensionDone } from "./SuspensionForm";

export function UserCard({ user, isMe, onDone }: { user: UserSummary; isMe: boolean; onDone: (done: SuspensionDone) => void }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const suspended = user.status === "suspended";
  return (
    <article aria-labelledby={`user-${user.id}`}>
      <h2 className="h3" id={`user-${user.id}`}>
        {user.displayName}
      </h2>
      <p className="meta">
        <span className="wrap-anywhere">{user.email}</span>
        <span className="tag">{t(`roles.${user.role}`)}</span>
        <span className={suspended ? "status status-suspended" : "status"}>{t(`adminArea.users.${user.status}`)}</span>
        {suspended && user.suspendedAt && <span>{t("adminArea.users.suspendedSince", { date: date(user.suspendedAt) })}</span>}
      </p>
      {suspended && user.suspendedReason && <p className="message">{t("adminArea.users.reasonShown", { reason: user.suspendedReason })}</p>}
      {user.payoutsHeld && <p className="notice">{t("adminArea.users.payoutsHeld")}</p>}
      {isMe ? (
        <p className="hint">{t("adminArea.users.you")}</p>
      ) : open ? (
        <SuspensionForm user={user} onClose={() => setOpen(false)} onDone={onDone} />
      ) : (
        <div className="actions">
          <button type="button" className={suspended ? undefined : "secondary"} onClick={() => setOpen(true)}>
            {t(suspended ? "adminArea.users.reinstate" : "adminArea.users.suspend")}
            <span className="visually-hidden">: {user.displayName}</span>
          </button>
        </div>
      )}
    </article>
  );
}

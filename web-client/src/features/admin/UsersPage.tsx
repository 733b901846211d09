import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { limits } from "../../api/limits.gen";
import { ApiError, type Role } from "../../api/client";
import { date } from "../../ui/format";
import { Field } from "../../ui/Field";
import { LoadMore } from "../../ui/LoadMore";
import { Pending } from "../../ui/Pending";
import { Problem } from "../../ui/Problem";
import { Submit } from "../../ui/Submit";
import { apiErrorsFor, textErrors } from "../../ui/validation";
import { useSuspension, useUsers, type AccountStatus, type UserSummary } from "./api";
import type { UserFilters } from "./keys";

const roles: Role[] = ["business", "worker", "producer", "administrator"];
const statuses: AccountStatus[] = ["active", "suspended"];
/** The refusals of suspending and reinstating that the page words itself (the API's 409 codes). */
const conflictCodes = ["alreadySuspended", "notSuspended", "cannotSuspendSelf"] as const;

interface Done {
  action: "suspend" | "reinstate";
  name: string;
}

/** Accounts found by name or email, with their role and status; each can be suspended or reinstated with a reason. */
export function UsersPage({ me }: { me: string }) {
  const { t } = useTranslation();
  const [typed, setTyped] = useState<UserFilters>({});
  const [filters, setFilters] = useState<UserFilters>({});
  const users = useUsers(filters);
  // What was just done, worded at render so that switching the language rewords it too.
  const [done, setDone] = useState<Done | null>(null);
  function search(e: FormEvent) {
    e.preventDefault();
    setFilters({ ...typed, q: typed.q?.trim() || undefined });
  }
  const items = users.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <section>
      <h1>{t("adminArea.users.title")}</h1>
      <p>{t("adminArea.users.lead")}</p>
      <form role="search" onSubmit={search} className="filters user-filters">
        <label>
          {t("adminArea.users.search")}
          <input type="search" value={typed.q ?? ""} onChange={(e) => setTyped({ ...typed, q: e.target.value })} />
        </label>
        <label>
          {t("adminArea.users.role")}
          <select value={typed.role ?? ""} onChange={(e) => setTyped({ ...typed, role: (e.target.value || undefined) as Role | undefined })}>
            <option value="">{t("adminArea.users.any")}</option>
            {roles.map((r) => (
              <option key={r} value={r}>
                {t(`roles.${r}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t("adminArea.users.status")}
          <select
            value={typed.status ?? ""}
            onChange={(e) => setTyped({ ...typed, status: (e.target.value || undefined) as AccountStatus | undefined })}
          >
            <option value="">{t("adminArea.users.any")}</option>
            {statuses.map((s) => (
              <option key={s} value={s}>
                {t(`adminArea.users.${s}`)}
              </option>
            ))}
          </select>
        </label>
        <button type="submit">{t("adminArea.users.find")}</button>
      </form>
      <p role="status" className="success">
        {done && t(done.action === "suspend" ? "adminArea.users.suspendedDone" : "adminArea.users.reinstatedDone", { name: done.name })}
      </p>
      {users.isPending ? (
        <Pending />
      ) : users.isError ? (
        <Problem error={users.error} onRetry={() => void users.refetch()} />
      ) : items.length === 0 ? (
        <p>{t("adminArea.users.none")}</p>
      ) : (
        <>
          <ul className="cards">
            {items.map((u) => (
              <li key={u.id} className="card">
                <UserCard user={u} isMe={u.id === me} onDone={setDone} />
              </li>
            ))}
          </ul>
          <LoadMore hasMore={!!users.hasNextPage} loading={users.isFetchingNextPage} onMore={() => void users.fetchNextPage()} />
        </>
      )}
    </section>
  );
}

function UserCard({ user, isMe, onDone }: { user: UserSummary; isMe: boolean; onDone: (done: Done) => void }) {
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

/** Suspending or reinstating needs a reason, which the audit trail keeps; the account's card shows the result. */
function SuspensionForm({ user, onClose, onDone }: { user: UserSummary; onClose: () => void; onDone: (done: Done) => void }) {
  const { t } = useTranslation();
  const action = user.status === "suspended" ? "reinstate" : "suspend";
  const change = useSuspension(action);
  const [reason, setReason] = useState("");
  const [touched, setTouched] = useState(false);
  const limit = action === "suspend" ? limits["Admin.SuspendUser.Command"].reason : limits["Admin.ReinstateUser.Command"].reason;
  const reasonErrors = textErrors(t, reason, limit);
  function send(e: FormEvent) {
    e.preventDefault();
    setTouched(true);
    if (reasonErrors.length) return;
    change.mutate(
      { id: user.id, reason: reason.trim() },
      {
        onSuccess: () => {
          onDone({ action, name: user.displayName });
          onClose();
        },
      },
    );
  }
  const code = change.error instanceof ApiError && change.error.status === 409 ? change.error.code : undefined;
  const known = conflictCodes.find((c) => c === code);
  return (
    <form onSubmit={send} noValidate className="confirm" aria-labelledby={`${action}-${user.id}`}>
      <h3 id={`${action}-${user.id}`}>{t(action === "suspend" ? "adminArea.users.suspendTitle" : "adminArea.users.reinstateTitle", { name: user.displayName })}</h3>
      <p>{t(action === "suspend" ? "adminArea.users.suspendText" : "adminArea.users.reinstateText")}</p>
      <Field
        label={t(action === "suspend" ? "adminArea.users.suspendReason" : "adminArea.users.reinstateReason")}
        hint={t("adminArea.users.reasonHint")}
        errors={touched ? reasonErrors : []}
        apiErrors={apiErrorsFor(change.error, "reason")}
      >
        {(p) => <input {...p} value={reason} onChange={(e) => setReason(e.target.value)} />}
      </Field>
      {known ? (
        <p className="problem" role="alert">
          {t(`adminArea.users.${known}`)}
        </p>
      ) : (
        <Problem error={change.error} />
      )}
      <div className="actions">
        <Submit busy={change.isPending} className={action === "suspend" ? "secondary" : "primary"}>
          {t(action === "suspend" ? "adminArea.users.suspend" : "adminArea.users.reinstate")}
        </Submit>
        <button type="button" onClick={onClose}>
          {t("adminArea.users.cancel")}
        </button>
      </div>
    </form>
  );
}

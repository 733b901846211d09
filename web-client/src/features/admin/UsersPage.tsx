import "../../i18n/adminWords";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import type { Role } from "../../api/client";
import { LoadMore } from "../../ui/LoadMore";
import { Pending } from "../../ui/Pending";
import { Problem } from "../../ui/Problem";
import { useUsers, type AccountStatus } from "./api";
import type { UserFilters } from "./keys";
import type { SuspensionDone } from "./components/SuspensionForm";
import { UserCard } from "./components/UserCard";

const roles: Role[] = ["business", "worker", "producer", "administrator"];
const statuses: AccountStatus[] = ["active", "suspended"];

/** Accounts found by name or email, with their role and status; each can be suspended or reinstated with a reason. */
export function UsersPage({ me }: { me: string }) {
  const { t } = useTranslation();
  const [typed, setTyped] = useState<UserFilters>({});
  const [filters, setFilters] = useState<UserFilters>({});
  const users = useUsers(filters);
  // What was just done, worded at render so that switching the language rewords it too.
  const [done, setDone] = useState<SuspensionDone | null>(null);
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

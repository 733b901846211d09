import "../../i18n/adminWords";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { date } from "../../ui/format";
import { Pending } from "../../ui/Pending";
import { Problem } from "../../ui/Problem";
import { useApprove, useBadges, useMembers, useWithdraw, type MemberFilters, type MemberStatus } from "./api";

const statuses: MemberStatus[] = ["pending", "approved", "withdrawn"];

/** The office's member list: approving a request, recording a withdrawal. */
export function OfficeMembers({ programmeId, municipalities }: { programmeId: string; municipalities: string[] }) {
  const { t } = useTranslation();
  const [filters, setFilters] = useState<MemberFilters>({});
  const members = useMembers(programmeId, filters);
  const badges = useBadges();
  const approve = useApprove();
  const withdraw = useWithdraw();
  return (
    <section aria-labelledby="members-title">
      <h2 id="members-title">{t("office.members")}</h2>
      <div className="filters inline-list">
        <label>
          {t("office.filterStatus")}
          <select value={filters.status ?? ""} onChange={(e) => setFilters({ ...filters, status: (e.target.value || undefined) as MemberStatus | undefined })}>
            <option value="">{t("office.all")}</option>
            {statuses.map((s) => <option key={s} value={s}>{t(`programmes.status.${s}`)}</option>)}
          </select>
        </label>
        <label>
          {t("office.filterMunicipality")}
          <select value={filters.municipality ?? ""} onChange={(e) => setFilters({ ...filters, municipality: e.target.value || undefined })}>
            <option value="">{t("office.all")}</option>
            {municipalities.map((m) => <option key={m} value={m}>{m}</option>)}
          </select>
        </label>
        <label>
          {t("office.filterBadge")}
          {/* The list filters by a badge's exact name: a choice among the programme's own badges, not a guess typed. */}
          <select value={filters.badge ?? ""} onChange={(e) => setFilters({ ...filters, badge: e.target.value || undefined })}>
            <option value="">{t("office.all")}</option>
            {(badges.data ?? []).filter((b) => b.programmeId === programmeId).map((b) => <option key={b.id} value={b.name}>{b.name}</option>)}
          </select>
        </label>
      </div>
      {(approve.isError || withdraw.isError) && <Problem error={approve.error ?? withdraw.error} />}
      {members.isPending ? (
        <Pending />
      ) : members.isError ? (
        <Problem error={members.error} />
      ) : members.data.length === 0 ? (
        <p>{t("office.noMembers")}</p>
      ) : (
        <div className="table-scroll" role="region" aria-label={t("office.membersTable")} tabIndex={0}>
        <table className="sheet-table wide-table">
          <thead>
            <tr>
              <th scope="col">{t("office.name")}</th>
              <th scope="col">{t("office.filterMunicipality")}</th>
              <th scope="col">{t("office.filterStatus")}</th>
              <th scope="col">{t("office.requestedAt")}</th>
              <th scope="col">{t("office.filterBadge")}</th>
              <th scope="col"><span className="visually-hidden">{t("office.approve")}</span></th>
            </tr>
          </thead>
          <tbody>
            {members.data.map((m) => (
              <tr key={m.id}>
                <td>{m.workerName}{m.verified && <> <span className="badge">{t("programmes.verified")}</span></>}</td>
                <td>{m.municipality}</td>
                <td>{t(`programmes.status.${m.status}`)}{m.withdrawalReason && `（${t(`programmes.reasons.${m.withdrawalReason}`)}）`}</td>
                <td>{date(m.requestedAt)}</td>
                <td>{m.badges?.join("、")}</td>
                <td>
                  {m.status === "pending" && (
                    <button type="button" onClick={() => approve.mutate(m.id)} disabled={approve.isPending}>{t("office.approve")}</button>
                  )}
                  {m.status === "approved" && (
                    <button type="button" onClick={() => withdraw.mutate({ memberId: m.id, reason: "other" })} disabled={withdraw.isPending}>
                      {t("office.recordWithdrawal")}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        </div>
      )}
    </section>
  );
}

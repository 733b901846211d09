import "../../i18n/adminWords";
import { useId, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { limits } from "../../api/limits.gen";
import { Field } from "../../ui/Field";
import { date } from "../../ui/format";
import { Pending } from "../../ui/Pending";
import { Problem } from "../../ui/Problem";
import { Submit } from "../../ui/Submit";
import { useFocusFirstError } from "../../ui/useFocusFirstError";
import { useNarrow } from "../../ui/useNarrow";
import { apiErrorsFor, textErrors } from "../../ui/validation";
import {
  useApprove, useBadges, useMembers, useWithdraw, withdrawalReasons, type Member, type MemberFilters, type MemberStatus, type WithdrawalReason,
} from "./api";

const statuses: MemberStatus[] = ["pending", "approved", "withdrawn"];

/** What was just done to whom, worded at render so that switching the language rewords it too. */
type Done = { kind: "approved"; name: string } | { kind: "withdrawn"; name: string; reason: WithdrawalReason };

/** The office's member list: approving a request, recording a withdrawal with the reason towns report. */
export function OfficeMembers({ programmeId, municipalities }: { programmeId: string; municipalities: string[] }) {
  const { t } = useTranslation();
  const [filters, setFilters] = useState<MemberFilters>({});
  const members = useMembers(programmeId, filters);
  const badges = useBadges();
  const approve = useApprove();
  const narrow = useNarrow();
  const [withdrawing, setWithdrawing] = useState<Member | null>(null);
  const [done, setDone] = useState<Done | null>(null);

  const actions = (m: Member) => (
    <>
      {m.status === "pending" && (
        <button
          type="button"
          aria-label={t("office.approveMember", { name: m.workerName })}
          disabled={approve.isPending}
          onClick={() => {
            setDone(null);
            approve.mutate(m.id, { onSuccess: () => setDone({ kind: "approved", name: m.workerName }) });
          }}
        >
          {t("office.approve")}
        </button>
      )}
      {m.status === "approved" && (
        <button
          type="button"
          aria-label={t("office.recordWithdrawalOf", { name: m.workerName })}
          aria-expanded={withdrawing?.id === m.id}
          onClick={() => {
            setDone(null);
            setWithdrawing(m);
          }}
        >
          {t("office.recordWithdrawal")}
        </button>
      )}
    </>
  );
  // Ending a membership is for good and counts in the reasons the town reports: it is asked, with the reason, first.
  // On a phone the question opens in the member's card, where the finger is.
  const confirmation = withdrawing && (
    <WithdrawalForm
      key={withdrawing.id}
      member={withdrawing}
      onClose={() => setWithdrawing(null)}
      onDone={(reason) => {
        setWithdrawing(null);
        setDone({ kind: "withdrawn", name: withdrawing.workerName, reason });
      }}
    />
  );

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
      <p role="status" className="success">
        {done?.kind === "approved" && t("office.approvedDone", { name: done.name })}
        {done?.kind === "withdrawn" && t("office.withdrawnDone", { name: done.name, reason: t(`programmes.reasons.${done.reason}`) })}
      </p>
      {!narrow && <Problem error={approve.error} />}
      {members.isPending ? (
        <Pending />
      ) : members.isError ? (
        <Problem error={members.error} />
      ) : members.data.length === 0 ? (
        <p>{t("office.noMembers")}</p>
      ) : narrow ? (
        // Phones: one card per member, its name beside its buttons (the table's buttons were off-screen, its names once scrolled).
        <ul className="cards member-cards">
          {members.data.map((m) => (
            <li key={m.id} className="card">
              <h3 className="h3">
                {m.workerName}
                {m.verified && <> <span className="tag">{t("programmes.verified")}</span></>}
              </h3>
              <dl className="facts">
                <dt>{t("office.filterMunicipality")}</dt>
                <dd>{m.municipality}</dd>
                <dt>{t("office.filterStatus")}</dt>
                <dd><MemberStatusText member={m} /></dd>
                <dt>{t("office.requestedAt")}</dt>
                <dd>{date(m.requestedAt)}</dd>
                {m.badges.length > 0 && (
                  <>
                    <dt>{t("office.filterBadge")}</dt>
                    <dd>{m.badges.join(t("office.listSeparator"))}</dd>
                  </>
                )}
              </dl>
              {approve.variables === m.id && <Problem error={approve.error} />}
              {withdrawing?.id === m.id ? confirmation : <div className="actions">{actions(m)}</div>}
            </li>
          ))}
        </ul>
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
                  <td><MemberStatusText member={m} /></td>
                  <td>{date(m.requestedAt)}</td>
                  <td>{m.badges.join(t("office.listSeparator"))}</td>
                  <td>{actions(m)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {/* The table's cells do not wrap (it scrolls sideways): the question stands under it, naming the member. */}
      {!narrow && confirmation}
    </section>
  );
}

function MemberStatusText({ member }: { member: Member }) {
  const { t } = useTranslation();
  const status = t(`programmes.status.${member.status}`);
  return member.withdrawalReason ? t("office.statusWithReason", { status, reason: t(`programmes.reasons.${member.withdrawalReason}`) }) : status;
}

/** The question before a withdrawal is recorded: the reason (none chosen for the office), an optional note, then send or cancel. */
function WithdrawalForm({ member, onClose, onDone }: { member: Member; onClose: () => void; onDone: (reason: WithdrawalReason) => void }) {
  const { t } = useTranslation();
  const withdraw = useWithdraw();
  const id = useId();
  const [reason, setReason] = useState<WithdrawalReason | "">("");
  const [note, setNote] = useState("");
  const [attempts, setAttempts] = useState(0);
  const reasonErrors = reason ? [] : [t("office.chooseReason")];
  const noteErrors = textErrors(t, note, limits["Programmes.WithdrawMember.Command"].note);
  const form = useFocusFirstError(attempts, withdraw.error);
  function send(e: FormEvent) {
    e.preventDefault();
    if (!reason || noteErrors.length) {
      setAttempts((n) => n + 1);
      return;
    }
    withdraw.mutate({ memberId: member.id, reason, note: note.trim() || undefined }, { onSuccess: () => onDone(reason) });
  }
  return (
    <div
      className="confirm"
      role="alertdialog"
      aria-modal="false"
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-text`}
      onKeyDown={(e) => e.key === "Escape" && onClose()}
    >
      <h3 id={`${id}-title`}>{t("office.withdrawalTitle", { name: member.workerName })}</h3>
      <p id={`${id}-text`}>{t("office.withdrawalText")}</p>
      <form ref={form} onSubmit={send} noValidate className="form">
        <Field label={t("programmes.reason")} errors={attempts > 0 ? reasonErrors : []} apiErrors={apiErrorsFor(withdraw.error, "reason")}>
          {(p) => (
            // The question just opened at the tap: its first answer is where the finger (and a screen reader) goes next.
            <select {...p} autoFocus required value={reason} onChange={(e) => setReason(e.target.value as WithdrawalReason | "")}>
              <option value="">{t("programmes.choose")}</option>
              {withdrawalReasons.map((r) => (
                <option key={r} value={r}>{t(`programmes.reasons.${r}`)}</option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t("programmes.note")} errors={noteErrors} apiErrors={apiErrorsFor(withdraw.error, "note")}>
          {(p) => <input {...p} value={note} onChange={(e) => setNote(e.target.value)} />}
        </Field>
        <Problem error={withdraw.error} />
        <div className="actions">
          <Submit busy={withdraw.isPending}>{t("office.confirmWithdrawal")}</Submit>
          <button type="button" onClick={onClose}>{t("common.cancel")}</button>
        </div>
      </form>
    </div>
  );
}

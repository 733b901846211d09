import { useEffect, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { useLocation } from "react-router";
import { Field } from "../../ui/Field";
import { date, dateTime } from "../../ui/format";
import { Pending } from "../../ui/Pending";
import { Problem } from "../../ui/Problem";
import { Submit } from "../../ui/Submit";
import { uploadFile } from "../../ui/upload";
import { useFocusFirstError } from "../../ui/useFocusFirstError";
import { apiErrorsFor } from "../../ui/validation";
import {
  documentTypes, useAskIdentityCheck, useCourses, useEnrol, useIdentityChecks, useJoin, useNotices, useProgrammes, useWithdraw,
  withdrawalReasons, type DocumentType, type Programme, type WithdrawalReason,
} from "./api";

/** A worker's programmes (issue 29): joining, the identity check, notices, courses; usable at 360 px. */
export function ProgrammesPage() {
  const { t } = useTranslation();
  const programmes = useProgrammes();
  return (
    <section>
      <h1>{t("programmes.title")}</h1>
      <p>{t("programmes.lead")}</p>
      <IdentityCheckPanel />
      {programmes.isPending ? (
        <Pending />
      ) : programmes.isError ? (
        <Problem error={programmes.error} onRetry={() => void programmes.refetch()} />
      ) : programmes.data.length === 0 ? (
        <p>{t("programmes.none")}</p>
      ) : (
        programmes.data.map((p) => <ProgrammeCard key={p.id} programme={p} />)
      )}
    </section>
  );
}

function ProgrammeCard({ programme }: { programme: Programme }) {
  const { t } = useTranslation();
  const membership = programme.membership;
  const live = membership && membership.status !== "withdrawn";
  const registered = membership?.status === "approved";
  return (
    <article className="card" aria-labelledby={`programme-${programme.id}`}>
      <h2 id={`programme-${programme.id}`} className="h3">{programme.name}</h2>
      {membership && (
        <p className="meta">
          {live
            ? t("programmes.statusIn", { status: t(`programmes.status.${membership.status}`), municipality: membership.municipality })
            : t(`programmes.status.${membership.status}`)}
        </p>
      )}
      {!live && <JoinForm programme={programme} />}
      {live && <WithdrawForm memberId={membership.id} pending={membership.status === "pending"} />}
      {registered && <Notices programmeId={programme.id} />}
      {registered && <Courses programmeId={programme.id} />}
    </article>
  );
}

function JoinForm({ programme }: { programme: Programme }) {
  const { t } = useTranslation();
  const join = useJoin();
  // No town is chosen for the person: a preselected first town was sent unread by those who live in another.
  const [municipality, setMunicipality] = useState("");
  const [touched, setTouched] = useState(false);
  const errors = municipality ? [] : [t("programmes.chooseMunicipality")];
  function submit(e: FormEvent) {
    e.preventDefault();
    setTouched(true);
    if (errors.length) return;
    join.mutate({ id: programme.id, municipality });
  }
  return (
    <form onSubmit={submit} className="form" noValidate>
      <Field label={t("programmes.municipality")} errors={touched ? errors : []}>
        {(p) => (
          <select {...p} value={municipality} required onChange={(e) => setMunicipality(e.target.value)}>
            <option value="">{t("programmes.choose")}</option>
            {programme.municipalities.map((m) => (
              <option key={m} value={m}>{m}</option>
            ))}
          </select>
        )}
      </Field>
      {join.isError && <Problem error={join.error} />}
      <Submit busy={join.isPending}>{t("programmes.join")}</Submit>
    </form>
  );
}

/** Withdrawing; for a request not yet approved, the same route cancels the request, and says so. */
function WithdrawForm({ memberId, pending }: { memberId: string; pending: boolean }) {
  const { t } = useTranslation();
  const withdraw = useWithdraw();
  // No reason chosen for the worker: a preset 多忙 went into the reasons the town reports unread. A request not yet
  // approved is no withdrawal in those figures, so cancelling one asks no reason.
  const [reason, setReason] = useState<WithdrawalReason | "">("");
  const [note, setNote] = useState("");
  const [tried, setTried] = useState(false);
  return (
    <details>
      <summary>{t(pending ? "programmes.cancelRequest" : "programmes.withdraw")}</summary>
      <form
        className="form"
        onSubmit={(e) => {
          e.preventDefault();
          setTried(true);
          if (!pending && !reason) return;
          withdraw.mutate({ memberId, reason: reason || "other", note: note.trim() || undefined });
        }}
        noValidate
      >
        {!pending && (
          <Field label={t("programmes.reason")} errors={tried && !reason ? [t("programmes.chooseReason")] : []}>
            {(p) => (
              <select {...p} required value={reason} onChange={(e) => setReason(e.target.value as WithdrawalReason | "")}>
                <option value="">{t("programmes.choose")}</option>
                {withdrawalReasons.map((r) => (
                  <option key={r} value={r}>{t(`programmes.reasons.${r}`)}</option>
                ))}
              </select>
            )}
          </Field>
        )}
        <label>
          {t("programmes.note")}
          <input value={note} maxLength={500} onChange={(e) => setNote(e.target.value)} />
        </label>
        {withdraw.isError && <Problem error={withdraw.error} />}
        <Submit busy={withdraw.isPending}>{t(pending ? "programmes.cancelRequest" : "programmes.withdraw")}</Submit>
      </form>
    </details>
  );
}

function Notices({ programmeId }: { programmeId: string }) {
  const { t } = useTranslation();
  const notices = useNotices(programmeId);
  // A notice's notification and mail open /programmes#notice-{id}: the card comes after its list loads, so the page
  // brings it into view then (the browser looked for it before it was there).
  const { hash } = useLocation();
  useEffect(() => {
    if (hash.startsWith("#notice-") && notices.data) document.getElementById(hash.slice(1))?.scrollIntoView?.({ block: "start" });
  }, [hash, notices.data]);
  return (
    <section>
      <h3>{t("programmes.notices")}</h3>
      {notices.isPending ? (
        <Pending minHeight="2rem" />
      ) : notices.isError ? (
        <Problem error={notices.error} />
      ) : notices.data.length === 0 ? (
        <p>{t("programmes.noNotices")}</p>
      ) : (
        <ul className="cards">
          {notices.data.map((n) => (
            <li key={n.id} id={`notice-${n.id}`} className="card">
              <h4 data-user-content>{n.title}</h4>
              <p className="meta">
                <time dateTime={n.postedAt}>{dateTime(n.postedAt)}</time> <span>{n.postedByName}</span>
              </p>
              {/* The office's lines as written (white-space: pre-wrap): a trial saw three lines run into one. */}
              <p className="message" data-user-content>{n.body}</p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function Courses({ programmeId }: { programmeId: string }) {
  const { t } = useTranslation();
  const courses = useCourses(programmeId);
  const enrol = useEnrol();
  return (
    <section>
      <h3>{t("programmes.courses")}</h3>
      {enrol.isError && <Problem error={enrol.error} />}
      {courses.isPending ? (
        <Pending minHeight="2rem" />
      ) : courses.isError ? (
        <Problem error={courses.error} />
      ) : courses.data.length === 0 ? (
        <p>{t("programmes.noCourses")}</p>
      ) : (
        <ul className="cards">
          {courses.data.map((c) => (
            <li key={c.id} className="card">
              <h4>{c.title}</h4>
              <p className="meta">
                <span>{t("programmes.dates", { from: date(c.startsOn), to: date(c.endsOn) })}</span> <span>{t("programmes.places", { capacity: c.capacity, enrolled: c.enrolled })}</span>
              </p>
              <p>{c.skills}</p>
              <p>{t("programmes.badge", { name: c.badgeName })}</p>
              {c.myCompletion ? (
                <p><strong>{t("programmes.completed")}</strong></p>
              ) : c.myEnrolment ? (
                <p>{t("programmes.enrolled")}</p>
              ) : (
                <button type="button" disabled={enrol.isPending} onClick={() => enrol.mutate(c.id)}>{t("programmes.enrol")}</button>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function IdentityCheckPanel() {
  const { t } = useTranslation();
  const checks = useIdentityChecks();
  const ask = useAskIdentityCheck();
  const [documentType, setDocumentType] = useState<DocumentType>("driversLicence");
  const [file, setFile] = useState<File | null>(null);
  const [uploading, setUploading] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const latest = checks.data?.[0];
  const [attempts, setAttempts] = useState(0);
  const formRef = useFocusFirstError(attempts, error);
  // Nothing is sent without the image: a trial's tap with none chosen did nothing and said nothing.
  const fileErrors = file ? [] : [t("programmes.chooseImage")];
  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!file) {
      setAttempts((n) => n + 1);
      return;
    }
    setError(null);
    setUploading(true);
    try {
      const stored = await uploadFile(file, () => {}).promise;
      await ask.mutateAsync({ fileId: stored.id, documentType });
    } catch (err) {
      setError(err);
    } finally {
      setUploading(false);
    }
  }
  return (
    <section className="panel" aria-labelledby="identity-title">
      <h2 id="identity-title" className="h3">{t("programmes.identity")}</h2>
      {latest && <p><strong>{t(`programmes.checkStatus.${latest.status}`)}</strong></p>}
      {latest?.status !== "verified" && latest?.status !== "pending" && (
        <form ref={formRef} onSubmit={(e) => void submit(e)} className="form" noValidate>
          <p>{t("programmes.identityLead")}</p>
          <Field label={t("programmes.documentType")} apiErrors={apiErrorsFor(error, "documentType")}>
            {(p) => (
              <select {...p} value={documentType} onChange={(e) => setDocumentType(e.target.value as DocumentType)}>
                {documentTypes.map((d) => (
                  <option key={d} value={d}>{t(`programmes.documentTypes.${d}`)}</option>
                ))}
              </select>
            )}
          </Field>
          <Field label={t("programmes.image")} errors={attempts > 0 ? fileErrors : []} apiErrors={apiErrorsFor(error, "fileId")}>
            {(p) => <input {...p} type="file" accept="image/jpeg,image/png,application/pdf" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />}
          </Field>
          {error !== null && <Problem error={error} />}
          <Submit busy={uploading}>{t("programmes.askCheck")}</Submit>
        </form>
      )}
    </section>
  );
}

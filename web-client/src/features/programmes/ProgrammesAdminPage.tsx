import "../../i18n/adminWords";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { limits } from "../../api/limits.gen";
import { date } from "../../ui/format";
import { Field } from "../../ui/Field";
import { Loaded } from "../../ui/Loaded";
import { Problem } from "../../ui/Problem";
import { Submit } from "../../ui/Submit";
import { apiErrorsFor, textErrors } from "../../ui/validation";
import {
  useCreateProgramme, useInviteOfficeStaff, useOfficeStaff, useProgrammes, useResendOfficeInvitation, type Invitation, type OfficeStaff, type Programme,
} from "./api";

const programmeLimits = limits["Programmes.CreateProgramme.Command"];
const invitationLimits = limits["Programmes.InviteOfficeStaff.Command"];

/** Municipalities as the administrator types them: one a line, or separated by commas (、 or ,). */
const municipalitiesOf = (text: string) => text.split(/[\n,、，]/).map((m) => m.trim()).filter(Boolean);

/**
 * The administrators' screen of programmes (issue 29): the towns' programmes, setting one up, its office staff (who
 * accepted the invitation, who has not) and inviting them. An invitation's link goes to the person by mail; this page
 * only says that it was sent and until when it works, and sends a pending person a new one (a lost or expired link).
 */
export function ProgrammesAdminPage() {
  const { t } = useTranslation();
  const programmes = useProgrammes();
  return (
    <section>
      <h1>{t("adminArea.programmes.title")}</h1>
      <p>{t("adminArea.programmes.intro")}</p>
      <Loaded query={programmes}>
        {(list) =>
          list.length === 0 ? (
            <p>{t("adminArea.programmes.none")}</p>
          ) : (
            <ul className="cards">
              {list.map((p) => <ProgrammeCard key={p.id} programme={p} />)}
            </ul>
          )
        }
      </Loaded>
      <CreateForm />
    </section>
  );
}

function ProgrammeCard({ programme }: { programme: Programme }) {
  const { t } = useTranslation();
  return (
    <li className="panel">
      <h2>{programme.name}</h2>
      <p className="meta">
        {t("adminArea.programmes.serves", { prefecture: programme.prefecture, municipalities: programme.municipalities.join(t("office.listSeparator")) })}
        {" · "}
        {t("adminArea.programmes.since", { date: date(programme.createdAt) })}
      </p>
      <StaffList programme={programme} />
      <InviteForm programme={programme} />
    </li>
  );
}

function StaffList({ programme }: { programme: Programme }) {
  const { t } = useTranslation();
  const staff = useOfficeStaff(programme.id);
  const resend = useResendOfficeInvitation();
  const [resent, setResent] = useState<Invitation | null>(null);
  return (
    <section aria-label={`${t("adminArea.programmes.staff")}：${programme.name}`}>
      <h3>{t("adminArea.programmes.staff")}</h3>
      {resent && (
        <p className="success" role="status">
          {t("adminArea.programmes.resent", { email: resent.email, date: date(resent.expiresAt) })}
        </p>
      )}
      <Problem error={resend.error} />
      <Loaded query={staff}>
        {(list) =>
          list.length === 0 ? (
            <p>{t("adminArea.programmes.staffNone")}</p>
          ) : (
            <ul className="list">
              {list.map((person) => (
                <StaffRow key={person.userId} person={person} busy={resend.isPending}
                  onResend={() => resend.mutate({ id: programme.id, userId: person.userId }, { onSuccess: setResent })} />
              ))}
            </ul>
          )
        }
      </Loaded>
    </section>
  );
}

function StaffRow({ person, busy, onResend }: { person: OfficeStaff; busy: boolean; onResend: () => void }) {
  const { t } = useTranslation();
  const expired = !person.acceptedAt && (!person.invitationExpiresAt || new Date(person.invitationExpiresAt) <= new Date());
  return (
    <li>
      <strong>{person.displayName}</strong> {person.email}
      <p className="meta">
        {t("adminArea.programmes.staffInvitedAt", { date: date(person.invitedAt) })}
        {" · "}
        {person.acceptedAt
          ? t("adminArea.programmes.staffAccepted", { date: date(person.acceptedAt) })
          : expired
            ? t("adminArea.programmes.staffExpired")
            : t("adminArea.programmes.staffPending", { date: date(person.invitationExpiresAt!) })}
        {" · "}
        {person.twoStepEnabled ? t("adminArea.programmes.staffTwoStepOn") : t("adminArea.programmes.staffTwoStepOff")}
      </p>
      {!person.acceptedAt && (
        <button type="button" onClick={onResend} disabled={busy} aria-label={t("adminArea.programmes.resendFor", { name: person.displayName })}>
          {t("adminArea.programmes.resend")}
        </button>
      )}
    </li>
  );
}

function CreateForm() {
  const { t } = useTranslation();
  const create = useCreateProgramme();
  const [form, setForm] = useState({ name: "", prefecture: "", municipalities: "" });
  const [touched, setTouched] = useState(false);
  const [created, setCreated] = useState<string | null>(null);
  const municipalities = municipalitiesOf(form.municipalities);
  const errors = {
    name: textErrors(t, form.name, programmeLimits.name),
    prefecture: textErrors(t, form.prefecture, programmeLimits.prefecture),
    municipalities:
      municipalities.length === 0
        ? [t("adminArea.programmes.municipalitiesRequired")]
        : municipalities.flatMap((m) => textErrors(t, m, programmeLimits.municipalities.items)),
  };

  function submit(e: FormEvent) {
    e.preventDefault();
    setTouched(true);
    if (Object.values(errors).some((x) => x.length)) return;
    create.mutate(
      { name: form.name.trim(), prefecture: form.prefecture.trim(), municipalities },
      {
        onSuccess: (p) => {
          setCreated(p.name);
          setForm({ name: "", prefecture: "", municipalities: "" });
          setTouched(false);
        },
      },
    );
  }

  return (
    <section aria-labelledby="create-programme">
      <h2 id="create-programme">{t("adminArea.programmes.create")}</h2>
      {created && (
        <p className="success" role="status">
          {t("adminArea.programmes.created", { name: created })}
        </p>
      )}
      <form onSubmit={submit} noValidate className="form">
        <Field label={t("adminArea.programmes.name")} errors={touched ? errors.name : []} apiErrors={apiErrorsFor(create.error, "name")}>
          {(p) => <input {...p} value={form.name} onChange={(e) => setForm({ ...form, name: e.target.value })} />}
        </Field>
        <Field label={t("adminArea.programmes.prefecture")} hint={t("adminArea.programmes.prefectureHint")} errors={touched ? errors.prefecture : []}
          apiErrors={apiErrorsFor(create.error, "prefecture")}>
          {(p) => <input {...p} value={form.prefecture} onChange={(e) => setForm({ ...form, prefecture: e.target.value })} />}
        </Field>
        <Field label={t("adminArea.programmes.municipalities")} hint={t("adminArea.programmes.municipalitiesHint")}
          errors={touched ? errors.municipalities : []} apiErrors={apiErrorsFor(create.error, "municipalities")}>
          {(p) => <textarea {...p} rows={3} value={form.municipalities} onChange={(e) => setForm({ ...form, municipalities: e.target.value })} />}
        </Field>
        <Problem error={create.error} />
        <Submit busy={create.isPending}>{t("adminArea.programmes.createButton")}</Submit>
      </form>
    </section>
  );
}

function InviteForm({ programme }: { programme: Programme }) {
  const { t } = useTranslation();
  const invite = useInviteOfficeStaff();
  const [form, setForm] = useState({ email: "", displayName: "" });
  const [touched, setTouched] = useState(false);
  const [sent, setSent] = useState<Invitation | null>(null);
  const errors = {
    email: !/^[^@\s]+@[^@\s]+$/.test(form.email) ? [t("validation.email")] : textErrors(t, form.email, invitationLimits.email),
    displayName: textErrors(t, form.displayName, invitationLimits.displayName),
  };

  function submit(e: FormEvent) {
    e.preventDefault();
    setTouched(true);
    if (errors.email.length || errors.displayName.length) return;
    invite.mutate(
      { id: programme.id, email: form.email.trim(), displayName: form.displayName.trim() },
      {
        onSuccess: (invitation) => {
          setSent(invitation);
          setForm({ email: "", displayName: "" });
          setTouched(false);
        },
      },
    );
  }

  return (
    <form onSubmit={submit} noValidate className="form" aria-label={t("adminArea.programmes.inviteFor", { name: programme.name })}>
      <h3>{t("adminArea.programmes.invite")}</h3>
      {sent && (
        <p className="success" role="status">
          {t("adminArea.programmes.invited", { email: sent.email, date: date(sent.expiresAt) })}
        </p>
      )}
      <Field label={t("adminArea.programmes.staffName")} errors={touched ? errors.displayName : []} apiErrors={apiErrorsFor(invite.error, "displayName")}>
        {(p) => <input {...p} autoComplete="off" value={form.displayName} onChange={(e) => setForm({ ...form, displayName: e.target.value })} />}
      </Field>
      <Field label={t("adminArea.programmes.staffEmail")} errors={touched ? errors.email : []} apiErrors={apiErrorsFor(invite.error, "email")}>
        {(p) => <input {...p} type="email" autoComplete="off" value={form.email} onChange={(e) => setForm({ ...form, email: e.target.value })} />}
      </Field>
      <Problem error={invite.error} />
      <Submit busy={invite.isPending}>{t("adminArea.programmes.inviteButton")}</Submit>
    </form>
  );
}
